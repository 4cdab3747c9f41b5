// The session cookie on the wire: reading one cookie out of a Cookie header and writing Set-Cookie. Small
// enough not to need a cookie library: the only cookie Rapport sets holds a base64url token.

/** The name of the session cookie (the web app's sign-in). */
export const SESSION_COOKIE = 'rapport_session'

/**
 * The value of cookie `name` in a Cookie header, or undefined. A name sent twice gives the first (the
 * one with the longest path, by RFC 6265's ordering).
 *
 * ### Example
 * ```ts
 * cookieValue('theme=dark; rapport_session=abc', 'rapport_session') // 'abc'
 * ```
 */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue
    const value = part.slice(eq + 1).trim()
    return value.startsWith('"') && value.endsWith('"') && value.length >= 2 ? value.slice(1, -1) : value
  }
  return undefined
}

export interface CookieOptions {
  /** Seconds until the browser drops it; 0 deletes it now. */
  maxAgeSeconds: number
  /** Only sent over HTTPS. */
  secure: boolean
}

/** A Set-Cookie value for the session cookie: HttpOnly, SameSite=Lax, Path=/, Secure when asked. */
export function sessionCookie(value: string, options: CookieOptions): string {
  const parts = [`${SESSION_COOKIE}=${value}`, 'Path=/', `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`]
  parts.push('HttpOnly', 'SameSite=Lax')
  if (options.secure) parts.push('Secure')
  return parts.join('; ')
}
