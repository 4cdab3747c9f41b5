// What a failed call throws: RapportApiError when the server answered with an error status (its `code`,
// `message` and `details` as the API sent them), RapportConnectionError when no answer came (the
// network failed on every attempt).
import type { components } from './schema.js'

/** The API's one error body: `{ status, code, message, details?, request_id }`. */
export type ErrorBody = components['schemas']['ErrorBody']
/** One field at fault in a 422: `{ field, code, message }`. */
export type FieldProblem = NonNullable<ErrorBody['details']>[number]

/** The code given to an error answer that does not carry the API's error body (e.g. a proxy's 502 page). */
export const UNEXPECTED_RESPONSE = 'unexpected_response'

/** The server answered with an error status (4xx or 5xx, after any retries). */
export class RapportApiError extends Error {
  override readonly name = 'RapportApiError'
  /** The HTTP status. */
  readonly status: number
  /** The API's stable machine code: `validation_failed`, `not_found`, `rate_limited`, ... */
  readonly code: string
  /** One item per field at fault (422), as the API sent them; empty when it sent none. */
  readonly details: FieldProblem[]
  /** The server's request id (quote it when reporting a problem), when it sent one. */
  readonly requestId: string | undefined
  /** The error body as received, when it had the API's shape. */
  readonly body: ErrorBody | undefined
  /** The response's headers (e.g. `Retry-After` of a 429 the client gave up waiting for). */
  readonly headers: Headers

  constructor(status: number, body: ErrorBody | undefined, headers: Headers) {
    super(body?.message ?? `The server answered ${status} without an error body`)
    this.status = status
    this.code = body?.code ?? UNEXPECTED_RESPONSE
    this.details = body?.details ?? []
    this.requestId = body?.request_id ?? headers.get('x-request-id') ?? undefined
    this.body = body
    this.headers = headers
  }
}

/** No answer came: the connection failed or was dropped on every attempt. `cause` is the last failure. */
export class RapportConnectionError extends Error {
  override readonly name = 'RapportConnectionError'
  /** How many times the request was sent. */
  readonly attempts: number

  constructor(message: string, attempts: number, cause: unknown) {
    super(message, { cause })
    this.attempts = attempts
  }
}

/** Whether `error` is an API error, optionally with the given code: `isApiError(e, 'not_found')`. */
export function isApiError(error: unknown, code?: string): error is RapportApiError {
  return error instanceof RapportApiError && (code === undefined || error.code === code)
}

/** Whether `value` has the API's error shape. */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false
  const body = value as Record<string, unknown>
  return typeof body.code === 'string' && typeof body.message === 'string' && typeof body.status === 'number'
}
