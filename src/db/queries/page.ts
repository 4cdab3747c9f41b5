// The one paging query every list endpoint uses: a filtered SELECT, ordered with an id tie-break, cut to
// one page, and counted. Resources add their own filters before calling it.
import { sql, type SelectQueryBuilder } from 'kysely'

/** A page request after defaults and the cap are applied (domain/pagination.ts makes them). */
export interface PageRequest {
  /** Rows to return: 0 (an empty page with a true total) up to the largest page size. */
  limit: number
  /** Rows to skip. */
  offset: number
}

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
 * An OFFSET costs a walk over every row it skips, so a page in the back half of the set is read from
 * the other end: the order is reversed, the offset counted from the end, and the rows turned back.
 * The last page of a million rows then costs what the first does; the most a page can cost is a walk
 * over half the set.
 *
 * ```sql
 * select count(*) from (<query>)                                   -- unless knownTotal is given
 * select ... order by <order> limit :limit offset :offset           -- front half
 * select ... order by <reversed order> limit :n offset :total-:end  -- back half, rows reversed
 * ```
 */
export async function selectPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  page: PageRequest,
  order: readonly OrderTerm[],
  knownTotal?: number,
): Promise<{ rows: O[]; total: number }> {
  const total = knownTotal ?? (await countRows(query))
  const end = Math.min(page.offset + page.limit, total)
  if (page.limit === 0 || page.offset >= total) return { rows: [], total }
  const fromEnd = total - end
  if (fromEnd >= page.offset) {
    return { rows: await ordered(query, order, false).limit(page.limit).offset(page.offset).execute(), total }
  }
  const rows = await ordered(query, order, true)
    .limit(end - page.offset)
    .offset(fromEnd)
    .execute()
  return { rows: rows.reverse(), total }
}

/** `query` ordered by `order`, or by its exact reverse (nulls first where the order puts them last). */
export function ordered<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  order: readonly OrderTerm[],
  reverse: boolean,
) {
  let result = query
  for (const term of order) {
    const direction = reverse ? (term.direction === 'asc' ? 'desc' : 'asc') : term.direction
    result = term.nullsLast
      ? result.orderBy(sql`${sql.ref(term.column)} ${sql.raw(direction)} nulls ${sql.raw(reverse ? 'first' : 'last')}`)
      : result.orderBy(sql.ref(term.column), direction)
  }
  return result
}

/** Number of rows `query` matches. */
export async function countRows<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): Promise<number> {
  const row = await query.clearSelect().clearOrderBy().select(sql<number>`count(*)`.as('count')).executeTakeFirst()
  return Number((row as { count?: number } | undefined)?.count ?? 0)
}
