// Checking the records an entry's input names: its contact (one of the organization's, for an
// organization entry), its assignee (a member) and the records its list-field values point at. One
// batch of reads; every miss becomes a problem. (The contact or organization the entry puts in the list
// is checked where the entry is stored, under a lock: see EntryWrites.create.)
import type { Executor } from '../../db/dialect.js'
import { findContact } from '../../db/queries/contacts.js'
import { findUserByEmail } from '../../db/queries/workspaces.js'
import type { UserRow } from '../../db/schema.js'
import { Problems } from '../errors.js'
import { emailKey } from '../email-address.js'
import type { References } from '../fields/field-types.js'
import { verifyReferences } from '../fields/references.js'

export interface EntryReferences {
  entryableType: string
  entryableId: string
  /** undefined: not sent; null: cleared. */
  contactId?: string | null
  assigneeEmail?: string | null
  refs: References
}

/** Verifies the references; returns the assignee found (null when cleared, undefined when not sent). */
export async function verifyEntryReferences(
  db: Executor,
  workspaceId: string,
  input: EntryReferences,
): Promise<UserRow | null | undefined> {
  const problems = new Problems()
  if (input.contactId) {
    const contact = await findContact(db, workspaceId, input.contactId)
    if (!contact) problems.add('contact_id', 'unknown', 'is not a contact of this workspace')
    else if (input.entryableType === 'Organization' && contact.organization_id !== input.entryableId) {
      problems.add('contact_id', 'invalid', "is not a contact of this entry's organization")
    }
  }
  let assignee: UserRow | null | undefined = input.assigneeEmail === null ? null : undefined
  if (input.assigneeEmail) {
    assignee = (await findUserByEmail(db, workspaceId, emailKey(input.assigneeEmail))) ?? undefined
    if (!assignee)
      problems.add(
        'assignee_email',
        'unknown_user',
        `is not a member of this workspace: ${JSON.stringify(input.assigneeEmail)}`,
      )
  }
  await verifyReferences(db, workspaceId, input.refs, problems)
  problems.throwIfAny()
  return assignee
}
