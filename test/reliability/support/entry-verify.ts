// Checks, through the API, that what is stored is exactly what an entry workload's model says
// (entry-workload.ts): every entry it knows and no other, each with its status, list fields, key,
// closed_at and full status history; the connected-list rule fired once for each entry that entered
// the connected status and never for another; keys of both processes unique and gap-free; the kept
// counters (lists' and statuses' entry_count) equal to real counts. Everything expected comes from the
// model, which holds what was sent (entry-workload.ts). It also gives, for store-check.ts, the list-field
// values every entry must hold by field id, from the same model.
import type { ApiClient } from '../../support/client.js'
import {
  CARRIED_FIELDS,
  DEAL_STATUSES,
  TARGET_STATUS,
  fieldsByName,
  keyNumber,
  type EntryFixture,
} from './entry-fixture.js'
import { normalizedFields, type ModelEntry } from './entry-workload.js'

export interface VerifyFigures {
  /** Entries of Deals and of Accounts found. */
  deals: number
  accounts: number
  /** Status-history rows read. */
  historyRows: number
  /** Keys checked for uniqueness and gaps, both processes. */
  keys: number
}

/** Runs `work` over `items`, `concurrency` at a time. */
async function eachLimited<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]!)
    }),
  )
}

/** Problems with the keys of a process's entries: each `<identifier>-<n>` once, n running 1..count. */
export function keyProblems(what: string, identifier: string, keys: ReadonlyArray<string | null>): string[] {
  const problems: string[] = []
  const numbers = keys.map(keyNumber).sort((a, b) => a - b)
  const bad = keys.filter((k) => k === null || !k.startsWith(`${identifier}-`) || Number.isNaN(keyNumber(k)))
  if (bad.length > 0) problems.push(`${what}: malformed keys ${JSON.stringify(bad.slice(0, 5))}`)
  const duplicates = numbers.filter((n, i) => i > 0 && numbers[i - 1] === n)
  if (duplicates.length > 0) problems.push(`${what}: duplicate key numbers ${duplicates.slice(0, 10).join(', ')}`)
  const missing: number[] = []
  const present = new Set(numbers)
  for (let n = 1; n <= keys.length; n++) if (!present.has(n)) missing.push(n)
  if (missing.length > 0)
    problems.push(
      `${what}: ${keys.length} entries but key numbers ${missing.slice(0, 10).join(', ')} missing (gaps), highest ${numbers.at(-1)}`,
    )
  return problems
}

/** Total of `GET <path>?first=0<query>`: `created_after=0` matches every entry but forces a real COUNT. */
async function total(api: ApiClient, listId: string, query: string): Promise<number> {
  const res = await api.get(`/v1/lists/${listId}/entries?first=0${query}`)
  if (res.status !== 200) throw new Error(`count ${query}: ${res.status} ${res.text}`)
  return res.body.pagination.total_count
}

/** Problems with a list's counters: kept (no filter, status filter) against counted, for each status. */
export async function counterProblems(
  api: ApiClient,
  what: string,
  listId: string,
  statuses: readonly string[],
  expected: { total: number; byStatus: Record<string, number> },
): Promise<string[]> {
  const problems: string[] = []
  const kept = await total(api, listId, '')
  const real = await total(api, listId, '&created_after=0')
  if (kept !== real || real !== expected.total)
    problems.push(`${what}: entry_count ${kept}, counted ${real}, expected ${expected.total}`)
  for (const status of statuses) {
    const q = `&status=${encodeURIComponent(status)}`
    const keptStatus = await total(api, listId, q)
    const realStatus = await total(api, listId, `${q}&created_after=0`)
    const want = expected.byStatus[status] ?? 0
    if (keptStatus !== realStatus || realStatus !== want)
      problems.push(`${what} status ${status}: entry_count ${keptStatus}, counted ${realStatus}, expected ${want}`)
  }
  return problems
}

/** Values by field id (none for an unset field), keyed by entry id: what the database must store. */
export type StoredExpectation = Map<string, Record<string, unknown>>

/** `{Ref: 'x', Note: null}` with ids `{Ref: 'f1', ...}` → `{f1: 'x'}`. */
function byFieldId(fields: Record<string, unknown>, ids: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(fields)) {
    if (value === null || value === undefined) continue
    const id = ids[name]
    if (id === undefined) throw new Error(`no field ${name} in the fixture`)
    out[id] = value
  }
  return out
}

