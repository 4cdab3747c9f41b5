// The API shape of a contact: flat, emails and phone numbers as plain strings (clients read `emails[]`
// so), custom field values keyed by field id.
import type { Executor } from '../../db/dialect.js'
import type { ContactRow } from '../../db/schema.js'
import * as q from '../../db/queries/contacts.js'
import { definitionsOf, parseStoredValues, showValues, type ShownValue } from '../custom-fields/custom-field-values.js'
import type { FieldDefinition } from '../fields/field-types.js'
import { toIso } from '../time.js'

export interface Contact {
  id: string
  first_name: string | null
  last_name: string | null
  /** The display name: as sent, or first and last name joined. */
  name: string | null
  title: string | null
  /** As written, in the order they were added. */
  emails: string[]
  /** As written, in the order they were added (looked up in normalised form). */
  phone_numbers: string[]
  organization_id: string | null
  custom_fields: Record<string, ShownValue>
  created_at: string
  updated_at: string
}

export function toContact(
  row: ContactRow,
  emails: string[],
  phones: string[],
  fields: readonly FieldDefinition[],
): Contact {
  return {
    id: row.id,
    first_name: row.first_name,
    last_name: row.last_name,
    name: row.name,
    title: row.title,
    emails,
    phone_numbers: phones,
    organization_id: row.organization_id,
    custom_fields: showValues(parseStoredValues(row.custom_fields), fields),
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  }
}

/** Contacts with their emails, numbers and values, loaded in three queries whatever the number of rows. */
export async function presentContacts(
  db: Executor,
  workspaceId: string,
  rows: readonly ContactRow[],
): Promise<Contact[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const [emails, phones, fields] = await Promise.all([
    q.emailsOf(db, workspaceId, ids),
    q.phonesOf(db, workspaceId, ids),
    definitionsOf(db, workspaceId, 'contact'),
  ])
  return rows.map((row) =>
    toContact(
      row,
      emails.get(row.id) ?? [],
      (phones.get(row.id) ?? []).map((p) => p.number),
      fields,
    ),
  )
}
