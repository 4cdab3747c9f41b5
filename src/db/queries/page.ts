// The one paging query every list endpoint uses: a filtered SELECT, ordered with an id tie-break, cut to
// one page, and counted. Resources add their own filters before calling it.
import { sql, type SelectQueryBuilder } from 'kysely'
import type { PageRequest } from '../../domain/pagination.js'

export interface OrderTerm {
  /** A column of the query's tables, optionally qualified (`entries.updated_at`). */
  column: string
  direction: 'asc' | 'desc'
  /** For nullable columns: put nulls last in both directions (the databases' defaults differ). */
  nullsLast?: boolean
}

/** The default order of every list: last updated first, id as the tie-break so pages never overlap. */
export function newestFirst(table: string): OrderTerm[] {
  return [
    { column: `${table}.updated_at`, direction: 'desc' },
    { column: `${table}.id`, direction: 'desc' },
  ]
}

/**
 * Runs `query` for one page and counts every row it matches. Pass `knownTotal` when the count is already
 * known (a kept counter), to skip the COUNT query.
 *
 * ```sql
 * select ... order by <order> limit :limit offset :offset
 * select count(*) from (<query without order>)
 * ```
 */
export async function selectPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  page: PageRequest,
  order: readonly OrderTerm[],
  knownTotal?: number,
): Promise<{ rows: O[]; total: number }> {
  let ordered = query
  for (const term of order) {
    ordered = term.nullsLast
      ? ordered.orderBy(sql`${sql.ref(term.column)} ${sql.raw(term.direction)} nulls last`)
      : ordered.orderBy(sql.ref(term.column), term.direction)
  }
  const rowsPromise = page.limit === 0 ? Promise.resolve([] as O[]) : ordered.limit(page.limit).offset(page.offset).execute()
  const totalPromise = knownTotal !== undefined ? Promise.resolve(knownTotal) : countRows(query)
  const [rows, total] = await Promise.all([rowsPromise, totalPromise])
  return { rows, total }
}

/** Number of rows `query` matches. */
export async function countRows<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): Promise<number> {
  const row = await query
    .clearSelect()
    .clearOrderBy()
    .select(sql<number>`count(*)`.as('count'))
    .executeTakeFirst()
  return Number((row as { count?: number } | undefined)?.count ?? 0)
}
