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

/**
 * Problems one 422 names at most; further ones are only counted (`details_truncated`), so what an answer
 * costs does not grow with what a request gets wrong.
 */
export const MAX_PROBLEMS = 50

export abstract class RapportError extends Error {
  abstract readonly status: number
  abstract readonly code: string
  readonly details: FieldProblem[] | undefined
  /** Problems found beyond `details` and not listed. */
  readonly detailsTruncated: number

  constructor(message: string, details?: FieldProblem[], detailsTruncated = 0) {
    super(message)
    this.name = new.target.name
    this.details = details?.slice(0, MAX_PROBLEMS)
    this.detailsTruncated = detailsTruncated + Math.max(0, (details?.length ?? 0) - MAX_PROBLEMS)
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

/** 415: a body in a form the API does not read (not JSON, or JSON in a charset other than UTF-8). */
export class UnsupportedMediaTypeError extends RapportError {
  readonly status = 415
  readonly code = 'unsupported_media_type'
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

/** 422: the request was read but breaks a rule; `details` names each field at fault (the first MAX_PROBLEMS). */
export class ValidationError extends RapportError {
  readonly status = 422
  readonly code = 'validation_failed'
  constructor(details: FieldProblem[], message?: string, detailsTruncated = 0) {
    super(message ?? validationMessage(details.slice(0, MAX_PROBLEMS)), details, detailsTruncated)
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
function validationMessage(details: FieldProblem[]): string {
  if (details.length === 0) return 'Validation failed'
  return `Validation failed: ${details.map((d) => `${d.field} ${d.message}`).join(', ')}`
}

/** Shorthand for a ValidationError about a single field. */
export function invalid(field: string, code: string, message: string): ValidationError {
  return new ValidationError([{ field, code, message }])
}

/**
 * Collects field problems while a whole input is checked, so one response names every mistake (the first
 * MAX_PROBLEMS; the rest are counted). `throwIfAny()` raises one ValidationError holding them.
 */
export class Problems {
  readonly list: FieldProblem[] = []
  /** Problems past MAX_PROBLEMS: counted, not kept. */
  #dropped = 0
  add(field: string, code: string, message: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push({ field, code, message })
    else this.#dropped++
  }
  /** Every problem found, kept or not: compare it before and after a check to see whether it found any. */
  get count(): number {
    return this.list.length + this.#dropped
  }
  get any(): boolean {
    return this.count > 0
  }
  throwIfAny(): void {
    if (this.any) throw new ValidationError(this.list, undefined, this.#dropped)
  }
}
