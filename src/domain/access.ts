// What a credential may do: its scope (`read`: GET only; `read_write`: everything) and, optionally, the
// lists it may touch. A list outside a key's set is treated as if it did not exist: a 404 where it is
// named, absent where lists are listed. Records (contacts, organizations, notes, custom fields, members)
// belong to the workspace, not to lists, so a key limited to some lists still reads and writes them.
import type { Actor } from './actor.js'
import { ForbiddenError, NotFoundError } from './errors.js'

export const SCOPES = ['read', 'read_write'] as const
export type Scope = (typeof SCOPES)[number]
/** The scope of keys that name none, of keys made before scopes existed, and of the CLI. */
export const DEFAULT_SCOPE: Scope = 'read_write'
/** Lists one key may be limited to at most: bounds the list filter every request of the key carries. */
export const MAX_KEY_LISTS = 100

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value)
}

/** Whether the actor may change anything. */
export function canWrite(actor: Actor): boolean {
  return (actor.scope ?? DEFAULT_SCOPE) === 'read_write'
}

/** Throws 403 `insufficient_scope` unless the actor may write. */
export function requireWrite(actor: Actor): void {
  if (!canWrite(actor)) throw new ForbiddenError('This key may only read (scope `read`); use a read_write key')
}

/** Whether the actor may touch the list `listId`. */
export function mayTouchList(actor: Actor, listId: string): boolean {
  return actor.listIds == null || actor.listIds.includes(listId)
}

/** Throws a 404 for the list, as for an unknown one, unless the actor may touch it. */
export function requireList(actor: Actor, listId: string): void {
  if (!mayTouchList(actor, listId)) throw new NotFoundError('list', listId)
}

/** Throws 403 `insufficient_scope` when the actor is limited to some lists: making a list needs them all. */
export function requireEveryList(actor: Actor): void {
  if (actor.listIds != null)
    throw new ForbiddenError('This key may only touch some lists; making a list needs a key for every list')
}
