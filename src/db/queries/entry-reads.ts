// SQL that reads entries: one entry (alone, in its list, or with its list and assignee in one
// statement), the entry of a record in a list (the duplicate check), the entries a contact field names,
// an entry's status history, and what `include=` adds to a page (record names, the latest status
// change). Pages of a list's entries are entry-pages.ts's.
import type { Executor } from '../dialect.js'
import { prepare } from '../prepared.js'
import { listFromStored } from '../flags.js'
import type { EntryRow, ListRow, StoredListRow, UserRow } from '../schema.js'
import { IDS_PER_STATEMENT, chunks } from './chunks.js'
import { ENTRY_COLUMNS } from './entry-writes.js'

export async function findEntry(db: Executor, workspaceId: string, entryId: string): Promise<EntryRow | undefined> {
  return db
    .selectFrom('entries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', entryId)
    .executeTakeFirst()
}

/** The query of one entry in its list (entry-locks.ts locks the same query). */
export function entryInListQuery(db: Executor, workspaceId: string, listId: string, entryId: string) {
  return db
    .selectFrom('entries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', entryId)
    .where('list_id', '=', listId)
}

const entryInList = prepare(entryInListQuery)

/** The entry, if it is in this list. */
export async function findEntryInList(
  db: Executor,
  workspaceId: string,
  listId: string,
  entryId: string,
): Promise<EntryRow | undefined> {
  return (await entryInList(db, workspaceId, listId, entryId))[0]
}

const entryOfRecord = prepare((db, workspaceId: string, listId: string, entryableType: string, entryableId: string) =>
  db
    .selectFrom('entries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('entryable_id', '=', entryableId)
    .where('list_id', '=', listId)
    .where('entryable_type', '=', entryableType)
    .orderBy('created_at')
    .limit(1),
)

/** An entry of the list for this record, if there is one (the duplicate check). */
export async function findEntryOfRecord(
  db: Executor,
  workspaceId: string,
  listId: string,
  entryableType: string,
  entryableId: string,
): Promise<EntryRow | undefined> {
  return (await entryOfRecord(db, workspaceId, listId, entryableType, entryableId))[0]
}

/** Of these records, the ids that already have an entry in the list (the duplicate check of a batch). */
export async function recordsInList(
  db: Executor,
  workspaceId: string,
  listId: string,
  entryableType: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 1)
    return (await findEntryOfRecord(db, workspaceId, listId, entryableType, ids[0]!)) ? new Set(ids) : new Set()
  const found = new Set<string>()
  for (const chunk of chunks([...new Set(ids)], IDS_PER_STATEMENT)) {
    const rows = await db
      .selectFrom('entries')
      .select('entryable_id')
      .where('workspace_id', '=', workspaceId)
      .where('entryable_id', 'in', chunk)
      .where('list_id', '=', listId)
      .where('entryable_type', '=', entryableType)
      .execute()
    for (const row of rows) found.add(row.entryable_id)
  }
  return found
}

export async function listStatusChanges(
  db: Executor,
  workspaceId: string,
  entryId: string,
  limit: number,
  offset: number,
) {
  return db
    .selectFrom('entry_status_changes')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('entry_id', '=', entryId)
    .orderBy('changed_at')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute()
}

