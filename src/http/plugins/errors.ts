// The one error handler: every failure leaves as the ErrorBody shape, with a stable code. Client
// mistakes keep their 4xx; anything unexpected is logged with its stack and answered as a bare 500
// carrying the request id, so no internal text reaches a client. What the router and Node refuse before
// any route runs (bad URLs, unparsable HTTP) is answered in the same shape (frameworkErrors,
// clientErrorHandler, passed to Fastify by app.ts).
//
// An error body is at most MAX_ERROR_BODY_BYTES whatever the request did: at most MAX_PROBLEMS details
// (the rest counted in `details_truncated`), each text clipped, and details dropped from the end while
// the body would still be larger. A request can echo its own text back, but never multiplied.
import type { Socket } from 'node:net'
import fp from 'fastify-plugin'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  MAX_PROBLEMS,
  RapportError,
  RateLimitedError,
  RequestTimeoutError,
  ValidationError,
  type FieldProblem,
} from '../../domain/errors.js'
import { isTimedOut, isUnavailable } from '../../db/errors.js'
import { newRequestId } from '../request-id.js'
import { RESOURCE_HEADER_LINES, setSecurityHeaders } from './security-headers.js'
import type { ErrorBody } from '../schemas/common.js'

interface AjvError {
  keyword: string
  instancePath: string
  message?: string
  params: Record<string, unknown>
}

/** `/list_fields/2/value` → `list_fields[2].value` */
function fieldPath(instancePath: string, extra?: string): string {
  const parts = instancePath.split('/').filter((p) => p !== '')
  if (extra !== undefined) parts.push(extra)
  return parts
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === '' ? part : `${path}.${part}`), '')
}

function problemFromAjv(error: AjvError, context: string | undefined): FieldProblem {
  const missing = typeof error.params.missingProperty === 'string' ? error.params.missingProperty : undefined
  const extra = typeof error.params.additionalProperty === 'string' ? error.params.additionalProperty : undefined
  const field =
    fieldPath(error.instancePath, missing ?? extra) || (context === 'body' ? 'body' : (context ?? 'request'))
  switch (error.keyword) {
    case 'additionalProperties':
      return {
        field,
        code: 'unknown',
        message: context === 'querystring' ? 'is not a known parameter' : 'is not a known field',
      }
    case 'required':
      return { field, code: 'required', message: "can't be blank" }
    case 'type':
      return { field, code: 'type', message: `must be ${String(error.params.type).replace(/,/g, ' or ')}` }
    case 'enum':
      return {
        field,
        code: 'inclusion',
        message: `is not included in the list (${((error.params.allowedValues as unknown[]) ?? []).join(', ')})`,
      }
    case 'maxLength':
      return { field, code: 'too_long', message: `is too long (maximum is ${String(error.params.limit)} characters)` }
    case 'minLength':
      return { field, code: 'too_short', message: `is too short (minimum is ${String(error.params.limit)} characters)` }
    case 'maxItems':
      return { field, code: 'too_long', message: `has too many items (maximum is ${String(error.params.limit)})` }
    default:
      return { field, code: error.keyword, message: error.message ?? 'is invalid' }
  }
}

/** Codes for the Fastify errors a client can cause. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_BAD_URL: 'bad_request',
  FST_ERR_ASYNC_CONSTRAINT: 'bad_request',
}

const STATUS_CODES: Record<number, string> = {
  400: 'bad_request',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
}

/** The largest error body, in bytes of JSON: what a 4xx costs to send, whatever was sent. */
export const MAX_ERROR_BODY_BYTES = 16 * 1024
/** Longest `message` of an error body, in characters. */
const MAX_MESSAGE_LENGTH = 1000
/** Longest field path, code or message of one problem, in characters. */
const MAX_PROBLEM_TEXT_LENGTH = 200

