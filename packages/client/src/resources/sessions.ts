// `client.sessions`: the web app's sign-in (a session cookie the browser keeps) and its one-time setup
// links. In a browser, make the client with `credentials: 'same-origin'` and, for writes, send the
// session's `csrf_token` as `X-CSRF-Token` (the `headers` option as a function).
import { type ApiClient, init, unwrap } from '../context.js'
import type { CallOptions, CreateSessionBody, Session, SetupBody, SetupLink } from '../types.js'

export function sessionsResource(api: ApiClient) {
  return {
    /** Signs in with email and password; the answer sets the session cookie (`createSession`). */
    signIn: (body: CreateSessionBody, options?: CallOptions): Promise<Session> =>
      unwrap(api.POST('/v1/sessions', { body, ...init(options) })),
    /** The signed-in member, workspace and CSRF token of the session cookie (`getCurrentSession`). */
    current: (options?: CallOptions): Promise<Session> => unwrap(api.GET('/v1/sessions/current', init(options))),
    /** Signs out: ends the session and clears the cookie (`deleteCurrentSession`). */
    signOut: async (options?: CallOptions): Promise<void> => {
      await unwrap(api.DELETE('/v1/sessions/current', init(options)))
    },
    /** What a setup link's token is for (`lookupSetupLink`). */
    lookupSetupLink: (token: string, options?: CallOptions): Promise<SetupLink> =>
      unwrap(api.POST('/v1/setup/lookup', { body: { token }, ...init(options) })),
    /** Uses a setup link: sets name and password and signs in (`completeSetup`). */
    completeSetup: (body: SetupBody, options?: CallOptions): Promise<Session> =>
      unwrap(api.POST('/v1/setup', { body, ...init(options) })),
  }
}
