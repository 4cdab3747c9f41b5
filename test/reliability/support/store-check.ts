// Reads the database itself (after a crash test, with the server stopped) and checks what the API
// cannot show: that every entry's derived rows agree with it. The `entry_field_values` lookup rows
// match `list_fields`; the status history is one unbroken chain per entry, from one creation row to the
// entry's status; `lists.entry_count` / `last_key_number` and `statuses.entry_count` equal what the
// rows say; every `next_entry_id` names an entry. A write cut in half by a crash breaks one of these.
import { openDatabase } from '../../../src/db/dialect.js'
import { fieldValueRows, parseStoredValues } from '../../../src/domain/entries/list-field-values.js'

export interface StoreFigures {
  entries: number
  fieldValueRows: number
  historyRows: number
}

/** Opens the database `env` points Rapport at (DATABASE_URL or RAPPORT_DATA_DIR) and checks it. */
export async function checkStore(env: Record<string, string>): Promise<{ problems: string[]; figures: StoreFigures }> {
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
    const ids = new Set(entries.map((e) => e.id))

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
      const current = parseStoredValues(e.list_fields)
      const want = new Set(fieldValueRows(e.id, current, Object.keys(current)).map((r) => `${r.field_id}=${r.value}`))
      const have = stored.get(e.id) ?? new Set<string>()
      if (want.size !== have.size || [...want].some((r) => !have.has(r))) {
        problems.push(
          `entry ${e.key ?? e.id}: lookup rows ${JSON.stringify([...have])} do not match list_fields ${e.list_fields}`,
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
