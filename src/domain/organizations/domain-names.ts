// Organization domains: how a domain or URL a client sends becomes the one stored form (lower case,
// ASCII, no scheme, no `www.`, no port, no path), and what counts as a domain at all. No I/O.
import { domainToASCII } from 'node:url'
import type { Problems } from '../errors.js'

const MAX_DOMAIN_LENGTH = 253
/** A DNS label: letters, digits and inner hyphens, 1 to 63 characters. */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/
/** The last label must look like a top-level domain, which also rules out IP addresses. */
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/

/**
 * The stored form of a domain, or undefined when `input` is not a domain. Accepts bare domains, URLs
 * (scheme, user, port, path, query and fragment are dropped) and unicode names (stored as punycode).
 *
 * ### Example
 * ```ts
 * normaliseDomain('https://www.Relate.so/pricing?x=1') // 'relate.so'
 * normaliseDomain('relate')                            // undefined
 * ```
 */
export function normaliseDomain(input: string): string | undefined {
  let text = input.trim().toLowerCase()
  text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^\/\//, '')
  text = text.split(/[/?#]/, 1)[0] ?? ''
  // `user@host` (a pasted email or URL credentials): the host is what names the organization.
  text = text.slice(text.lastIndexOf('@') + 1)
  text = text.replace(/:\d*$/, '').replace(/\.$/, '')
  if (text.startsWith('www.')) text = text.slice(4)
  if (text === '' || /\s/.test(text)) return undefined
  const ascii = domainToASCII(text)
  return isDomain(ascii) ? ascii : undefined
}

/** True for a lower-case ASCII domain of at least two labels with a plausible top level. */
export function isDomain(text: string): boolean {
  if (text.length === 0 || text.length > MAX_DOMAIN_LENGTH) return false
  const labels = text.split('.')
  if (labels.length < 2) return false
  return labels.every((label) => LABEL.test(label)) && TOP_LEVEL.test(labels[labels.length - 1]!)
}

/** A domain as written in a request, normalised, with where it was written (for error details). */
export interface WrittenDomain {
  domain: string
  path: string
}

/**
 * Normalises the domains of a request, recording each that is not a domain under `path[i]`. Domains
 * that normalise to one already listed are kept once.
 */
export function checkDomains(input: readonly string[], path: string, problems: Problems): WrittenDomain[] {
  const out: WrittenDomain[] = []
  input.forEach((written, i) => {
    const domain = normaliseDomain(written)
    if (domain === undefined)
      problems.add(`${path}[${i}]`, 'invalid', `is not a valid domain: ${JSON.stringify(written)}`)
    else if (!out.some((d) => d.domain === domain)) out.push({ domain, path: `${path}[${i}]` })
  })
  return out
}
