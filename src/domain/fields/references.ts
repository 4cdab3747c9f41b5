// Checking the records that field values point at (members for `user` fields, contacts for `contact`
// fields), all in one query per kind, and turning misses into problems at the path of first use.
import type { Executor } from '../../db/dialect.js'
import { findContacts } from '../../db/queries/entries.js'
import { findUsersByEmailKeys } from '../../db/queries/workspaces.js'
import type { Problems } from '../errors.js'
import type { References } from './field-types.js'

export async function verifyReferences(
  db: Executor,
  workspaceId: string,
  refs: References,
  problems: Problems,
): Promise<void> {
  if (refs.userEmails.size > 0) {
    const found = new Set(
      (await findUsersByEmailKeys(db, workspaceId, [...refs.userEmails.keys()])).map((u) => u.email_key),
    )
    for (const [email, path] of refs.userEmails) {
      if (!found.has(email))
        problems.add(path, 'unknown_user', `is not a member of this workspace: ${JSON.stringify(email)}`)
    }
  }
  if (refs.contactIds.size > 0) {
    const found = new Set((await findContacts(db, workspaceId, [...refs.contactIds.keys()])).map((c) => c.id))
    for (const [id, path] of refs.contactIds) {
      if (!found.has(id))
        problems.add(path, 'unknown_contact', `is not a contact of this workspace: ${JSON.stringify(id)}`)
    }
  }
}
