// Phone numbers: the normalised form they are stored and looked up in, so `+821012345678`,
// `01012345678` and `010-1234-5678` are one number when the default country code is 82. No I/O.
import type { Problems } from '../errors.js'

/** E.164 allows at most 15 digits after the `+`. */
const MAX_DIGITS = 15
/** A country code and at least a few digits of subscriber number. */
const MIN_DIGITS = 7
/** What a written number may hold: an optional leading `+`, digits and the usual separators. */
const WRITTEN = /^\+?[0-9\s().\-/]+$/

/**
 * The normalised form of a written phone number (`+` and digits), or undefined when it is not one.
 *
 * - `+82 10-1234-5678`, `0082 10 1234 5678`: international, taken as written;
 * - `010-1234-5678`: national with the trunk prefix 0, which gives way to `defaultCountryCode`;
 * - `1588-1234`: national without a trunk prefix, `defaultCountryCode` is put in front;
 * - `+82 (0)10 1234 5678`: the `(0)` some people write after the country code is dropped.
 *
 * A number written with its country code but without `+` or `00` (`821012345678`) is read as national.
 *
 * ### Example
 * ```ts
 * normalisePhoneNumber('010-1234-5678', '82') // '+821012345678'
 * normalisePhoneNumber('call me', '82')       // undefined
 * ```
 */
export function normalisePhoneNumber(input: string, defaultCountryCode: string): string | undefined {
  const text = input.trim().replace(/\(0\)/g, '')
  if (!WRITTEN.test(text)) return undefined
  let digits = text.replace(/\D/g, '')
  let international = text.startsWith('+')
  if (!international && digits.startsWith('00')) {
    international = true
    digits = digits.slice(2)
  }
  const e164 = international ? digits : defaultCountryCode + digits.replace(/^0/, '')
  if (e164.length < MIN_DIGITS || e164.length > MAX_DIGITS || e164.startsWith('0')) return undefined
  return `+${e164}`
}

/**
 * Like normalisePhoneNumber, for a number read from a query string. An unencoded `+` in a URL arrives
 * as a space (`?phone_number=+8210...` reads ` 8210...`), so leading spaces before a digit mean `+`.
 */
export function normaliseLookupNumber(input: string, defaultCountryCode: string): string | undefined {
  const restored = /^\s+\d/.test(input) ? `+${input.trimStart()}` : input
  return normalisePhoneNumber(restored, defaultCountryCode)
}

/** A number as written in a request, with its normalised key. */
export interface WrittenPhone {
  number: string
  key: string
}

/**
 * Checks the numbers of a request, recording each that is not a phone number under `path[i]`. Numbers
 * that normalise alike are kept once.
 */
export function checkPhoneNumbers(
  input: readonly string[],
  path: string,
  problems: Problems,
  defaultCountryCode: string,
): WrittenPhone[] {
  const out: WrittenPhone[] = []
  input.forEach((written, i) => {
    const key = normalisePhoneNumber(written, defaultCountryCode)
    if (key === undefined)
      problems.add(`${path}[${i}]`, 'invalid', `is not a valid phone number: ${JSON.stringify(written)}`)
    else if (!out.some((p) => p.key === key)) out.push({ number: written.trim(), key })
  })
  return out
}
