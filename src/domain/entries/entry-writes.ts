// Every write of an entry goes through EntryWrites, inside the caller's transaction: new entries (in
// batches), a PATCH, a move to another status, a delete, and what other writes do to entries (a record
// deleted, a list deleted, a status whose type changed, a contact forgotten). Each method leaves the
// kept counters, the list-field lookup rows and the status history true, and fires the connected-list
// rule of a status entered (one direct call, #followRule). The checks of the input come before and are
// the caller's (entry-input.ts, entry-references.ts); the SQL is src/db/queries/entry-*.ts's.
//
// Events about entries (the webhooks outbox) are recorded here, in the same transaction as the write
// they describe, at the end of each public method: `create` (one per stored row; entries a rule makes
// come through it too), `update` and `moveToStatus` (the row as left), `delete`, `deleteOfRecord` and
// `deleteOfList` (the rows removed, and for a contact the entries that forgot it), and
// `syncClosedAtOfStatus` (the rows changed). No caller writes entries any other way.
import type { Executor } from '../../db/dialect.js'
import type { Outcome } from '../../db/micro-batch.js'
import {
  deleteEntries,
  deleteEntriesOfList,
  deleteEntriesOfRecords,
  detachContactFromEntries,
} from '../../db/queries/entry-cascades.js'
import { holdRecords } from '../../db/queries/entry-locks.js'
import { findEntriesNamingContact, findEntryOfRecord, recordsInList } from '../../db/queries/entry-reads.js'
import {
  incrementListCounters,
  incrementStatusCount,
  deleteFieldValue,
  deleteFieldValues,
  insertEntries,
  insertFieldValues,
  insertStatusChanges,
  syncClosedAtOfStatus,
  updateEntry,
} from '../../db/queries/entry-writes.js'
import { findConnectionFromStatus, findConnectionsFromStatuses } from '../../db/queries/lists.js'
import type { EntryRow, ListConnectionRow, StatusRow, UserRow } from '../../db/schema.js'
import type { Actor } from '../actor.js'
import { NotFoundError, invalid } from '../errors.js'
import { forgetReference } from '../fields/references.js'
import type { ListDefinition, ListDefinitions } from '../lists/list-definitions.js'
import { closedAtFor } from '../lists/statuses.js'
import { nowMs } from '../time.js'
import { connectedEntrySpec } from './connected-lists.js'
import type { EntryPatch } from './entry-input.js'
import {
  StaleDefinitionError,
  duplicateEntryError,
  newEntryRow,
  statusChangeRow,
  type NewEntrySpec,
} from './entry-rows.js'
import { fieldValueRows, parseStoredValues } from './list-field-values.js'

/** One entry to make, and who makes it (its first history row names them). */
export interface NewEntryItem {
  actor: Actor
  spec: NewEntrySpec
  /** The `definition_version` of the list whose fields and statuses `spec` was checked against. */
  checkedAt: number
}

/** The lists a chain of connected-list rules has passed through; a rule never leads back into one. */
type Visited = ReadonlySet<string>

export class EntryWrites {
  constructor(private readonly definitions: ListDefinitions) {}

