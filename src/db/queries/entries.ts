// SQL for entries. (Grows with the entries resource; the deletion helpers are here first because deleting
// a contact, an organization or a list must take their entries along.)
import { sql } from 'kysely'
import type { Executor } from '../dialect.js'
import type { EntryRow } from '../schema.js'

export async function findEntry(db: Executor, workspaceId: string, entryId: string): Promise<EntryRow | undefined> {
  return db.selectFrom('entries').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', entryId).executeTakeFirst()
}

/**
 * Deletes entries and everything that hangs off them, keeping the kept counters true: the lists' and
 * statuses' `entry_count` go down, notes that named an entry as their deal lose the link, and entries
 * whose `next_entry_id` pointed at one lose it. Field values and status history go by foreign-key
 * cascade. Call inside a transaction.
 */
export async function deleteEntries(trx: Executor, workspaceId: string, entries: ReadonlyArray<Pick<EntryRow, 'id' | 'list_id' | 'status_id'>>): Promise<void> {
  if (entries.length === 0) return
  const ids = entries.map((e) => e.id)
  const perList = countBy(entries.map((e) => e.list_id))
  const perStatus = countBy(entries.flatMap((e) => (e.status_id === null ? [] : [e.status_id])))
  for (const [listId, n] of perList) {
    await trx
      .updateTable('lists')
      .set({ entry_count: sql`entry_count - ${n}` })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', listId)
      .execute()
  }
  for (const [statusId, n] of perStatus) {
    await trx
      .updateTable('statuses')
      .set({ entry_count: sql`entry_count - ${n}` })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', statusId)
      .execute()
  }
  for (const chunk of chunks(ids, 500)) {
    await trx.updateTable('notes').set({ deal_id: null }).where('workspace_id', '=', workspaceId).where('deal_id', 'in', chunk).execute()
    await trx.updateTable('entries').set({ next_entry_id: null }).where('workspace_id', '=', workspaceId).where('next_entry_id', 'in', chunk).execute()
    await trx.deleteFrom('entries').where('workspace_id', '=', workspaceId).where('id', 'in', chunk).execute()
  }
}

/**
 * Deletes every entry, in every list and process, of the given contacts or organizations (what deleting
 * a record does to its entries). Call inside a transaction.
 */
export async function deleteEntriesOfRecords(trx: Executor, workspaceId: string, entryableType: 'Contact' | 'Organization', recordIds: readonly string[]): Promise<void> {
  for (const chunk of chunks(recordIds, 500)) {
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
export async function detachContactFromEntries(trx: Executor, workspaceId: string, contactId: string, at: number): Promise<void> {
  await trx
    .updateTable('entries')
    .set({ contact_id: null, updated_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .execute()
}

function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1)
  return counts
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size)
}
