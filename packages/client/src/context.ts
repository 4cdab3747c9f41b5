// What every resource module shares: the typed openapi-fetch client and the two ways a call ends (one
// object, or a paged list), with the API's errors turned into RapportApiError.
import type { Client } from 'openapi-fetch'
import { isErrorBody, RapportApiError } from './errors.js'
import { MAX_PAGE_SIZE, PagedList, type Page } from './paginate.js'
import type { paths } from './schema.js'
import { IDEMPOTENCY_KEY_HEADER } from './retry.js'
import type { CallOptions } from './types.js'

export type ApiClient = Client<paths, 'application/json'>

/** What openapi-fetch resolves with. */
interface FetchResult<T> {
  data?: T
  error?: unknown
  response: Response
}

/** The call's data, or the API's error thrown as a RapportApiError. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await call
  if (!response.ok) throw new RapportApiError(response.status, isErrorBody(error) ? error : undefined, response.headers)
  return data as T
}

/** The fetch options of one call: its signal and headers, and its own Idempotency-Key if given. */
export function init(options: CallOptions = {}): { signal?: AbortSignal; headers?: Record<string, string> } {
  const headers = { ...options.headers }
  if (options.idempotencyKey !== undefined) headers[IDEMPOTENCY_KEY_HEADER] = options.idempotencyKey
  return { ...(options.signal ? { signal: options.signal } : {}), headers }
}

/**
 * A paged list over `fetchPage`, which gets the caller's query with the page's `first` and `after`.
 * The query is passed on as given: a repeatable parameter given once is sent once, which the API reads
 * as a list of one.
 */
export function pagedList<T, Q extends { first?: number | undefined }>(
  query: Q,
  fetchPage: (query: Q & { first: number; after: number }) => Promise<FetchResult<Page<T>>>,
): PagedList<T> {
  const pageSize = Math.min(query.first ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE)
  return new PagedList((after, first) => unwrap(fetchPage({ ...query, first, after })), pageSize)
}
