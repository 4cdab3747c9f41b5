// API keys as a resource (`/v1/api_keys`, Rapport's own), for the web app's settings: list them by their
// hint, make one (its key shown in that answer only), revoke one. Hashing and lookup stay in
// WorkspacesService, which the CLI's `rapport keys` uses too.
import type { Db } from '../../db/dialect.js'
import { findUser, findUsersByIds, listApiKeysPage } from '../../db/queries/workspaces.js'
import type { ApiKeyRow, UserRow } from '../../db/schema.js'
import type { Actor } from '../actor.js'
import { invalid } from '../errors.js'
import { pageRequest, toPage, type Page } from '../pagination.js'
import { toIso, toIsoOrNull } from '../time.js'
import { toMemberRef, type MemberRef } from './members-service.js'
import type { WorkspacesService } from './workspaces-service.js'

export interface ApiKeyResource {
  id: string
  name: string
  /** `rpk_…` and the last 4 characters: enough to tell keys apart, nothing to guess with. */
  key_hint: string
  /** The member acting through the key (the author of its notes and status changes), or null. */
  user: MemberRef | null
  created_at: string
  revoked_at: string | null
}

export interface NewApiKeyResource extends ApiKeyResource {
  /** The key itself, in this answer only: it is stored as a hash. */
  key: string
}

function toApiKeyResource(row: ApiKeyRow, user: UserRow | undefined): ApiKeyResource {
  return {
    id: row.id,
    name: row.name,
    key_hint: row.key_hint,
    user: user ? toMemberRef(user) : null,
    created_at: toIso(row.created_at),
    revoked_at: toIsoOrNull(row.revoked_at),
  }
}

export class ApiKeysService {
  constructor(
    private readonly db: Db,
    private readonly workspaces: WorkspacesService,
  ) {}

  async list(actor: Actor, query: { first?: number; after?: number }): Promise<Page<ApiKeyResource>> {
    const page = pageRequest(query)
    const { rows, total } = await listApiKeysPage(this.db.kysely, actor.workspaceId, page)
    const userIds = [...new Set(rows.map((r) => r.user_id).filter((id): id is string => id !== null))]
    const users = new Map((await findUsersByIds(this.db.kysely, actor.workspaceId, userIds)).map((u) => [u.id, u]))
    return toPage(
      rows.map((row) => toApiKeyResource(row, row.user_id === null ? undefined : users.get(row.user_id))),
      page,
      total,
    )
  }

  /**
   * Makes a key acting as `user_id` when given (a member of the workspace), else as the member behind
   * the request, if any.
   */
  async create(actor: Actor, body: { name: string; user_id?: string | null | undefined }): Promise<NewApiKeyResource> {
    const userId = body.user_id === undefined ? actor.userId : body.user_id
    const user = userId === null ? undefined : await findUser(this.db.kysely, actor.workspaceId, userId)
    if (userId !== null && user === undefined)
      throw invalid('user_id', 'unknown_user', 'is not a member of this workspace')
    const { key, record } = await this.workspaces.createKey(actor.workspaceId, { name: body.name, userId })
    return { ...toApiKeyResource(record, user), key }
  }

  async revoke(actor: Actor, keyId: string): Promise<void> {
    await this.workspaces.revokeKey(actor.workspaceId, keyId)
  }
}
