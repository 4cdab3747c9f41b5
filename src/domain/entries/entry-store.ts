// Writing entries inside a transaction: a new entry with its key, counters, lookup rows and first
// status-history row; a move to another status with its history row and closed_at; and, after either,
// the connected-list rule of the status entered. Callers own the transaction.
import type { Executor } from '../../db/dialect.js'
import * as q from '../../db/queries/entries.js'
import type { EntryRow, EntryStatusChangeRow, StatusRow } from '../../db/schema.js'
import type { Actor } from '../actor.js'
import { NotFoundError, invalid } from '../errors.js'
import { newId } from '../ids.js'
import type { ListDefinition } from '../lists/lists-service.js'
import { closedAtFor } from '../lists/statuses.js'
import { followConnection } from './connected-lists.js'
import { formatEntryKey } from './entry-key.js'
import { fieldValueRows, type StoredFieldValues } from './list-field-values.js'

/** A new entry, its references already checked. */
export interface NewEntrySpec {
  entryableType: string
  entryableId: string
  status: StatusRow | null
  assigneeId: string | null
  contactId: string | null
  oneTimeValueCents: number | null
  recurringValueCents: number | null
  recurringValuePeriod: string | null
  values: StoredFieldValues
}

/** The 422 for a second entry of one record where that is not allowed; integrations look for these words. */
export function duplicateEntryError(): Error {
  return invalid('entryable_id', 'taken', 'has already been taken: this record is already in the list')
}

function statusChange(actor: Actor, entry: EntryRow, from: StatusRow | null, to: StatusRow, at: number): EntryStatusChangeRow {
  return {
    workspace_id: actor.workspaceId,
    id: newId(),
    entry_id: entry.id,
    list_id: entry.list_id,
    from_status_id: from?.id ?? null,
    from_status_name: from?.name ?? null,
    to_status_id: to.id,
    to_status_name: to.name,
    changed_at: at,
    user_id: actor.userId,
    api_key_id: actor.apiKeyId,
  }
}

/**
 * Inserts an entry. Counting it into its list comes first: on PostgreSQL that takes the list's row lock,
 * so the duplicate check and the key number that follow cannot race another create. `lock` says the
 * database has row locks (PostgreSQL), taken on the record the entry names as well.
 * `visited` holds the lists a chain of connected-list rules has passed through.
 */
export async function storeNewEntry(
  trx: Executor,
  actor: Actor,
  def: ListDefinition,
  spec: NewEntrySpec,
  now: number,
  lock: boolean,
  visited: ReadonlySet<string> = new Set(),
): Promise<EntryRow> {
  const ws = actor.workspaceId
  const isProcess = def.list.process === 1
  if (!(await q.holdRecord(trx, ws, spec.entryableType as 'Contact' | 'Organization', spec.entryableId, lock))) {
    throw invalid('entryable_id', 'unknown', `is not a ${spec.entryableType.toLowerCase()} of this workspace`)
  }
  if (spec.contactId !== null && !(await q.holdRecord(trx, ws, 'Contact', spec.contactId, lock))) {
    throw invalid('contact_id', 'unknown', 'is not a contact of this workspace')
  }
  const counter = await q.countNewEntries(trx, ws, def.list.id, 1, isProcess ? 1 : 0)
  if (!counter) throw new NotFoundError('list', def.list.id)
  if (def.list.duplicates_allowed === 0 && (await q.findEntryOfRecord(trx, ws, def.list.id, spec.entryableType, spec.entryableId))) {
    throw duplicateEntryError()
  }
  const row: EntryRow = {
    workspace_id: ws,
    id: newId(),
    list_id: def.list.id,
    entryable_type: spec.entryableType,
    entryable_id: spec.entryableId,
    contact_id: spec.contactId,
    key: isProcess ? formatEntryKey(counter.identifier ?? '', counter.last_key_number) : null,
    key_number: isProcess ? counter.last_key_number : null,
    status_id: spec.status?.id ?? null,
    assignee_id: spec.assigneeId,
    one_time_value_cents: spec.oneTimeValueCents,
    recurring_value_cents: spec.recurringValueCents,
    recurring_value_period: spec.recurringValuePeriod,
    closed_at: spec.status ? closedAtFor(spec.status.type, null, now) : null,
    next_entry_id: null,
    list_fields: JSON.stringify(spec.values),
    created_at: now,
    updated_at: now,
  }
  await q.insertEntries(trx, [row])
  await q.insertFieldValues(trx, ws, fieldValueRows(row.id, spec.values, Object.keys(spec.values)))
  if (spec.status) {
    await q.countStatusEntries(trx, ws, spec.status.id, 1)
    await q.insertStatusChanges(trx, [statusChange(actor, row, null, spec.status, now)])
    await followConnection(trx, actor, row, spec.status, now, lock, new Set([...visited, def.list.id]), storeNewEntry)
  }
  return row
}

/**
 * Moves a stored entry to another status of its process: kept counts, closed_at, a history row, and
 * the rule of the status entered. Mutates `row` to match what was written.
 */
export async function moveToStatus(trx: Executor, actor: Actor, def: ListDefinition, row: EntryRow, to: StatusRow, now: number, lock: boolean): Promise<void> {
  const ws = actor.workspaceId
  const from = def.statuses.find((s) => s.id === row.status_id) ?? null
  // The two counter rows are updated (and, on PostgreSQL, locked) in one order, by id, whichever way
  // the entry moves: two entries crossing between the same statuses would otherwise each hold the row
  // the other waits for, a deadlock PostgreSQL breaks only after deadlock_timeout (then retried, and
  // a 500 once retries run out).
  const counts: Array<[string, number]> = from ? [[from.id, -1], [to.id, 1]] : [[to.id, 1]]
  counts.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  for (const [statusId, n] of counts) await q.countStatusEntries(trx, ws, statusId, n)
  row.status_id = to.id
  row.closed_at = closedAtFor(to.type, row.closed_at, now)
  await q.updateEntry(trx, ws, row.id, { status_id: row.status_id, closed_at: row.closed_at, updated_at: now })
  await q.insertStatusChanges(trx, [statusChange(actor, row, from, to, now)])
  await followConnection(trx, actor, row, to, now, lock, new Set([def.list.id]), storeNewEntry)
}
