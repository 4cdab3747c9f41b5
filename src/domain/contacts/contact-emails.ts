// A contact's email addresses: which ones a request may add, and the form they are compared in. An
// address belongs to at most one contact per workspace, whatever its case. No I/O.
import { emailKey, isValidEmail } from '../email-address.js'
import type { Problems } from '../errors.js'

/** An address as written in a request, with its comparison key and where it was written. */
export interface WrittenEmail {
  email: string
  key: string
  path: string
}

/**
 * Checks the addresses of a request, recording each invalid one under `path[i]`. Addresses that differ
 * only in case are kept once (the first spelling wins).
 */
export function checkEmails(input: readonly string[], path: string, problems: Problems): WrittenEmail[] {
  const out: WrittenEmail[] = []
  input.forEach((written, i) => {
    const email = written.trim()
    if (!isValidEmail(email))
      problems.add(`${path}[${i}]`, 'invalid', `is not a valid email: ${JSON.stringify(written)}`)
    else if (!out.some((e) => e.key === emailKey(email)))
      out.push({ email, key: emailKey(email), path: `${path}[${i}]` })
  })
  return out
}

/**
 * The key an `?email=` lookup matches. An unencoded `+` in a URL arrives as a space, and an address
 * holds no spaces, so spaces are read back as `+` (`paul+crm@atreid.es`).
 */
export function lookupEmailKey(input: string): string {
  return emailKey(input.trim().replace(/ /g, '+'))
}
