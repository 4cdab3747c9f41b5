// The signed-in session, as the sign-in contract has it (docs/decisions.md, "The web app"): the app asks
// GET /v1/sessions/current on start; a 401 there, or on any later call, sends the browser to
// /signin?next=<where it was>, and signing in comes back. Cookie-authenticated writes carry the
// session's CSRF token in X-CSRF-Token.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import { navigate } from '../router'

export interface SessionInfo {
  user: { id: string; name: string; email: string } | null
  workspace: { id: string; name: string } | null
  csrf_token: string
  expires_at: string
}

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-in'; session: SessionInfo }
  | { status: 'signed-out' }

interface SessionContextValue {
  state: SessionState
  /** The CSRF token of the current session, read on every write. */
  csrfToken(): string | null
  /** Keeps a session the server just gave (sign in, setup). */
  signedIn(session: SessionInfo): void
  /** The server no longer knows the session: go to sign-in, and come back here after. */
  lost(): void
  signOut(): Promise<void>
  /** Asks the server again (after a CSRF refusal, the token may have changed). */
  refresh(): Promise<void>
}

const SessionContext = createContext<SessionContextValue | null>(null)

/** Routes that need no session. */
export const PUBLIC_PATHS = ['/signin', '/setup']

/** `/signin?next=<the current page>`, unless the current page is itself public. */
export function signInPath(): string {
  const here = window.location.pathname + window.location.search
  if (PUBLIC_PATHS.includes(window.location.pathname)) return '/signin'
  return `/signin?next=${encodeURIComponent(here)}`
}

async function fetchCurrent(): Promise<SessionInfo | null> {
  const res = await fetch('/v1/sessions/current', {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  })
  if (res.status === 401) return null
  if (!res.ok) throw new Error(`GET /v1/sessions/current answered ${res.status}`)
  return (await res.json()) as SessionInfo
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' })
  const csrfRef = useMemo(() => ({ token: null as string | null }), [])

  const signedIn = useCallback(
    (session: SessionInfo) => {
      csrfRef.token = session.csrf_token
      setState({ status: 'signed-in', session })
    },
    [csrfRef],
  )
  const lost = useCallback(() => {
    csrfRef.token = null
    setState({ status: 'signed-out' })
    if (!PUBLIC_PATHS.includes(window.location.pathname)) navigate(signInPath(), { replace: true })
  }, [csrfRef])
  const refresh = useCallback(async () => {
    const session = await fetchCurrent()
    if (session) signedIn(session)
    else lost()
  }, [signedIn, lost])

  useEffect(() => {
    refresh().catch(() => setState({ status: 'signed-out' }))
  }, [refresh])

  const value = useMemo<SessionContextValue>(
    () => ({
      state,
      csrfToken: () => csrfRef.token,
      signedIn,
      lost,
      refresh,
      async signOut() {
        await fetch('/v1/sessions/current', {
          method: 'DELETE',
          credentials: 'same-origin',
          headers: csrfRef.token ? { 'X-CSRF-Token': csrfRef.token } : {},
        })
        csrfRef.token = null
        setState({ status: 'signed-out' })
        navigate('/signin', { replace: true })
      },
    }),
    [state, csrfRef, signedIn, lost, refresh],
  )
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext)
  if (!value) throw new Error('useSession outside SessionProvider')
  return value
}
