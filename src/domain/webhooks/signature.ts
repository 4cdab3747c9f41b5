// How deliveries are signed (the Stripe scheme): `Rapport-Signature: t=<unix seconds>,v1=<hex
// HMAC-SHA256(secret, "<t>.<raw body>")>`. The timestamp is signed with the body, so a receiver that
// refuses old timestamps also refuses replays of a captured delivery. Secrets are random and shown once.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** Prefix of every signing secret, so one is recognised in a config file. */
const SECRET_PREFIX = 'whsec_'
const SECRET_BYTES = 32

/** A new signing secret: `whsec_` and 32 random bytes in base64url (43 characters). */
export function newSecret(): string {
  return SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64url')
}

/**
 * The `Rapport-Signature` header for `body` sent at `unixSeconds`.
 *
 * ### Example
 * ```ts
 * signatureHeader('whsec_x', 1745967154, '{"id":"Ev1"}') // 't=1745967154,v1=5f0c…'
 * ```
 */
export function signatureHeader(secret: string, unixSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')
  return `t=${unixSeconds},v1=${mac}`
}

/**
 * Whether `header` signs `body` with `secret`, at most `toleranceSeconds` away from `nowSeconds`: what a
 * receiver does (the README shows the same in ten lines).
 */
export function verifySignature(
  secret: string,
  header: string,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const parts = new Map(header.split(',').map((part) => part.split('=', 2) as [string, string]))
  const t = Number(parts.get('t'))
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest()
  const given = Buffer.from(parts.get('v1') ?? '', 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}
