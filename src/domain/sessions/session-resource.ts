// How a signed-in session appears to the web app: who is signed in, to which workspace, the CSRF token
// its writes must carry, and when it ends if left unused.
import type { SessionRow, UserRow, WorkspaceRow } from '../../db/schema.js'
import { toIso } from '../time.js'
import { type Member, toMember } from '../workspaces/members-service.js'
import { csrfTokenFor } from './tokens.js'

export interface WorkspaceRef {
  id: string
  name: string
}

export interface SessionResource {
  user: Member
  workspace: WorkspaceRef
  csrf_token: string
  /** The earlier of the absolute expiry and the idle expiry counted from the last request. */
  expires_at: string
}

/** When `session` ends if no request comes before: its absolute expiry, or `idleMs` after it was last seen. */
export function sessionEndsAt(session: SessionRow, idleMs: number): number {
  return Math.min(session.expires_at, session.last_seen_at + idleMs)
}

export function toSessionResource(
  parts: { session: SessionRow; token: string; user: UserRow; workspace: WorkspaceRow },
  idleMs: number,
): SessionResource {
  return {
    user: toMember(parts.user),
    workspace: { id: parts.workspace.id, name: parts.workspace.name },
    csrf_token: csrfTokenFor(parts.token),
    expires_at: toIso(sessionEndsAt(parts.session, idleMs)),
  }
}
