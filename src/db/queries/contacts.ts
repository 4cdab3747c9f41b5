// SQL for contacts, their emails and their phone numbers. Every query is scoped by workspace.
import { sql } from 'kysely'
import type { Executor } from '../dialect.js'
import type { ContactEmailRow, ContactRow } from '../schema.js'
import { newestFirst, selectPage, type PageRequest } from './page.js'
import { containsText } from './text-search.js'

export async function insertContact(db: Executor, row: ContactRow): Promise<void> {
  await db.insertInto('contacts').values(row).execute()
}

function contactById(db: Executor, workspaceId: string, id: string) {
  return db.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id)
}

/** The contact with this id. */
export async function findContact(db: Executor, workspaceId: string, id: string): Promise<ContactRow | undefined> {
  return contactById(db, workspaceId, id).executeTakeFirst()
}

/** The contact, locked (FOR UPDATE) until the transaction ends: before changing or deleting it. */
export async function lockContact(db: Executor, workspaceId: string, id: string): Promise<ContactRow | undefined> {
  return contactById(db, workspaceId, id).forUpdate().executeTakeFirst()
}

function contactIdsIn(db: Executor, workspaceId: string, ids: readonly string[]) {
  return db.selectFrom('contacts').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', ids)
}

/** Which of these ids are contacts of the workspace. */
export async function findContactIds(db: Executor, workspaceId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  return new Set((await contactIdsIn(db, workspaceId, ids).execute()).map((r) => r.id))
}

/**
 * Which of these ids are contacts of the workspace (what `contact` field values may hold), held (FOR
 * SHARE) until the transaction ends, so a concurrent delete cannot leave a value naming a lost contact.
 */
export async function holdContactIds(db: Executor, workspaceId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  return new Set((await contactIdsIn(db, workspaceId, ids).forShare().execute()).map((r) => r.id))
}

export interface ContactFilter {
  updatedAfterMs?: number | undefined
  /** Lower-cased email: contacts holding exactly this address. */
  emailKey?: string | undefined
  /** Normalised number: contacts holding this number. */
  numberKey?: string | undefined
  organizationId?: string | undefined
  /** Contacts whose display, first or last name contains this text, any case. */
  nameContains?: string | undefined
}

/**
 * One page of contacts. The email and phone filters are subqueries on their indexed tables:
 *
 * ```sql
 * select * from contacts where workspace_id = $1 and id in
 *   (select contact_id from contact_emails where workspace_id = $1 and email_key = $2) ...
 * ```
 */
export async function listContacts(db: Executor, workspaceId: string, filter: ContactFilter, page: PageRequest) {
  let query = db.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId)
  if (filter.updatedAfterMs !== undefined) query = query.where('updated_at', '>', filter.updatedAfterMs)
  if (filter.organizationId !== undefined) query = query.where('organization_id', '=', filter.organizationId)
  if (filter.nameContains !== undefined) {
    const text = filter.nameContains
    query = query.where((eb) =>
      eb.or([
        containsText('contacts.name', text),
        containsText('contacts.first_name', text),
        containsText('contacts.last_name', text),
      ]),
    )
  }
  if (filter.emailKey !== undefined) {
    const key = filter.emailKey
    query = query.where('id', 'in', (eb) =>
      eb
        .selectFrom('contact_emails')
        .select('contact_id')
        .where('workspace_id', '=', workspaceId)
        .where('email_key', '=', key),
    )
  }
  if (filter.numberKey !== undefined) {
    const key = filter.numberKey
    query = query.where('id', 'in', (eb) =>
      eb
        .selectFrom('contact_phones')
        .select('contact_id')
        .where('workspace_id', '=', workspaceId)
        .where('number_key', '=', key),
    )
  }
  return selectPage(query, page, newestFirst('contacts'))
}

export async function updateContact(
  db: Executor,
  workspaceId: string,
  id: string,
  changes: Partial<Omit<ContactRow, 'workspace_id' | 'id' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('contacts').set(changes).where('workspace_id', '=', workspaceId).where('id', '=', id).execute()
}

