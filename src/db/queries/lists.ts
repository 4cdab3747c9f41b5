// SQL for lists and processes, their fields and statuses, and connections between processes.
import type { Executor } from '../dialect.js'
import { changesToStored, fieldFromStored, fieldToStored, listFromStored, listToStored } from '../flags.js'
import type { ListConnectionRow, ListFieldRow, ListRow, StatusRow } from '../schema.js'
import { prepare } from '../prepared.js'
import { newestFirst, selectPage, type PageRequest } from './page.js'

export async function insertList(db: Executor, row: ListRow): Promise<void> {
  await db.insertInto('lists').values(listToStored(row)).execute()
}

export async function insertListFields(db: Executor, rows: ListFieldRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('list_fields').values(rows.map(fieldToStored)).execute()
}

export async function insertStatuses(db: Executor, rows: StatusRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('statuses').values(rows).execute()
}

const listById = prepare((db, workspaceId: string, listId: string) =>
  db.selectFrom('lists').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', listId),
)
const listByIdLocked = prepare((db, workspaceId: string, listId: string) =>
  db.selectFrom('lists').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', listId).forNoKeyUpdate(),
)

/** The list (every entry request reads it). */
export async function findList(db: Executor, workspaceId: string, listId: string): Promise<ListRow | undefined> {
  const [row] = await listById(db, workspaceId, listId)
  return row && listFromStored(row)
}

/**
 * The list, its row locked until the transaction ends: writers of one list (PATCH, delete) take turns,
 * across server processes. FOR NO KEY UPDATE, not FOR UPDATE: it still serialises writers of the list,
 * but lets the foreign-key checks of rows that point at the list (which take KEY SHARE) through, which
 * FOR UPDATE would turn into deadlocks. (SQLite: the IMMEDIATE transaction holds the file instead.)
 */
export async function lockList(db: Executor, workspaceId: string, listId: string): Promise<ListRow | undefined> {
  const [row] = await listByIdLocked(db, workspaceId, listId)
  return row && listFromStored(row)
}

