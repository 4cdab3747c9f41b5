// The web app's sign-in on the HTTP side: the session cookie as a second credential of the `/v1` hook
// (auth.ts tries the Bearer key first, then this), the CSRF defence of cookie-authenticated writes, and
// what the sign-in routes share (setting and clearing the cookie, the failed sign-in limits).
//
// CSRF: a browser sends the cookie with requests other sites make it send (SameSite=Lax stops most, not
// a top-level POST form in every browser, nor a sibling subdomain). So a write authenticated by the
// cookie must both come from our own origin (Origin, or Referer when a browser sends no Origin, equal to
// RAPPORT_PUBLIC_URL's origin or to this request's scheme and Host) and carry `X-CSRF-Token`, derived
// from the session token (domain/sessions/tokens.ts), which another site cannot read. Failure: 403
// `csrf_failed`. Requests with a key carry no ambient credential and are not checked.
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { ForbiddenError, RateLimitedError } from '../../domain/errors.js'
import { csrfTokenFor, sameSecret } from '../../domain/sessions/tokens.js'
import { cookieValue, SESSION_COOKIE, sessionCookie } from '../cookies.js'
import type { Credential } from './auth.js'
import { SignInFailures } from './sign-in-failures.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The session token of the cookie that authenticated this request; null for a key (or no credential). */
    sessionToken: string | null
  }
  interface FastifyInstance {
    /** Cookie, origin and failed sign-in handling for the sign-in routes. */
    webSessions: WebSessions
  }
}

export interface SessionsPluginOptions {
  /** RAPPORT_PUBLIC_URL, when set. */
  publicUrl?: string | undefined
  /** Failed sign-ins per account per window before 429s; 0: not limited. */
  signInFailureLimit: number
  signInWindowSeconds: number
}

/** Methods that change something: a cookie-authenticated one needs the CSRF proof. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
export const CSRF_HEADER = 'x-csrf-token'

/** The origin of a URL (`https://crm.example.com`), or undefined when it is not one. */
function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin
    return origin === 'null' ? undefined : origin
  } catch {
    return undefined
  }
}

export class WebSessions {
  readonly #publicOrigin: string | undefined
  readonly #secureAlways: boolean
  readonly #accounts: SignInFailures | null

  constructor(
    options: SessionsPluginOptions,
    /** Failed authentications per address (auth.ts); sign-in failures count there too. */
    private readonly addresses: {
      blockedMs(address: string, now: number): number
      record(address: string, now: number): void
    } | null,
  ) {
    this.#publicOrigin = options.publicUrl === undefined ? undefined : originOf(options.publicUrl)
    this.#secureAlways = options.publicUrl?.startsWith('https://') ?? false
    this.#accounts =
      options.signInFailureLimit > 0
        ? new SignInFailures(options.signInFailureLimit, options.signInWindowSeconds * 1000)
        : null
  }

  /** The session token in the request's cookie, if any. */
  tokenOf(request: FastifyRequest): string | undefined {
    const value = cookieValue(request.headers.cookie, SESSION_COOKIE)
    return value === '' ? undefined : value
  }

  /** Sets the session cookie, to last until `expiresAtMs` (the session's absolute expiry). */
  setCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAtMs: number): void {
    const maxAgeSeconds = (expiresAtMs - Date.now()) / 1000
    reply.header('set-cookie', sessionCookie(token, { maxAgeSeconds, secure: this.#secure(request) }))
    reply.header('cache-control', 'no-store')
  }

  /** Tells the browser to drop the session cookie. */
  clearCookie(request: FastifyRequest, reply: FastifyReply): void {
    reply.header('set-cookie', sessionCookie('', { maxAgeSeconds: 0, secure: this.#secure(request) }))
    reply.header('cache-control', 'no-store')
  }

  /**
   * For the sign-in routes (no cookie yet): a browser request from another site (its Origin or Referer
   * names another origin) is refused, so no site can sign a visitor in to an account of its choosing.
   * A request without either header (a script, curl) passes.
   */
  refuseOtherOrigin(request: FastifyRequest): void {
    const origin = this.#sentOrigin(request)
    if (origin !== undefined && origin !== this.#expectedOrigin(request))
      throw new ForbiddenError('This request comes from another site', 'csrf_failed')
  }

  /** For a cookie-authenticated write: the same origin AND the session's CSRF token, or 403 `csrf_failed`. */
  requireCsrfProof(request: FastifyRequest, sessionToken: string): void {
    const origin = this.#sentOrigin(request)
    if (origin === undefined)
      throw new ForbiddenError('A write with a session cookie needs an Origin (or Referer) header', 'csrf_failed')
    if (origin !== this.#expectedOrigin(request))
      throw new ForbiddenError('This request comes from another site', 'csrf_failed')
    const sent = request.headers[CSRF_HEADER]
    if (typeof sent !== 'string' || !sameSecret(sent, csrfTokenFor(sessionToken)))
      throw new ForbiddenError(
        'A write with a session cookie needs the X-CSRF-Token header of the session (see GET /v1/sessions/current)',
        'csrf_failed',
      )
  }

  /** A 429 when the request's address, or the account `email` names, is past its failed attempts. */
  refuseIfBlocked(request: FastifyRequest, email?: string): void {
    const now = Date.now()
    const blockedMs = Math.max(
      this.addresses?.blockedMs(request.ip, now) ?? 0,
      email === undefined ? 0 : (this.#accounts?.blockedMs(email, now) ?? 0),
    )
    if (blockedMs > 0) throw new RateLimitedError(Math.ceil(blockedMs / 1000), 'Too many failed attempts')
  }

  /** Counts a failed attempt against the request's address and, when given, the account. */
  recordFailure(request: FastifyRequest, email?: string): void {
    const now = Date.now()
    this.addresses?.record(request.ip, now)
    if (email !== undefined) this.#accounts?.record(email, now)
  }

  #secure(request: FastifyRequest): boolean {
    return this.#secureAlways || request.protocol === 'https'
  }

  #expectedOrigin(request: FastifyRequest): string | undefined {
    return this.#publicOrigin ?? originOf(`${request.protocol}://${request.host}`)
  }

  /** The origin the browser says the request comes from: Origin, else Referer's; `'null'` or junk count as foreign. */
  #sentOrigin(request: FastifyRequest): string | undefined {
    const { origin, referer } = request.headers
    if (typeof origin === 'string' && origin !== '') return originOf(origin) ?? 'foreign'
    if (typeof referer === 'string' && referer !== '') return originOf(referer) ?? 'foreign'
    return undefined
  }
}

export default fp<SessionsPluginOptions>(
  async (app, options) => {
    app.decorateRequest('sessionToken', null)
    const web = new WebSessions(options, app.authFailures)
    const { sessions } = app.services
    const cookie: Credential = {
      presentIn: (request) => web.tokenOf(request) !== undefined,
      async verify(request) {
        const token = web.tokenOf(request)!
        const outcome = await sessions.authenticate(token)
        if (typeof outcome === 'string') return outcome
        if (!SAFE_METHODS.has(request.method)) web.requireCsrfProof(request, token)
        request.sessionToken = token
        return outcome
      },
    }
    app.credentials.push(cookie)
    app.decorate('webSessions', web)
  },
  { name: 'sessions', dependencies: ['auth', 'services'] },
)
