// Prepared queries: a hot query is built and compiled by Kysely once per dialect, and later calls only
// swap in their arguments. Kysely builds and compiles a query anew on every call, which on the hottest
// paths (auth, reading an entry, the writes of a create) cost more than SQLite takes to run them.
//
// How: the builder runs once with marker strings as arguments; the compiled parameters then say where
// each argument goes. So a prepared query's shape must not depend on its arguments (no `in` lists of
// varying length, no branches on values), and each argument must end up a bound parameter.
import { CompiledQuery, type Compilable, type Kysely } from 'kysely'
import type { Database } from './schema.js'

type Db = Kysely<Database>

/**
 * Marks the SQL of prepared queries. PostgreSQL runs these as named statements (parsed and planned once
 * per connection, see postgres.ts); other queries, whose best plan depends on their values (filters,
 * counts), are planned afresh each time. Both databases read it as a comment.
 */
export const PREPARED_MARK = '/* prepared */ '

interface Template {
  sql: string
  parameters: readonly unknown[]
  /** For each parameter: the index of the argument it is, or -1 for a constant of the query. */
  slots: number[]
}

/**
 * Wraps `build` (a function of the database and arguments returning a Kysely query) into a function
 * with the same arguments that runs the query from its compiled template.
 *
 * ### Example
 * ```ts
 * const findKey = prepare((db, hash: string) => db.selectFrom('api_keys').selectAll().where('key_hash', '=', hash))
 * const rows = await findKey(db, hash)
 * ```
 */
export function prepare<A extends unknown[], R>(
  build: (db: Db, ...args: A) => Compilable<R>,
): (db: Db, ...args: A) => Promise<R[]> {
  const templates = new Map<unknown, Template>()
  return async (db: Db, ...args: A): Promise<R[]> => {
    // The SQL depends only on the dialect; transactions and pools of one dialect share a template.
    const dialect = db.getExecutor().adapter.constructor
    let template = templates.get(dialect)
    if (template === undefined) {
      const markers = args.map((_, i) => `\u0000prepared-argument-${i}\u0000`)
      const compiled = build(db, ...(markers as unknown as A)).compile()
      const slots = compiled.parameters.map((p) => (typeof p === 'string' ? markers.indexOf(p) : -1))
      if (new Set(slots.filter((s) => s >= 0)).size !== args.length) {
        throw new Error(`prepare(): every argument must become a bound parameter in: ${compiled.sql}`)
      }
      template = { sql: PREPARED_MARK + compiled.sql, parameters: compiled.parameters, slots }
      templates.set(dialect, template)
    }
    const { sql, parameters, slots } = template
    const bound = parameters.map((constant, i) => (slots[i]! >= 0 ? args[slots[i]!] : constant))
    const result = await db.executeQuery<R>(CompiledQuery.raw(sql, bound))
    return result.rows
  }
}

/**
 * A multi-row INSERT of `columns` into `table`, prepared as prepare() does once per row count: the SQL
 * of one batch's INSERT differs from another's only in how many rows it has, and building it through
 * Kysely on every batch cost more than running it. Callers keep the row count bounded (chunks), which
 * bounds the number of templates and of PostgreSQL's named statements.
 */
export function prepareInsert<Row>(
  table: keyof Database & string,
  columns: ReadonlyArray<keyof Row & string>,
): (db: Db, rows: readonly Row[]) => Promise<void> {
  const byCount = new Map<number, (db: Db, ...values: unknown[]) => Promise<unknown[]>>()
  return async (db: Db, rows: readonly Row[]): Promise<void> => {
    const n = rows.length
    if (n === 0) return
    let insert = byCount.get(n)
    if (insert === undefined) {
      insert = prepare((db, ...values: unknown[]) => {
        const built = Array.from({ length: n }, (_, r) =>
          Object.fromEntries(columns.map((column, c) => [column, values[r * columns.length + c]])),
        )
        return db.insertInto(table).values(built as never)
      })
      byCount.set(n, insert)
    }
    const values: unknown[] = []
    for (const row of rows) for (const column of columns) values.push(row[column])
    await insert(db, ...values)
  }
}