/** How many lists and processes the workspace has, archived ones included. */
export async function countLists(db: Executor, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('lists')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Fields of the given lists, in display order. */
export async function findFieldsOfLists(
  db: Executor,
  workspaceId: string,
  listIds: readonly string[],
): Promise<ListFieldRow[]> {
  if (listIds.length === 0) return []
  const rows = await db
    .selectFrom('list_fields')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('list_id', 'in', listIds)
    .orderBy('list_id')
    .orderBy('position')
    .execute()
  return rows.map(fieldFromStored)
}

/** Statuses of the given lists, in board order. */
export async function findStatusesOfLists(
  db: Executor,
  workspaceId: string,
  listIds: readonly string[],
): Promise<StatusRow[]> {
  if (listIds.length === 0) return []
  return db
    .selectFrom('statuses')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('list_id', 'in', listIds)
    .orderBy('list_id')
    .orderBy('position')
    .execute()
}

export interface ListFilter {
  updatedAfterMs?: number | undefined
  archived?: boolean | undefined
}

export async function listLists(db: Executor, workspaceId: string, filter: ListFilter, page: PageRequest) {
  let query = db.selectFrom('lists').selectAll().where('workspace_id', '=', workspaceId)
  if (filter.updatedAfterMs !== undefined) query = query.where('updated_at', '>', filter.updatedAfterMs)
  if (filter.archived === true) query = query.where('archived_at', 'is not', null)
  if (filter.archived === false) query = query.where('archived_at', 'is', null)
  const { rows, total } = await selectPage(query, page, newestFirst('lists'))
  return { rows: rows.map(listFromStored), total }
}

export async function updateList(
  db: Executor,
  workspaceId: string,
  listId: string,
  changes: Partial<Omit<ListRow, 'workspace_id' | 'id' | 'created_at'>>,
): Promise<void> {
  await db
    .updateTable('lists')
    .set(changesToStored(changes, ['process', 'duplicates_allowed']))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', listId)
    .execute()
}

export async function updateListField(
  db: Executor,
  workspaceId: string,
  fieldId: string,
  changes: Partial<Omit<ListFieldRow, 'workspace_id' | 'id' | 'list_id' | 'created_at'>>,
): Promise<void> {
  await db
    .updateTable('list_fields')
    .set(changesToStored(changes, ['accepts_multiple_values']))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', fieldId)
    .execute()
}

export async function deleteListField(db: Executor, workspaceId: string, fieldId: string): Promise<void> {
  await db.deleteFrom('list_fields').where('workspace_id', '=', workspaceId).where('id', '=', fieldId).execute()
}

export async function updateStatus(
  db: Executor,
  workspaceId: string,
  statusId: string,
  changes: Partial<Omit<StatusRow, 'workspace_id' | 'id' | 'list_id' | 'created_at'>>,
): Promise<void> {
  await db
    .updateTable('statuses')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', statusId)
    .execute()
}

export async function deleteStatus(db: Executor, workspaceId: string, statusId: string): Promise<void> {
  await db.deleteFrom('statuses').where('workspace_id', '=', workspaceId).where('id', '=', statusId).execute()
}

/** Whether any entry is in this status (the guard on removing a status). */
export async function statusHasEntries(
  db: Executor,
  workspaceId: string,
  listId: string,
  statusId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('entries')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('list_id', '=', listId)
    .where('status_id', '=', statusId)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

/** Whether any entry holds a value in this field (changing a field's type is then refused). */
export async function fieldHasValues(db: Executor, workspaceId: string, fieldId: string): Promise<boolean> {
  const row = await db
    .selectFrom('entry_field_values')
    .select('entry_id')
    .where('workspace_id', '=', workspaceId)
    .where('field_id', '=', fieldId)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

/**
 * Deletes a list with its fields, statuses and connections. Its entries must be gone first
 * (deleteEntriesOfList): their status foreign key has no cascade, so the statuses must outlive them.
 */
export async function deleteList(db: Executor, workspaceId: string, listId: string): Promise<void> {
  await db.deleteFrom('lists').where('workspace_id', '=', workspaceId).where('id', '=', listId).execute()
}

export async function insertConnection(db: Executor, row: ListConnectionRow): Promise<void> {
  await db.insertInto('list_connections').values(row).execute()
}

/** Connections that start or end in this process. */
export async function findConnectionsOfList(
  db: Executor,
  workspaceId: string,
  listId: string,
): Promise<ListConnectionRow[]> {
  return db
    .selectFrom('list_connections')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb.or([eb('from_list_id', '=', listId), eb('to_list_id', '=', listId)]))
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

const connectionFromStatus = prepare((db, workspaceId: string, statusId: string) =>
  db
    .selectFrom('list_connections')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('from_status_id', '=', statusId),
)

/** The connection a status starts, if any (what fires when an entry enters it; every status change). */
export async function findConnectionFromStatus(
  db: Executor,
  workspaceId: string,
  statusId: string,
): Promise<ListConnectionRow | undefined> {
  return (await connectionFromStatus(db, workspaceId, statusId))[0]
}

/**
 * The connections these statuses start, by status (a batch of new entries asks once for all of them).
 * A status starts at most one connection.
 */
export async function findConnectionsFromStatuses(
  db: Executor,
  workspaceId: string,
  statusIds: readonly string[],
): Promise<Map<string, ListConnectionRow>> {
  if (statusIds.length === 0) return new Map()
  const rows =
    statusIds.length === 1
      ? await connectionFromStatus(db, workspaceId, statusIds[0]!)
      : await db
          .selectFrom('list_connections')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('from_status_id', 'in', [...statusIds])
          .execute()
  return new Map(rows.map((row) => [row.from_status_id, row]))
}

export async function findConnectionToStatus(
  db: Executor,
  workspaceId: string,
  statusId: string,
): Promise<ListConnectionRow | undefined> {
  return db
    .selectFrom('list_connections')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('to_status_id', '=', statusId)
    .executeTakeFirst()
}

export async function deleteConnection(
  db: Executor,
  workspaceId: string,
  listId: string,
  connectionId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('list_connections')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', connectionId)
    .where((eb) => eb.or([eb('from_list_id', '=', listId), eb('to_list_id', '=', listId)]))
    .executeTakeFirst()
  return result.numDeletedRows > 0n
}

/** Statuses by id, any list of the workspace (to name the two ends of connections). */
export async function findStatusesByIds(
  db: Executor,
  workspaceId: string,
  statusIds: readonly string[],
): Promise<StatusRow[]> {
  if (statusIds.length === 0) return []
  return db
    .selectFrom('statuses')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', statusIds)
    .execute()
}

/** Marks the list changed (a field, status or connection of it changed). */
export async function touchList(db: Executor, workspaceId: string, listId: string, at: number): Promise<void> {
  await db
    .updateTable('lists')
    .set({ updated_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', listId)
    .execute()
}

/** Whether the process holds some record more than once (turning duplicates_allowed off is then refused). */
export async function hasDuplicateEntries(db: Executor, workspaceId: string, listId: string): Promise<boolean> {
  const row = await db
    .selectFrom('entries')
    .select('entryable_id')
    .where('workspace_id', '=', workspaceId)
    .where('list_id', '=', listId)
    .groupBy(['entryable_type', 'entryable_id'])
    .having((eb) => eb.fn.countAll(), '>', 1)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

/** The kept entry counts of these statuses, added up. */
export async function sumStatusCounts(
  db: Executor,
  workspaceId: string,
  statusIds: readonly string[],
): Promise<number> {
  if (statusIds.length === 0) return 0
  const row = await db
    .selectFrom('statuses')
    .select((eb) => eb.fn.sum<number>('entry_count').as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', statusIds)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}
