// Conditional writes (HTTP If-Match): a PATCH or DELETE that names the version of the object its client
// last read is applied only if the object is still at that version. The check runs inside the write's
// transaction, after the write has locked the object's row (PostgreSQL) or taken the one write lock
// (SQLite), so no other write of that row can land between the check and the change.
import type { Actor } from './actor.js'
import { PreconditionFailedError } from './errors.js'

/**
 * Throws PreconditionFailedError (412) when the actor's precondition does not hold for the object as it
 * is now. `current` builds the object as a read would show it, inside the write's transaction; it is only
 * called when there is a precondition, so unconditional writes pay nothing.
 *
 * ### Example
 * ```ts
 * const row = await findNote(trx, ws, id, 'update')
 * await requirePrecondition(actor, async () => (await presentNotes(trx, ws, [row]))[0]!)
 * ```
 */
export async function requirePrecondition(actor: Actor, current: () => Promise<object> | object): Promise<void> {
  const condition = actor.precondition
  if (condition === undefined) return
  if (!condition.holds(await current())) throw new PreconditionFailedError()
}
