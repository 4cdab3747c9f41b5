// Reads the database itself (after a crash test, with the server stopped) and checks what the API
// cannot show: that every entry's derived rows agree with it. The stored `list_fields` are what was sent
// (when the caller passes what each entry must hold, from its model of the requests); the
// `entry_field_values` lookup rows are exactly the ones those values imply, derived here from the
// documented rule (lookupKeys below), not by the product's own functions, so a defect in them cannot
// agree with itself; the status history is one unbroken chain per entry, from one creation row to the
// entry's status; `lists.entry_count` / `last_key_number` and `statuses.entry_count` equal what the
// rows say; every `next_entry_id` names an entry. A write cut in half by a crash breaks one of these.
import { createHash } from 'node:crypto'
import { openDatabase } from '../../../src/db/dialect.js'

/** Texts longer than this are looked up by their SHA-256 (docs: list-field filters on long values). */
const LONGEST_INDEXED_TEXT = 200

/**
 * The lookup keys of one stored value: a string as itself (by `sha256:<hex>` past 200 characters), a
 * number as JavaScript writes it, each item of a multi-value field once.
 */
export function lookupKeys(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value]
  const keys = items.map((item) => {
    const text = String(item)
    return text.length <= LONGEST_INDEXED_TEXT ? text : `sha256:${createHash('sha256').update(text).digest('hex')}`
  })
  return [...new Set(keys)]
}

/** A stored-values document with multi-value items sorted, for comparison. */
const canonical = (values: Record<string, unknown>) =>
  JSON.stringify(
    Object.fromEntries(
      Object.entries(values)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : v]),
    ),
  )

export interface StoreFigures {
  entries: number
  fieldValueRows: number
  historyRows: number
}

/**
 * Opens the database `env` points Rapport at (DATABASE_URL or RAPPORT_DATA_DIR) and checks it. With
 * `expected` (entry id → list-field values by field id, from what was sent; see entry-verify.ts), every
 * entry stored must be one of those and hold exactly those values, and each of those must be stored.
 */
