// What deleting entries takes with it, in one place, whatever the reason they go (the entry is
// deleted, its record is, its list is): notes that named one as their deal lose the link, entries whose
// `next_entry_id` pointed at one lose it, and their list-field lookup rows and status history go by
// foreign-key cascade. Entries deleted one by one also keep the lists' and statuses' kept counts true;
// a list deleted whole needs no counts. Organization entries that named a deleted contact forget it.
// Call inside a transaction.
import { sql } from 'kysely'
import type { Executor } from '../dialect.js'
import type { EntryRow } from '../schema.js'
import { IDS_PER_STATEMENT, chunks } from './chunks.js'

/** Which entries go: some by id, or every entry of one list. */
type Doomed = { ids: readonly string[] } | { listId: string }

/** Unlinks what points at the doomed entries, then deletes them. */
async function unlinkAndDelete(trx: Executor, workspaceId: string, doomed: Doomed): Promise<void> {
  const ids =
    'ids' in doomed
      ? doomed.ids
      : trx
          .selectFrom('entries')
          .select('id')
          .where('workspace_id', '=', workspaceId)
          .where('list_id', '=', doomed.listId)
  await trx
    .updateTable('notes')
    .set({ deal_id: null })
    .where('workspace_id', '=', workspaceId)
    .where('deal_id', 'in', ids)
    .execute()
  await trx
    .updateTable('entries')
    .set({ next_entry_id: null })
    .where('workspace_id', '=', workspaceId)
    // The list's own entries go next anyway.
    .$if('listId' in doomed, (query) => query.where('list_id', '<>', (doomed as { listId: string }).listId))
    .where('next_entry_id', 'in', ids)
    .execute()
  await trx
    .deleteFrom('entries')
    .where('workspace_id', '=', workspaceId)
    .where((eb) => ('ids' in doomed ? eb('id', 'in', doomed.ids) : eb('list_id', '=', doomed.listId)))
    .execute()
}

/**
 * Deletes entries and everything that hangs off them (see above), keeping the kept counters true: the
 * lists' and statuses' `entry_count` go down.
 */
export async function deleteEntries(
  trx: Executor,
  workspaceId: string,
  entries: ReadonlyArray<Pick<EntryRow, 'id' | 'list_id' | 'status_id'>>,
): Promise<void> {
  if (entries.length === 0) return
  const perList = countBy(entries.map((e) => e.list_id))
  const perStatus = countBy(entries.flatMap((e) => (e.status_id === null ? [] : [e.status_id])))
  // Counter rows are updated (so, on PostgreSQL, locked) in id order, as every writer does.
  for (const [listId, n] of [...perList].sort(byKey)) {
    await trx
      .updateTable('lists')
      .set({ entry_count: sql`entry_count - ${n}` })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', listId)
      .execute()
  }
  for (const [statusId, n] of [...perStatus].sort(byKey)) {
    await trx
      .updateTable('statuses')
      .set({ entry_count: sql`entry_count - ${n}` })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', statusId)
      .execute()
  }
  for (const ids of chunks(
    entries.map((e) => e.id),
    IDS_PER_STATEMENT,
  ))
    await unlinkAndDelete(trx, workspaceId, { ids })
}

/**
 * Deletes every entry of a list that is being deleted, and what hangs off them (see above); no counts
 * are kept for a list that goes.
 */
export async function deleteEntriesOfList(trx: Executor, workspaceId: string, listId: string): Promise<void> {
  await unlinkAndDelete(trx, workspaceId, { listId })
}

/**
 * Deletes every entry, in every list and process, of the given contacts or organizations (what deleting
 * a record does to its entries).
 */
export async function deleteEntriesOfRecords(
  trx: Executor,
  workspaceId: string,
  entryableType: 'Contact' | 'Organization',
  recordIds: readonly string[],
): Promise<void> {
  for (const chunk of chunks(recordIds, IDS_PER_STATEMENT)) {
    const entries = await trx
      .selectFrom('entries')
      .select(['id', 'list_id', 'status_id'])
      .where('workspace_id', '=', workspaceId)
      .where('entryable_type', '=', entryableType)
      .where('entryable_id', 'in', chunk)
      .execute()
    await deleteEntries(trx, workspaceId, entries)
  }
}

/** Clears `contact_id` on organization entries that named a contact being deleted. */
export async function detachContactFromEntries(
  trx: Executor,
  workspaceId: string,
  contactId: string,
  at: number,
): Promise<void> {
  await trx
    .updateTable('entries')
    .set({ contact_id: null, updated_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .execute()
}

const byKey = ([a]: [string, number], [b]: [string, number]) => (a < b ? -1 : a > b ? 1 : 0)

function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1)
  return counts
}
