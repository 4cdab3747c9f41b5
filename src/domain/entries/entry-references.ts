// Checking the records an entry's input names: the contact or organization it puts in the list, its
// contact (one of the organization's, for an organization entry), its assignee (a member) and the
// records its list-field values point at. One batch of reads; every miss becomes a problem.
import type { Executor } from '../../db/dialect.js'
import { findContacts, organizationExists } from '../../db/queries/entries.js'
import { findUserByEmail } from '../../db/queries/workspaces.js'
import type { UserRow } from '../../db/schema.js'
import { Problems } from '../errors.js'
import { emailKey } from '../email-address.js'
import type { References } from '../fields/field-types.js'
import { verifyReferences } from '../fields/references.js'

export interface EntryReferences {
  entryableType: string
  entryableId: string
  /** Checked only when true: the record is new to this entry (a create). */
  checkEntryable: boolean
  /** undefined: not sent; null: cleared. */
  contactId?: string | null
  assigneeEmail?: string | null
  refs: References
}

/** Verifies the references; returns the assignee found (null when cleared, undefined when not sent). */
export async function verifyEntryReferences(db: Executor, workspaceId: string, input: EntryReferences): Promise<UserRow | null | undefined> {
  const problems = new Problems()
  if (input.checkEntryable) {
    const exists =
      input.entryableType === 'Contact'
        ? (await findContacts(db, workspaceId, [input.entryableId])).length === 1
        : await organizationExists(db, workspaceId, input.entryableId)
    if (!exists) problems.add('entryable_id', 'unknown', `is not a ${input.entryableType.toLowerCase()} of this workspace`)
  }
  if (input.contactId) {
    const [contact] = await findContacts(db, workspaceId, [input.contactId])
    if (!contact) problems.add('contact_id', 'unknown', 'is not a contact of this workspace')
    else if (input.entryableType === 'Organization' && contact.organization_id !== input.entryableId) {
      problems.add('contact_id', 'invalid', "is not a contact of this entry's organization")
    }
  }
  let assignee: UserRow | null | undefined = input.assigneeEmail === null ? null : undefined
  if (input.assigneeEmail) {
    assignee = (await findUserByEmail(db, workspaceId, emailKey(input.assigneeEmail))) ?? undefined
    if (!assignee) problems.add('assignee_email', 'unknown_user', `is not a member of this workspace: ${JSON.stringify(input.assigneeEmail)}`)
  }
  await verifyReferences(db, workspaceId, input.refs, problems)
  problems.throwIfAny()
  return assignee
}
