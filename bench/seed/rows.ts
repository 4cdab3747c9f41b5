// The rows of a bulk seed, made in memory exactly as the domain layer would write them: entries with
// their key, counters' worth of statuses, stored list-field values and the `entry_field_values` lookup
// rows (from the domain's own fieldValueRows), the status history, and organizations and contacts for
// the entries to point at. No I/O here; grow.ts writes them.
//
// The data is shaped like a real CRM's, not like a benchmark's: creation times are shuffled (an entry's
// key says nothing about when it was made, so no index on time is read in insertion order); the Tier
// select follows a Zipf-like spread (one value on about half the entries, the rarest on under 2 %);
// and a fifth of the entries moved through two to four statuses before their current one, with a
// history row for each move and later update times.
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
/** Creation times are whole multiples of this after the seed's base time, in shuffled order. */
const SPACING_MS = 1000
/** Zipf exponent of the Tier values: weights 1/rank^s. */
const ZIPF_S = 1.5
/** Share of entries that moved between statuses before their current one. */
const MOVED_SHARE = 0.2
/** Moves of such an entry, at least and at most, and the longest time between two (1 hour). */
const MOVES_MIN = 2
const MOVES_MAX = 4
const MOVE_GAP_MAX_MS = 3_600_000

const TIER_WEIGHTS = TIER_OPTIONS.map((_, rank) => 1 / (rank + 1) ** ZIPF_S)
const TIER_TOTAL = TIER_WEIGHTS.reduce((a, b) => a + b, 0)
/** The Tier most entries hold, and the one fewest hold. */
export const COMMON_TIER = TIER_OPTIONS[0]!
export const RARE_TIER = TIER_OPTIONS[TIER_OPTIONS.length - 1]!
/** The share of entries expected to hold each tier, for the report. */
export const TIER_SHARES = Object.fromEntries(TIER_OPTIONS.map((t, i) => [t, TIER_WEIGHTS[i]! / TIER_TOTAL]))

/** A tier drawn from the Zipf-like spread. */
export function pickTier(random: () => number): string {
  let left = random() * TIER_TOTAL
  for (const [i, weight] of TIER_WEIGHTS.entries()) {
    left -= weight
    if (left < 0) return TIER_OPTIONS[i]!
  }
  return RARE_TIER
}

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
  /** The creation row, then one row per move, oldest first. */
  history: EntryStatusChangeRow[]
}

/** The list-field values of the entry with key number `k`: a tier, a score and a close date. */
export function fieldValues(fixture: Fixture, random: () => number): StoredFieldValues {
  const day = 1 + Math.floor(random() * 28)
  const month = 1 + Math.floor(random() * 12)
  return {
    [fixture.fields.tier.id]: pickTier(random),
    [fixture.fields.score.id]: Math.floor(random() * 10_000),
    [fixture.fields.closeDate.id]: `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  }
}

/**
 * The statuses an entry went through, ending in `final`: just `final` for most; for MOVED_SHARE of
 * them, MOVES_MIN to MOVES_MAX moves, each to a status other than the one before.
 */
function pathTo(final: number, statusCount: number, random: () => number): number[] {
  if (random() >= MOVED_SHARE) return [final]
  const moves = MOVES_MIN + Math.floor(random() * (MOVES_MAX - MOVES_MIN + 1))
  const path = [final]
  for (let i = 0; i < moves; i++) {
    const other = Math.floor(random() * (statusCount - 1))
    path.unshift(other >= path[0]! ? other + 1 : other)
  }
  return path
}

/**
 * The entry with key number `k`: its current status cycles through the five (so each holds a fifth),
 * its creation time is a random slot of the seed's span, and some moved there through other statuses
 * (see pathTo); with its lookup rows and history rows, pointing at a random organization.
 */
export function entryRows(
  fixture: Fixture,
  k: number,
  records: { orgIds: readonly string[]; contactIds: readonly string[] },
  time: { baseMs: number; slots: number },
  random: () => number,
): EntryRows {
  const ws = fixture.workspaceId
  const statuses = fixture.statuses
  const path = pathTo(k % statuses.length, statuses.length, random).map((i) => statuses[i]!)
  const orgIndex = Math.floor(random() * records.orgIds.length)
  const createdAt = time.baseMs + Math.floor(random() * time.slots) * SPACING_MS
  const values = fieldValues(fixture, random)
  const id = newId()
  const history: EntryStatusChangeRow[] = []
  let at = createdAt
  let closedAt: number | null = null
  path.forEach((status, i) => {
    if (i > 0) at += 1000 + Math.floor(random() * MOVE_GAP_MAX_MS)
    closedAt = closedAtFor(status.type, closedAt, at)
    const from = i === 0 ? null : path[i - 1]!
    history.push({
      workspace_id: ws,
      id: newId(),
      entry_id: id,
      list_id: fixture.listId,
      from_status_id: from?.id ?? null,
      from_status_name: from?.name ?? null,
      to_status_id: status.id,
      to_status_name: status.name,
      changed_at: at,
      user_id: null,
      api_key_id: null,
    })
  })
  const status = path[path.length - 1]!
  const entry: EntryRow = {
    workspace_id: ws,
    id,
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
    closed_at: closedAt,
    next_entry_id: null,
    list_fields: JSON.stringify(values),
    created_at: createdAt,
    updated_at: at,
  }
  const lookup = fieldValueRows(entry.id, values, Object.keys(values)).map((r) => ({ workspace_id: ws, ...r }))
  return { entry, values: lookup, history }
}
