// Where a webhook may point. An http(s) URL without credentials; and, unless the deployment allows
// private destinations (RAPPORT_WEBHOOK_ALLOW_PRIVATE=1), one whose host resolves only to public
// unicast addresses: loopback, private, link-local (cloud metadata at 169.254.169.254), unique-local,
// carrier-grade NAT, reserved, multicast and unspecified addresses are refused, so an API key cannot
// make the server probe its own network. Checked when a subscription is saved and again before every
// delivery, on the addresses the connection then uses (a name may resolve elsewhere later).
import { lookup } from 'node:dns/promises'
import ipaddr from 'ipaddr.js'

/** The longest URL a subscription may hold. */
export const MAX_URL_LENGTH = 2000
/** How long a name may take to resolve when a subscription is saved. */
const RESOLVE_TIMEOUT_MS = 5000

/** Resolves a host name to every address it has (A and AAAA). */
export type Resolver = (hostname: string) => Promise<string[]>

/** The system resolver (getaddrinfo, as connections use it). */
export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address)

/** Why a URL cannot be a webhook's, as a field problem (`code`, `message`), or the parsed URL. */
export type UrlCheck = { ok: true; url: URL } | { ok: false; code: string; message: string }

/**
 * The rules a webhook URL must meet whatever the deployment: absolute http or https, a host, no user or
 * password (a secret in a URL ends up in logs; the signature authenticates deliveries instead).
 *
 * ### Example
 * ```ts
 * checkUrlForm('ftp://example.com/hook') // { ok: false, code: 'invalid', message: 'must be an http or https URL' }
 * ```
 */
export function checkUrlForm(raw: string): UrlCheck {
  if (raw.length > MAX_URL_LENGTH)
    return { ok: false, code: 'too_long', message: `is too long (maximum is ${MAX_URL_LENGTH} characters)` }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { ok: false, code: 'invalid', message: 'is not a valid URL' }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, code: 'invalid', message: 'must be an http or https URL' }
  if (url.username !== '' || url.password !== '')
    return { ok: false, code: 'credentials', message: 'must not hold a user name or password' }
  if (url.hostname === '') return { ok: false, code: 'invalid', message: 'has no host' }
  return { ok: true, url }
}

/** The host of a URL as an address or name: IPv6 literals lose their brackets. */
export function hostOf(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname
}

/**
 * Whether `address` is a public unicast address (IPv4-mapped IPv6 judged as its IPv4). Anything that is
 * not an address at all is not public.
 *
 * ### Example
 * ```ts
 * isPublicAddress('93.184.215.14') // true
 * isPublicAddress('169.254.169.254') // false: link-local (cloud metadata)
 * isPublicAddress('::ffff:10.0.0.1') // false: private
 * ```
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false
  return ipaddr.process(address).range() === 'unicast'
}

/**
 * The problem with sending to `url`'s host, or undefined when every address it resolves to is public.
 * A host that does not resolve is a problem too (nothing could be delivered).
 */
export async function destinationProblem(url: URL, resolve: Resolver): Promise<string | undefined> {
  const host = hostOf(url)
  let addresses: string[]
  if (ipaddr.isValid(host)) addresses = [host]
  else {
    try {
      addresses = await withTimeout(resolve(host), RESOLVE_TIMEOUT_MS)
    } catch {
      return `does not resolve: ${JSON.stringify(host)} has no address`
    }
  }
  const refused = addresses.find((address) => !isPublicAddress(address))
  if (refused !== undefined)
    return `points at a loopback, private, link-local or otherwise non-public address (${refused}); RAPPORT_WEBHOOK_ALLOW_PRIVATE=1 allows it`
  if (addresses.length === 0) return `does not resolve: ${JSON.stringify(host)} has no address`
  return undefined
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
