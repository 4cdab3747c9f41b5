// Who is acting: the workspace a request is scoped to, and the key and member behind it. Every domain
// service takes one as its first argument, so no service can run unscoped.

import type { Deadline } from '../db/deadline.js'

export interface Actor {
  workspaceId: string
  /** The API key that authenticated the request; null for the CLI and internal jobs. */
  apiKeyId: string | null
  /** The member the key belongs to, if the key was made for one; the signed-in member of a session. */
  userId: string | null
  /** The session (web app sign-in) that authenticated the request, when it was not a key. */
  sessionId?: string | undefined
  /** The request's time budget: writes are not begun or committed after it (see db/deadline.ts). */
  deadline?: Deadline | undefined
}

/** An actor for work done by the operator through the CLI, with no key and no member. */
export function operator(workspaceId: string): Actor {
  return { workspaceId, apiKeyId: null, userId: null }
}
