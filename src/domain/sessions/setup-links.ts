// One-time setup links (`<public URL>/setup#<token>`): the first start's link lets the owner choose their
// name, email and password; `rapport users invite` makes one for a new member, `rapport users
// reset-password` one for a member who lost theirs. A link works once and for LINK_LIFETIME_MS; only its
// token's hash is stored. Using one sets the member's password, ends the member's other sessions and
// signs them in.
import type { Db, Executor } from '../../db/dialect.js'
import { isUniqueViolation } from '../../db/errors.js'
import type { SetupLinkRow, UserRow } from '../../db/schema.js'
import * as q from '../../db/queries/sessions.js'
import * as members from '../../db/queries/workspaces.js'
import { emailKey, isValidEmail } from '../email-address.js'
import { GoneError, NotFoundError, Problems, invalid } from '../errors.js'
import { newId } from '../ids.js'
import { nowMs } from '../time.js'
import { hashPassword, passwordProblem } from './passwords.js'
import type { NewSession, SessionsService } from './sessions-service.js'
import { hashToken, isTokenShaped, newToken } from './tokens.js'

/** `setup`: the first start's link (any email); `invite`: for a new member's address; `reset`: for a member. */
export const LINK_PURPOSES = ['setup', 'invite', 'reset'] as const
export type LinkPurpose = (typeof LINK_PURPOSES)[number]

/** How long a link works. */
export const LINK_LIFETIME_MS = 24 * 60 * 60 * 1000

/** What the setup page shows before the person fills it in. */
export interface SetupLinkInfo {
  purpose: LinkPurpose
  /** The address the link is for; null for the first-start link, where the owner chooses it. */
  email: string | null
}

export interface CompleteSetupInput {
  token: string
  name: string
  email: string
  password: string
}

/**
 * Stores a new link in `db` (which may be an open transaction) and returns its token, the only copy.
 * Expired links of the workspace are deleted on the way.
 */
export async function createSetupLink(
  db: Executor,
  workspaceId: string,
  purpose: LinkPurpose,
  target: { email?: string; userId?: string } = {},
): Promise<string> {
  const now = nowMs()
  await q.pruneSetupLinks(db, workspaceId, now)
  const token = newToken()
  const row: SetupLinkRow = {
    workspace_id: workspaceId,
    id: newId(),
    token_hash: hashToken(token),
    purpose,
    email: target.email ?? null,
    user_id: target.userId ?? null,
    created_at: now,
    expires_at: now + LINK_LIFETIME_MS,
    used_at: null,
  }
  await q.insertSetupLink(db, row)
  return token
}

/** The address `link` must be completed with: the invited one, the reset member's; undefined: any. */
function requiredEmail(link: SetupLinkRow, member: UserRow | undefined): string | undefined {
  if (link.purpose === 'reset') return member?.email
  if (link.purpose === 'invite') return link.email ?? undefined
  return undefined
}

export class SetupLinksService {
  constructor(
    private readonly db: Db,
    private readonly sessions: SessionsService,
  ) {}

  /** A link for `email` to join the workspace; refused for a member who already has a password. */
  async invite(workspaceId: string, email: string): Promise<string> {
    const address = email.trim()
    if (!isValidEmail(address)) throw invalid('email', 'invalid', 'is invalid')
    const member = await members.findUserByEmail(this.db.kysely, workspaceId, emailKey(address))
    if (member?.password_hash)
      throw invalid('email', 'taken', 'already belongs to a member with a password (make a reset link instead)')
    return createSetupLink(this.db.kysely, workspaceId, 'invite', { email: member?.email ?? address })
  }

  /** A link for the member with this email to choose a new password. */
  async reset(workspaceId: string, email: string): Promise<string> {
    const member = await members.findUserByEmail(this.db.kysely, workspaceId, emailKey(email))
    if (!member) throw new NotFoundError('member with email', email.trim())
    return createSetupLink(this.db.kysely, workspaceId, 'reset', { userId: member.id })
  }

  /** What a link is for; 404 for an unknown token, 410 for a used or expired one. */
  async lookup(token: string): Promise<SetupLinkInfo> {
    const link = await this.#usable(token)
    const member = link.user_id ? await members.findUser(this.db.kysely, link.workspace_id, link.user_id) : undefined
    return { purpose: link.purpose as LinkPurpose, email: requiredEmail(link, member) ?? null }
  }

  /**
   * Uses a link: sets the name and password of the member it is for (made now if the address is not a
   * member yet), ends that member's other sessions and signs them in. The link is spent in the same
   * transaction, so two uses at once make one session.
   */
  async complete(input: CompleteSetupInput): Promise<NewSession> {
    const link = await this.#usable(input.token)
    const { workspace_id: workspaceId } = link
    const resetMember = link.user_id ? await members.findUser(this.db.kysely, workspaceId, link.user_id) : undefined
    const name = input.name.trim()
    const email = input.email.trim()
    const problems = new Problems()
    if (name === '') problems.add('name', 'blank', "can't be blank")
    if (!isValidEmail(email)) problems.add('email', 'invalid', 'is invalid')
    const required = requiredEmail(link, resetMember)
    if (required !== undefined && isValidEmail(email) && emailKey(required) !== emailKey(email))
      problems.add('email', 'mismatch', 'must be the address this link was made for')
    const weak = passwordProblem(input.password)
    if (weak) problems.add('password', weak.startsWith('is too short') ? 'too_short' : 'too_long', weak)
    problems.throwIfAny()
    const passwordHash = await hashPassword(input.password)
    try {
      return await this.db.transaction(async (trx) => {
        const now = nowMs()
        if (!(await q.useSetupLink(trx, workspaceId, link.id, now)))
          throw new GoneError('This link has just been used or has expired', 'link_used')
        const existing =
          link.purpose === 'reset'
            ? await members.findUser(trx, workspaceId, link.user_id ?? '')
            : await members.findUserByEmail(trx, workspaceId, emailKey(email))
        if (link.purpose === 'reset' && !existing) throw new NotFoundError('member')
        let member: UserRow
        if (existing) {
          member = { ...existing, name, password_hash: passwordHash, updated_at: now }
          await q.updateMemberCredentials(trx, workspaceId, member.id, {
            name,
            password_hash: passwordHash,
            updated_at: now,
          })
          await q.revokeMemberSessions(trx, workspaceId, member.id, now)
        } else {
          member = {
            workspace_id: workspaceId,
            id: newId(),
            name,
            // An invitation's address as it was written when invited; the setup link's as typed now.
            email: required ?? email,
            email_key: emailKey(email),
            password_hash: passwordHash,
            created_at: now,
            updated_at: now,
          }
          await members.insertUser(trx, member)
        }
        return this.sessions.start(trx, member)
      })
    } catch (error) {
      if (isUniqueViolation(error)) throw invalid('email', 'taken', 'has already been taken')
      throw error
    }
  }

  /** The stored link of `token` if it can still be used. */
  async #usable(token: string): Promise<SetupLinkRow> {
    const link = isTokenShaped(token) ? await q.findSetupLinkByTokenHash(this.db.kysely, hashToken(token)) : undefined
    if (!link) throw new NotFoundError('setup link')
    if (link.used_at !== null) throw new GoneError('This link has already been used', 'link_used')
    if (link.expires_at <= nowMs()) throw new GoneError('This link has expired', 'link_expired')
    return link
  }
}
