// The fetch every call goes through: it sends one logical call, and sends it again after a 429, a 503 or
// a network failure, waiting as long as the server's `Retry-After` asks (or backing off exponentially
// when it does not say). A POST or PATCH carries an `Idempotency-Key` made once per logical call and
// repeated on every attempt, so a server that honours it (Stripe semantics) answers a repeat with the
// first answer instead of doing the write twice. Only web APIs: runs in Node >= 20 and browsers.
import { RapportConnectionError } from './errors.js'

export interface RetryOptions {
  /** Attempts after the first one; 0 turns retries off. Default 3. */
  retries?: number
  /** The first wait when the answer has no `Retry-After`; it doubles with each attempt. Default 500 ms. */
  minDelayMs?: number
  /**
   * The longest wait between two attempts. A `Retry-After` longer than this is not waited for: the
   * error is thrown at once (its `headers` carry the `Retry-After`). Default 60 s.
   */
  maxDelayMs?: number
  /** Told of every retry before its wait, e.g. to log it. */
  onRetry?: (event: RetryEvent) => void
}

export interface RetryEvent {
  /** The attempt that failed, from 1. */
  attempt: number
  /** The status that made the client retry, or the network error. */
  reason: { status: number } | { error: unknown }
  /** How long the client waits before the next attempt. */
  delayMs: number
  /** The request's method and URL. */
  method: string
  url: string
}

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key'
/** Methods that change something and so carry an Idempotency-Key. */
const KEYED_METHODS = new Set(['POST', 'PATCH'])
/** Statuses that say "not now, try again": rate limited, unavailable (the server saved nothing). */
const RETRY_STATUSES = new Set([429, 503])

const DEFAULTS = { retries: 3, minDelayMs: 500, maxDelayMs: 60_000 }

/**
 * A version-4 UUID from `crypto.getRandomValues`, which (unlike `crypto.randomUUID`) browsers offer on
 * plain-HTTP pages too, as a self-hosted server may be reached.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * `Retry-After` in milliseconds: delta-seconds (`120`) or an HTTP date; undefined when absent or unreadable.
 *
 * ### Example
 * ```ts
 * retryAfterMs('2') // 2000
 * ```
 */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  // An HTTP date names its day and month (`Tue, 29 Apr 2025 22:47:30 GMT`); Date.parse would also take `-1`.
  const date = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** The wait before attempt `attempt + 1` when the server named none: exponential, with full jitter. */
function backoffMs(attempt: number, minDelayMs: number, maxDelayMs: number): number {
  const ceiling = Math.min(maxDelayMs, minDelayMs * 2 ** (attempt - 1))
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2)
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal.reason)
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

/** Whether a thrown fetch error is the caller's own abort (never retried) rather than a network failure. */
function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof DOMException && error.name === 'AbortError')
}

/**
 * Wraps `fetchImpl` (one attempt) into a fetch that makes one logical call with retries. The response
 * it resolves with is the last one received: a success, an error the client does not retry, or the
 * 429/503 after the last attempt. It rejects with a RapportConnectionError when no attempt got an answer.
 */
export function retryingFetch(
  fetchImpl: (request: Request) => Promise<Response>,
  options: RetryOptions = {},
): (request: Request) => Promise<Response> {
  const retries = options.retries ?? DEFAULTS.retries
  const minDelayMs = options.minDelayMs ?? DEFAULTS.minDelayMs
  const maxDelayMs = options.maxDelayMs ?? DEFAULTS.maxDelayMs
  return async (request) => {
    if (KEYED_METHODS.has(request.method) && !request.headers.has(IDEMPOTENCY_KEY_HEADER))
      request.headers.set(IDEMPOTENCY_KEY_HEADER, newIdempotencyKey())
    for (let attempt = 1; ; attempt++) {
      const last = attempt > retries
      let delayMs: number
      let reason: RetryEvent['reason']
      try {
        // Each attempt sends a copy: a body can be read once.
        const response = await fetchImpl(last ? request : request.clone())
        if (last || !RETRY_STATUSES.has(response.status)) return response
        const asked = retryAfterMs(response.headers.get('retry-after'))
        if (asked !== undefined && asked > maxDelayMs) return response
        delayMs = asked ?? backoffMs(attempt, minDelayMs, maxDelayMs)
        reason = { status: response.status }
        await response.body?.cancel()
      } catch (error) {
        if (isAbort(error, request.signal)) throw error
        if (last)
          throw new RapportConnectionError(
            `No answer from ${request.method} ${request.url} after ${attempt} attempt(s)`,
            attempt,
            error,
          )
        delayMs = backoffMs(attempt, minDelayMs, maxDelayMs)
        reason = { error }
      }
      options.onRetry?.({ attempt, reason, delayMs, method: request.method, url: request.url })
      await sleep(delayMs, request.signal)
    }
  }
}
