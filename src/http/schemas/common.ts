// Schemas every resource shares: ids, timestamps, the error body, paging parameters and the list
// envelope. No runtime logic.
import { Type, type Static, type TSchema } from 'typebox'
import { Id, Nullable } from '../../domain/input-schemas.js'

// The schemas of what requests carry are the domain's (its input types are their Static): re-exported
// here for the routes and the response schemas.
export { Id, NamedValue, Nullable, NullableString, PageQuery } from '../../domain/input-schemas.js'

export const Timestamp = Type.String({
  format: 'date-time',
  description: 'ISO-8601, UTC, milliseconds',
  examples: ['2025-04-29T22:47:39.635Z'],
})
export const NullableTimestamp = Nullable(Timestamp)

export const IdParam = Type.Object({ id: Id })
export type IdParam = Static<typeof IdParam>

export const FieldProblem = Type.Object({
  field: Type.String({ description: 'Path of the field at fault, e.g. `emails[0]`' }),
  code: Type.String({ description: 'Stable machine code: required, blank, invalid, taken, inclusion, unknown, ...' }),
  message: Type.String({ description: 'Rails-style phrase, e.g. `has already been taken`' }),
})

export const ErrorBody = Type.Object(
  {
    status: Type.Integer({ description: 'The HTTP status, repeated' }),
    code: Type.String({
      description: 'Stable machine code: bad_request, malformed_json, unauthorized, not_found, ...',
    }),
    message: Type.String({ description: 'What went wrong, for humans' }),
    details: Type.Optional(
      Type.Array(FieldProblem, { description: 'One item per field at fault (422), the first 50 at most' }),
    ),
    details_truncated: Type.Optional(
      Type.Integer({ minimum: 1, description: 'Problems found beyond those in `details` and not listed' }),
    ),
    request_id: Type.String({ description: 'Quote it when reporting a problem; it is in the server log' }),
  },
  {
    $id: 'ErrorBody',
    title: 'Error',
    examples: [
      {
        status: 422,
        code: 'validation_failed',
        message: 'Validation failed: emails[0] has already been taken',
        details: [{ field: 'emails[0]', code: 'taken', message: 'has already been taken' }],
        request_id: 'req-1a2b3c',
      },
    ],
  },
)
export type ErrorBody = Static<typeof ErrorBody>

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request (unreadable JSON, bad encoding)',
  401: 'Missing, malformed, unknown or revoked API key',
  404: 'Unknown id (ids of other workspaces look the same) or unknown route',
  413: 'Request body too large',
  415: 'Unsupported Content-Type on a write (send application/json, in UTF-8)',
  422: 'Validation failed; `details` names each field',
  429: 'Rate limit spent, or too many failed authentications from this address; see Retry-After',
  503: 'Database unavailable or request timed out; retry later',
}

/** Every error status a `/v1` route can answer whatever it does. */
const COMMON_ERRORS = [401, 429, 503] as const
/** And on a route that reads a body. */
const BODY_ERRORS = [400, 413, 415, 422] as const

/**
 * The error part of a route's `response` schema: the statuses every route has, plus `extra`.
 *
 * ### Example
 * ```ts
 * response: { 200: Contact, ...errorResponses({ body: true }, 404) }
 * ```
 */
export function errorResponses(
  options: { body?: boolean; query?: boolean },
  ...extra: number[]
): Record<number, TSchema> {
  const statuses = new Set<number>([...COMMON_ERRORS, ...extra])
  if (options.body) for (const s of BODY_ERRORS) statuses.add(s)
  if (options.query) statuses.add(422)
  const out: Record<number, TSchema> = {}
  for (const status of [...statuses].sort()) {
    out[status] = Type.Ref('ErrorBody', { description: ERROR_DESCRIPTIONS[status] ?? 'Error' }) as unknown as TSchema
  }
  return out
}

export const PageInfo = Type.Object({
  end_cursor: Type.Integer({ description: '`after` + the number of items on this page: pass it as the next `after`' }),
  has_next_page: Type.Boolean(),
  total_count: Type.Integer({ description: 'Items matching the query, over all pages' }),
})

/** The list envelope `{ data: [...], pagination: {...} }` around `item`. */
export function Page<T extends TSchema>(item: T, options: { title?: string; examples?: unknown[] } = {}) {
  return Type.Object({ data: Type.Array(item), pagination: PageInfo }, options)
}

/** The 204 of a delete: no body. */
export const NoContent = Type.Null({ description: 'Deleted; no body' })
