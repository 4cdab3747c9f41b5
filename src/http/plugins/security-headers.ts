// Headers that tell browsers how to treat what we send, on every response: never guess a type
// (`nosniff`), never show us in a frame (`X-Frame-Options` and CSP `frame-ancestors`), never pass our
// URLs on as a referrer, and a Content-Security-Policy. An HTML page (the API reference at /docs, and any
// page served later) may load scripts, styles, images and fonts from this server only and run no inline
// script; anything else (JSON, scripts, styles) gets a policy that lets it do nothing at all if a browser
// opens it as a document.
import fp from 'fastify-plugin'
import type { FastifyReply } from 'fastify'

/** The policy of HTML pages: everything from this origin, no inline scripts, no plugins, no framing. */
export const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** The policy of everything that is not a page. */
export const RESOURCE_POLICY = "default-src 'none'; frame-ancestors 'none'"

/** The headers of a response that is not a page, as raw HTTP lines (for answers written to the socket). */
export const RESOURCE_HEADER_LINES = `Content-Security-Policy: ${RESOURCE_POLICY}\r\nX-Content-Type-Options: nosniff\r\nX-Frame-Options: DENY\r\nReferrer-Policy: no-referrer\r\n`

/** Sets the headers on `reply`, by the content type it has so far. */
export function setSecurityHeaders(reply: FastifyReply): void {
  const type = String(reply.getHeader('content-type') ?? '')
  reply.header('content-security-policy', type.startsWith('text/html') ? PAGE_POLICY : RESOURCE_POLICY)
  reply.header('x-content-type-options', 'nosniff')
  reply.header('x-frame-options', 'DENY')
  reply.header('referrer-policy', 'no-referrer')
}

export default fp(
  async (app) => {
    app.addHook('onSend', async (_request, reply) => setSecurityHeaders(reply))
  },
  { name: 'security-headers' },
)
