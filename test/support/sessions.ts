// Signing in for tests, through the product: a member gets a password by using a setup link (made by the
// same service `rapport users invite` calls) with POST /v1/setup, and signs in with POST /v1/sessions.
// A session client then sends the cookie, and on writes the Origin and X-CSRF-Token a browser page of
// the web app sends.
import assert from 'node:assert/strict'
import type { TestServer } from './server.js'
import { type ApiClient, type ApiResponse, client } from './client.js'

export const PASSWORD = 'correct horse battery staple'

export interface SignedIn {
  /** `rapport_session=<token>`, as a browser sends it back. */
  cookie: string
  csrf: string
  user: { id: string; name: string; email: string }
  workspace: { id: string; name: string }
  email: string
  password: string
}

let counter = 0

/** The `name=value` part of the session cookie a response sets, or undefined. */
export function sessionCookieOf(res: ApiResponse): string | undefined {
  const header = res.headers.get('set-cookie') ?? ''
  return /(rapport_session=[^;]*)/.exec(header)?.[1]
}

/** What a sign-in or setup answered, as a SignedIn (asserting it succeeded). */
export function signedInFrom(res: ApiResponse, email: string, password: string): SignedIn {
  assert.equal(res.status, 201, res.text)
  const cookie = sessionCookieOf(res)
  assert.ok(cookie, 'sets the session cookie')
  return { cookie, csrf: res.body.csrf_token, user: res.body.user, workspace: res.body.workspace, email, password }
}

/**
 * A new member of `workspaceId` (default: the server's), with a password set through an invitation link,
 * signed in by that link's use.
 */
export async function signUp(
  server: TestServer,
  options: { workspaceId?: string; email?: string; name?: string; password?: string } = {},
): Promise<SignedIn> {
  const email = options.email ?? `signed-in-${Date.now().toString(36)}-${counter++}@example.com`
  const password = options.password ?? PASSWORD
  const token = await server.services.setupLinks.invite(options.workspaceId ?? server.workspace.id, email)
  const res = await client(server, null).post('/v1/setup', {
    token,
    name: options.name ?? 'Signed In',
    email,
    password,
  })
  return signedInFrom(res, email, password)
}

/** Signs in with email and password (POST /v1/sessions), asserting it worked. */
export async function signIn(server: { url: string }, email: string, password = PASSWORD): Promise<SignedIn> {
  return signedInFrom(await client(server, null).post('/v1/sessions', { email, password }), email, password)
}

/**
 * A client that authenticates with the session's cookie, from the server's own origin, with its CSRF
 * token: what the web app sends. `headers` adds to (or, with '', takes from) every request.
 */
export function sessionClient(
  server: { url: string },
  session: Pick<SignedIn, 'cookie' | 'csrf'>,
  headers: Record<string, string> = {},
): ApiClient {
  const all: Record<string, string> = {
    cookie: session.cookie,
    origin: server.url,
    'x-csrf-token': session.csrf,
    ...headers,
  }
  for (const [name, value] of Object.entries(all)) if (value === '') delete all[name]
  return client(server, null, all)
}
