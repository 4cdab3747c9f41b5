// Failed authentications per client address (RAPPORT_AUTH_FAILURE_LIMIT per RAPPORT_RATE_LIMIT_WINDOW_S):
// once an address has failed that many times in its window, it is answered 429 with Retry-After until the
// window ends, before any credential is looked up. Used by the `/v1` hook for bad keys and, through
// `app.authFailures`, by any sign-in route for bad passwords.
//
// An IPv6 client is counted by its /64 (one host usually holds a whole /64, and could otherwise take a
// new address per attempt); IPv4-mapped IPv6 addresses count as their IPv4 address. The counters live
// in this process, like the per-key rate limit (limits.ts).
import ipaddr from 'ipaddr.js'
import { FixedWindows } from './limits.js'

/** Addresses tracked at once; past it the oldest window is forgotten, so memory stays bounded. */
export const MAX_TRACKED_ADDRESSES = 100_000

/**
 * The key an address is counted under: IPv4 as is, IPv6 by its first 64 bits.
 *
 * ### Example
 * ```ts
 * addressKey('2001:db8::1')      // '2001:db8:0:0::/64'
 * addressKey('::ffff:10.0.0.7')  // '10.0.0.7'
 * ```
 */
export function addressKey(address: string): string {
  if (!ipaddr.isValid(address)) return address
  const parsed = ipaddr.process(address)
  if (parsed.kind() === 'ipv4') return parsed.toString()
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4)
  return `${parts.map((p) => p.toString(16)).join(':')}::/64`
}

export class AuthFailures {
  readonly #windows: FixedWindows

  constructor(limit: number, windowMs: number) {
    this.#windows = new FixedWindows(limit, windowMs, MAX_TRACKED_ADDRESSES)
  }

  /** Milliseconds until `address` may try again; 0 when it may try now. */
  blockedMs(address: string, now: number): number {
    return this.#windows.spentMs(addressKey(address), now)
  }

  /** Counts one failed attempt of `address`. */
  record(address: string, now: number): void {
    this.#windows.take(addressKey(address), now)
  }
}