export async function checkStore(
  env: Record<string, string>,
  expected?: ReadonlyMap<string, Record<string, unknown>>,
): Promise<{ problems: string[]; figures: StoreFigures }> {
  const db = await openDatabase({
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.RAPPORT_DATA_DIR ?? '.',
    poolSize: 1,
  })
  const problems: string[] = []
  try {
    const k = db.kysely
    const entries = await k
      .selectFrom('entries')
      .select(['id', 'list_id', 'key', 'key_number', 'status_id', 'list_fields', 'next_entry_id'])
      .execute()
    const values = await k.selectFrom('entry_field_values').select(['entry_id', 'field_id', 'value']).execute()
    const changes = await k
      .selectFrom('entry_status_changes')
      .select(['entry_id', 'from_status_id', 'to_status_id', 'changed_at'])
      .orderBy('changed_at')
      .execute()
    const lists = await k
      .selectFrom('lists')
      .select(['id', 'name', 'process', 'entry_count', 'last_key_number'])
      .execute()
    const statuses = await k.selectFrom('statuses').select(['id', 'name', 'entry_count']).execute()
    const fieldsOfList = new Map<string, Set<string>>()
    for (const f of await k.selectFrom('list_fields').select(['id', 'list_id']).execute()) {
      if (!fieldsOfList.has(f.list_id)) fieldsOfList.set(f.list_id, new Set())
      fieldsOfList.get(f.list_id)!.add(f.id)
    }
    const ids = new Set(entries.map((e) => e.id))
    if (expected)
      for (const id of expected.keys()) if (!ids.has(id)) problems.push(`entry ${id} was made but is not stored`)

    const stored = new Map<string, Set<string>>()
    for (const v of values) {
      if (!ids.has(v.entry_id)) problems.push(`entry_field_values row for missing entry ${v.entry_id}`)
      let set = stored.get(v.entry_id)
      if (!set) {
        set = new Set()
        stored.set(v.entry_id, set)
      }
      set.add(`${v.field_id}=${v.value}`)
    }
    const historyOf = new Map<string, typeof changes>()
    for (const c of changes) {
      if (!ids.has(c.entry_id)) problems.push(`status history row for missing entry ${c.entry_id}`)
      let rows = historyOf.get(c.entry_id)
      if (!rows) {
        rows = []
        historyOf.set(c.entry_id, rows)
      }
      rows.push(c)
    }

    for (const e of entries) {
      const current = JSON.parse(e.list_fields) as Record<string, unknown>
      const sent = expected?.get(e.id)
      if (expected && sent === undefined) problems.push(`entry ${e.key ?? e.id} is stored, but no request made it`)
      if (sent !== undefined && canonical(current) !== canonical(sent))
        problems.push(`entry ${e.key ?? e.id}: stores list_fields ${e.list_fields}, sent ${JSON.stringify(sent)}`)
      // Values of a field since removed stay in the document until the entry's next write; they have no rows.
      const live = fieldsOfList.get(e.list_id) ?? new Set<string>()
      const want = new Set(
        Object.entries(sent ?? current)
          .filter(([fieldId, value]) => live.has(fieldId) && value !== null)
          .flatMap(([fieldId, value]) => lookupKeys(value).map((key) => `${fieldId}=${key}`)),
      )
      const have = stored.get(e.id) ?? new Set<string>()
      if (want.size !== have.size || [...want].some((r) => !have.has(r))) {
        problems.push(
          `entry ${e.key ?? e.id}: lookup rows ${JSON.stringify([...have])}, expected ${JSON.stringify([...want])}`,
        )
      }
      if (e.next_entry_id !== null && !ids.has(e.next_entry_id))
        problems.push(`entry ${e.key}: next_entry_id ${e.next_entry_id} names no entry`)
      if (e.status_id === null) continue
      const rows = historyOf.get(e.id) ?? []
      const creations = rows.filter((r) => r.from_status_id === null)
      if (creations.length !== 1)
        problems.push(`entry ${e.key}: ${creations.length} creation rows in its status history`)
      // The chain from the creation row: each row leaves the status the one before entered.
      const chain = chainOf(rows)
      if (chain === undefined)
        problems.push(
          `entry ${e.key}: status history is not one chain: ${JSON.stringify(rows.map((r) => [r.from_status_id, r.to_status_id]))}`,
        )
      else if (chain !== e.status_id)
        problems.push(`entry ${e.key}: status history ends in ${chain}, the entry is in ${e.status_id}`)
    }

    for (const list of lists) {
      const own = entries.filter((e) => e.list_id === list.id)
      if (Number(list.entry_count) !== own.length)
        problems.push(`list ${list.name}: entry_count ${list.entry_count}, ${own.length} entries`)
      if (list.process === 1) {
        const highest = Math.max(0, ...own.map((e) => Number(e.key_number)))
        if (Number(list.last_key_number) !== highest)
          problems.push(`list ${list.name}: last_key_number ${list.last_key_number}, highest key ${highest}`)
      }
    }
    for (const status of statuses) {
      const n = entries.filter((e) => e.status_id === status.id).length
      if (Number(status.entry_count) !== n)
        problems.push(`status ${status.name}: entry_count ${status.entry_count}, ${n} entries`)
    }
    return {
      problems,
      figures: { entries: entries.length, fieldValueRows: values.length, historyRows: changes.length },
    }
  } finally {
    await db.close()
  }
}

/**
 * Follows an entry's history rows from its creation row (from null), each next row leaving the status
 * the one before entered; the final status when every row can be used exactly once, else undefined.
 * Rows come in changed_at order and the earliest fitting row is tried first, but two changes within one
 * millisecond share a changed_at, so other orders are tried too (histories are short).
 */
function chainOf(
  rows: ReadonlyArray<{ from_status_id: string | null; to_status_id: string }>,
): string | null | undefined {
  const used = rows.map(() => false)
  const walk = (at: string | null, left: number): string | null | undefined => {
    if (left === 0) return at
    for (let i = 0; i < rows.length; i++) {
      if (used[i] || rows[i]!.from_status_id !== at) continue
      used[i] = true
      const end = walk(rows[i]!.to_status_id, left - 1)
      used[i] = false
      if (end !== undefined) return end
    }
    return undefined
  }
  return walk(null, rows.length)
}
