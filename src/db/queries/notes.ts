// SQL for notes, and the one fact about lists a note's `deal_id` needs. Every query is scoped by workspace.
import type { Executor } from '../dialect.js'
import type { NoteRow } from '../schema.js'
import { newestFirst, selectPage, type PageRequest } from './page.js'

export async function insertNote(db: Executor, row: NoteRow): Promise<void> {
  await db.insertInto('notes').values(row).execute()
}

export async function findNote(db: Executor, workspaceId: string, id: string): Promise<NoteRow | undefined> {
  return db
    .selectFrom('notes')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export interface NoteFilter {
  updatedAfterMs?: number | undefined
  organizationId?: string | undefined
}

export async function listNotes(db: Executor, workspaceId: string, filter: NoteFilter, page: PageRequest) {
  let query = db.selectFrom('notes').selectAll().where('workspace_id', '=', workspaceId)
  if (filter.updatedAfterMs !== undefined) query = query.where('updated_at', '>', filter.updatedAfterMs)
  if (filter.organizationId !== undefined) query = query.where('organization_id', '=', filter.organizationId)
  return selectPage(query, page, newestFirst('notes'))
}

export async function updateNote(
  db: Executor,
  workspaceId: string,
  id: string,
  changes: Partial<Pick<NoteRow, 'body' | 'deal_id' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('notes').set(changes).where('workspace_id', '=', workspaceId).where('id', '=', id).execute()
}

export async function deleteNote(db: Executor, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('notes').where('workspace_id', '=', workspaceId).where('id', '=', id).execute()
}

/** Deletes every note of an organization (when the organization is deleted). */
export async function deleteNotesOfOrganization(
  db: Executor,
  workspaceId: string,
  organizationId: string,
): Promise<void> {
  await db
    .deleteFrom('notes')
    .where('workspace_id', '=', workspaceId)
    .where('organization_id', '=', organizationId)
    .execute()
}

/** Whether the list is a process (entries of regular lists are not deals); undefined when it is unknown. */
export async function isProcessList(db: Executor, workspaceId: string, listId: string): Promise<boolean | undefined> {
  const row = await db
    .selectFrom('lists')
    .select('process')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', listId)
    .executeTakeFirst()
  return row === undefined ? undefined : row.process === 1
}