export async function verifyEntries(
  api: ApiClient,
  fixture: EntryFixture,
  model: readonly ModelEntry[],
): Promise<{ problems: string[]; figures: VerifyFigures; stored: StoredExpectation }> {
  const stored: StoredExpectation = new Map()
  for (const m of model) stored.set(m.id, byFieldId(m.fields, fixture.deals.fieldIds))
  const problems: string[] = []
  const dealsPath = `/v1/lists/${fixture.deals.id}/entries`
  const listed = await api.all(`${dealsPath}?sort=key`)
  const accounts = await api.all(`/v1/lists/${fixture.accounts.id}/entries?sort=key`)
  const byId = new Map(listed.map((e: any) => [e.id, e]))
  const known = new Map(model.map((e) => [e.id, e]))

  for (const e of listed)
    if (!known.has(e.id))
      problems.push(`Deals holds ${e.key} (${e.id}), which no create made: ${JSON.stringify(fieldsByName(e))}`)
  const pointedAt = new Map<string, ModelEntry>()
  let historyRows = 0
  await eachLimited(model, 8, async (m) => {
    const e = byId.get(m.id)
    const name = `${m.acknowledged ? 'acknowledged' : 'found'} entry ${m.key}`
    if (!e) {
      problems.push(`${name} (${m.id}) is missing`)
      return
    }
    if (e.key !== m.key) problems.push(`${name}: key now ${e.key}`)
    if (e.entryable_id !== m.entryableId)
      problems.push(`${name}: entryable_id ${e.entryable_id}, sent ${m.entryableId}`)
    for (const [field, value] of Object.entries(m.values))
      if (e[field] !== value) problems.push(`${name}: ${field} ${e[field]}, sent ${value}`)
    if (e.status !== m.status) problems.push(`${name}: status ${e.status}, last acknowledged ${m.status}`)
    const kind = DEAL_STATUSES.find((s) => s.name === e.status)?.type
    if ((kind === 'active') !== (e.closed_at === null))
      problems.push(`${name}: closed_at ${e.closed_at} in a ${kind} status`)
    const fields = normalizedFields(fieldsByName(e))
    if (JSON.stringify(fields) !== JSON.stringify(normalizedFields(m.fields)))
      problems.push(`${name}: list_fields ${JSON.stringify(fields)}, sent ${JSON.stringify(m.fields)}`)
    const history = await api.all(`${dealsPath}/${m.id}/status_changes`)
    historyRows += history.length
    const to = history.map((h: any) => h.to_status)
    if (JSON.stringify(to) !== JSON.stringify(m.history))
      problems.push(`${name}: history ${JSON.stringify(to)}, acknowledged ${JSON.stringify(m.history)}`)
    history.forEach((h: any, i: number) => {
      const from = i === 0 ? null : history[i - 1].to_status
      if (h.from_status !== from)
        problems.push(`${name}: history row ${i} comes from ${h.from_status}, the row before went to ${from}`)
    })
    if (m.carried === undefined) {
      if (e.next_entry_id !== null)
        problems.push(`${name}: never entered the connected status but points at ${e.next_entry_id}`)
    } else if (e.next_entry_id === null)
      problems.push(`${name}: entered the connected status but the rule did not fire (next_entry_id null)`)
    else if (pointedAt.has(e.next_entry_id))
      problems.push(`${name} and ${pointedAt.get(e.next_entry_id)!.key} point at the same entry`)
    else pointedAt.set(e.next_entry_id, m)
  })

  // Accounts: one entry per firing, at the target status, with the values carried at that moment.
  for (const a of accounts) {
    const source = pointedAt.get(a.id)
    if (!source) {
      problems.push(`Accounts holds ${a.key}, which no Deals entry points at (the rule fired twice, or half)`)
      continue
    }
    if (a.status !== TARGET_STATUS) problems.push(`Accounts ${a.key}: status ${a.status}`)
    stored.set(a.id, byFieldId(source.carried!, fixture.accounts.fieldIds))
    const carried = fieldsByName(a)
    for (const name of CARRIED_FIELDS) {
      if (carried[name] !== source.carried![name])
        problems.push(
          `Accounts ${a.key}: ${name} ${carried[name]}, carried from ${source.key} ${source.carried![name]}`,
        )
    }
  }
  for (const id of pointedAt.keys())
    if (!accounts.some((a: any) => a.id === id)) problems.push(`a Deals entry points at ${id}, not in Accounts`)

  problems.push(
    ...keyProblems(
      'Deals',
      fixture.deals.identifier,
      listed.map((e: any) => e.key),
    ),
  )
  problems.push(
    ...keyProblems(
      'Accounts',
      fixture.accounts.identifier,
      accounts.map((e: any) => e.key),
    ),
  )
  const byStatus: Record<string, number> = {}
  for (const m of model) byStatus[m.status] = (byStatus[m.status] ?? 0) + 1
  problems.push(
    ...(await counterProblems(
      api,
      'Deals',
      fixture.deals.id,
      DEAL_STATUSES.map((s) => s.name),
      { total: model.length, byStatus },
    )),
  )
  problems.push(
    ...(await counterProblems(api, 'Accounts', fixture.accounts.id, [TARGET_STATUS, 'Live'], {
      total: pointedAt.size,
      byStatus: { [TARGET_STATUS]: pointedAt.size },
    })),
  )
  return {
    problems,
    figures: { deals: listed.length, accounts: accounts.length, historyRows, keys: listed.length + accounts.length },
    stored,
  }
}
