// Custom field values on contacts and organizations: how `custom_fields: [{name, value}]` is read,
// checked against each field's type (members and contacts it names are verified in one batch), merged
// into the record's stored document `{ "<field id>": value }`, and shown back keyed by field id.
import type { Executor } from '../../db/dialect.js'
import type { CustomFieldRow } from '../../db/schema.js'
import * as fieldsQ from '../../db/queries/custom-fields.js'
import type { Problems } from '../errors.js'
import {
  checkFieldValue,
  emptyReferences,
  type DataType,
  type FieldDefinition,
  type FieldValue,
} from '../fields/field-types.js'
import { verifyAndHoldReferences } from '../fields/references.js'
import { pluralOf, type RecordModel } from './models.js'
import { toDefinition } from './to-custom-field.js'

/** As clients write values: `[{ name, value }]`, or (tolerated) a plain `{ name: value }` object. */
export type CustomFieldsInput = ReadonlyArray<{ name: string; value: unknown }> | Readonly<Record<string, unknown>>

/** A record's stored values: field id to value. */
export type StoredValues = Record<string, FieldValue>

/** Field id to its new value; null clears the field. */
export type ValueChanges = Map<string, FieldValue | null>

/** How a value appears in a contact or organization, keyed by field id like Relate's `list_fields`. */
export interface ShownValue {
  name: string
  data_type: DataType
  value: FieldValue
}

export function parseStoredValues(json: string): StoredValues {
  return JSON.parse(json) as StoredValues
}

/** The stored document after `changes`: set values replace, nulls remove. */
export function applyChanges(stored: StoredValues, changes: ValueChanges): StoredValues {
  const next: StoredValues = { ...stored }
  for (const [id, value] of changes) {
    if (value === null) delete next[id]
    else next[id] = value
  }
  return next
}

/** The values a record shows: one per field that holds one, in the fields' order. */
export function showValues(stored: StoredValues, definitions: readonly FieldDefinition[]): Record<string, ShownValue> {
  const shown: Record<string, ShownValue> = {}
  for (const field of definitions) {
    const value = stored[field.id]
    if (value !== undefined) shown[field.id] = { name: field.name, data_type: field.data_type, value }
  }
  return shown
}

/** The fields of a model as the value rules see them. */
export async function definitionsOf(db: Executor, workspaceId: string, model: RecordModel): Promise<FieldDefinition[]> {
  return (await fieldsQ.customFieldsOfModel(db, workspaceId, model)).map(toDefinition)
}

interface InputItem {
  name: string
  value: unknown
  /** Where a problem with the name is reported. */
  namePath: string
  /** Where a problem with the value is reported. */
  valuePath: string
}

function inputItems(input: CustomFieldsInput): InputItem[] {
  if (Array.isArray(input)) {
    return (input as ReadonlyArray<{ name: string; value: unknown }>).map((item, i) => ({
      name: item.name,
      value: item.value,
      namePath: `custom_fields[${i}].name`,
      valuePath: `custom_fields[${i}].value`,
    }))
  }
  return Object.entries(input).map(([name, value]) => ({
    name,
    value,
    namePath: `custom_fields.${name}`,
    valuePath: `custom_fields.${name}`,
  }))
}

/**
 * Checks values written to a record of `model`, recording every problem: unknown field names (named in
 * the message), values of the wrong type, members and contacts that do not exist. Returns the changes
 * to apply. Referenced contacts are held until the transaction ends, so a concurrent delete cannot leave
 * a dangling id.
 */
export async function checkCustomFieldValues(
  db: Executor,
  workspaceId: string,
  model: RecordModel,
  input: CustomFieldsInput | undefined,
  problems: Problems,
): Promise<ValueChanges> {
  const changes: ValueChanges = new Map()
  if (input === undefined) return changes
  const rows: CustomFieldRow[] = await fieldsQ.customFieldsOfModel(db, workspaceId, model)
  const byKey = new Map(rows.map((row) => [row.name_key, toDefinition(row)]))
  const refs = emptyReferences()
  /** Names met so far: false once sent, true once their repetition is reported. */
  const seen = new Map<string, boolean>()
  for (const item of inputItems(input)) {
    const key = item.name.trim().toLowerCase()
    const field = byKey.get(key)
    // A name sent again is one problem, whatever its values, and an unknown one is named once.
    const repeated = seen.get(key)
    if (repeated !== undefined) {
      if (!repeated && field)
        problems.add(item.namePath, 'duplicate', `sets ${JSON.stringify(field.name)} more than once`)
      seen.set(key, true)
      continue
    }
    seen.set(key, false)
    if (field === undefined) {
      problems.add(
        item.namePath,
        'unknown',
        `is not a custom field of ${pluralOf(model)}: ${JSON.stringify(item.name)}`,
      )
      continue
    }
    const value = checkFieldValue(field, item.value, item.valuePath, problems, refs)
    if (value !== undefined) changes.set(field.id, value)
  }
  await verifyAndHoldReferences(db, workspaceId, refs, problems)
  return changes
}
