// @rapport/client: a typed client for the Rapport API. See README.md.
export { createRapportClient, type HeadersOption, type RapportClient, type RapportClientOptions } from './client.js'
export {
  isApiError,
  RapportApiError,
  RapportConnectionError,
  UNEXPECTED_RESPONSE,
  type ErrorBody,
  type FieldProblem,
} from './errors.js'
export { MAX_PAGE_SIZE, PagedList, type Page } from './paginate.js'
export { IDEMPOTENCY_KEY_HEADER, newIdempotencyKey, retryAfterMs, type RetryEvent, type RetryOptions } from './retry.js'
export type { EntriesQuery } from './resources/entries.js'
export type * from './types.js'
export type { components, operations, paths } from './schema.js'
