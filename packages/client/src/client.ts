// createRapportClient: one object per server and credential, with a property per resource. Calls go
// through openapi-fetch (typed by the generated schema) and the retrying fetch; errors are thrown as
// RapportApiError / RapportConnectionError.
import createClient from 'openapi-fetch'
import { type ApiClient, init, unwrap } from './context.js'
import { contactsResource } from './resources/contacts.js'
import { customFieldsResource } from './resources/custom-fields.js'
import { entriesResource } from './resources/entries.js'
import { listsResource } from './resources/lists.js'
import { notesResource } from './resources/notes.js'
import { organizationsResource } from './resources/organizations.js'
import { sessionsResource } from './resources/sessions.js'
import { usersResource } from './resources/users.js'
import { retryingFetch, type RetryOptions } from './retry.js'
import type { CallOptions, Health } from './types.js'

/** Headers, or a function that gives them for each call (called once per call, not per retry). */
export type HeadersOption = Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>)

export interface RapportClientOptions {
  /**
   * The server's address, e.g. `https://crm.example.com`. Default `''`: the page's own origin, for a
   * browser app served by Rapport itself (Node needs an absolute URL).
   */
  baseUrl?: string
  /** An API key, sent as `Authorization: Bearer <key>`. Leave it out for a cookie session. */
  apiKey?: string
  /**
   * Headers for every call. A function is asked on every call, e.g. for the CSRF token of a cookie
   * session: `headers: () => ({ 'X-CSRF-Token': readCsrfToken() })`.
   */
  headers?: HeadersOption
  /**
   * fetch's `credentials`: whether the browser sends its cookies. `'same-origin'` (fetch's default) for
   * an app served by Rapport; `'include'` when the app is on another origin; `'omit'` for none.
   */
  credentials?: RequestCredentials
  /** Retries after 429, 503 and network failures (see RetryOptions); `{ retries: 0 }` turns them off. */
  retry?: RetryOptions
  /** The fetch to use (default: the global one), e.g. to add tracing. It gets one attempt at a time. */
  fetch?: (request: Request) => Promise<Response>
}

/** Makes a client. */
export function createRapportClient(options: RapportClientOptions = {}) {
  const baseFetch = options.fetch ?? ((request: Request) => globalThis.fetch(request))
  const api: ApiClient = createClient({
    baseUrl: options.baseUrl ?? '',
    fetch: retryingFetch(baseFetch, options.retry),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  })
  const { apiKey, headers } = options
  if (apiKey !== undefined || headers !== undefined) {
    api.use({
      async onRequest({ request }) {
        if (apiKey !== undefined) request.headers.set('Authorization', `Bearer ${apiKey}`)
        const extra = typeof headers === 'function' ? await headers() : headers
        for (const [name, value] of Object.entries(extra ?? {})) request.headers.set(name, value)
        return request
      },
    })
  }
  return {
    lists: listsResource(api),
    entries: entriesResource(api),
    contacts: contactsResource(api),
    organizations: organizationsResource(api),
    customFields: customFieldsResource(api),
    notes: notesResource(api),
    users: usersResource(api),
    sessions: sessionsResource(api),
    /** `GET /healthz`: whether the server and its database answer (`getHealth`). */
    health: (callOptions?: CallOptions): Promise<Health> => unwrap(api.GET('/healthz', init(callOptions))),
    /**
     * The typed openapi-fetch client underneath (same base URL, credentials, retries), for any operation
     * of the document: `await client.api.GET('/v1/lists/{id}', { params: { path: { id } } })`. It
     * answers `{ data, error, response }` instead of throwing.
     */
    api,
  }
}

export type RapportClient = ReturnType<typeof createRapportClient>
