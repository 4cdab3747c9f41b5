// The lists an entry load writes to, made through the API: a process "Deals" with list fields of three
// kinds (one multi-value) and a status connected to a second process "Accounts", and organizations for
// the entries to name. Shared by the crash, multi-process, outage and soak suites.
import assert from 'node:assert/strict'
import type { ApiClient } from '../../support/client.js'
import { createList, createOrganization } from '../../support/seed.js'

export const DEAL_STATUSES = [
  { name: 'Lead', type: 'active' },
  { name: 'Contacted', type: 'active' },
  { name: 'Qualified', type: 'active' },
  { name: 'Won', type: 'won' },
  { name: 'Lost', type: 'lost' },
] as const
export const DEAL_STATUS_NAMES: readonly string[] = DEAL_STATUSES.map((s) => s.name)
/** Every entry starts here. */
export const FIRST_STATUS = 'Lead'
/** Entering it fires the connected-list rule into Accounts. */
export const CONNECTED_STATUS = 'Qualified'
/** Where the rule puts the entry it makes in Accounts. */
export const TARGET_STATUS = 'Onboarding'
export const TAG_OPTIONS = ['red', 'green', 'blue', 'amber', 'violet'] as const
/** Fields Accounts shares with Deals by name and type, so the rule carries their values over. */
export const CARRIED_FIELDS = ['Ref', 'Budget'] as const
export const VALUES = { one_time_value_cents: 0, recurring_value_cents: 0, recurring_value_period: 'annual' } as const
/** Every list field of Deals, in the order the fixture makes them. */
export const DEAL_FIELDS = ['Ref', 'Budget', 'Note', 'Tags'] as const
/** Relate's recurring periods, written out here rather than imported, so a change to them shows. */
const PERIODS = ['monthly', 'annual', 'one_time'] as const

/** A process entry's money values, as sent. */
export interface EntryValues {
  one_time_value_cents: number
  recurring_value_cents: number
  recurring_value_period: string
}

/** Values that differ from one create to the next, so one stored in place of another shows. */
export function randomValues(): EntryValues {
  return {
    one_time_value_cents: Math.floor(Math.random() * 1e9),
    recurring_value_cents: Math.floor(Math.random() * 1e6),
    recurring_value_period: PERIODS[Math.floor(Math.random() * PERIODS.length)]!,
  }
}

/**
 * What an entry's list fields must read, from what was sent: every field of Deals, `null` where none was
 * sent, multi-value Tags in sorted order (their order is not part of the promise) and `null` when empty.
 */
export function expectedFields(sent: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const name of DEAL_FIELDS) out[name] = normalized(sent[name])
  return out
}

/** A field value for comparison: arrays sorted, an empty array and undefined as null. */
export function normalized(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? null : [...value].sort()
  return value ?? null
}

export interface ListInfo {
  id: string
  identifier: string
  /** Field ids by name, as the create answered them: lookup rows name fields by id. */
  fieldIds: Record<string, string>
}

export interface EntryFixture {
  deals: ListInfo
  accounts: ListInfo
  /** Organization ids; entries name them at random (Deals allows duplicates). */
  orgs: string[]
}

let made = 0

/** Makes the two processes, the rule between them and `orgCount` organizations. */
export async function makeEntryFixture(api: ApiClient, orgCount = 12): Promise<EntryFixture> {
  const n = ++made
  const deals = await createList(api, {
    name: `Deals ${n}`,
    process: true,
    entry_type: 'Organization',
    identifier: `DEAL${n}`,
    duplicates_allowed: true,
    statuses: DEAL_STATUSES,
    fields: [
      { name: 'Ref', data_type: 'text' },
      { name: 'Budget', data_type: 'number' },
      { name: 'Note', data_type: 'text' },
      { name: 'Tags', data_type: 'select', options: TAG_OPTIONS, accepts_multiple_values: true },
    ],
  })
  const accounts = await createList(api, {
    name: `Accounts ${n}`,
    process: true,
    entry_type: 'Organization',
    identifier: `ACC${n}`,
    duplicates_allowed: true,
    statuses: [
      { name: TARGET_STATUS, type: 'active' },
      { name: 'Live', type: 'won' },
    ],
    fields: [
      { name: 'Ref', data_type: 'text' },
      { name: 'Budget', data_type: 'number' },
    ],
  })
  const rule = await api.post(`/v1/lists/${deals.id}/connections`, {
    from_status: CONNECTED_STATUS,
    to_list_id: accounts.id,
    to_status: TARGET_STATUS,
  })
  assert.equal(rule.status, 201, `connection: ${rule.text}`)
  const orgs: string[] = []
  for (let i = 0; i < orgCount; i++) orgs.push((await createOrganization(api)).id)
  const ids = (list: { fields: Array<{ id: string; name: string }> }) =>
    Object.fromEntries(list.fields.map((f) => [f.name, f.id]))
  return {
    deals: { id: deals.id, identifier: `DEAL${n}`, fieldIds: ids(deals) },
    accounts: { id: accounts.id, identifier: `ACC${n}`, fieldIds: ids(accounts) },
    orgs,
  }
}

/** An entry's list fields as `{name: value}`, from an answer's `list_fields`. */
export function fieldsByName(entry: {
  list_fields: Record<string, { name: string; value: unknown }>
}): Record<string, unknown> {
  return Object.fromEntries(Object.values(entry.list_fields).map((f) => [f.name, f.value]))
}

/** The number in `DEAL3-17` (17), or NaN. */
export function keyNumber(key: string | null): number {
  const n = /-(\d+)$/.exec(key ?? '')?.[1]
  return n === undefined ? Number.NaN : Number(n)
}
