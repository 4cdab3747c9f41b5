// The rows of a bulk seed, made in memory exactly as the domain layer would write them: entries with
// their key, counters' worth of statuses, stored list-field values and the `entry_field_values` lookup
// rows (from the domain's own fieldValueRows), the creation row of the status history, and
// organizations and contacts for the entries to point at. No I/O here; grow.ts writes them.
import type {
  ContactEmailRow,
  ContactRow,
  EntryRow,
  EntryStatusChangeRow,
  OrganizationDomainRow,
  OrganizationRow,
} from '../../src/db/schema.js'
import { formatEntryKey } from '../../src/domain/entries/entry-key.js'
import { fieldValueRows, type StoredFieldValues } from '../../src/domain/entries/list-field-values.js'
import { newId } from '../../src/domain/ids.js'
import { closedAtFor } from '../../src/domain/lists/statuses.js'
import { PROCESS_IDENTIFIER, TIER_OPTIONS, type Fixture } from './workspace.js'

/** Columns of every table the seed writes, with the PostgreSQL type of each (for unnest arrays). */
export const TABLES = {
  organizations: {
    workspace_id: 'text',
    id: 'text',
    name: 'text',
    description: 'text',
    custom_fields: 'text',
    created_at: 'int8',
    updated_at: 'int8',
  },
  organization_domains: { workspace_id: 'text', domain: 'text', organization_id: 'text', position: 'int4' },
  contacts: {
    workspace_id: 'text',
    id: 'text',
    first_name: 'text',
    last_name: 'text',
    name: 'text',
    title: 'text',
    organization_id: 'text',
    custom_fields: 'text',
    created_at: 'int8',
    updated_at: 'int8',
  },
  contact_emails: { workspace_id: 'text', email_key: 'text', email: 'text', contact_id: 'text', position: 'int4' },
  entries: {
    workspace_id: 'text',
    id: 'text',
    list_id: 'text',
    entryable_type: 'text',
    entryable_id: 'text',
    contact_id: 'text',
    key: 'text',
    key_number: 'int8',
    status_id: 'text',
    assignee_id: 'text',
    one_time_value_cents: 'int8',
    recurring_value_cents: 'int8',
    recurring_value_period: 'text',
    closed_at: 'int8',
    next_entry_id: 'text',
    list_fields: 'text',
    created_at: 'int8',
    updated_at: 'int8',
  },
  entry_field_values: { workspace_id: 'text', field_id: 'text', value: 'text', entry_id: 'text' },
  entry_status_changes: {
    workspace_id: 'text',
    id: 'text',
    entry_id: 'text',
    list_id: 'text',
    from_status_id: 'text',
    from_status_name: 'text',
    to_status_id: 'text',
    to_status_name: 'text',
    changed_at: 'int8',
    user_id: 'text',
    api_key_id: 'text',
  },
} as const

export type TableName = keyof typeof TABLES
export type Row = Record<string, string | number | null>

/** Entries per organization in the seed (and one contact per organization). */
export const ENTRIES_PER_ORGANIZATION = 10
/** Seeded entries are spaced this far apart in time, oldest first. */
const SPACING_MS = 1000

/** A small deterministic PRNG (mulberry32), so two runs seed the same values. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** An organization with one domain, and one contact of it with one email. */
export function recordRows(fixture: Fixture, n: number, at: number) {
  const ws = fixture.workspaceId
  const org: OrganizationRow = {
    workspace_id: ws,
    id: newId(),
    name: `Company ${n}`,
    description: null,
    custom_fields: '{}',
    created_at: at,
    updated_at: at,
  }
  const domain: OrganizationDomainRow = {
    workspace_id: ws,
    domain: `company${n}.example`,
    organization_id: org.id,
    position: 0,
  }
  const contact: ContactRow = {
    workspace_id: ws,
    id: newId(),
    first_name: 'Person',
    last_name: String(n),
    name: `Person ${n}`,
    title: null,
    organization_id: org.id,
    custom_fields: '{}',
    created_at: at,
    updated_at: at,
  }
  const email: ContactEmailRow = {
    workspace_id: ws,
    email_key: `person${n}@company${n}.example`,
    email: `person${n}@company${n}.example`,
    contact_id: contact.id,
    position: 0,
  }
  return { org, domain, contact, email }
}

export interface EntryRows {
  entry: EntryRow
  values: Row[]
  history: EntryStatusChangeRow
}

/** The list-field values of the entry with key number `k`: a tier, a score and a close date. */
export function fieldValues(fixture: Fixture, random: () => number): StoredFieldValues {
  const day = 1 + Math.floor(random() * 28)
  const month = 1 + Math.floor(random() * 12)
  return {
    [fixture.fields.tier.id]: TIER_OPTIONS[Math.floor(random() * TIER_OPTIONS.length)]!,
    [fixture.fields.score.id]: Math.floor(random() * 10_000),
    [fixture.fields.closeDate.id]: `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  }
}

/**
 * The entry with key number `k` (its status cycles through the five, so each holds a fifth), with its
 * lookup rows and creation row, pointing at organization `orgIndex`.
 */
export function entryRows(
  fixture: Fixture,
  k: number,
  records: { orgIds: readonly string[]; contactIds: readonly string[] },
  baseMs: number,
  random: () => number,
): EntryRows {
  const ws = fixture.workspaceId
  const status = fixture.statuses[k % fixture.statuses.length]!
  const orgIndex = Math.floor(random() * records.orgIds.length)
  const at = baseMs + k * SPACING_MS
  const values = fieldValues(fixture, random)
  const entry: EntryRow = {
    workspace_id: ws,
    id: newId(),
    list_id: fixture.listId,
    entryable_type: 'Organization',
    entryable_id: records.orgIds[orgIndex]!,
    contact_id: k % 2 === 0 ? records.contactIds[orgIndex]! : null,
    key: formatEntryKey(PROCESS_IDENTIFIER, k),
    key_number: k,
    status_id: status.id,
    assignee_id: k % 4 === 0 ? null : fixture.memberIds[k % fixture.memberIds.length]!,
    one_time_value_cents: Math.floor(random() * 10_000_000),
    recurring_value_cents: 0,
    recurring_value_period: 'annual',
    closed_at: closedAtFor(status.type, null, at),
    next_entry_id: null,
    list_fields: JSON.stringify(values),
    created_at: at,
    updated_at: at,
  }
  const lookup = fieldValueRows(entry.id, values, Object.keys(values)).map((r) => ({ workspace_id: ws, ...r }))
  const history: EntryStatusChangeRow = {
    workspace_id: ws,
    id: newId(),
    entry_id: entry.id,
    list_id: fixture.listId,
    from_status_id: null,
    from_status_name: null,
    to_status_id: status.id,
    to_status_name: status.name,
    changed_at: at,
    user_id: null,
    api_key_id: null,
  }
  return { entry, values: lookup, history }
}