  /**
   * Inserts entries into one list, in one go: they are checked together, numbered together and written
   * with multi-row INSERTs, which is what lets many concurrent creates share one lock and one COMMIT.
   * Returns one outcome per item, in order; an item that breaks a rule (its record is gone, or is
   * already in a list that holds records once) or was checked against fields and statuses that have
   * changed since (StaleDefinitionError) fails alone and takes no key.
   *
   * The list's row is locked first (by counting the batch in, see incrementListCounters), so the duplicate
   * check and the key numbers that follow cannot race another create, in this process or another. The
   * records named are held too (see holdRecords).
   */
  async create(
    trx: Executor,
    def: ListDefinition,
    items: readonly NewEntryItem[],
    now: number,
    visited: Visited = new Set(),
  ): Promise<Array<Outcome<EntryRow>>> {
    const ws = def.list.workspace_id
    const listId = def.list.id
    const isProcess = def.list.process
    // Counting the whole batch in first is what takes the list's row lock; the numbers of items refused
    // below are given back before the COMMIT, under the same lock, so nobody sees them and keys stay
    // gap-free. The common batch, where nothing is refused, needs no second trip.
    const counter = await incrementListCounters(trx, ws, listId, items.length, isProcess ? items.length : 0)
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
    const duplicatesAllowed = counter.duplicates_allowed
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
    if (refused > 0) await incrementListCounters(trx, ws, listId, -refused, isProcess ? -refused : 0)
    if (kept.length === 0) return outcomes as Array<Outcome<EntryRow>>
    const firstNumber = counter.last_key_number - items.length + 1
    const rows = kept.map(({ item: { spec } }, k) =>
      newEntryRow(def, spec, isProcess ? firstNumber + k : null, counter.identifier, now),
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
      await incrementStatusCount(trx, ws, statusId, perStatus.get(statusId)!)
    await insertStatusChanges(
      trx,
      rows.flatMap((row, k) => {
        const { actor, spec } = kept[k]!.item
        return spec.status ? [statusChangeRow(actor, row, null, spec.status, now)] : []
      }),
    )
    // One look-up for the rules of every status the batch enters, not one per entry.
    const rules = await findConnectionsFromStatuses(trx, ws, [...perStatus.keys()])
    const chain = new Set([...visited, listId])
    for (const [k, row] of rows.entries()) {
      const rule = row.status_id === null ? undefined : rules.get(row.status_id)
      await this.#followRule(trx, kept[k]!.item.actor, row, rule, now, chain)
      outcomes[kept[k]!.i] = { ok: true, value: row }
    }
    return outcomes as Array<Outcome<EntryRow>>
  }

  /**
   * Applies a checked PATCH to a stored entry (read under its row lock by the caller): the changed
   * columns, the lookup rows of the fields it touched, and a status move with its consequences.
   * `assignee` is the member `patch.assigneeEmail` named (null: unassign; undefined: not sent).
   * Mutates `row` to match what is stored.
   */
  async update(
    trx: Executor,
    actor: Actor,
    def: ListDefinition,
    row: EntryRow,
    patch: EntryPatch,
    assignee: UserRow | null | undefined,
  ): Promise<void> {
    const ws = actor.workspaceId
    // Strictly after the entry's last change: two PATCHes of one entry in one millisecond still get
    // distinct times, so its updated_at only grows and its status history reads in the order it happened.
    const now = Math.max(nowMs(), row.updated_at + 1)
    const changes: Partial<EntryRow> = {}
    if (assignee !== undefined && (assignee?.id ?? null) !== row.assignee_id) changes.assignee_id = assignee?.id ?? null
    if (patch.contactId !== undefined) changes.contact_id = patch.contactId
    if (patch.oneTimeValueCents !== undefined) changes.one_time_value_cents = patch.oneTimeValueCents
    if (patch.recurringValueCents !== undefined) changes.recurring_value_cents = patch.recurringValueCents
    if (patch.recurringValuePeriod !== undefined) changes.recurring_value_period = patch.recurringValuePeriod
    if (patch.fields) {
      const json = JSON.stringify(patch.fields.values)
      if (json !== row.list_fields) {
        changes.list_fields = json
        await deleteFieldValues(trx, ws, row.id, patch.fields.touched)
        await insertFieldValues(trx, ws, fieldValueRows(row.id, patch.fields.values, patch.fields.touched))
      }
    }
    if (Object.keys(changes).length > 0) {
      Object.assign(row, changes, { updated_at: now })
      await updateEntry(trx, ws, row.id, { ...changes, updated_at: now })
    }
    if (patch.status) await this.moveToStatus(trx, actor, def, row, patch.status, now)
  }

  /**
   * Moves a stored entry to another status of its process: kept counts, closed_at, a history row, and
   * the rule of the status entered. Mutates `row` to match what was written.
   */
  async moveToStatus(
    trx: Executor,
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
    row.updated_at = now
    await updateEntry(trx, ws, row.id, { status_id: row.status_id, closed_at: row.closed_at, updated_at: now })
    await insertStatusChanges(trx, [statusChangeRow(actor, row, from, to, now)])
    const counts: Array<[string, number]> = from
      ? [
          [from.id, -1],
          [to.id, 1],
        ]
      : [[to.id, 1]]
    counts.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    for (const [statusId, n] of counts) await incrementStatusCount(trx, ws, statusId, n)
    if (row.next_entry_id === null) {
      const rule = await findConnectionFromStatus(trx, ws, to.id)
      await this.#followRule(trx, actor, row, rule, now, new Set([def.list.id]))
    }
  }

  /** Deletes entries (read under their row locks by the caller) and what hangs off them. */
  async delete(
    trx: Executor,
    workspaceId: string,
    rows: ReadonlyArray<Pick<EntryRow, 'id' | 'list_id' | 'status_id'>>,
  ): Promise<void> {
    await deleteEntries(trx, workspaceId, rows)
  }

  /**
   * What deleting a contact or an organization does to entries: its own entries, in every list and
   * process, go; a deleted contact is also taken out of organization entries (`contact_id`) and of
   * `contact` list fields.
   */
  async deleteOfRecord(
    trx: Executor,
    workspaceId: string,
    type: 'Contact' | 'Organization',
    recordId: string,
    now: number,
  ): Promise<void> {
    await deleteEntriesOfRecords(trx, workspaceId, type, [recordId])
    if (type === 'Contact') {
      await detachContactFromEntries(trx, workspaceId, recordId, now)
      await this.#forgetContact(trx, workspaceId, recordId, now)
    }
  }

  /** Deletes every entry of a list being deleted (call before deleting the list row). */
  async deleteOfList(trx: Executor, workspaceId: string, listId: string): Promise<void> {
    await deleteEntriesOfList(trx, workspaceId, listId)
  }

  /**
   * Sets or clears `closed_at` on the entries of a status whose type changed, so that an entry in a won
   * or lost status is always closed and one in an active status never is.
   */
  async syncClosedAtOfStatus(
    trx: Executor,
    workspaceId: string,
    listId: string,
    statusId: string,
    closed: boolean,
    now: number,
  ): Promise<void> {
    await syncClosedAtOfStatus(trx, workspaceId, listId, statusId, closed, now)
  }

  /**
   * Fires `rule` (the rule of the status `entry` just entered, already looked up; undefined when that
   * status starts none) for `entry`: the record goes into the target process at the target status, or,
   * where that process allows no duplicates and already holds it, the entry there is used; either way
   * `next_entry_id` points at it. Once per entry, and never into a list of `visited`, so rules that form
   * a cycle cannot make entries forever.
   */
  async #followRule(
    trx: Executor,
    actor: Actor,
    entry: EntryRow,
    rule: ListConnectionRow | undefined,
    now: number,
    visited: Visited,
  ): Promise<void> {
    if (entry.next_entry_id !== null || !rule || visited.has(rule.to_list_id)) return
    const ws = actor.workspaceId
    const target = await this.definitions.load(trx, ws, rule.to_list_id)
    const targetStatus = target.statuses.find((s) => s.id === rule.to_status_id)
    if (!targetStatus) return
    const existing = !target.list.duplicates_allowed
      ? await findEntryOfRecord(trx, ws, target.list.id, entry.entryable_type, entry.entryable_id)
      : undefined
    let nextId = existing?.id
    if (nextId === undefined) {
      const source = await this.definitions.load(trx, ws, entry.list_id)
      const spec = connectedEntrySpec(entry, source, target, targetStatus)
      nextId = (await this.#createOne(trx, actor, target, spec, now, visited)).id
    }
    entry.next_entry_id = nextId
    await updateEntry(trx, ws, entry.id, { next_entry_id: nextId, updated_at: now })
  }

  /** Inserts one entry (see create); throws what stopped it. */
  async #createOne(
    trx: Executor,
    actor: Actor,
    def: ListDefinition,
    spec: NewEntrySpec,
    now: number,
    visited: Visited,
  ): Promise<EntryRow> {
    const [outcome] = await this.create(
      trx,
      def,
      [{ actor, spec, checkedAt: def.list.definition_version }],
      now,
      visited,
    )
    if (!outcome!.ok) throw outcome!.error
    return outcome!.value
  }

  /**
   * A deleted contact leaves entries' `contact` list fields: a multi-value field loses the id, a
   * single-value field is cleared (forgetReference, the rule custom fields follow too), and the lookup
   * rows go.
   */
  async #forgetContact(trx: Executor, workspaceId: string, contactId: string, now: number): Promise<void> {
    // One row per (entry, field): gather an entry's fields so its document is rewritten once.
    const byEntry = new Map<string, { json: string; fieldIds: string[] }>()
    for (const row of await findEntriesNamingContact(trx, workspaceId, contactId)) {
      const entry = byEntry.get(row.entry_id) ?? { json: row.list_fields, fieldIds: [] }
      entry.fieldIds.push(row.field_id)
      byEntry.set(row.entry_id, entry)
    }
    for (const [entryId, { json, fieldIds }] of byEntry) {
      const values = parseStoredValues(json)
      forgetReference(values, fieldIds, contactId)
      for (const fieldId of fieldIds) await deleteFieldValue(trx, workspaceId, entryId, fieldId, contactId)
      await updateEntry(trx, workspaceId, entryId, { list_fields: JSON.stringify(values), updated_at: now })
    }
  }
}
