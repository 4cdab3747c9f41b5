// What requests carry, in the pieces every resource shares: ids, nullable values, name/value pairs and
// paging parameters, as TypeBox schemas. The API validates requests against schemas built from these
// (src/http/schemas re-exports them into the OpenAPI document), and the domain's input types are their
// `Static`, so the two cannot drift.
import { Type, type Static, type TSchema, type TUnsafe } from 'typebox'
import { ID_PATTERN } from './ids.js'
import { MAX_OFFSET, MAX_PAGE_SIZE, MAX_UNIX_SECONDS } from './pagination.js'

export const Id = Type.String({
  pattern: ID_PATTERN,
  maxLength: 32,
  description: 'Short alphanumeric id',
  examples: ['QbkUlo4xZq'],
})
/**
 * `schema` or null, written as a type array (`["string", "null"]`, or `null` added to an enum) rather
 * than an `anyOf`: the response serializer writes type arrays directly, where an `anyOf` costs a
 * schema validation per value, and a wrong type in a request gives one problem instead of one per branch.
 */
export function Nullable<T extends TSchema>(
  schema: T,
  options: Record<string, unknown> = {},
): TUnsafe<Static<T> | null> {
  const plain = JSON.parse(JSON.stringify(schema)) as Record<string, unknown>
  if (Array.isArray(plain.enum))
    return Type.Unsafe<Static<T> | null>({ ...plain, ...options, enum: [...plain.enum, null] })
  if (typeof plain.type !== 'string') throw new Error('Nullable() takes a schema with one type or an enum')
  return Type.Unsafe<Static<T> | null>({ ...plain, ...options, type: [plain.type, 'null'] })
}

/**
 * A string or null, as one JSON-schema type array (`["string", "null"]`) rather than an `anyOf`, so a
 * wrong type gives one problem ("must be string or null") instead of one per branch.
 */
export function NullableString(options: Record<string, unknown> = {}): TUnsafe<string | null> {
  return Nullable(Type.String(options))
}

export const PageQuery = Type.Object({
  first: Type.Optional(
    Type.Integer({
      minimum: 0,
      description: `Page size; default 25, at most ${MAX_PAGE_SIZE} (larger values are served as ${MAX_PAGE_SIZE})`,
    }),
  ),
  // Maximums keep huge values (`after=1e308`) from reaching the database, where they failed as 500s.
  after: Type.Optional(
    Type.Integer({ minimum: 0, maximum: MAX_OFFSET, description: "Offset: pass the previous page's `end_cursor`" }),
  ),
  updated_after: Type.Optional(
    Type.Number({
      minimum: 0,
      maximum: MAX_UNIX_SECONDS,
      description: 'Only records updated after this Unix time (seconds)',
    }),
  ),
})

/** Name/value pairs, as custom_fields and list_fields are written. */
export const NamedValue = Type.Object({
  name: Type.String({ maxLength: 200 }),
  value: Type.Unknown({ description: 'A scalar, an array for multi-value fields, or null to clear' }),
})
