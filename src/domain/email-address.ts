// What counts as an email address. Deliberately loose (one @, a dot in the domain, no spaces): the goal
// is to refuse obvious mistakes, not to reimplement RFC 5322.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/
const MAX_LENGTH = 254

export function isValidEmail(value: string): boolean {
  return value.length <= MAX_LENGTH && EMAIL.test(value)
}

/** The form emails are compared in: trimmed, lower case. */
export function emailKey(value: string): string {
  return value.trim().toLowerCase()
}

/** The part after the @, lower case (`Paul@Atreid.es` gives `atreid.es`). */
export function emailDomain(value: string): string {
  return emailKey(value).split('@').pop() ?? ''
}
