// The columns of a list's CSV export: the entry's record (an organization with its domains, or a
// contact with emails and phone numbers), the other side (an organization entry's contact, a contact's
// organization), the process columns, then every list field. Headers are the ones the import
// recognises, so the file imports back as it is. No I/O.
import type { ContactRow, EntryRow, OrganizationRow, UserRow } from '../../db/schema.js'
import type { ListDefinition } from '../lists/lists-service.js'
import { formatCents, formatFieldCell, ITEM_SEPARATOR } from '../imports/cell-values.js'
import { EXPORT_HEADERS, KEY_HEADER, fieldHeader, type BuiltInTarget } from '../imports/targets.js'
import { parseStoredValues } from '../entries/list-field-values.js'

/** An organization as the export shows it. */
export interface OrganizationView {
  row: OrganizationRow
  domains: string[]
}

/** A contact as the export shows it. */
export interface ContactView {
  row: ContactRow
  emails: string[]
  phones: string[]
}

/** One entry with what its columns show. */
export interface ExportRecord {
  entry: EntryRow
  organization: OrganizationView | null
  contact: ContactView | null
  assignee: UserRow | null
}

export interface ExportColumn {
  header: string
  cell(record: ExportRecord): string
}

const contactName = (c: ContactView | null) =>
  c?.row.name ?? [c?.row.first_name, c?.row.last_name].filter(Boolean).join(' ')

const BUILT_IN_CELLS: Record<BuiltInTarget, (record: ExportRecord, def: ListDefinition) => string> = {
  'organization name': (r) => r.organization?.row.name ?? '',
  domain: (r) => r.organization?.domains.join(ITEM_SEPARATOR) ?? '',
  'contact name': (r) => contactName(r.contact),
  email: (r) => r.contact?.emails.join(ITEM_SEPARATOR) ?? '',
  phone: (r) => r.contact?.phones.join(ITEM_SEPARATOR) ?? '',
  status: (r, def) => def.statuses.find((s) => s.id === r.entry.status_id)?.name ?? '',
  'assignee email': (r) => r.assignee?.email ?? '',
  'one time value': (r) => (r.entry.one_time_value_cents === null ? '' : formatCents(r.entry.one_time_value_cents)),
  'recurring value': (r) => (r.entry.recurring_value_cents === null ? '' : formatCents(r.entry.recurring_value_cents)),
  'recurring period': (r) => r.entry.recurring_value_period ?? '',
}

const ORGANIZATION_FIRST: BuiltInTarget[] = ['organization name', 'domain', 'contact name', 'email', 'phone']
const CONTACT_FIRST: BuiltInTarget[] = ['contact name', 'email', 'phone', 'organization name', 'domain']
const PROCESS: BuiltInTarget[] = ['status', 'assignee email', 'one time value', 'recurring value', 'recurring period']

/** The columns of `def`'s export, in order. */
export function exportColumns(def: ListDefinition): ExportColumn[] {
  const isProcess = def.list.process === 1
  const builtIns = [
    ...(def.list.entry_type === 'Contact' ? CONTACT_FIRST : ORGANIZATION_FIRST),
    ...(isProcess ? PROCESS : []),
  ]
  const columns: ExportColumn[] = []
  if (isProcess) columns.push({ header: KEY_HEADER, cell: (r) => r.entry.key ?? '' })
  for (const target of builtIns)
    columns.push({ header: EXPORT_HEADERS[target], cell: (r) => BUILT_IN_CELLS[target](r, def) })
  // Each entry's values are parsed once for all its field columns.
  const values = new WeakMap<ExportRecord, ReturnType<typeof parseStoredValues>>()
  const valuesOf = (r: ExportRecord) => {
    let parsed = values.get(r)
    if (parsed === undefined) {
      parsed = parseStoredValues(r.entry.list_fields)
      values.set(r, parsed)
    }
    return parsed
  }
  for (const field of def.fields) {
    columns.push({ header: fieldHeader(field.name), cell: (r) => formatFieldCell(valuesOf(r)[field.id]) })
  }
  return columns
}
