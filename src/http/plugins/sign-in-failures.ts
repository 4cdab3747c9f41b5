// Failed sign-ins per account (RAPPORT_SIGNIN_FAILURE_LIMIT per RAPPORT_SIGNIN_WINDOW_S): once an email
// address has failed that many times in its window, every sign-in to it is answered 429 with Retry-After
// until the window ends, the right password included, before any password is checked. This bounds
// guessing one account's password from many addresses; the per-address limit (auth-failures.ts) bounds
// guessing many accounts from one. It also lets anyone hold an account's sign-in closed by failing on
// purpose, for one window at a time: the usual price of a lockout (see docs/reliability.md).
//
// The counters live in this process, like the other limits.
import { emailKey } from '../../domain/email-address.js'
import { FixedWindows } from './limits.js'

/** Accounts tracked at once; past it the oldest window is forgotten, so memory stays bounded. */
export const MAX_TRACKED_ACCOUNTS = 100_000

export class SignInFailures {
  readonly #windows: FixedWindows

  constructor(limit: number, windowMs: number) {
    this.#windows = new FixedWindows(limit, windowMs, MAX_TRACKED_ACCOUNTS)
  }

  /** Milliseconds until sign-ins to `email` may be tried again; 0 when they may be now. */
  blockedMs(email: string, now: number): number {
    return this.#windows.spentMs(emailKey(email), now)
  }

  /** Counts one failed sign-in to `email`. */
  record(email: string, now: number): void {
    this.#windows.take(emailKey(email), now)
  }
}
