// Per-API-key (and per signed-in member) rate limiting (RAPPORT_RATE_LIMIT requests per RAPPORT_RATE_LIMIT_WINDOW_S seconds), told
// to clients with the IETF fields of draft-ietf-httpapi-ratelimit-headers-10 on every authenticated
// `/v1` response, and `Retry-After` on a 429:
//
//   RateLimit-Policy: "default";q=6000;w=60
//   RateLimit: "default";r=5999;t=60
//
// Fixed windows, one per key, starting at the key's first request after an idle window: cheap (one map
// entry per active key) and exact to report, at the price of letting a key spend up to two windows'
// quota across a window boundary. The counters live in this process only (the server keeps no shared
// state), so with N processes behind a load balancer a key gets up to N times the limit.
// RAPPORT_RATE_LIMIT=0 turns it off (and the per-address limit on failed authentications with it).
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { RateLimitedError } from '../../domain/errors.js'

/** The policy's name in both fields. */
const POLICY = '"default"'

export interface LimitsOptions {
  /** Requests per key per window; 0 turns rate limiting off. */
  limit: number
  windowSeconds: number
}

interface Window {
  startedAt: number
  count: number
}

/**
 * The request counts of active keys. Map order is window start order (a key whose window restarts is
 * moved to the end), so expired windows are always at the front and are dropped in O(expired): memory
 * is bounded by the number of keys active within one window.
 */
export class FixedWindows {
  readonly #windows = new Map<string, Window>()
  /**
   * `maxKeys` caps the keys tracked at once: when a new key finds it full, the oldest window is dropped
   * (its key starts afresh), so memory stays bounded even against many keys in one window.
   */
  constructor(
    readonly limit: number,
    readonly windowMs: number,
    readonly maxKeys = Number.POSITIVE_INFINITY,
  ) {}

  /** Counts one request of `key` at `now`; returns what is left of its window, or null when spent. */
  take(key: string, now: number): { remaining: number; resetMs: number } | null {
    this.#evictExpired(now)
    let window = this.#windows.get(key)
    // Only possible if the clock stepped back: a stale window behind a newer one. Start afresh.
    if (window !== undefined && window.startedAt + this.windowMs <= now) {
      this.#windows.delete(key)
      window = undefined
    }
    if (window === undefined) {
      if (this.#windows.size >= this.maxKeys) this.#windows.delete(this.#windows.keys().next().value!)
      window = { startedAt: now, count: 0 }
      this.#windows.set(key, window)
    }
    const resetMs = window.startedAt + this.windowMs - now
    if (window.count >= this.limit) return null
    window.count++
    return { remaining: this.limit - window.count, resetMs }
  }

  /** Milliseconds until `key` may send again. */
  resetMs(key: string, now: number): number {
    const window = this.#windows.get(key)
    return window === undefined ? 0 : Math.max(0, window.startedAt + this.windowMs - now)
  }

  /** Milliseconds until `key` may send again when its window is spent, else 0; counts nothing. */
  spentMs(key: string, now: number): number {
    const window = this.#windows.get(key)
    if (window === undefined || window.count < this.limit) return 0
    return Math.max(0, window.startedAt + this.windowMs - now)
  }

  /** Keys currently tracked. */
  get size(): number {
    return this.#windows.size
  }

  #evictExpired(now: number): void {
    for (const [key, window] of this.#windows) {
      if (window.startedAt + this.windowMs > now) return
      this.#windows.delete(key)
    }
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The onRequest hook of the `/v1` scope that counts a request of its key; null when off. */
    rateLimit: ((request: FastifyRequest, reply: FastifyReply) => Promise<void>) | null
  }
}

export default fp<LimitsOptions>(
  async (app, { limit, windowSeconds }) => {
    if (limit <= 0) {
      app.decorate('rateLimit', null)
      return
    }
    const windows = new FixedWindows(limit, windowSeconds * 1000)
    const policy = `${POLICY};q=${limit};w=${windowSeconds}`
    // Added after `authenticate` on the `/v1` scope: only requests with a valid key are counted (the
    // others fail 401, and are counted per address by auth-failures.ts).
    app.decorate('rateLimit', async function rateLimit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
      // A key's budget, or a signed-in member's (all their sessions share one).
      const actor = request.actor
      const keyId = actor?.apiKeyId ?? (actor?.sessionId ? `member:${actor.workspaceId}:${actor.userId}` : null)
      if (!keyId) return
      const now = Date.now()
      const left = windows.take(keyId, now)
      const resetSeconds = Math.ceil((left?.resetMs ?? windows.resetMs(keyId, now)) / 1000)
      reply.header('ratelimit-policy', policy)
      reply.header('ratelimit', `${POLICY};r=${left?.remaining ?? 0};t=${resetSeconds}`)
      if (left === null) throw new RateLimitedError(Math.max(1, resetSeconds))
    })
  },
  { name: 'limits', dependencies: ['auth'] },
)
