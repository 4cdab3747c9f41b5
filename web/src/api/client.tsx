// The typed API client of the app: @rapport/client (generated from the OpenAPI document, so a change to
// the API breaks this build), on the page's own origin with the session cookie and its CSRF token. A
// 401 anywhere means the session is gone: the session layer sends the browser to sign-in; a 403
// csrf_failed fetches the session's current token.
import { createRapportClient, isApiError, type RapportClient } from '@rapport/client'
import { createContext, type ReactNode, useContext, useMemo } from 'react'
import { useSession } from './session'

const ClientContext = createContext<RapportClient | null>(null)

export function ApiProvider({ children }: { children: ReactNode }) {
  const session = useSession()
  const { csrfToken, lost, refresh } = session
  const client = useMemo(
    () =>
      createRapportClient({
        credentials: 'same-origin',
        headers: (): Record<string, string> => {
          const token = csrfToken()
          return token ? { 'X-CSRF-Token': token } : {}
        },
        // A person waits: one retry after a 429/503, not three.
        retry: { retries: 1, maxDelayMs: 5000 },
        fetch: async (request) => {
          const response = await fetch(request)
          if (response.status === 401) lost()
          // A refused CSRF token may be an old one (the session was renewed elsewhere): ask for the current
          // one, so the person's next try carries it. The refusal itself is shown where it happened.
          if (response.status === 403)
            response
              .clone()
              .json()
              .then((body: { code?: string }) => (body.code === 'csrf_failed' ? refresh() : undefined))
              .catch(() => {})
          return response
        },
      }),
    [csrfToken, lost, refresh],
  )
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>
}

export function useApi(): RapportClient {
  const client = useContext(ClientContext)
  if (!client) throw new Error('useApi outside ApiProvider')
  return client
}

/** Problems of a 422 by field (`list_fields[0].value`, `name`), or an empty object for any other error. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error, 'validation_failed')) return {}
  const out: Record<string, string> = {}
  for (const problem of error.details ?? []) out[problem.field] ??= problem.message
  return out
}

/** One line for an error: the API's message, or the browser's. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
