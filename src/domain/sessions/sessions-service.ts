// Sessions of the web app: signing in with email and password, recognising a session token on each
// request (idle and absolute expiry, revocation), signing out. The cookie and CSRF checks are HTTP's
// (http/plugins/sessions.ts); the rules of when a session is valid live here.
import type { Db, Executor } from '../../db/dialect.js'
import type { SessionRow, UserRow } from '../../db/schema.js'
import * as q from '../../db/queries/sessions.js'
import * as workspaces from '../../db/queries/workspaces.js'
import type { Actor } from '../actor.js'
import { emailKey } from '../email-address.js'
import { NotFoundError } from '../errors.js'
import { newId } from '../ids.js'
import { nowMs } from '../time.js'
import { hashPassword, verifyPassword } from './passwords.js'
import { type SessionResource, toSessionResource } from './session-resource.js'
import { hashToken, isTokenShaped, newToken, sameSecret } from './tokens.js'

export interface SessionSettings {
  /** A session unused this long ends (RAPPORT_SESSION_IDLE_TIMEOUT_S). */
  idleMs: number
  /** A session ends this long after sign-in however active (RAPPORT_SESSION_LIFETIME_S). */
  lifetimeMs: number
}

/** A session just made: the token goes into the cookie, the resource into the answer. */
export interface NewSession {
  token: string
  session: SessionRow
  resource: SessionResource
}

/**
 * Members with one email a sign-in tries, oldest first (the same address may be a member of several
 * workspaces); the password is checked against each, so this bounds the work of one attempt.
 */
export const MAX_SIGN_IN_CANDIDATES = 5
/** last_seen_at is written at most this often per session (and at most every tenth of the idle timeout). */
const MAX_TOUCH_INTERVAL_MS = 60_000

export class SessionsService {
  /** A hash checked when no member matches, so an unknown email costs the time of a wrong password. */
  #decoy: Promise<string> | undefined

  constructor(
    private readonly db: Db,
    readonly settings: SessionSettings,
  ) {}

  /**
   * Signs in the member with this email and password: a new session in the oldest workspace where the
   * password matches, or undefined (unknown email, no password set, wrong password: the caller cannot
   * tell which, and each takes about one password check).
   */
  async signIn(email: string, password: string): Promise<NewSession | undefined> {
    const candidates = await q.findSignInCandidates(this.db.kysely, emailKey(email), MAX_SIGN_IN_CANDIDATES)
    if (candidates.length === 0) {
      this.#decoy ??= hashPassword(newToken())
      await verifyPassword(await this.#decoy, password)
      return undefined
    }
    for (const member of candidates) {
      if (await verifyPassword(member.password_hash ?? '', password))
        return this.db.transaction((trx) => this.start(trx, member))
    }
    return undefined
  }

  /** Makes a session for `member` in an open transaction, pruning the member's dead sessions first. */
  async start(trx: Executor, member: UserRow): Promise<NewSession> {
    const now = nowMs()
    const { idleMs, lifetimeMs } = this.settings
    await q.pruneMemberSessions(trx, member.workspace_id, member.id, now, now - idleMs)
    const token = newToken()
    const session: SessionRow = {
      workspace_id: member.workspace_id,
      id: newId(),
      token_hash: hashToken(token),
      user_id: member.id,
      created_at: now,
      last_seen_at: now,
      expires_at: now + lifetimeMs,
      revoked_at: null,
    }
    await q.insertSession(trx, session)
    const workspace = await workspaces.findWorkspace(trx, member.workspace_id)
    if (!workspace) throw new NotFoundError('workspace', member.workspace_id)
    return { token, session, resource: toSessionResource({ session, token, user: member, workspace }, idleMs) }
  }

  /**
   * Who a presented session token acts as, or why it does not (malformed, unknown, ended, expired). A
   * valid session's idle expiry moves forward (written at most every MAX_TOUCH_INTERVAL_MS).
   */
  async authenticate(token: string): Promise<Actor | string> {
    if (!isTokenShaped(token)) return 'Malformed session cookie: sign in again'
    const hash = hashToken(token)
    const row = await q.findSessionByTokenHash(this.db.kysely, hash)
    if (!row || !sameSecret(row.token_hash, hash)) return 'Unknown session: sign in again'
    if (row.revoked_at !== null) return 'Session ended: sign in again'
    const now = nowMs()
    const { idleMs } = this.settings
    if (now >= row.expires_at || now - row.last_seen_at >= idleMs) return 'Session expired: sign in again'
    if (now - row.last_seen_at >= Math.min(MAX_TOUCH_INTERVAL_MS, idleMs / 10))
      await q.touchSession(this.db.kysely, row.workspace_id, row.id, now)
    return { workspaceId: row.workspace_id, apiKeyId: null, userId: row.user_id, sessionId: row.id }
  }

  /** The session `actor` is signed in with, as the web app sees it; `token` is its cookie's value. */
  async current(actor: Actor, token: string): Promise<SessionResource> {
    const session = actor.sessionId
      ? await q.findSession(this.db.kysely, actor.workspaceId, actor.sessionId)
      : undefined
    const user = session && (await workspaces.findUser(this.db.kysely, actor.workspaceId, session.user_id))
    const workspace = await workspaces.findWorkspace(this.db.kysely, actor.workspaceId)
    if (!session || !user || !workspace)
      throw new NotFoundError('session (this request was not made with a session cookie)')
    return toSessionResource({ session, token, user, workspace }, this.settings.idleMs)
  }

  /** Ends the session `actor` is signed in with. */
  async signOut(actor: Actor): Promise<void> {
    if (!actor.sessionId || !(await q.revokeSession(this.db.kysely, actor.workspaceId, actor.sessionId, nowMs())))
      throw new NotFoundError('session (this request was not made with a session cookie)')
  }
}
