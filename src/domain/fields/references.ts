// The records that field values point at (members for `user` fields, contacts for `contact` fields),
// for custom fields and list fields alike: checking they exist, all in one query per kind, with misses
// turned into problems at the path of first use; and forgetting a deleted contact in stored values.
import type { Executor } from '../../db/dialect.js'
import { findContactIds, holdContactIds } from '../../db/queries/contacts.js'
import { memberEmailKeys } from '../../db/queries/workspaces.js'
import type { Problems } from '../errors.js'
import type { FieldValue, References } from './field-types.js'

type FindContacts = (db: Executor, workspaceId: string, ids: readonly string[]) => Promise<Set<string>>

async function verify(
  db: Executor,
  workspaceId: string,
  refs: References,
  problems: Problems,
  findContacts: FindContacts,
): Promise<void> {
  const members = await memberEmailKeys(db, workspaceId, [...refs.userEmails.keys()])
  for (const [email, path] of refs.userEmails) {
    if (!members.has(email))
      problems.add(path, 'unknown_user', `is not a member of this workspace: ${JSON.stringify(email)}`)
  }
  const contacts = await findContacts(db, workspaceId, [...refs.contactIds.keys()])
  for (const [id, path] of refs.contactIds) {
    if (!contacts.has(id))
      problems.add(path, 'unknown_contact', `is not a contact of this workspace: ${JSON.stringify(id)}`)
  }
}

/** Records a problem for every member or contact in `refs` that the workspace does not have. */
export async function verifyReferences(
  db: Executor,
  workspaceId: string,
  refs: References,
  problems: Problems,
): Promise<void> {
  await verify(db, workspaceId, refs, problems, findContactIds)
}

/**
 * verifyReferences, and the contacts found are held until the transaction ends, so a concurrent delete
 * of one cannot leave a stored value naming it (custom fields: the write and the delete serialise).
 */
export async function verifyAndHoldReferences(
  trx: Executor,
  workspaceId: string,
  refs: References,
  problems: Problems,
): Promise<void> {
  await verify(trx, workspaceId, refs, problems, holdContactIds)
}

/**
 * A stored value without `id` (a deleted contact): a multi-value field keeps its other items, a value
 * left empty is gone (undefined).
 *
 * ### Example
 * ```ts
 * withoutReference(['a', 'b'], 'a') // ['b']
 * withoutReference('a', 'a')        // undefined
 * withoutReference('b', 'a')        // 'b'
 * ```
 */
export function withoutReference(value: FieldValue, id: string): FieldValue | undefined {
  if (!Array.isArray(value)) return value === id ? undefined : value
  const kept = value.filter((v) => v !== id)
  if (kept.length === value.length) return value
  return kept.length > 0 ? kept : undefined
}

/**
 * Takes `id` out of the given fields of a stored document `{ "<field id>": value }`, in place. Returns
 * whether anything changed.
 */
export function forgetReference(values: Record<string, FieldValue>, fieldIds: Iterable<string>, id: string): boolean {
  let changed = false
  for (const fieldId of fieldIds) {
    const value = values[fieldId]
    if (value === undefined) continue
    const kept = withoutReference(value, id)
    if (kept === value) continue
    changed = true
    if (kept === undefined) delete values[fieldId]
    else values[fieldId] = kept
  }
  return changed
}
