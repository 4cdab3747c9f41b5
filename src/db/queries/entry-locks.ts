// Row locks an entry write takes before it reads what it will change: the entry itself (PATCH,
// delete) and the records new entries name (held so a concurrent delete of one waits for them and takes
// them along). The list's own lock is taken by counting new entries in (incrementListCounters, entry-writes.ts).
// On SQLite the compiler drops these clauses: the IMMEDIATE transaction holds the file.
import type { Executor } from '../dialect.js'
import { prepare } from '../prepared.js'
import type { EntryRow } from '../schema.js'
import { IDS_PER_STATEMENT, chunks } from './chunks.js'
import { entryInListQuery } from './entry-reads.js'

const entryInListLocked = prepare((db, workspaceId: string, listId: string, entryId: string) =>
  entryInListQuery(db, workspaceId, listId, entryId).forNoKeyUpdate(),
)

/**
 * The entry, if it is in this list, its row locked until the transaction ends (FOR NO KEY UPDATE, see
 * lockList): read-modify-write of one entry (PATCH, delete) is safe against a concurrent one.
 */
export async function lockEntryInList(
  db: Executor,
  workspaceId: string,
  listId: string,
  entryId: string,
): Promise<EntryRow | undefined> {
  return (await entryInListLocked(db, workspaceId, listId, entryId))[0]
}

const recordHeld = (table: 'contacts' | 'organizations') =>
  prepare((db, workspaceId: string, id: string) =>
    db.selectFrom(table).select('id').where('workspace_id', '=', workspaceId).where('id', '=', id).forKeyShare(),
  )
const holds = { Contact: recordHeld('contacts'), Organization: recordHeld('organizations') }

/**
 * Whether the record an entry names still exists, holding it (FOR KEY SHARE on PostgreSQL) until the
 * transaction ends, so a concurrent delete of the record either runs before (and this answers false)
 * or waits and then takes the new entry with it. Never an entry of a deleted record.
 */
export async function holdRecord(
  db: Executor,
  workspaceId: string,
  type: 'Contact' | 'Organization',
  id: string,
): Promise<boolean> {
  return (await holds[type](db, workspaceId, id)).length > 0
}

/**
 * Of these records, the ids that exist, held (FOR KEY SHARE on PostgreSQL: only a delete conflicts with
 * it) until the transaction ends so a
 * concurrent delete of one waits for the entries made for it and takes them along. Never an entry of a
 * deleted record.
 */
export async function holdRecords(
  db: Executor,
  workspaceId: string,
  type: 'Contact' | 'Organization',
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 1) return (await holdRecord(db, workspaceId, type, ids[0]!)) ? new Set(ids) : new Set()
  const found = new Set<string>()
  for (const chunk of chunks([...new Set(ids)], IDS_PER_STATEMENT)) {
    const rows = await db
      .selectFrom(type === 'Contact' ? 'contacts' : 'organizations')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', chunk)
      .forKeyShare()
      .execute()
    for (const row of rows) found.add(row.id)
  }
  return found
}
