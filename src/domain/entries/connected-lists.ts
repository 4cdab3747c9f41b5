// What a connected-list rule makes: when an entry enters a status that starts a rule, its record goes
// into the rule's target process at the target status, carrying assignee, contact, values and the list
// fields both processes have by name and type. Pure; EntryWrites fires the rules (once per entry, never
// back into a process the chain passed through) inside the transaction of the move.
import type { EntryRow, StatusRow } from '../../db/schema.js'
import { Problems } from '../errors.js'
import { checkFieldValue, emptyReferences, type FieldDefinition } from '../fields/field-types.js'
import type { ListDefinition } from '../lists/list-definitions.js'
import type { NewEntrySpec } from './entry-rows.js'
import { parseStoredValues, type StoredFieldValues } from './list-field-values.js'

/**
 * Values of fields the two lists share by name and type, checked against the target's definition
 * (options may differ); the rest stay behind.
 */
export function carryOverValues(
  from: readonly FieldDefinition[],
  to: readonly FieldDefinition[],
  values: StoredFieldValues,
): StoredFieldValues {
  const carried: StoredFieldValues = {}
  for (const source of from) {
    const value = values[source.id]
    const target = to.find((f) => f.name === source.name && f.data_type === source.data_type)
    if (value === undefined || !target) continue
    const checked = checkFieldValue(target, value, '', new Problems(), emptyReferences())
    if (checked !== undefined && checked !== null) carried[target.id] = checked
  }
  return carried
}

/** The entry a rule makes for `entry` (of the list `source`) in `target`, at `status`. */
export function connectedEntrySpec(
  entry: EntryRow,
  source: ListDefinition,
  target: ListDefinition,
  status: StatusRow,
): NewEntrySpec {
  return {
    entryableType: entry.entryable_type,
    entryableId: entry.entryable_id,
    status,
    assigneeId: entry.assignee_id,
    contactId: entry.contact_id,
    oneTimeValueCents: entry.one_time_value_cents ?? 0,
    recurringValueCents: entry.recurring_value_cents ?? 0,
    recurringValuePeriod: entry.recurring_value_period ?? 'annual',
    values: carryOverValues(source.fields, target.fields, parseStoredValues(entry.list_fields)),
  }
}
