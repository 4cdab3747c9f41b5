// Who is acting: the workspace a request is scoped to, and the key and member behind it. Every domain
// service takes one as its first argument, so no service can run unscoped.

import type { Deadline } from '../db/deadline.js'
import type { Scope } from './access.js'

export interface Actor {
  workspaceId: string
  /** The API key that authenticated the request; null for the CLI and internal jobs. */
  apiKeyId: string | null
  /** The member the key belongs to, if the key was made for one. */
  userId: string | null
  /**
   * What the credential may do (access.ts): `read` or `read_write`. Absent: `read_write`, as for the CLI,
   * internal jobs and any credential that names no scope.
   */
  scope?: Scope | undefined
  /** The lists the credential may touch; absent or null: every list of the workspace. */
  listIds?: readonly string[] | null | undefined
  /** The request's time budget: writes are not begun or committed after it (see db/deadline.ts). */
  deadline?: Deadline | undefined
  /**
   * A condition the current state of the object a write changes must meet (HTTP If-Match), checked by
   * the write inside its transaction (see preconditions.ts); absent: none.
   */
  precondition?: Precondition | undefined
}

/** What a conditional write expects of the object it changes. */
export interface Precondition {
  /** Whether `current`, the object as a read of it would show it now, meets the condition. */
  holds(current: object): boolean
}

/** An actor for work done by the operator through the CLI, with no key and no member. */
export function operator(workspaceId: string): Actor {
  return { workspaceId, apiKeyId: null, userId: null }
}
