// Small schema pieces the record resources share: nullable strings.
import { Type, type TUnsafe } from 'typebox'

/**
 * A string or null, as one JSON-schema type array (`["string", "null"]`) rather than an `anyOf`, so a
 * wrong type gives one problem ("must be string or null") instead of one per branch.
 */
export function NullableString(options: Record<string, unknown> = {}): TUnsafe<string | null> {
  return Type.Unsafe<string | null>({ ...options, type: ['string', 'null'] })
}