/** Deletes the contact; its emails and phone numbers go by foreign-key cascade. */
export async function deleteContact(db: Executor, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('contacts').where('workspace_id', '=', workspaceId).where('id', '=', id).execute()
}

/** Which of these lower-cased addresses belong to a contact already, and to which. */
export async function findEmailOwners(
  db: Executor,
  workspaceId: string,
  emailKeys: readonly string[],
): Promise<ContactEmailRow[]> {
  if (emailKeys.length === 0) return []
  return db
    .selectFrom('contact_emails')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('email_key', 'in', emailKeys)
    .execute()
}

/** Each contact's emails (as written) in the order they were added. */
export async function emailsOf(
  db: Executor,
  workspaceId: string,
  contactIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(contactIds.map((id) => [id, []]))
  if (contactIds.length === 0) return out
  const rows = await db
    .selectFrom('contact_emails')
    .select(['contact_id', 'email'])
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', 'in', contactIds)
    .orderBy('position')
    .execute()
  for (const row of rows) out.get(row.contact_id)?.push(row.email)
  return out
}

/** Each contact's phone numbers, as written and normalised, in the order they were added. */
export async function phonesOf(
  db: Executor,
  workspaceId: string,
  contactIds: readonly string[],
): Promise<Map<string, Array<{ number: string; key: string }>>> {
  const out = new Map<string, Array<{ number: string; key: string }>>(contactIds.map((id) => [id, []]))
  if (contactIds.length === 0) return out
  const rows = await db
    .selectFrom('contact_phones')
    .select(['contact_id', 'number', 'number_key'])
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', 'in', contactIds)
    .orderBy('position')
    .execute()
  for (const row of rows) out.get(row.contact_id)?.push({ number: row.number, key: row.number_key })
  return out
}

/** The next free position in `contact_emails` or `contact_phones` for one contact. */
export async function nextPosition(
  db: Executor,
  table: 'contact_emails' | 'contact_phones',
  workspaceId: string,
  contactId: string,
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select(sql<number | null>`max(position)`.as('max'))
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .executeTakeFirst()
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1
}

export async function insertEmails(
  db: Executor,
  workspaceId: string,
  contactId: string,
  emails: ReadonlyArray<{ email: string; key: string }>,
  from: number,
): Promise<void> {
  if (emails.length === 0) return
  const rows = emails.map((e, i) => ({
    workspace_id: workspaceId,
    email_key: e.key,
    email: e.email,
    contact_id: contactId,
    position: from + i,
  }))
  await db.insertInto('contact_emails').values(rows).execute()
}

/** Removes these lower-cased addresses from the contact; others' addresses are never touched. */
export async function deleteEmails(
  db: Executor,
  workspaceId: string,
  contactId: string,
  emailKeys: readonly string[],
): Promise<void> {
  if (emailKeys.length === 0) return
  await db
    .deleteFrom('contact_emails')
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .where('email_key', 'in', emailKeys)
    .execute()
}

export async function insertPhones(
  db: Executor,
  workspaceId: string,
  contactId: string,
  phones: ReadonlyArray<{ number: string; key: string }>,
  from: number,
): Promise<void> {
  if (phones.length === 0) return
  const rows = phones.map((p, i) => ({
    workspace_id: workspaceId,
    contact_id: contactId,
    position: from + i,
    number: p.number,
    number_key: p.key,
  }))
  await db.insertInto('contact_phones').values(rows).execute()
}

/** Removes the contact's numbers with these normalised forms. */
export async function deletePhones(
  db: Executor,
  workspaceId: string,
  contactId: string,
  numberKeys: readonly string[],
): Promise<void> {
  if (numberKeys.length === 0) return
  await db
    .deleteFrom('contact_phones')
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .where('number_key', 'in', numberKeys)
    .execute()
}
