// The one error hierarchy. Every failure a client can cause is a RapportError with an HTTP status and a
// stable machine `code`; the HTTP error handler turns it into the one error body. Imports nothing.

/** One problem with one input field, e.g. `{ field: 'emails[0]', code: 'taken', message: 'has already been taken' }`. */
export interface FieldProblem {
  /** Path of the field in the request, dotted, with [i] for array items (`list_fields[2].value`). */
  field: string
  /** Stable machine code of the problem (`required`, `taken`, `invalid`, `unknown`, ...). */
  code: string
  /** Rails-style phrase, read by humans and matched by some Relate clients (`has already been taken`). */
  message: string
}

export abstract class RapportError extends Error {
  abstract readonly status: number
  abstract readonly code: string
  readonly details: FieldProblem[] | undefined

  constructor(message: string, details?: FieldProblem[]) {
    super(message)
    this.name = new.target.name
    this.details = details
  }
}

/** 400: the request could not be read at all (malformed JSON, bad encoding). */
export class BadRequestError extends RapportError {
  readonly status = 400
  readonly code: string
  constructor(message: string, code = 'bad_request') {
    super(message)
    this.code = code
  }
}

/** 401: missing, malformed, unknown or revoked API key. */
export class UnauthorizedError extends RapportError {
  readonly status = 401
  readonly code = 'unauthorized'
}

/** 404: unknown id (or an id of another workspace, which must look the same) or unknown route. */
export class NotFoundError extends RapportError {
  readonly status = 404
  readonly code = 'not_found'
  constructor(resource: string, id?: string) {
    super(id === undefined ? `${resource} not found` : `${resource} ${JSON.stringify(id)} not found`)
  }
}

/** 422: the request was read but breaks a rule; `details` names each field at fault. */
export class ValidationError extends RapportError {
  readonly status = 422
  readonly code = 'validation_failed'
  constructor(details: FieldProblem[], message?: string) {
    super(message ?? validationMessage(details), details)
  }
}

/** 409: the request met a concurrent change it cannot be applied over (e.g. its status was removed meanwhile); retry it. */
export class ConflictError extends RapportError {
  readonly status = 409
  readonly code = 'conflict'
}

/** 429: a key spent its request budget, or an address its failed attempts; `retryAfterSeconds` goes out as Retry-After. */
export class RateLimitedError extends RapportError {
  readonly status = 429
  readonly code = 'rate_limited'
  constructor(
    readonly retryAfterSeconds: number,
    reason = 'Too many requests',
  ) {
    super(`${reason}; retry in ${retryAfterSeconds} s`)
  }
}

/** 503: the database cannot be reached right now; the client may retry. */
export class UnavailableError extends RapportError {
  readonly status = 503
  readonly code = 'service_unavailable'
}

/** 503: the request ran out of time (RAPPORT_REQUEST_TIMEOUT_MS); nothing it started was committed. */
export class RequestTimeoutError extends RapportError {
  readonly status = 503
  readonly code = 'request_timeout'
  constructor() {
    super('The request took too long and was stopped; nothing it started was saved. Retry later')
  }
}

/**
 * Builds the Rails-style summary of field problems.
 *
 * ### Example
 * ```ts
 * validationMessage([{ field: 'emails', code: 'taken', message: 'has already been taken' }])
 * // 'Validation failed: emails has already been taken'
 * ```
 */
export function validationMessage(details: FieldProblem[]): string {
  if (details.length === 0) return 'Validation failed'
  return `Validation failed: ${details.map((d) => `${d.field} ${d.message}`).join(', ')}`
}

/** Shorthand for a ValidationError about a single field. */
export function invalid(field: string, code: string, message: string): ValidationError {
  return new ValidationError([{ field, code, message }])
}

/**
 * Collects field problems while a whole input is checked, so one response names every mistake.
 * `throwIfAny()` raises one ValidationError holding them all.
 */
export class Problems {
  readonly list: FieldProblem[] = []
  add(field: string, code: string, message: string): void {
    this.list.push({ field, code, message })
  }
  get any(): boolean {
    return this.list.length > 0
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw new ValidationError(this.list)
  }
}
