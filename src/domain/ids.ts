// Public ids: short alphanumeric strings like Relate's hashids (`QbkUlo`), drawn from a CSPRNG so that an
// id says nothing about its neighbours. Ten characters of base 62 are about 59.5 bits: a workspace would
// need about a billion rows of one kind for a one-in-a-million chance of a clash, and a clash is refused
// by the primary key rather than overwriting anything.
import { randomBytes } from 'node:crypto'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
export const ID_LENGTH = 10
/** Pattern every public id matches; used by the id path-parameter schema. */
export const ID_PATTERN = '^[A-Za-z0-9]{1,32}$'

// Random bytes are drawn in blocks: one randomBytes call per id is the slow part of making ids.
const BLOCK = 4096
let pool = randomBytes(BLOCK)
let cursor = 0

function nextByte(): number {
  if (cursor >= BLOCK) {
    pool = randomBytes(BLOCK)
    cursor = 0
  }
  return pool[cursor++]!
}

/**
 * A new random id.
 *
 * ### Example
 * ```ts
 * newId() // 'Qb7kUlo2Xz'
 * ```
 */
export function newId(length = ID_LENGTH): string {
  let id = ''
  while (id.length < length) {
    // 248 = 4 * 62: bytes at or above it are dropped so every character is equally likely.
    const byte = nextByte()
    if (byte < 248) id += ALPHABET[byte % 62]
  }
  return id
}
