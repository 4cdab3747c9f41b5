// Checking the records many entry inputs name (their contacts, assignees and list-field references)
// with one query per kind for the whole batch, and each miss a problem of its own item, as
// verifyEntryReferences does for one input.
import type { Executor } from '../../db/dialect.js'
import { findContacts } from '../../db/queries/entries.js'
import { findUsersByEmailKeys } from '../../db/queries/workspaces.js'
import type { UserRow } from '../../db/schema.js'
import { emailKey } from '../email-address.js'
import { Problems } from '../errors.js'
import type { EntryReferences } from './entry-references.js'

/** What the batch's references resolve to. */
export interface ResolvedReferences {
  /** Problems of each item (empty when it is fine), and its assignee as verifyEntryReferences returns it. */
  check(input: EntryReferences): { problems: Problems; assignee: UserRow | null | undefined }
}

/** Reads every record the inputs name, in one query per kind. */
export async function resolveReferences(
  db: Executor,
  workspaceId: string,
  inputs: readonly EntryReferences[],
): Promise<ResolvedReferences> {
  const contactIds = new Set<string>()
  const emails = new Set<string>()
  for (const input of inputs) {
    if (input.contactId) contactIds.add(input.contactId)
    if (input.assigneeEmail) emails.add(emailKey(input.assigneeEmail))
    for (const id of input.refs.contactIds.keys()) contactIds.add(id)
    for (const email of input.refs.userEmails.keys()) emails.add(email)
  }
  const contacts = new Map(
    (await findContacts(db, workspaceId, [...contactIds])).map((c) => [c.id, c.organization_id] as const),
  )
  const members = new Map((await findUsersByEmailKeys(db, workspaceId, [...emails])).map((u) => [u.email_key, u]))
  return {
    check(input) {
      const problems = new Problems()
      if (input.contactId) {
        const organizationId = contacts.get(input.contactId)
        if (organizationId === undefined) problems.add('contact_id', 'unknown', 'is not a contact of this workspace')
        else if (input.entryableType === 'Organization' && organizationId !== input.entryableId)
          problems.add('contact_id', 'invalid', "is not a contact of this entry's organization")
      }
      let assignee: UserRow | null | undefined = input.assigneeEmail === null ? null : undefined
      if (input.assigneeEmail) {
        assignee = members.get(emailKey(input.assigneeEmail))
        if (!assignee)
          problems.add(
            'assignee_email',
            'unknown_user',
            `is not a member of this workspace: ${JSON.stringify(input.assigneeEmail)}`,
          )
      }
      for (const [email, path] of input.refs.userEmails)
        if (!members.has(email))
          problems.add(path, 'unknown_user', `is not a member of this workspace: ${JSON.stringify(email)}`)
      for (const [id, path] of input.refs.contactIds)
        if (!contacts.has(id))
          problems.add(path, 'unknown_contact', `is not a contact of this workspace: ${JSON.stringify(id)}`)
      return { problems, assignee }
    },
  }
}
