// Request ids: every answer, error body and log line carries one. A client may send its own in
// `X-Request-Id` to correlate its logs with ours, but it is taken only when it is short and plain
// (letters, digits and `_ . : = + / -`, at most 128 characters): anything else (`<script>`, line breaks,
// 20 KB of text) was echoed verbatim into headers, bodies and logs, so it is replaced by one of ours.
import type { IncomingMessage } from 'node:http'
import { newId } from '../domain/ids.js'

/** What a client's request id must look like to be used. */
export const CLIENT_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9_.:=+/-]{0,127}$/

/** A fresh request id of ours, e.g. `req-Xa81kPq2Lm0z`. */
export function newRequestId(): string {
  return `req-${newId(12)}`
}

/** Fastify's `genReqId`: the client's `X-Request-Id` when it is safe, otherwise a fresh one. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id']
  return typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : newRequestId()
}
