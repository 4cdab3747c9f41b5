// Members of a workspace (the `/v1/users` resource): people entries are assigned to and notes are
// written by. Relate has no users API; this one is Rapport's.
import type { Db } from '../../db/dialect.js'
import type { UserRow } from '../../db/schema.js'
import * as q from '../../db/queries/workspaces.js'
import { isUniqueViolation } from '../../db/errors.js'
import type { Actor } from '../actor.js'
import { emailKey, isValidEmail } from '../email-address.js'
import { NotFoundError, Problems, invalid } from '../errors.js'
import { newId } from '../ids.js'
import { pageRequest, toPage, type Page } from '../pagination.js'
import { nowMs, toIso, unixSecondsToMs } from '../time.js'

export interface Member {
  id: string
  name: string
  email: string
  created_at: string
  updated_at: string
}

/** How a member appears inside other resources (an entry's assignee, a note's author). */
export interface MemberRef {
  id: string
  name: string
  email: string
}

export interface NewMember {
  name: string
  email: string
}

export interface ListMembersQuery {
  first?: number
  after?: number
  updated_after?: number
}

export function toMember(row: UserRow): Member {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  }
}

export function toMemberRef(row: UserRow): MemberRef {
  return { id: row.id, name: row.name, email: row.email }
}

export class MembersService {
  constructor(private readonly db: Db) {}

  async list(actor: Actor, query: ListMembersQuery): Promise<Page<Member>> {
    const page = pageRequest(query)
    const filter = {
      updatedAfterMs: query.updated_after === undefined ? undefined : unixSecondsToMs(query.updated_after),
    }
    const { rows, total } = await q.listUsers(this.db.kysely, actor.workspaceId, filter, page)
    return toPage(rows.map(toMember), page, total)
  }

  async get(actor: Actor, id: string): Promise<Member> {
    const row = await q.findUser(this.db.kysely, actor.workspaceId, id)
    if (!row) throw new NotFoundError('user', id)
    return toMember(row)
  }

  /** The member acting: a session's, or the one a key was made for; 404 for a key made for none. */
  async me(actor: Actor): Promise<Member> {
    if (actor.userId === null) throw new NotFoundError('member (this API key was not made for a member)')
    return this.get(actor, actor.userId)
  }

  /** The member with this email (any case), or a 422 on `field` naming it: how assignees are resolved. */
  async requireByEmail(actor: Actor, email: string, field: string): Promise<UserRow> {
    const row = await q.findUserByEmail(this.db.kysely, actor.workspaceId, emailKey(email))
    if (!row) throw invalid(field, 'unknown_user', `is not a member of this workspace: ${JSON.stringify(email)}`)
    return row
  }

  async create(actor: Actor, input: NewMember): Promise<Member> {
    const problems = new Problems()
    const name = input.name.trim()
    const email = input.email.trim()
    if (name === '') problems.add('name', 'blank', "can't be blank")
    if (!isValidEmail(email)) problems.add('email', 'invalid', 'is invalid')
    problems.throwIfAny()
    const now = nowMs()
    const row: UserRow = {
      workspace_id: actor.workspaceId,
      id: newId(),
      name,
      email,
      email_key: emailKey(email),
      password_hash: null,
      created_at: now,
      updated_at: now,
    }
    try {
      await this.db.transaction((trx) => q.insertUser(trx, row), actor.deadline)
    } catch (error) {
      if (isUniqueViolation(error)) throw invalid('email', 'taken', 'has already been taken')
      throw error
    }
    return toMember(row)
  }
}
