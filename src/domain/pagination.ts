// Offset pagination shared by every list endpoint, as Relate does it: `first` is the page size and `after`
// the offset; the answer says where the next page starts. PageRequest is the paging queries' own type.
import type { PageRequest } from '../db/queries/page.js'

export type { PageRequest }

export const DEFAULT_PAGE_SIZE = 25
export const MAX_PAGE_SIZE = 100
/** The largest `after`: offsets must stay exact integers all the way to the database (2^53 - 1). */
export const MAX_OFFSET = Number.MAX_SAFE_INTEGER
/** The largest `updated_after` (Unix seconds): the last instant a JavaScript Date can hold, +275760-09-13. */
export const MAX_UNIX_SECONDS = 8_640_000_000_000

export interface PageInfo {
  end_cursor: number
  has_next_page: boolean
  total_count: number
}

export interface Page<T> {
  data: T[]
  pagination: PageInfo
}

/**
 * Applies the default and the cap: `first` larger than 100 is served as 100, absent `first` as 25.
 * Range checks (negative values, non-integers) are done by the query schema before this runs.
 *
 * ### Example
 * ```ts
 * pageRequest({ first: 1000, after: 200 }) // { limit: 100, offset: 200 }
 * ```
 */
export function pageRequest(query: { first?: number | undefined; after?: number | undefined }): PageRequest {
  const first = query.first ?? DEFAULT_PAGE_SIZE
  return { limit: Math.min(first, MAX_PAGE_SIZE), offset: query.after ?? 0 }
}

/**
 * Wraps one page of rows: `end_cursor = after + len(data)`, and there is a next page exactly when rows
 * remain past it.
 *
 * ### Example
 * ```ts
 * toPage(['a', 'b'], { limit: 2, offset: 0 }, 5).pagination // { end_cursor: 2, has_next_page: true, total_count: 5 }
 * ```
 */
export function toPage<T>(data: T[], page: PageRequest, totalCount: number): Page<T> {
  const endCursor = page.offset + data.length
  return {
    data,
    pagination: { end_cursor: endCursor, has_next_page: endCursor < totalCount, total_count: totalCount },
  }
}
