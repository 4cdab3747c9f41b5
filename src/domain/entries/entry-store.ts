// Writing entries inside a transaction: new entries, in batches, with their keys, counters, lookup rows
// and first status-history rows; a move to another status with its history row and closed_at; and,
// after either, the connected-list rule of the status entered. Callers own the transaction.
import type { Executor } from '../../db/dialect.js'
import { holdRecords } from '../../db/queries/entry-locks.js'
import { recordsInList } from '../../db/queries/entry-reads.js'
import {
  countNewEntries,
  countStatusEntries,
  insertEntries,
  insertFieldValues,
  insertStatusChanges,
  updateEntry,
} from '../../db/queries/entry-writes.js'
import { findConnectionsFromStatuses } from '../../db/queries/lists.js'
import type { Outcome } from '../../db/micro-batch.js'
import type { EntryRow, EntryStatusChangeRow, StatusRow } from '../../db/schema.js'
import type { Actor } from '../actor.js'
import { ConflictError, NotFoundError, invalid } from '../errors.js'
import { newId } from '../ids.js'
import type { ListDefinition, ListDefinitions } from '../lists/list-definitions.js'
import { closedAtFor } from '../lists/statuses.js'
import { fireConnection, followConnection } from './connected-lists.js'
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

function statusChange(
  actor: Actor,
  entry: EntryRow,
  from: StatusRow | null,
  to: StatusRow,
  at: number,
): EntryStatusChangeRow {
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

/** One entry to make, and who makes it (its first history row names them). */
export interface NewEntryItem {
  actor: Actor
  spec: NewEntrySpec
  /** The `definition_version` of the list whose fields and statuses `spec` was checked against. */
  checkedAt: number
}

/**
 * The list's fields or statuses changed after an entry was checked against them (see
 * ListDefinitions.unconfirmed): nothing was stored for it; check it again. A 409 if it ever reached a client.
 */
export class StaleDefinitionError extends ConflictError {
  constructor() {
    super('The list changed while this request ran; retry')
  }
}

/**
 * Inserts entries into one list, in one go: they are checked together, numbered together and written
 * with multi-row INSERTs, which is what lets many concurrent creates share one lock and one COMMIT.
 * Returns one outcome per item, in order; an item that breaks a rule (its record is gone, or is already
 * in a list that holds records once) or was checked against fields and statuses that have changed
 * since (StaleDefinitionError) fails alone and takes no key.
 *
 * The list's row is locked first (by counting the batch in, see countNewEntries), so the duplicate check and the key numbers that follow cannot race another create, in this
 * process or another. The records named are held too (see holdRecords). `visited` holds the lists a
 * chain of connected-list rules has passed through.
 */
export async function storeNewEntries(
  trx: Executor,
  definitions: ListDefinitions,
  def: ListDefinition,
  items: readonly NewEntryItem[],
  now: number,
  visited: ReadonlySet<string> = new Set(),
): Promise<Array<Outcome<EntryRow>>> {
  const ws = def.list.workspace_id
  const listId = def.list.id
  const isProcess = def.list.process === 1
  // Counting the whole batch in first is what takes the list's row lock (see countNewEntries); the
  // numbers of items refused below are given back before the COMMIT, under the same lock, so nobody
  // sees them and keys stay gap-free. The common batch, where nothing is refused, needs no second trip.
  const counter = await countNewEntries(trx, ws, listId, items.length, isProcess ? items.length : 0)
  if (!counter) return items.map(() => ({ ok: false, error: new NotFoundError('list', listId) }))

  const outcomes: Array<Outcome<EntryRow> | undefined> = items.map(() => undefined)
  const fail = (i: number, error: unknown) => (outcomes[i] = { ok: false, error })
  const byType = (type: string) =>
    items.flatMap((item) => (item.spec.entryableType === type ? [item.spec.entryableId] : []))
  const organizations = await holdRecords(trx, ws, 'Organization', byType('Organization'))
  const contactIds = [
    ...byType('Contact'),
    ...items.flatMap((item) => (item.spec.contactId === null ? [] : [item.spec.contactId])),
  ]
  const contacts = await holdRecords(trx, ws, 'Contact', contactIds)
  // Read under the lock, not from `def`, which may be behind (see ListDefinitions.unconfirmed).
  const duplicatesAllowed = counter.duplicates_allowed === 1
  const taken = duplicatesAllowed
    ? new Set<string>()
    : await recordsInList(
        trx,
        ws,
        listId,
        def.list.entry_type,
        items.map((i) => i.spec.entryableId),
      )
  items.forEach(({ spec, checkedAt }, i) => {
    const exists = spec.entryableType === 'Contact' ? contacts : organizations
    if (checkedAt !== counter.definition_version) fail(i, new StaleDefinitionError())
    else if (!exists.has(spec.entryableId))
      fail(i, invalid('entryable_id', 'unknown', `is not a ${spec.entryableType.toLowerCase()} of this workspace`))
    else if (spec.contactId !== null && !contacts.has(spec.contactId))
      fail(i, invalid('contact_id', 'unknown', 'is not a contact of this workspace'))
    else if (taken.has(spec.entryableId)) fail(i, duplicateEntryError())
    // A batch may hold the same record twice: the first one takes it.
    else if (!duplicatesAllowed) taken.add(spec.entryableId)
  })

  const kept = items.flatMap((item, i) => (outcomes[i] === undefined ? [{ item, i }] : []))
  const refused = items.length - kept.length
  if (refused > 0) await countNewEntries(trx, ws, listId, -refused, isProcess ? -refused : 0)
  if (kept.length > 0) {
    const firstNumber = counter.last_key_number - items.length + 1
    const rows = kept.map(({ item: { spec } }, k) =>
      newRow(def, spec, isProcess ? firstNumber + k : null, counter.identifier, now),
    )
    await insertEntries(trx, rows)
    await insertFieldValues(
      trx,
      ws,
      rows.flatMap((row, k) =>
        fieldValueRows(row.id, kept[k]!.item.spec.values, Object.keys(kept[k]!.item.spec.values)),
      ),
    )
    const perStatus = new Map<string, number>()
    for (const row of rows)
      if (row.status_id !== null) perStatus.set(row.status_id, (perStatus.get(row.status_id) ?? 0) + 1)
    // Status rows are locked in id order by every writer, so concurrent writers cannot deadlock.
    for (const statusId of [...perStatus.keys()].sort())
      await countStatusEntries(trx, ws, statusId, perStatus.get(statusId)!)
    await insertStatusChanges(
      trx,
      rows.flatMap((row, k) =>
        kept[k]!.item.spec.status
          ? [statusChange(kept[k]!.item.actor, row, null, kept[k]!.item.spec.status!, now)]
          : [],
      ),
    )
    // One look-up for the rules of every status the batch enters, not one per entry.
    const rules = await findConnectionsFromStatuses(trx, ws, [...perStatus.keys()])
    const chain = new Set([...visited, listId])
    for (const [k, row] of rows.entries()) {
      const { actor } = kept[k]!.item
      if (row.status_id !== null)
        await fireConnection(trx, definitions, actor, row, rules.get(row.status_id), now, chain, storeNewEntry)
      outcomes[kept[k]!.i] = { ok: true, value: row }
    }
  }
  return outcomes as Array<Outcome<EntryRow>>
}

function newRow(
  def: ListDefinition,
  spec: NewEntrySpec,
  keyNumber: number | null,
  identifier: string | null,
  now: number,
): EntryRow {
  return {
    workspace_id: def.list.workspace_id,
    id: newId(),
    list_id: def.list.id,
    entryable_type: spec.entryableType,
    entryable_id: spec.entryableId,
    contact_id: spec.contactId,
    key: keyNumber === null ? null : formatEntryKey(identifier ?? '', keyNumber),
    key_number: keyNumber,
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
}

/** Inserts one entry (see storeNewEntries); throws what stopped it. */
export async function storeNewEntry(
  trx: Executor,
  definitions: ListDefinitions,
  actor: Actor,
  def: ListDefinition,
  spec: NewEntrySpec,
  now: number,
  visited: ReadonlySet<string> = new Set(),
): Promise<EntryRow> {
  const [outcome] = await storeNewEntries(
    trx,
    definitions,
    def,
    [{ actor, spec, checkedAt: def.list.definition_version }],
    now,
    visited,
  )
  if (!outcome!.ok) throw outcome!.error
  return outcome!.value
}

/**
 * Moves a stored entry to another status of its process: kept counts, closed_at, a history row, and
 * the rule of the status entered. Mutates `row` to match what was written.
 */
export async function moveToStatus(
  trx: Executor,
  definitions: ListDefinitions,
  actor: Actor,
  def: ListDefinition,
  row: EntryRow,
  to: StatusRow,
  now: number,
): Promise<void> {
  const ws = actor.workspaceId
  const from = def.statuses.find((s) => s.id === row.status_id) ?? null
  // The two counter rows are updated (and so locked) in one order, by id, whichever way the entry
  // moves: two entries crossing between the same statuses would otherwise each hold the row the other
  // waits for, a deadlock the database breaks only after a timeout (then retried, and a 503 once
  // retries run out).
  // They come after the entry's own writes: every move holds them until its COMMIT, so the less that
  // runs after them, the less the moves of one process wait for each other.
  row.status_id = to.id
  row.closed_at = closedAtFor(to.type, row.closed_at, now)
  await updateEntry(trx, ws, row.id, { status_id: row.status_id, closed_at: row.closed_at, updated_at: now })
  await insertStatusChanges(trx, [statusChange(actor, row, from, to, now)])
  const counts: Array<[string, number]> = from
    ? [
        [from.id, -1],
        [to.id, 1],
      ]
    : [[to.id, 1]]
  counts.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  for (const [statusId, n] of counts) await countStatusEntries(trx, ws, statusId, n)
  await followConnection(trx, definitions, actor, row, to, now, new Set([def.list.id]), storeNewEntry)
}
