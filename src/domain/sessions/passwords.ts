// Member passwords: argon2id with OWASP's recommended minimum (19 MiB of memory, 2 passes, 1 lane), stored
// as the PHC string (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`), which carries its own parameters,
// so they can be raised later without breaking the hashes already stored. Hashing runs on libuv's thread
// pool, off the event loop.
import { type Algorithm, hash, verify } from '@node-rs/argon2'

/** Shortest password a member may set. */
export const MIN_PASSWORD_LENGTH = 10
/** Longest password read at all (the request schemas refuse longer ones), so one hash costs a bounded time. */
export const MAX_PASSWORD_LENGTH = 1024

/** `Algorithm.Argon2id`, a const enum that verbatimModuleSyntax cannot read from the package's types. */
const ARGON2ID = 2 as Algorithm
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

/** Why a password cannot be set, or undefined when it can. Lengths count characters, not bytes. */
export function passwordProblem(password: string): string | undefined {
  const length = [...password].length
  if (length < MIN_PASSWORD_LENGTH) return `is too short (minimum is ${MIN_PASSWORD_LENGTH} characters)`
  if (length > MAX_PASSWORD_LENGTH) return `is too long (maximum is ${MAX_PASSWORD_LENGTH} characters)`
  return undefined
}

/** The argon2id hash of `password`, as a PHC string with a fresh random salt. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

/** Whether `password` matches a stored hash; false (never a throw) for a stored value that is not a hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}
