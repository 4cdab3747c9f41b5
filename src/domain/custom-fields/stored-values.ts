// What happens to stored values when what they depend on changes: a select option still in use cannot
// be removed, a deleted field takes its values with it, and a deleted contact disappears from the
// `contact` fields that named it. Each runs inside the caller's transaction.
import type { Executor } from '../../db/dialect.js'
import type { CustomFieldRow } from '../../db/schema.js'
import * as fieldsQ from '../../db/queries/custom-fields.js'
import type { Problems } from '../errors.js'
import type { FieldValue } from '../fields/field-types.js'
import { forgetReference } from '../fields/references.js'
import { pluralOf, tableOf, type Model, type RecordModel } from './models.js'
import { parseStoredValues } from './custom-field-values.js'
import { toDefinition } from './to-custom-field.js'

function asList(value: FieldValue): Array<string | number> {
  return Array.isArray(value) ? value : [value]
}

/**
 * How many records of the field's model hold each of `options` in this field (options no record holds
 * are absent from the answer).
 */
export async function optionUsage(
  trx: Executor,
  workspaceId: string,
  field: CustomFieldRow,
  options: readonly string[],
): Promise<Map<string, number>> {
  const usage = new Map<string, number>()
  const table = tableOf(field.model as Model)
  if (table === undefined || options.length === 0) return usage
  for (const row of await fieldsQ.recordsMentioning(trx, workspaceId, table, field.id)) {
    const value = parseStoredValues(row.custom_fields)[field.id]
    if (value === undefined) continue
    const held = asList(value)
    for (const option of options) if (held.includes(option)) usage.set(option, (usage.get(option) ?? 0) + 1)
  }
  return usage
}

/**
 * Records a problem when the new `options` of a select field drop options that records still hold,
 * naming each with its number of records: every stored select value stays one of the options.
 */
export async function refuseRemovingUsedOptions(
  trx: Executor,
  field: CustomFieldRow,
  options: readonly string[],
  problems: Problems,
): Promise<void> {
  const removed = (toDefinition(field).options ?? []).filter((option) => !options.includes(option))
  const usage = await optionUsage(trx, field.workspace_id, field, removed)
  if (usage.size === 0) return
  const plural = pluralOf(field.model as RecordModel)
  const list = [...usage]
    .map(([option, n]) => `${JSON.stringify(option)} (${n} ${n === 1 ? plural.slice(0, -1) : plural})`)
    .join(', ')
  problems.add('options', 'in_use', `cannot remove options still in use: ${list}; change those values first`)
}

/**
 * Removes the field's values from every record of its model. A schema change, not an edit of the
 * records: their updated_at stays.
 */
export async function deleteFieldValues(trx: Executor, workspaceId: string, field: CustomFieldRow): Promise<void> {
  const table = tableOf(field.model as Model)
  if (table === undefined) return
  for (const row of await fieldsQ.recordsMentioning(trx, workspaceId, table, field.id)) {
    const stored = parseStoredValues(row.custom_fields)
    if (!(field.id in stored)) continue
    delete stored[field.id]
    await fieldsQ.setRecordCustomFields(trx, workspaceId, table, row.id, JSON.stringify(stored))
  }
}

/**
 * Takes a deleted contact out of every `contact` field value that names it (a multi-value field keeps
 * its other contacts). The records it leaves get a new updated_at, so syncs see the change.
 */
export async function removeContactReferences(
  trx: Executor,
  workspaceId: string,
  contactId: string,
  at: number,
): Promise<void> {
  for (const model of ['contact', 'organization'] as const) {
    const fields = (await fieldsQ.customFieldsOfModel(trx, workspaceId, model)).filter((f) => f.data_type === 'contact')
    if (fields.length === 0) continue
    const table = tableOf(model)!
    for (const row of await fieldsQ.recordsMentioning(trx, workspaceId, table, contactId)) {
      const stored = parseStoredValues(row.custom_fields)
      const changed = forgetReference(
        stored,
        fields.map((f) => f.id),
        contactId,
      )
      if (changed) await fieldsQ.setRecordCustomFields(trx, workspaceId, table, row.id, JSON.stringify(stored), at)
    }
  }
}
