// API keys: how they look, how they are stored (only a hash, and a hint that carries no secret) and how a
// presented key is checked.
//
// Hashing: sha256 of the key, or, when the deployment sets RAPPORT_KEY_PEPPER, HMAC-SHA-256 under that
// secret, so that a copy of the database alone does not let anyone test guesses of a key offline. The
// rule for keys stored before a pepper was set: a presented key is looked up under the pepper first,
// then as its plain sha256 among rows stored that way; a key found the second way is re-stored under the
// pepper on that first use. So once set, a pepper must stay: keys stored under it verify only with it.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { newId } from '../ids.js'

/** Prefix of generated keys, so a leaked key is recognisable (secret scanners, logs). */
export const KEY_PREFIX = 'rpk_'
const SECRET_LENGTH = 40
/** Keys arrive in a header; anything longer or with other characters is malformed, not looked up. */
const WELL_FORMED = /^[\x21-\x7e]{16,256}$/
/** Keys made or seeded from now on: a seeded key of 16 characters showed half of itself in its hint. */
export const MIN_NEW_KEY_LENGTH = 32
/** Characters of the key's end shown in its hint. */
const HINT_TAIL = 4

/** How a stored key hash was made. */
export type KeyHashScheme = 'sha256' | 'hmac-sha256'

export interface StoredKeyHash {
  hash: string
  scheme: KeyHashScheme
}

/** A fresh key: `rpk_` and 40 random base-62 characters (about 238 bits). */
export function generateApiKey(): string {
  return KEY_PREFIX + newId(SECRET_LENGTH)
}

/** sha256 of the key, hex: how keys are stored without a pepper. Enough for long random keys. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex')
}

/** Hashes keys the way this deployment stores them, and lists the ways a presented key may be stored. */
export class KeyHasher {
  /** `pepper`: RAPPORT_KEY_PEPPER, when set. */
  constructor(private readonly pepper?: string) {}

  /** How a key is stored now. */
  current(key: string): StoredKeyHash {
    if (this.pepper === undefined) return { hash: hashApiKey(key), scheme: 'sha256' }
    return { hash: createHmac('sha256', this.pepper).update(key).digest('hex'), scheme: 'hmac-sha256' }
  }

  /** The forms a presented key may be stored under, the current one first (see the rule above). */
  candidates(key: string): StoredKeyHash[] {
    const current = this.current(key)
    return current.scheme === 'sha256' ? [current] : [current, { hash: hashApiKey(key), scheme: 'sha256' }]
  }
}

/**
 * What `keys list` shows to tell keys apart: the `rpk_` prefix, if any, and the last characters.
 *
 * ### Example
 * ```ts
 * keyHint('rpk_aXMx97PhoZJyuEedYN4qgrTQsEOqr5DiTsLwzmTz') // 'rpk_…zmTz'
 * ```
 */
export function keyHint(key: string): string {
  return `${key.startsWith(KEY_PREFIX) ? KEY_PREFIX : ''}…${key.slice(-HINT_TAIL)}`
}

/** Whether a presented key can be a key at all (stored keys may be as short as 16 characters). */
export function isWellFormedKey(key: string): boolean {
  return WELL_FORMED.test(key)
}

/** Whether a key may be made or seeded now: well-formed and at least MIN_NEW_KEY_LENGTH long. */
export function isAcceptableNewKey(key: string): boolean {
  return isWellFormedKey(key) && key.length >= MIN_NEW_KEY_LENGTH
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
