// Which stored contact a written one is: the owner of one of its emails (in the order written), else
// one holding one of its phone numbers (normalised), else, for a contact written with neither but with
// an organization, the contact of that organization with exactly its name. How batches with `upsert`
// and imports avoid duplicates.
import type { Executor } from '../../db/dialect.js'
import * as q from '../../db/queries/contacts.js'
import type { ContactRow } from '../../db/schema.js'
import { emailKey } from '../email-address.js'
import { cleanText } from './contact-names.js'
import { normalisePhoneNumber } from './phone-numbers.js'

export interface ContactKeys {
  emails?: string[] | undefined
  phone_numbers?: string[] | undefined
  name?: string | null | undefined
  /** An organization id: the only place a contact is looked for by name. */
  organization_id?: string | null | undefined
}

/** The contact `input` matches, or undefined; `lock` as in findContact. */
export async function matchContact(
  db: Executor,
  workspaceId: string,
  input: ContactKeys,
  defaultCountryCode: string,
  lock?: 'update' | 'share',
): Promise<ContactRow | undefined> {
  const emails = (input.emails ?? []).map(emailKey)
  const owners = new Map((await q.findEmailOwners(db, workspaceId, emails)).map((o) => [o.email_key, o.contact_id]))
  for (const email of emails) {
    const owner = owners.get(email)
    if (owner !== undefined) return q.findContact(db, workspaceId, owner, lock)
  }
  const numbers = (input.phone_numbers ?? [])
    .map((n) => normalisePhoneNumber(n, defaultCountryCode))
    .filter((n): n is string => n !== undefined)
  const holders = await q.findNumberHolders(db, workspaceId, numbers)
  for (const number of numbers) {
    const holder = holders.get(number)
    if (holder !== undefined) return q.findContact(db, workspaceId, holder, lock)
  }
  const name = cleanText(input.name)
  if (emails.length > 0 || numbers.length > 0 || !name || !input.organization_id || input.organization_id === 'auto')
    return undefined
  const named = await q.findNamedInOrganization(db, workspaceId, input.organization_id, name)
  return named === undefined ? undefined : q.findContact(db, workspaceId, named, lock)
}
