// Reading a list's entries for an export: keyset pages over one snapshot, each page with the records
// its columns show, so the whole export sees one moment of the database and never holds more than a
// page. A process is read in key order (what an import into an empty process gives back), a regular
// list by last update.
import type { Executor } from '../../db/dialect.js'
import { emailsOf, phonesOf } from '../../db/queries/contacts.js'
import type { EntryFilter } from '../../db/queries/entries.js'
import { entriesPage, type ExportCursor } from '../../db/queries/entry-export.js'
import { domainsOf } from '../../db/queries/organizations.js'
import { contactsByIds, organizationsByIds } from '../../db/queries/records.js'
import { findUsersByIds } from '../../db/queries/workspaces.js'
import type { EntryRow } from '../../db/schema.js'
import type { ListDefinition } from '../lists/lists-service.js'
import type { ContactView, ExportRecord, OrganizationView } from './export-columns.js'

/** Entries per page: one round of queries each. */
export const EXPORT_PAGE_SIZE = 1000

/** Pages of the list's entries matching `filter`, with their records, read through `db` (a snapshot). */
export async function* readExportPages(
  db: Executor,
  def: ListDefinition,
  filter: EntryFilter,
): AsyncGenerator<ExportRecord[]> {
  const ws = def.list.workspace_id
  const column = def.list.process === 1 ? 'key_number' : 'updated_at'
  let from: ExportCursor | undefined
  for (;;) {
    const rows = await entriesPage(db, ws, def.list.id, filter, column, from, EXPORT_PAGE_SIZE)
    if (rows.length === 0) return
    yield await withRecords(db, ws, rows)
    const last = rows[rows.length - 1]!
    from = { value: Number(last[column]), id: last.id }
    if (rows.length < EXPORT_PAGE_SIZE) return
  }
}

async function withRecords(db: Executor, ws: string, rows: EntryRow[]): Promise<ExportRecord[]> {
  const contactIds = rows.flatMap((r) => [
    ...(r.entryable_type === 'Contact' ? [r.entryable_id] : []),
    ...(r.contact_id === null ? [] : [r.contact_id]),
  ])
  const contacts = await contactsByIds(db, ws, contactIds)
  const organizationIds = [
    ...rows.flatMap((r) => (r.entryable_type === 'Organization' ? [r.entryable_id] : [])),
    ...[...contacts.values()].flatMap((c) => (c.organization_id === null ? [] : [c.organization_id])),
  ]
  const organizations = await organizationsByIds(db, ws, organizationIds)
  const ids = [...contacts.keys()]
  const [emails, phones, domains] = [
    await emailsOf(db, ws, ids),
    await phonesOf(db, ws, ids),
    await domainsOf(db, ws, [...organizations.keys()]),
  ]
  const members = new Map(
    (
      await findUsersByIds(db, ws, [...new Set(rows.flatMap((r) => (r.assignee_id === null ? [] : [r.assignee_id])))])
    ).map((u) => [u.id, u]),
  )
  const contactView = (id: string | null): ContactView | null => {
    const row = id === null ? undefined : contacts.get(id)
    return row
      ? { row, emails: emails.get(row.id) ?? [], phones: (phones.get(row.id) ?? []).map((p) => p.number) }
      : null
  }
  const organizationView = (id: string | null): OrganizationView | null => {
    const row = id === null ? undefined : organizations.get(id)
    return row ? { row, domains: domains.get(row.id) ?? [] } : null
  }
  return rows.map((entry) => {
    const contact = contactView(entry.entryable_type === 'Contact' ? entry.entryable_id : entry.contact_id)
    const organization = organizationView(
      entry.entryable_type === 'Organization' ? entry.entryable_id : (contact?.row.organization_id ?? null),
    )
    return {
      entry,
      contact,
      organization,
      assignee: entry.assignee_id === null ? null : (members.get(entry.assignee_id) ?? null),
    }
  })
}
