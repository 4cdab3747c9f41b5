// API keys: how they look, how they are stored (only a hash) and how a presented key is checked.
import { createHash, timingSafeEqual } from 'node:crypto'
import { newId } from '../ids.js'

/** Prefix of generated keys, so a leaked key is recognisable (secret scanners, logs). */
export const KEY_PREFIX = 'rpk_'
const SECRET_LENGTH = 40
/** Keys arrive in a header; anything longer or with other characters is malformed, not looked up. */
const WELL_FORMED = /^[\x21-\x7e]{16,256}$/
const HINT_LENGTH = 8

/** A fresh key: `rpk_` and 40 random base-62 characters (about 238 bits). */
export function generateApiKey(): string {
  return KEY_PREFIX + newId(SECRET_LENGTH)
}

/** Only this is stored. sha256 is enough: keys are long random strings, not passwords. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex')
}

/** The first characters, shown by `keys list` so a person can tell keys apart without seeing one. */
export function keyHint(key: string): string {
  return `${key.slice(0, HINT_LENGTH)}…`
}

export function isWellFormedKey(key: string): boolean {
  return WELL_FORMED.test(key)
}

/**
 * Reads the key out of an `Authorization` header; undefined when the header is missing or not
 * `Bearer <key>` with a well-formed key.
 */
export function bearerKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header)
  const key = match?.[1]
  return key !== undefined && isWellFormedKey(key) ? key : undefined
}

/** Compares two hex hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex')
  const right = Buffer.from(b, 'hex')
  return left.length === right.length && timingSafeEqual(left, right)
}
