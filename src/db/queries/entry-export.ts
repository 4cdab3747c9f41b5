// The export's read of a list: keyset pages in one index order, with the list filters. A process is
// read by key number (entries_by_key), a regular list by last update then id (entries_by_list_updated);
// neither column is null in those lists, so the seek is a plain range on the index.
import { sql } from 'kysely'
import type { Executor } from '../dialect.js'
import type { EntryRow } from '../schema.js'
import { entryConditions, type EntryFilter } from './entries.js'

/** Where the next page starts: the order value and id of the last row read. */
export interface ExportCursor {
  value: number
  id: string
}

/**
 * ```sql
 * select * from entries where workspace_id = :ws and list_id = :list and <filters>
 *   and (key_number > :value or (key_number = :value and id > :id))
 * order by key_number, id limit :limit
 * ```
 */
export async function entriesPage(
  db: Executor,
  workspaceId: string,
  listId: string,
  filter: EntryFilter,
  column: 'key_number' | 'updated_at',
  after: ExportCursor | undefined,
  limit: number,
): Promise<EntryRow[]> {
  if (filter.statusIds !== undefined && filter.statusIds.length === 0) return []
  let query = db
    .selectFrom('entries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('list_id', '=', listId)
    .where((eb) => entryConditions(eb, workspaceId, filter, filter.fieldValues ?? []))
  if (after !== undefined) {
    const ref = sql.ref(`entries.${column}`)
    query = query.where((eb) =>
      eb.or([eb(ref, '>', after.value), eb.and([eb(ref, '=', after.value), eb('entries.id', '>', after.id)])]),
    )
  }
  return query.orderBy(column).orderBy('id').limit(limit).execute()
}
