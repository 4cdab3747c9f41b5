// Workspaces and their API keys: creation, the start-up bootstrap, and recognising a request's key.
import type { Db, Executor } from '../../db/dialect.js'
import { holdMigrationLock } from '../../db/migrate.js'
import type { ApiKeyRow, WorkspaceRow } from '../../db/schema.js'
import * as q from '../../db/queries/workspaces.js'
import type { Actor } from '../actor.js'
import { NotFoundError, invalid } from '../errors.js'
import { newId } from '../ids.js'
import { nowMs } from '../time.js'
import { KeyHasher, MIN_NEW_KEY_LENGTH, generateApiKey, isAcceptableNewKey, keyHint, sameHash } from './api-keys.js'

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
  readonly #hasher: KeyHasher

  /** `keyPepper`: RAPPORT_KEY_PEPPER, when set (see api-keys.ts for how keys stored without it verify). */
  constructor(
    private readonly db: Db,
    keyPepper?: string,
  ) {
    this.#hasher = new KeyHasher(keyPepper)
  }

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
    if (!isAcceptableNewKey(key))
      throw invalid('key', 'invalid', `must be ${MIN_NEW_KEY_LENGTH} to 256 printable ASCII characters without spaces`)
    if (await this.#findStored(db, key)) throw invalid('key', 'taken', 'has already been taken')
    const stored = this.#hasher.current(key)
    const record: ApiKeyRow = {
      workspace_id: workspaceId,
      id: newId(),
      name: options.name ?? 'API key',
      key_hash: stored.hash,
      key_hash_scheme: stored.scheme,
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
   * key's hash, so response time says nothing about how much of a guess was right. A key stored as its
   * plain sha256 before a pepper was set is re-stored under the pepper now (see api-keys.ts).
   */
  async authenticate(key: string): Promise<Actor | undefined> {
    const found = await this.#findStored(this.db.kysely, key)
    if (!found || found.row.revoked_at !== null) return undefined
    const { row, as } = found
    const current = this.#hasher.current(key)
    if (as.scheme !== current.scheme)
      await q.rehashApiKey(this.db.kysely, row.workspace_id, row.id, as.hash, {
        key_hash: current.hash,
        key_hash_scheme: current.scheme,
      })
    return { workspaceId: row.workspace_id, apiKeyId: row.id, userId: row.user_id }
  }

  /** The stored row of `key`, revoked or not, and the form it was found under. */
  async #findStored(db: Executor, key: string) {
    for (const as of this.#hasher.candidates(key)) {
      const row = await q.findApiKeyByHash(db, as.hash)
      if (row && row.key_hash_scheme === as.scheme && sameHash(row.key_hash, as.hash)) return { row, as }
    }
    return undefined
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
      await holdMigrationLock(trx)
      const existing = await q.listWorkspaces(trx)
      const workspace = existing[0] ?? (await this.create(DEFAULT_WORKSPACE_NAME, trx))
      if (seedKey !== undefined) {
        if (await this.#findStored(trx, seedKey)) return { workspace }
        return { workspace, newKey: await this.createKey(workspace.id, { name: 'Seeded key', key: seedKey }, trx) }
      }
      if (existing.length > 0) return { workspace }
      return { workspace, newKey: await this.createKey(workspace.id, { name: 'Default key' }, trx) }
    })
  }
}