/** `text` cut to `max` characters with an ellipsis, never between the halves of a surrogate pair. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text
  let end = max - 1
  if (/[\ud800-\udbff]/.test(text[end - 1] ?? '')) end--
  return `${text.slice(0, end)}…`
}

export function errorBody(
  request: FastifyRequest,
  status: number,
  code: string,
  message: string,
  details?: FieldProblem[],
  detailsTruncated = 0,
): ErrorBody {
  const body: ErrorBody = { status, code, message: clip(message, MAX_MESSAGE_LENGTH), request_id: String(request.id) }
  if (details === undefined || details.length === 0) return body
  const kept = details.slice(0, MAX_PROBLEMS).map((d) => ({
    field: clip(d.field, MAX_PROBLEM_TEXT_LENGTH),
    code: clip(d.code, MAX_PROBLEM_TEXT_LENGTH),
    message: clip(d.message, MAX_PROBLEM_TEXT_LENGTH),
  }))
  // `,"details":[...],"details_truncated":n` costs at most this much beside the problems themselves.
  let bytes = Buffer.byteLength(JSON.stringify(body)) + 48
  let fit = 0
  for (const problem of kept) {
    bytes += Buffer.byteLength(JSON.stringify(problem)) + 1
    if (bytes > MAX_ERROR_BODY_BYTES) break
    fit++
  }
  const dropped = detailsTruncated + details.length - fit
  if (fit > 0) body.details = kept.slice(0, fit)
  if (dropped > 0) body.details_truncated = dropped
  return body
}

/** Turns any thrown value into the status and body the client gets. */
export function toErrorResponse(error: unknown, request: FastifyRequest): ErrorBody {
  if (isTimedOut(error)) error = new RequestTimeoutError()
  const fastifyError = error as FastifyError & { validation?: AjvError[]; validationContext?: string }
  if (Array.isArray(fastifyError?.validation)) {
    // A path parameter that cannot be an id names nothing that exists: 404, like any unknown id.
    if (fastifyError.validationContext === 'params') return errorBody(request, 404, 'not_found', 'Not found')
    // A schema refusal is the domain's 422, message and all: one ValidationError, whoever found it.
    const found = fastifyError.validation
    const details = found.slice(0, MAX_PROBLEMS).map((e) => problemFromAjv(e, fastifyError.validationContext))
    error = new ValidationError(details, undefined, found.length - details.length)
  }
  if (error instanceof RapportError)
    return errorBody(request, error.status, error.code, error.message, error.details, error.detailsTruncated)
  if (isUnavailable(error))
    return errorBody(request, 503, 'service_unavailable', 'The database is unavailable; retry shortly')
  const status = typeof fastifyError?.statusCode === 'number' ? fastifyError.statusCode : 500
  if (status >= 400 && status < 500) {
    const code = FASTIFY_CODES[fastifyError.code] ?? STATUS_CODES[status] ?? 'bad_request'
    const message = code === 'malformed_json' ? 'Body is not valid JSON' : fastifyError.message
    return errorBody(request, status, code, message)
  }
  return errorBody(request, 500, 'internal_error', 'Internal server error; quote the request_id when reporting it')
}

/** What Node reports of a request it could not even parse, as status, code and message. */
function clientErrorOf(error: Error & { code?: string }): [number, string, string, string] {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return [408, 'Request Timeout', 'client_timeout', 'The request did not arrive in time']
  if (error.code === 'HPE_HEADER_OVERFLOW')
    return [431, 'Request Header Fields Too Large', 'headers_too_large', 'The request line and headers are too large']
  return [400, 'Bad Request', 'bad_request', 'The request is not valid HTTP']
}

/**
 * Fastify's `clientErrorHandler`: answers a request that never reached the router (unparsable HTTP,
 * headers over Node's size limit, a request that did not arrive within requestTimeout) in the one error
 * shape, with a request id of its own, and closes the connection, which cannot be trusted any more.
 */
export function clientErrorHandler(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const [status, reason, code, message] = clientErrorOf(error)
  const requestId = newRequestId()
  this.log.debug({ err: error, request_id: requestId }, 'client error')
  const body = JSON.stringify({ status, code, message, request_id: requestId })
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${requestId}\r\n${RESOURCE_HEADER_LINES}Connection: close\r\n\r\n${body}`,
    )
  }
  socket.destroy()
}

/**
 * Fastify's `frameworkErrors`: what the router refuses before any route runs, in the error shape. A URL
 * with broken percent-encoding is a 400; a path segment longer than any id (`maxParamLength`) names
 * nothing, so it is a 404 like any other id that cannot be one (Fastify would say 414).
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  // Answered before any route or hook: the headers every answer carries are set here.
  reply.header('x-request-id', request.id)
  reply.type('application/json; charset=utf-8')
  setSecurityHeaders(reply)
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    send(reply, errorBody(request, 404, 'not_found', 'Not found: a path segment is longer than any id'))
    return
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    send(reply, errorBody(request, 400, 'bad_request', 'The URL is not valid (broken percent-encoding)'))
    return
  }
  const body = toErrorResponse(error, request)
  if (body.status >= 500) request.log.error({ err: error }, 'request failed')
  send(reply, body)
}

function send(reply: FastifyReply, body: ErrorBody): FastifyReply {
  return reply.code(body.status).type('application/json; charset=utf-8').send(body)
}

/** The 404 of an unknown route (the `/v1` scope has its own, behind authentication). */
export function notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = request.url.split('?')[0]
  return send(reply, errorBody(request, 404, 'not_found', `Route ${request.method} ${path} not found`))
}

/** A handler that may answer an unknown path itself (the web app's pages); returns whether it did. */
export type PageFallback = (request: FastifyRequest, reply: FastifyReply) => boolean

export default fp<{ pageFallback?: PageFallback }>(
  async (app, { pageFallback }) => {
    app.setErrorHandler((error, request, reply) => {
      const body = toErrorResponse(error, request)
      if (body.status >= 500) request.log.error({ err: error }, 'request failed')
      if (error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds))
      return send(reply, body)
    })
    app.setNotFoundHandler((request, reply) => (pageFallback?.(request, reply) ? reply : notFound(request, reply)))
  },
  { name: 'errors' },
)
