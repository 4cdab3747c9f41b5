// SQL for signing in: members' passwords, sessions and setup links.
import type { Executor } from '../dialect.js'
import type { SessionRow, SetupLinkRow, UserRow } from '../schema.js'
import { prepare } from '../prepared.js'

/**
 * Members of any workspace with this lower-cased email and a password, oldest first: who a sign-in may
 * be for. At most `limit`.
 */
export async function findSignInCandidates(db: Executor, emailKey: string, limit: number): Promise<UserRow[]> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email_key', '=', emailKey)
    .where('password_hash', 'is not', null)
    .orderBy('created_at')
    .orderBy('workspace_id')
    .limit(limit)
    .execute()
}

/** Sets a member's password hash and name. */
export async function updateMemberCredentials(
  db: Executor,
  workspaceId: string,
  userId: string,
  values: { name: string; password_hash: string; updated_at: number },
): Promise<void> {
  await db.updateTable('users').set(values).where('workspace_id', '=', workspaceId).where('id', '=', userId).execute()
}

export async function insertSession(db: Executor, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute()
}

const sessionByTokenHash = prepare((db, tokenHash: string) =>
  db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash),
)

/** The session with this token hash, in any workspace: how a request's cookie is recognised (every request). */
export async function findSessionByTokenHash(db: Executor, tokenHash: string): Promise<SessionRow | undefined> {
  return (await sessionByTokenHash(db, tokenHash))[0]
}

export async function findSession(db: Executor, workspaceId: string, id: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** Moves a session's idle expiry forward. */
export async function touchSession(db: Executor, workspaceId: string, id: string, at: number): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}

/** Ends one session; false when it was not active. */
export async function revokeSession(db: Executor, workspaceId: string, id: string, at: number): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Ends every session of a member (a password reset). */
export async function revokeMemberSessions(db: Executor, workspaceId: string, userId: string, at: number) {
  await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute()
}

/**
 * Deletes a member's sessions that can no longer be used (ended, past their absolute expiry, or idle
 * since `idleBefore`), so rows do not pile up: run at each sign-in of that member.
 */
export async function pruneMemberSessions(
  db: Executor,
  workspaceId: string,
  userId: string,
  now: number,
  idleBefore: number,
): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where((eb) =>
      eb.or([eb('revoked_at', 'is not', null), eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleBefore)]),
    )
    .execute()
}

export async function insertSetupLink(db: Executor, row: SetupLinkRow): Promise<void> {
  await db.insertInto('setup_links').values(row).execute()
}

/** The link with this token hash, in any workspace (a link arrives with its token and nothing else). */
export async function findSetupLinkByTokenHash(db: Executor, tokenHash: string): Promise<SetupLinkRow | undefined> {
  return db.selectFrom('setup_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()
}

/** Marks a link used if it is still usable at `now`; false when it was used or expired meanwhile. */
export async function useSetupLink(db: Executor, workspaceId: string, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('setup_links')
    .set({ used_at: now })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Deletes a workspace's links that expired before `now` (used ones stay until then, to answer 410). */
export async function pruneSetupLinks(db: Executor, workspaceId: string, now: number): Promise<void> {
  await db.deleteFrom('setup_links').where('workspace_id', '=', workspaceId).where('expires_at', '<=', now).execute()
}
