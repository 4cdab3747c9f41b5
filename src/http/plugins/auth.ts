// Authentication of every `/v1` route. app.ts adds one hook, `app.authenticate`, to the `/v1` scope, so
// it runs for every route (and every unknown path) registered there, however the client spelled the path
// (`/%761/contacts` and the absolute form `http://host/v1/contacts` reach the same routes; a check on the
// raw URL let both through). The hook tries each credential kind in turn (today the Bearer API key); a
// second kind, such as a session cookie, is one more `Credential` in `app.credentials`.
//
// Failed attempts are counted per client address (auth-failures.ts): an address past its budget gets a
// 429 before any credential is looked up, so guessing keys costs the server almost nothing.
import fp from 'fastify-plugin'
import type { FastifyRequest } from 'fastify'
import type { Actor } from '../../domain/actor.js'
import { RateLimitedError, UnauthorizedError } from '../../domain/errors.js'
import { bearerKey } from '../../domain/workspaces/api-keys.js'
import { AuthFailures } from './auth-failures.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is acting; set by `authenticate` on every `/v1` route, null elsewhere. */
    actor: Actor | null
  }
  interface FastifyInstance {
    /** The onRequest hook of the `/v1` scope: sets `request.actor` or answers 401 (or 429, see above). */
    authenticate: (request: FastifyRequest) => Promise<void>
    /** The credential kinds `authenticate` accepts, tried in order. */
    credentials: Credential[]
    /** Failed attempts per client address; null when off. Sign-in routes count their failures here too. */
    authFailures: AuthFailures | null
  }
}

/** One kind of credential a request may carry. */
export interface Credential {
  /** Whether the request carries this kind at all (a header or cookie is present). */
  presentIn(request: FastifyRequest): boolean
  /**
   * The actor the credential stands for, or a message saying why it does not (malformed, unknown,
   * revoked): that is a 401.
   */
  verify(request: FastifyRequest): Promise<Actor | string>
}

export interface AuthOptions {
  /** Failed attempts per client address per window before that address gets 429s; 0: not limited. */
  failureLimit: number
  windowSeconds: number
}

/** The actor of an authenticated request. Route handlers under `/v1` call this instead of `request.actor!`. */
export function actorOf(request: FastifyRequest): Actor {
  if (request.actor === null) throw new UnauthorizedError('Missing API key')
  return request.actor
}

const MISSING = 'Missing API key: send Authorization: Bearer <key>'

export default fp<AuthOptions>(
  async (app, { failureLimit, windowSeconds }) => {
    app.decorateRequest('actor', null)
    const { workspaces } = app.services
    const bearer: Credential = {
      presentIn: (request) => request.headers.authorization !== undefined,
      async verify(request) {
        const key = bearerKey(request.headers.authorization)
        if (key === undefined) return 'Malformed Authorization header: expected Bearer <key>'
        return (await workspaces.authenticate(key)) ?? 'Unknown or revoked API key'
      },
    }
    const failures = failureLimit > 0 ? new AuthFailures(failureLimit, windowSeconds * 1000) : null
    app.decorate('credentials', [bearer])
    app.decorate('authFailures', failures)
    app.decorate('authenticate', async function authenticate(request: FastifyRequest): Promise<void> {
      const now = Date.now()
      const blockedMs = failures?.blockedMs(request.ip, now) ?? 0
      if (blockedMs > 0) throw new RateLimitedError(Math.ceil(blockedMs / 1000), 'Too many failed authentications')
      const credential = app.credentials.find((c) => c.presentIn(request))
      const outcome = credential === undefined ? MISSING : await credential.verify(request)
      if (typeof outcome === 'string') {
        failures?.record(request.ip, now)
        throw new UnauthorizedError(outcome)
      }
      request.actor = { ...outcome, deadline: request.deadline ?? undefined }
    })
  },
  { name: 'auth', dependencies: ['services'] },
)
