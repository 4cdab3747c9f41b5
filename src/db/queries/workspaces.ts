// SQL for workspaces, their members (users) and their API keys.
import type { Executor } from '../dialect.js'
import type { ApiKeyRow, UserRow, WorkspaceRow } from '../schema.js'
import { prepare } from '../prepared.js'
import { newestFirst, selectPage, type PageRequest } from './page.js'

export async function insertWorkspace(db: Executor, row: WorkspaceRow): Promise<void> {
  await db.insertInto('workspaces').values(row).execute()
}

export async function findWorkspace(db: Executor, workspaceId: string): Promise<WorkspaceRow | undefined> {
  return db.selectFrom('workspaces').selectAll().where('id', '=', workspaceId).executeTakeFirst()
}

/** Every workspace, oldest first (the first one is the default of the CLI). */
export async function listWorkspaces(db: Executor): Promise<WorkspaceRow[]> {
  return db.selectFrom('workspaces').selectAll().orderBy('created_at').orderBy('id').execute()
}

/**
 * Takes the workspace's row lock until the transaction ends, so that writes checking a per-workspace
 * limit (lists, custom fields, connection chains) take turns. FOR NO KEY UPDATE: the foreign-key checks
 * of every other write in the workspace (KEY SHARE) pass through it. (SQLite: the IMMEDIATE transaction
 * already excludes other writers; the compiler drops the clause.)
 */
export async function lockWorkspace(db: Executor, workspaceId: string): Promise<void> {
  await db.selectFrom('workspaces').select('id').where('id', '=', workspaceId).forNoKeyUpdate().execute()
}

export async function insertApiKey(db: Executor, row: ApiKeyRow): Promise<void> {
  await db.insertInto('api_keys').values(row).execute()
}

const apiKeyByHash = prepare((db, keyHash: string) =>
  db.selectFrom('api_keys').selectAll().where('key_hash', '=', keyHash),
)

/** The key with this hash, in any workspace: how a request's bearer key is recognised (every request). */
export async function findApiKeyByHash(db: Executor, keyHash: string): Promise<ApiKeyRow | undefined> {
  return (await apiKeyByHash(db, keyHash))[0]
}

/**
 * Re-stores a key's hash in another form (a key stored before RAPPORT_KEY_PEPPER was set, on its first
 * use since); only if the row still holds `fromHash`, so two requests doing it at once agree.
 */
export async function rehashApiKey(
  db: Executor,
  workspaceId: string,
  keyId: string,
  fromHash: string,
  to: { key_hash: string; key_hash_scheme: string },
): Promise<void> {
  await db
    .updateTable('api_keys')
    .set(to)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', keyId)
    .where('key_hash', '=', fromHash)
    .execute()
}

export async function listApiKeys(db: Executor, workspaceId: string): Promise<ApiKeyRow[]> {
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

/** Marks a key revoked; returns false when the workspace has no such key. */
export async function revokeApiKey(db: Executor, workspaceId: string, keyId: string, at: number): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', keyId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

export async function insertUser(db: Executor, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute()
}

export async function findUser(db: Executor, workspaceId: string, userId: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', userId)
    .executeTakeFirst()
}

/** The member with this email (case-insensitive), if any. */
export async function findUserByEmail(db: Executor, workspaceId: string, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('email_key', '=', email.toLowerCase())
    .executeTakeFirst()
}

/** Members by id, for resources that show several (entries' assignees, notes' authors). */
export async function findUsersByIds(
  db: Executor,
  workspaceId: string,
  userIds: readonly string[],
): Promise<UserRow[]> {
  if (userIds.length === 0) return []
  return db.selectFrom('users').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', userIds).execute()
}

export interface UserFilter {
  updatedAfterMs?: number | undefined
}

export async function listUsers(db: Executor, workspaceId: string, filter: UserFilter, page: PageRequest) {
  let query = db.selectFrom('users').selectAll().where('workspace_id', '=', workspaceId)
  if (filter.updatedAfterMs !== undefined) query = query.where('updated_at', '>', filter.updatedAfterMs)
  return selectPage(query, page, newestFirst('users'))
}

/** Of these lower-cased emails, those of members of the workspace (what `user` field values may hold). */
export async function memberEmailKeys(
  db: Executor,
  workspaceId: string,
  emailKeys: readonly string[],
): Promise<Set<string>> {
  if (emailKeys.length === 0) return new Set()
  const rows = await db
    .selectFrom('users')
    .select('email_key')
    .where('workspace_id', '=', workspaceId)
    .where('email_key', 'in', emailKeys)
    .execute()
  return new Set(rows.map((r) => r.email_key))
}

/** One page of a workspace's API keys (revoked ones included), newest first. */
export async function listApiKeysPage(db: Executor, workspaceId: string, page: PageRequest) {
  const query = db.selectFrom('api_keys').selectAll().where('workspace_id', '=', workspaceId)
  return selectPage(query, page, [
    { column: 'api_keys.created_at', direction: 'desc' },
    { column: 'api_keys.id', direction: 'desc' },
  ])
}
