// An entry's list-field values: written by field name as `[{name, value}]`, stored by field id, returned
// as `{"<field id>": {name, data_type, value}}`. Writing changes only the fields sent; `null` clears one.
import type { FieldValueRow } from '../../db/queries/entry-writes.js'
import type { Problems } from '../errors.js'
import type { ListFieldsInput } from './entry-requests.js'
import {
  checkFieldValue,
  indexKeys,
  type DataType,
  type FieldDefinition,
  type FieldValue,
  type References,
} from '../fields/field-types.js'

/** Stored values: field id to value. Fields without a value are absent. */
export type StoredFieldValues = Record<string, FieldValue>

export interface ListFieldValueResource {
  name: string
  data_type: DataType
  value: FieldValue | null
}

export function parseStoredValues(json: string): StoredFieldValues {
  return JSON.parse(json) as StoredFieldValues
}

/**
 * Applies `input` over `current` and returns the new stored values and the ids of the fields it
 * touched. Unknown names and bad values are recorded as problems under `list_fields[i]`; a name sent
 * again is one problem (an unknown one is named once) and its value is not checked again. Records that
 * values point at are collected in `refs` for the caller to verify.
 */
export function applyListFields(
  fields: readonly FieldDefinition[],
  current: StoredFieldValues,
  input: ListFieldsInput,
  problems: Problems,
  refs: References,
): { values: StoredFieldValues; touched: string[] } {
  const pairs = Array.isArray(input) ? input.map((p) => [p.name, p.value] as const) : Object.entries(input)
  const byName = new Map(fields.map((f) => [f.name, f]))
  const values: StoredFieldValues = { ...current }
  const touched: string[] = []
  /** Names met so far: false once sent, true once their repetition is reported. */
  const seen = new Map<string, boolean>()
  pairs.forEach(([name, raw], i) => {
    const path = Array.isArray(input) ? `list_fields[${i}]` : `list_fields.${name}`
    const namePath = Array.isArray(input) ? `${path}.name` : path
    const field = byName.get(name)
    const repeated = seen.get(name)
    if (repeated !== undefined) {
      if (!repeated && field) problems.add(namePath, 'taken', 'is listed twice')
      seen.set(name, true)
      return
    }
    seen.set(name, false)
    if (!field) {
      problems.add(namePath, 'unknown', `is not a field of this list: ${JSON.stringify(name)}`)
      return
    }
    const value = checkFieldValue(field, raw, Array.isArray(input) ? `${path}.value` : path, problems, refs)
    if (value === undefined) return
    touched.push(field.id)
    if (value === null) delete values[field.id]
    else values[field.id] = value
  })
  return { values, touched }
}

/** The lookup rows (`entry_field_values`) for the given fields of an entry. */
export function fieldValueRows(
  entryId: string,
  values: StoredFieldValues,
  fieldIds: readonly string[],
): FieldValueRow[] {
  const rows: FieldValueRow[] = []
  for (const fieldId of fieldIds) {
    const value = values[fieldId]
    if (value === undefined) continue
    for (const key of new Set(indexKeys(value))) rows.push({ field_id: fieldId, value: key, entry_id: entryId })
  }
  return rows
}

/**
 * The response form: every field of the list, keyed by field id, with `value: null` where unset. Values
 * of removed fields are not shown (and are dropped on the entry's next write).
 */
export function toListFieldsResource(
  fields: readonly FieldDefinition[],
  values: StoredFieldValues,
): Record<string, ListFieldValueResource> {
  const out: Record<string, ListFieldValueResource> = {}
  for (const field of fields) {
    let value = values[field.id] ?? null
    // A field widened to multiple values shows an older single value as a one-item array.
    if (value !== null && field.accepts_multiple_values && !Array.isArray(value)) value = [value]
    out[field.id] = { name: field.name, data_type: field.data_type, value }
  }
  return out
}

/** Values of removed fields, dropped when an entry is written. */
export function withoutRemovedFields(fields: readonly FieldDefinition[], values: StoredFieldValues): StoredFieldValues {
  const out: StoredFieldValues = {}
  for (const field of fields) if (values[field.id] !== undefined) out[field.id] = values[field.id]!
  return out
}
