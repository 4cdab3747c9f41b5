// Firing connected-list rules: when an entry enters a status that starts a rule, its record goes into
// the rule's target process at the target status (or, where that process allows no duplicates and
// already holds the record, the existing entry is used), and `next_entry_id` points there. It fires
// once per entry: an entry that already has a next entry is not sent again. Runs inside the caller's
// transaction, so the move and its consequence commit together.
import type { Executor } from '../../db/dialect.js'
import { findEntryOfRecord } from '../../db/queries/entry-reads.js'
import { updateEntry } from '../../db/queries/entry-writes.js'
import { findConnectionFromStatus } from '../../db/queries/lists.js'
import type { EntryRow, ListConnectionRow, StatusRow } from '../../db/schema.js'
import type { Actor } from '../actor.js'
import { Problems } from '../errors.js'
import { checkFieldValue, emptyReferences, type FieldDefinition } from '../fields/field-types.js'
import type { ListDefinition, ListDefinitions } from '../lists/list-definitions.js'
import { parseStoredValues, type StoredFieldValues } from './list-field-values.js'
import type { NewEntrySpec } from './entry-store.js'

type Store = (
  trx: Executor,
  definitions: ListDefinitions,
  actor: Actor,
  def: ListDefinition,
  spec: NewEntrySpec,
  now: number,
  visited: ReadonlySet<string>,
) => Promise<EntryRow>

/**
 * Values of fields the two lists share by name and type, checked against the target's definition
 * (options may differ); the rest stay behind.
 */
function carryOverValues(
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

/**
 * Fires the rule that starts at `status`, if any, for `entry`. `visited` are the lists this chain of
 * rules has passed through; a rule leading back into one of them is not followed, so rules that form a
 * cycle cannot make entries forever.
 */
export async function followConnection(
  trx: Executor,
  definitions: ListDefinitions,
  actor: Actor,
  entry: EntryRow,
  status: StatusRow,
  now: number,
  visited: ReadonlySet<string>,
  store: Store,
): Promise<void> {
  if (entry.next_entry_id !== null) return
  await fireConnection(
    trx,
    definitions,
    actor,
    entry,
    await findConnectionFromStatus(trx, actor.workspaceId, status.id),
    now,
    visited,
    store,
  )
}

/**
 * Fires `rule` (the rule of the status `entry` just entered, already looked up; undefined when that
 * status starts none) for `entry`. See followConnection.
 */
export async function fireConnection(
  trx: Executor,
  definitions: ListDefinitions,
  actor: Actor,
  entry: EntryRow,
  rule: ListConnectionRow | undefined,
  now: number,
  visited: ReadonlySet<string>,
  store: Store,
): Promise<void> {
  if (entry.next_entry_id !== null || !rule || visited.has(rule.to_list_id)) return
  const ws = actor.workspaceId
  const target = await definitions.load(trx, ws, rule.to_list_id)
  const targetStatus = target.statuses.find((s) => s.id === rule.to_status_id)
  if (!targetStatus) return
  let nextId: string
  const existing =
    target.list.duplicates_allowed === 0
      ? await findEntryOfRecord(trx, ws, target.list.id, entry.entryable_type, entry.entryable_id)
      : undefined
  if (existing) nextId = existing.id
  else {
    const source = await definitions.load(trx, ws, entry.list_id)
    const created = await store(
      trx,
      definitions,
      actor,
      target,
      {
        entryableType: entry.entryable_type,
        entryableId: entry.entryable_id,
        status: targetStatus,
        assigneeId: entry.assignee_id,
        contactId: entry.contact_id,
        oneTimeValueCents: entry.one_time_value_cents ?? 0,
        recurringValueCents: entry.recurring_value_cents ?? 0,
        recurringValuePeriod: entry.recurring_value_period ?? 'annual',
        values: carryOverValues(source.fields, target.fields, parseStoredValues(entry.list_fields)),
      },
      now,
      visited,
    )
    nextId = created.id
  }
  entry.next_entry_id = nextId
  await updateEntry(trx, ws, entry.id, { next_entry_id: nextId, updated_at: now })
}
