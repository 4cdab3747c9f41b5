// SQL that writes entries: new rows (prepared multi-row INSERTs), changes to a row, the list's key
// counter and the kept counts of lists and statuses, the list-field lookup rows, and status history.
// Deleting entries, with what hangs off them, is entry-cascades.ts's.
import { sql } from 'kysely'
import type { Executor } from '../dialect.js'
import { fromFlag } from '../flags.js'
import { prepare, prepareInsert } from '../prepared.js'
import type { EntryRow, EntryStatusChangeRow, ListRow } from '../schema.js'
import { chunks } from './chunks.js'

/** Every column of `entries`, in the order INSERTs bind them. */
export const ENTRY_COLUMNS = [
  'workspace_id',
  'id',
  'list_id',
  'entryable_type',
  'entryable_id',
  'contact_id',
  'key',
  'key_number',
  'status_id',
  'assignee_id',
  'one_time_value_cents',
  'recurring_value_cents',
  'recurring_value_period',
  'closed_at',
  'next_entry_id',
  'list_fields',
  'created_at',
  'updated_at',
] as const satisfies ReadonlyArray<keyof EntryRow>

const insertEntryRows = prepareInsert<EntryRow>('entries', ENTRY_COLUMNS)

/** Rows per multi-row INSERT: well under both databases' limits on bound parameters. */
const ROWS_PER_INSERT = 50

/** Inserts entries: prepared multi-row INSERTs (a batch of creates is one, a single create one row). */
export async function insertEntries(db: Executor, rows: readonly EntryRow[]): Promise<void> {
  for (const chunk of chunks(rows, ROWS_PER_INSERT)) await insertEntryRows(db, chunk)
}

export async function updateEntry(
  db: Executor,
  workspaceId: string,
  entryId: string,
  changes: Partial<Omit<EntryRow, 'workspace_id' | 'id' | 'list_id' | 'created_at'>>,
): Promise<void> {
  await db
    .updateTable('entries')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', entryId)
    .execute()
}

const addToList = prepare((db, workspaceId: string, listId: string, n: number, keys: number) =>
  db
    .updateTable('lists')
    .set({ last_key_number: sql`last_key_number + ${keys}`, entry_count: sql`entry_count + ${n}` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', listId)
    .returning(['last_key_number', 'identifier', 'duplicates_allowed', 'definition_version']),
)

/**
 * Adds `n` to the list's entry count and `keys` to its last key number (negative to give back what a
 * batch did not use), in one statement, and returns the counters after it: the caller's new key numbers
 * end at `last_key_number`. This UPDATE is also the list's row lock until the transaction ends, which
 * is what makes key numbers gap-free and unique across server processes: a second create waits, then
 * reads the committed number. (SQLite: the IMMEDIATE transaction already holds the only write lock.)
 *
 * ```sql
 * update lists set last_key_number = last_key_number + :keys, entry_count = entry_count + :n
 * where workspace_id = :ws and id = :list returning last_key_number, identifier, duplicates_allowed, definition_version
 * ```
 * It also returns what a batch checks its entries against under that lock: whether the list takes a
 * record twice, and the version of its fields and statuses.
 */
export async function incrementListCounters(
  db: Executor,
  workspaceId: string,
  listId: string,
  n: number,
  keys: number,
): Promise<Pick<ListRow, 'last_key_number' | 'identifier' | 'duplicates_allowed' | 'definition_version'> | undefined> {
  const [row] = await addToList(db, workspaceId, listId, n, keys)
  return row && { ...row, duplicates_allowed: fromFlag(row.duplicates_allowed) }
}

const addToStatus = prepare((db, workspaceId: string, statusId: string, n: number) =>
  db
    .updateTable('statuses')
    .set({ entry_count: sql`entry_count + ${n}` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', statusId),
)

/** Moves `n` entries into (n > 0) or out of (n < 0) a status's kept count. */
export async function incrementStatusCount(
  db: Executor,
  workspaceId: string,
  statusId: string,
  n: number,
): Promise<void> {
  await addToStatus(db, workspaceId, statusId, n)
}

/**
 * Sets or clears `closed_at` on the entries of a status whose type changed, so that an entry in a won or
 * lost status is always closed and one in an active status never is.
 */
export async function syncClosedAtOfStatus(
  db: Executor,
  workspaceId: string,
  listId: string,
  statusId: string,
  closed: boolean,
  at: number,
): Promise<void> {
  let query = db
    .updateTable('entries')
    .set(closed ? { closed_at: at, updated_at: at } : { closed_at: null, updated_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('list_id', '=', listId)
    .where('status_id', '=', statusId)
  query = closed ? query.where('closed_at', 'is', null) : query.where('closed_at', 'is not', null)
  await query.execute()
}

/** One list-field lookup row: an entry holds `value` (its canonical form) in a field. */
export interface FieldValueRow {
  field_id: string
  value: string
  entry_id: string
}

const insertFieldValueRows = prepareInsert<FieldValueRow & { workspace_id: string }>('entry_field_values', [
  'workspace_id',
  'field_id',
  'value',
  'entry_id',
])

export async function insertFieldValues(
  db: Executor,
  workspaceId: string,
  rows: readonly FieldValueRow[],
): Promise<void> {
  for (const chunk of chunks(rows, ROWS_PER_INSERT * 4))
    await insertFieldValueRows(
      db,
      chunk.map((r) => ({ workspace_id: workspaceId, ...r })),
    )
}

/** Forgets the lookup rows of some fields of one entry (before writing their new values). */
export async function deleteFieldValues(
  db: Executor,
  workspaceId: string,
  entryId: string,
  fieldIds: readonly string[],
): Promise<void> {
  if (fieldIds.length === 0) return
  await db
    .deleteFrom('entry_field_values')
    .where('workspace_id', '=', workspaceId)
    .where('entry_id', '=', entryId)
    .where('field_id', 'in', fieldIds)
    .execute()
}

/** Forgets one lookup row (a value an entry no longer holds). */
export async function deleteFieldValue(
  db: Executor,
  workspaceId: string,
  entryId: string,
  fieldId: string,
  value: string,
): Promise<void> {
  await db
    .deleteFrom('entry_field_values')
    .where('workspace_id', '=', workspaceId)
    .where('field_id', '=', fieldId)
    .where('value', '=', value)
    .where('entry_id', '=', entryId)
    .execute()
}

const CHANGE_COLUMNS = [
  'workspace_id',
  'id',
  'entry_id',
  'list_id',
  'from_status_id',
  'from_status_name',
  'to_status_id',
  'to_status_name',
  'changed_at',
  'user_id',
  'api_key_id',
] as const satisfies ReadonlyArray<keyof EntryStatusChangeRow>

const insertChangeRows = prepareInsert<EntryStatusChangeRow>('entry_status_changes', CHANGE_COLUMNS)

export async function insertStatusChanges(db: Executor, rows: readonly EntryStatusChangeRow[]): Promise<void> {
  for (const chunk of chunks(rows, ROWS_PER_INSERT)) await insertChangeRows(db, chunk)
}
