// SQL for import jobs, their files and their refused rows. Every query is scoped by workspace, except
// the runners' search for work to claim, which spans workspaces (index imports_by_status).
import { sql } from 'kysely'
import type { PageRequest } from '../../domain/pagination.js'
import type { Executor } from '../dialect.js'
import type { ImportRow } from '../schema.js'
import { newestFirst, selectPage } from './page.js'

export async function insertImport(db: Executor, row: ImportRow): Promise<void> {
  await db.insertInto('imports').values(row).execute()
}

export async function findImport(db: Executor, workspaceId: string, id: string): Promise<ImportRow | undefined> {
  return db
    .selectFrom('imports')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** The jobs of a workspace, newest first; uploads still arriving are not shown. */
export async function listImports(db: Executor, workspaceId: string, page: PageRequest) {
  const query = db
    .selectFrom('imports')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('status', '!=', 'uploading')
  return selectPage(query, page, newestFirst('imports'))
}

export type ImportChanges = Partial<Omit<ImportRow, 'workspace_id' | 'id' | 'list_id' | 'created_at'>>

/** Updates a job; with `onlyIf`, only while it has that status (one of them) and runner. Returns whether it did. */
export async function updateImport(
  db: Executor,
  workspaceId: string,
  id: string,
  changes: ImportChanges,
  onlyIf?: { status: string | string[]; runner?: string },
): Promise<boolean> {
  let query = db.updateTable('imports').set(changes).where('workspace_id', '=', workspaceId).where('id', '=', id)
  if (onlyIf) query = query.where('status', 'in', [onlyIf.status].flat())
  if (onlyIf?.runner !== undefined) query = query.where('runner', '=', onlyIf.runner)
  const result = await query.executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

export async function deleteImport(db: Executor, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('imports').where('workspace_id', '=', workspaceId).where('id', '=', id).execute()
}

/** Jobs waiting for a runner or whose runner's claim ran out (it stopped), oldest first, across workspaces. */
export async function findClaimableImports(
  db: Executor,
  now: number,
  limit: number,
): Promise<Array<{ workspace_id: string; id: string }>> {
  return db
    .selectFrom('imports')
    .select(['workspace_id', 'id'])
    .where('status', 'in', ['queued', 'running'])
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .orderBy('created_at')
    .limit(limit)
    .execute()
}

/** Takes a job for `runner` until `leaseUntil`, if nobody holds it; returns whether it did. */
export async function claimImport(
  db: Executor,
  workspaceId: string,
  id: string,
  runner: string,
  now: number,
  leaseUntil: number,
): Promise<boolean> {
  const result = await db
    .updateTable('imports')
    .set({
      runner,
      lease_until: leaseUntil,
      status: 'running',
      started_at: sql<number>`coalesce(started_at, ${now})`,
      updated_at: now,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Uploads that never finished arriving (their request died with the process) before `before`. */
export async function findAbandonedUploads(
  db: Executor,
  before: number,
): Promise<Array<{ workspace_id: string; id: string }>> {
  return db
    .selectFrom('imports')
    .select(['workspace_id', 'id'])
    .where('status', '=', 'uploading')
    .where('created_at', '<', before)
    .limit(100)
    .execute()
}

export async function insertChunk(
  db: Executor,
  workspaceId: string,
  importId: string,
  seq: number,
  text: string,
): Promise<void> {
  await db.insertInto('import_chunks').values({ workspace_id: workspaceId, import_id: importId, seq, text }).execute()
}

/** The piece of the file after `seq` (-1 for the first), or undefined past the end. */
export async function nextChunk(
  db: Executor,
  workspaceId: string,
  importId: string,
  seq: number,
): Promise<{ seq: number; text: string } | undefined> {
  return db
    .selectFrom('import_chunks')
    .select(['seq', 'text'])
    .where('workspace_id', '=', workspaceId)
    .where('import_id', '=', importId)
    .where('seq', '>', seq)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst()
}

export async function deleteChunks(db: Executor, workspaceId: string, importId: string): Promise<void> {
  await db
    .deleteFrom('import_chunks')
    .where('workspace_id', '=', workspaceId)
    .where('import_id', '=', importId)
    .execute()
}

export async function insertRejections(
  db: Executor,
  workspaceId: string,
  importId: string,
  rows: ReadonlyArray<{ row_number: number; reason: string; cells: string }>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insertInto('import_rejections')
      .values(rows.slice(i, i + 100).map((r) => ({ workspace_id: workspaceId, import_id: importId, ...r })))
      .execute()
  }
}

/** Refused rows after `afterRow`, in file order, `limit` at a time. */
export async function rejectionsAfter(
  db: Executor,
  workspaceId: string,
  importId: string,
  afterRow: number,
  limit: number,
): Promise<Array<{ row_number: number; reason: string; cells: string }>> {
  return db
    .selectFrom('import_rejections')
    .select(['row_number', 'reason', 'cells'])
    .where('workspace_id', '=', workspaceId)
    .where('import_id', '=', importId)
    .where('row_number', '>', afterRow)
    .orderBy('row_number')
    .limit(limit)
    .execute()
}
