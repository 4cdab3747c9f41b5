// A cheap fingerprint of everything stored: per table, the row count and a hash of every row, read
// through the server's own Kysely handle. Two equal fingerprints mean no row was added, removed or
// changed in between. The tables are those of the `Database` interface in src/db/schema.ts, read from
// the source so that a new table is covered the day it is declared.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Db } from '../../../src/db/dialect.js'
import type { Database } from '../../../src/db/schema.js'

const SCHEMA_SOURCE = new URL('../../../src/db/schema.ts', import.meta.url)

/** The table names declared in `interface Database { ... }` of src/db/schema.ts. */
export function declaredTables(): Array<keyof Database> {
  const source = readFileSync(SCHEMA_SOURCE, 'utf8')
  const body = /export interface Database \{([^}]*)\}/.exec(source)?.[1]
  if (body === undefined) throw new Error('src/db/schema.ts has no `interface Database { ... }`')
  const tables = [...body.matchAll(/^\s*(\w+)\s*:/gm)].map((m) => m[1] as keyof Database)
  if (tables.length === 0) throw new Error('no tables found in interface Database')
  return tables
}

/** A stable text form of a row: keys sorted. */
function rowText(row: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(row)
      .sort()
      .map((k) => [k, row[k]]),
  )
}

export interface Fingerprint {
  /** Rows per table. */
  counts: Record<string, number>
  /** sha256 over every table's sorted row texts. */
  hash: string
}

export async function fingerprint(db: Db, tables = declaredTables()): Promise<Fingerprint> {
  const counts: Record<string, number> = {}
  const hash = createHash('sha256')
  // Read together: PostgreSQL answers them on several pooled connections at once.
  const all = await Promise.all(tables.map((table) => db.kysely.selectFrom(table).selectAll().execute()))
  tables.forEach((table, i) => {
    const rows = all[i] as Array<Record<string, unknown>>
    counts[table] = rows.length
    hash.update(`${table}\n`)
    for (const text of rows.map(rowText).sort()) hash.update(text).update('\n')
  })
  return { counts, hash: hash.digest('hex') }
}

/** The tables whose counts differ, e.g. `users 3→4`; for failure messages. */
export function describeChange(before: Fingerprint, after: Fingerprint): string {
  const changed = Object.keys(after.counts)
    .filter((t) => before.counts[t] !== after.counts[t])
    .map((t) => `${t} ${before.counts[t]}→${after.counts[t]}`)
  return changed.length > 0 ? changed.join(', ') : 'same row counts, different contents'
}