export async function countStatusChanges(db: Executor, workspaceId: string, entryId: string): Promise<number> {
  const row = await db
    .selectFrom('entry_status_changes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('entry_id', '=', entryId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Entries whose `contact` list fields hold this contact, with the field holding it. */
export async function findEntriesNamingContact(db: Executor, workspaceId: string, contactId: string) {
  return db
    .selectFrom('entry_field_values')
    .innerJoin('list_fields', (join) =>
      join
        .onRef('list_fields.workspace_id', '=', 'entry_field_values.workspace_id')
        .onRef('list_fields.id', '=', 'entry_field_values.field_id'),
    )
    .innerJoin('entries', (join) =>
      join
        .onRef('entries.workspace_id', '=', 'entry_field_values.workspace_id')
        .onRef('entries.id', '=', 'entry_field_values.entry_id'),
    )
    .select(['entries.id as entry_id', 'entries.list_fields', 'entry_field_values.field_id'])
    .where('entry_field_values.workspace_id', '=', workspaceId)
    .where('list_fields.data_type', '=', 'contact')
    .where('entry_field_values.value', '=', contactId)
    .execute()
}

const LIST_COLUMNS = [
  'workspace_id',
  'id',
  'name',
  'process',
  'entry_type',
  'identifier',
  'duplicates_allowed',
  'entry_label',
  'status_label',
  'last_key_number',
  'entry_count',
  'definition_version',
  'archived_at',
  'created_at',
  'updated_at',
] as const satisfies ReadonlyArray<keyof ListRow>
const USER_COLUMNS = ['id', 'name', 'email', 'email_key', 'created_at', 'updated_at'] as const satisfies ReadonlyArray<
  keyof UserRow
>

const entryWithList = prepare((db, workspaceId: string, listId: string, entryId: string) =>
  db
    .selectFrom('entries')
    .innerJoin('lists', (join) =>
      join.onRef('lists.workspace_id', '=', 'entries.workspace_id').onRef('lists.id', '=', 'entries.list_id'),
    )
    .leftJoin('users', (join) =>
      join.onRef('users.workspace_id', '=', 'entries.workspace_id').onRef('users.id', '=', 'entries.assignee_id'),
    )
    .selectAll('entries')
    .select(LIST_COLUMNS.map((c) => `lists.${c} as l__${c}` as const))
    .select(USER_COLUMNS.map((c) => `users.${c} as u__${c}` as const))
    .where('entries.workspace_id', '=', workspaceId)
    .where('entries.list_id', '=', listId)
    .where('entries.id', '=', entryId),
)

/**
 * An entry with its list row and its assignee, in one statement: what reading one entry needs (on
 * PostgreSQL every statement saved is a round trip saved).
 */
export async function findEntryWithList(
  db: Executor,
  workspaceId: string,
  listId: string,
  entryId: string,
): Promise<{ entry: EntryRow; list: ListRow; assignee: UserRow | null } | undefined> {
  const [row] = await entryWithList(db, workspaceId, listId, entryId)
  if (row === undefined) return undefined
  const flat = row as unknown as Record<string, unknown>
  const pick = <T>(prefix: string, columns: readonly string[]) =>
    Object.fromEntries(columns.map((c) => [c, flat[`${prefix}${c}`]])) as T
  return {
    entry: pick<EntryRow>('', ENTRY_COLUMNS),
    list: listFromStored(pick<StoredListRow>('l__', LIST_COLUMNS)),
    assignee: flat.u__id === null || flat.u__id === undefined ? null : pick<UserRow>('u__', USER_COLUMNS),
  }
}

/**
 * When each entry last entered a status (its latest status change), for `include=status_changed_at`.
 * One grouped read of the status-change primary key (workspace_id, entry_id, changed_at, id).
 */
export async function latestStatusChanges(
  db: Executor,
  workspaceId: string,
  entryIds: readonly string[],
): Promise<Map<string, number>> {
  if (entryIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('entry_status_changes')
    .select(['entry_id', (eb) => eb.fn.max('changed_at').as('changed_at')])
    .where('workspace_id', '=', workspaceId)
    .where('entry_id', 'in', entryIds)
    .groupBy('entry_id')
    .execute()
  return new Map(rows.map((r) => [r.entry_id, Number(r.changed_at)]))
}

/** The display names of organizations and contacts by id, for `include=entryable_name`. */
export async function recordNames(
  db: Executor,
  workspaceId: string,
  organizationIds: readonly string[],
  contactIds: readonly string[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  if (organizationIds.length > 0) {
    const rows = await db
      .selectFrom('organizations')
      .select(['id', 'name'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', organizationIds)
      .execute()
    for (const row of rows) names.set(row.id, row.name)
  }
  if (contactIds.length > 0) {
    const rows = await db
      .selectFrom('contacts')
      .select(['id', 'name', 'first_name', 'last_name'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', contactIds)
      .execute()
    for (const row of rows) names.set(row.id, row.name ?? [row.first_name, row.last_name].filter(Boolean).join(' '))
  }
  return names
}
