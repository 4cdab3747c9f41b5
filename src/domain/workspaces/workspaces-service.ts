// Workspaces and their API keys: creation, the start-up bootstrap, and recognising a request's key.
import type { Db, Executor } from '../../db/dialect.js'
import { holdMigrationLock } from '../../db/migrate.js'
import type { ApiKeyRow, WorkspaceRow } from '../../db/schema.js'
import * as q from '../../db/queries/workspaces.js'
import type { Actor } from '../actor.js'
import { NotFoundError, invalid } from '../errors.js'
import { newId } from '../ids.js'
import { nowMs } from '../time.js'
import { generateApiKey, hashApiKey, isWellFormedKey, keyHint, sameHash } from './api-keys.js'

export const DEFAULT_WORKSPACE_NAME = 'Default workspace'

export interface NewKey {
  /** The key itself: shown once, never stored. */
  key: string
  record: ApiKeyRow
}

export interface BootstrapResult {
  workspace: WorkspaceRow
  /** Set when this start created a workspace or seeded a key: the key to print once. */
  newKey?: NewKey
}

export class WorkspacesService {
  constructor(private readonly db: Db) {}

  async create(name: string, db: Executor = this.db.kysely): Promise<WorkspaceRow> {
    const now = nowMs()
    const row: WorkspaceRow = { id: newId(), name, created_at: now, updated_at: now }
    await q.insertWorkspace(db, row)
    return row
  }

  async list(): Promise<WorkspaceRow[]> {
    return q.listWorkspaces(this.db.kysely)
  }

  async get(workspaceId: string): Promise<WorkspaceRow> {
    const row = await q.findWorkspace(this.db.kysely, workspaceId)
    if (!row) throw new NotFoundError('workspace', workspaceId)
    return row
  }

  /**
   * Makes an API key for a workspace. `key` seeds an exact key (RAPPORT_API_KEY); otherwise one is
   * generated. `userId` ties the key to a member, who then appears as the author of notes. `db` may be
   * an open transaction.
   */
  async createKey(
    workspaceId: string,
    options: { name?: string; key?: string; userId?: string | null } = {},
    db: Executor = this.db.kysely,
  ): Promise<NewKey> {
    const key = options.key ?? generateApiKey()
    if (!isWellFormedKey(key))
      throw invalid('key', 'invalid', 'must be 16 to 256 printable ASCII characters without spaces')
    const keyHash = hashApiKey(key)
    if (await q.findApiKeyByHash(db, keyHash)) throw invalid('key', 'taken', 'has already been taken')
    const record: ApiKeyRow = {
      workspace_id: workspaceId,
      id: newId(),
      name: options.name ?? 'API key',
      key_hash: keyHash,
      key_hint: keyHint(key),
      user_id: options.userId ?? null,
      created_at: nowMs(),
      revoked_at: null,
    }
    await q.insertApiKey(db, record)
    return { key, record }
  }

  async listKeys(workspaceId: string): Promise<ApiKeyRow[]> {
    return q.listApiKeys(this.db.kysely, workspaceId)
  }

  /** Revokes a key; requests with it fail from the next one on (keys are looked up on every request). */
  async revokeKey(workspaceId: string, keyId: string): Promise<void> {
    if (!(await q.revokeApiKey(this.db.kysely, workspaceId, keyId, nowMs())))
      throw new NotFoundError('active API key', keyId)
  }

  /**
   * Who a presented key acts as, or undefined when the key is unknown or revoked. The lookup is by the
   * key's sha256, so response time says nothing about how much of a guess was right.
   */
  async authenticate(key: string): Promise<Actor | undefined> {
    const keyHash = hashApiKey(key)
    const row = await q.findApiKeyByHash(this.db.kysely, keyHash)
    if (!row || row.revoked_at !== null || !sameHash(row.key_hash, keyHash)) return undefined
    return { workspaceId: row.workspace_id, apiKeyId: row.id, userId: row.user_id }
  }

  /**
   * What a start needs so that the server is usable at once: a workspace (created on an empty database)
   * and, on first start or when `seedKey` is new, an API key to print. Call after migrations.
   *
   * Several processes of one deployment may start at once on one database. The bootstrap holds the
   * migrator's lock for its transaction, so they take turns: the first makes the workspace (and seeds
   * the key), the others find them. Without it each could make a workspace, and all but one failed to
   * start on the seeded key's unique hash.
   */
  async bootstrap(seedKey?: string): Promise<BootstrapResult> {
    return this.db.transaction(async (trx) => {
      await holdMigrationLock(trx, this.db.traits.supportsForUpdate)
      const existing = await q.listWorkspaces(trx)
      const workspace = existing[0] ?? (await this.create(DEFAULT_WORKSPACE_NAME, trx))
      if (seedKey !== undefined) {
        if (await q.findApiKeyByHash(trx, hashApiKey(seedKey))) return { workspace }
        return { workspace, newKey: await this.createKey(workspace.id, { name: 'Seeded key', key: seedKey }, trx) }
      }
      if (existing.length > 0) return { workspace }
      return { workspace, newKey: await this.createKey(workspace.id, { name: 'Default key' }, trx) }
    })
  }
}
