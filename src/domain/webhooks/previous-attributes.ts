// `previous_attributes` of an update event: the top-level keys of the resource whose value changed, with
// the value they had (as Stripe sends it), so a receiver sees what moved without keeping a copy.
import { isDeepStrictEqual } from 'node:util'

/**
 * The keys of `before` whose values differ in `after`, with their values in `before`.
 *
 * ### Example
 * ```ts
 * previousAttributes({ name: 'A', title: null }, { name: 'B', title: null }) // { name: 'A' }
 * ```
 */
export function previousAttributes(before: unknown, after: unknown): Record<string, unknown> {
  const changed: Record<string, unknown> = {}
  if (!isObject(before) || !isObject(after)) return changed
  for (const [key, value] of Object.entries(before)) {
    if (!isDeepStrictEqual(value, after[key])) changed[key] = value
  }
  return changed
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
