// One CSV row as what the import writes: the organization and the contact to find or make, and the
// entry's input, by the planned columns. Empty cells write nothing (an entry's stored value stays);
// a new entry in a process without a status or values gets the first status, 0 and `monthly`. No I/O.
import type { CreateEntryInput } from '../entries/entry-input.js'
import type { ListDefinition } from '../lists/lists-service.js'
import { parseFieldCell, parseMoney, splitDomains, splitItems } from './cell-values.js'
import type { ColumnPlan } from './import-columns.js'

export interface RowPlan {
  organization: { name: string | undefined; domains: string[] } | undefined
  contact: { name: string | undefined; emails: string[]; phones: string[] } | undefined
  /** The entry's input without its record (filled once the record is found or made). */
  entry: CreateEntryInput
  /** What a new entry gets where the row says nothing. */
  createDefaults: CreateEntryInput
}

const PERIODS: Record<string, string> = {
  monthly: 'monthly',
  month: 'monthly',
  annual: 'annual',
  annually: 'annual',
  yearly: 'annual',
  year: 'annual',
  'one time': 'one_time',
  one_time: 'one_time',
  'one-time': 'one_time',
  once: 'one_time',
}

/** The row's plan, or the reason it cannot be imported. */
export function planRow(
  def: ListDefinition,
  columns: readonly ColumnPlan[],
  cells: readonly string[],
): RowPlan | string {
  if (cells.length > columns.length) return `has ${cells.length} cells where the header has ${columns.length} columns`
  let orgName: string | undefined
  let contactName: string | undefined
  const domains: string[] = []
  const emails: string[] = []
  const phones: string[] = []
  const entry: CreateEntryInput = {}
  const fields: Array<{ name: string; value: unknown }> = []
  for (const column of columns) {
    const text = (cells[column.index] ?? '').trim()
    if (text === '' || column.target.kind === 'skip') continue
    if (column.target.kind === 'field') {
      const field = def.fields.find((f) => f.name === (column.target as { name: string }).name)
      // A field made by this import that a dry run could not make: nothing to check its value against.
      if (field) fields.push({ name: field.name, value: parseFieldCell(field, text) })
      continue
    }
    switch (column.target.target) {
      case 'organization name':
        orgName = text
        break
      case 'domain':
        domains.push(...splitDomains(text))
        break
      case 'contact name':
        contactName = text
        break
      case 'email':
        emails.push(...splitItems(text))
        break
      case 'phone':
        phones.push(...splitItems(text))
        break
      case 'status':
        entry.status = text
        break
      case 'assignee email':
        entry.assignee_email = text
        break
      case 'one time value':
      case 'recurring value': {
        const cents = parseMoney(text)
        if (cents === undefined)
          return `${column.name}: ${JSON.stringify(text)} is not an amount (e.g. 1200 or 1,200.50)`
        if (column.target.target === 'one time value') entry.one_time_value_cents = cents
        else entry.recurring_value_cents = cents
        break
      }
      case 'recurring period': {
        const period = PERIODS[text.toLowerCase()]
        if (period === undefined) return `${column.name}: ${JSON.stringify(text)} is not monthly, annual or one_time`
        entry.recurring_value_period = period
        break
      }
    }
  }
  if (fields.length > 0) entry.list_fields = fields
  const hasContact = contactName !== undefined || emails.length > 0 || phones.length > 0
  const hasOrganization = orgName !== undefined || domains.length > 0
  if (def.list.entry_type === 'Organization' && !hasOrganization)
    return 'has no organization: Organization name and Domain are empty'
  if (def.list.entry_type === 'Contact' && !hasContact)
    return 'has no contact: Contact name, Email and Phone number are empty'
  const isProcess = def.list.process === 1
  return {
    organization: hasOrganization ? { name: orgName, domains } : undefined,
    contact: hasContact ? { name: contactName, emails, phones } : undefined,
    entry,
    createDefaults: isProcess
      ? {
          status: def.statuses[0]?.name,
          one_time_value_cents: 0,
          recurring_value_cents: 0,
          recurring_value_period: 'monthly',
        }
      : {},
  }
}
