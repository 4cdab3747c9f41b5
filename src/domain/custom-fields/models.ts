// What a custom field can belong to. Contacts and organizations hold values in their own rows; `deal`
// fields are definitions only for now (process entries carry their own list fields).
import type { RecordTable } from '../../db/queries/custom-fields.js'

export const MODELS = ['organization', 'contact', 'deal'] as const
export type Model = (typeof MODELS)[number]
/** The models whose records carry custom field values. */
export type RecordModel = 'organization' | 'contact'

export function isModel(value: unknown): value is Model {
  return typeof value === 'string' && (MODELS as readonly string[]).includes(value)
}

/** The table holding the values of a model's fields, or undefined for `deal`. */
export function tableOf(model: Model): RecordTable | undefined {
  if (model === 'contact') return 'contacts'
  if (model === 'organization') return 'organizations'
  return undefined
}

/** How records of a model are named in messages: `contacts`, `organizations`. */
export function pluralOf(model: RecordModel): string {
  return model === 'contact' ? 'contacts' : 'organizations'
}
