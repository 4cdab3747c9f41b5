// Ordering ids as the database does. Ids are mixed-case base-62 text, and the database sorts text by its
// collation (PostgreSQL's default one may put `a` before `B`; JavaScript's `<` and SQLite's BINARY put
// `B` first), so a test that checks an order the server produced with ORDER BY ... id must ask the
// database how those ids sort rather than compare them with `<`.
import type { Db } from '../../src/db/dialect.js'
import type { Database } from '../../src/db/schema.js'

/** Tables with an `id` column the API pages over. */
type IdTable = Extract<keyof Database, 'users' | 'entries' | 'contacts' | 'organizations' | 'notes' | 'custom_fields'>

/**
 * Each id's position when the database orders `ids` by the `id` column of `table` (ascending): compare
 * positions, not ids. Ids not in the table get none. One query: tests hold far fewer ids than any
 * database's limit on bound parameters.
 */
export async function idRanks(db: Db, table: IdTable, ids: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const rows = await db.kysely.selectFrom(table).select('id').where('id', 'in', unique).orderBy('id').execute()
  return new Map(rows.map((r, i) => [r.id, i]))
}
