// Session and setup-link tokens: 256 random bits in base64url (43 characters), given to the browser once
// and stored only as their sha256. Random tokens that long need no slow hash or pepper: a copy of the
// database gives back no token, and guessing one is hopeless.
//
// The CSRF token of a session is derived from its token (HMAC-SHA-256 keyed by the session token), so it
// needs no storage and only a holder of the session cookie's value can compute it; a page of another
// site can send the cookie but can neither read it nor the CSRF token.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

const TOKEN_BYTES = 32
/** What a token looks like; anything else in a cookie or a body is refused before any lookup. */
const TOKEN_FORM = /^[A-Za-z0-9_-]{43}$/

/** A fresh token. */
export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url')
}

/** Whether `value` has the form of a token. */
export function isTokenShaped(value: string): boolean {
  return TOKEN_FORM.test(value)
}

/** sha256 of a token, hex: how tokens are stored and looked up. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** The CSRF token of the session whose token is `sessionToken`. */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('rapport-csrf').digest('base64url')
}

/** Compares two strings in time that does not depend on where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
