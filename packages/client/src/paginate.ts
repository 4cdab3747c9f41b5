// Paged lists as async iterators. Every list of the API answers `{ data, pagination: { end_cursor,
// has_next_page, total_count } }` and takes `first` (page size) and `after` (the previous page's
// end_cursor); a PagedList walks those pages for the caller.

/** One page of a list, as the API answers it. */
export interface Page<T> {
  data: T[]
  pagination: { end_cursor: number; has_next_page: boolean; total_count: number }
}

/** Fetches the page that starts after `after`, of at most `first` items. */
export type PageFetcher<T> = (after: number, first: number) => Promise<Page<T>>

/** The largest page the API serves; iterating uses it unless the query names a smaller `first`. */
export const MAX_PAGE_SIZE = 100

/**
 * Every item of a list, fetched a page at a time as the loop goes on:
 *
 * ```ts
 * for await (const entry of client.entries.list(listId, { status: 'Won' })) console.log(entry.key)
 * ```
 *
 * Paging is by offset, as the API's is: items created or moved while a long loop runs may be seen twice
 * or not at all (the list is ordered by `updated_at`, newest first, unless `sort` says otherwise).
 */
export class PagedList<T> implements AsyncIterable<T> {
  readonly #fetchPage: PageFetcher<T>
  readonly #pageSize: number

  constructor(fetchPage: PageFetcher<T>, pageSize: number = MAX_PAGE_SIZE) {
    this.#fetchPage = fetchPage
    this.#pageSize = pageSize
  }

  /** One page: the first by default, or the one after `after` (a previous page's `end_cursor`). */
  page(after = 0): Promise<Page<T>> {
    return this.#fetchPage(after, this.#pageSize)
  }

  /** Every page in turn. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let after = 0
    for (;;) {
      const page = await this.#fetchPage(after, this.#pageSize)
      yield page
      // A cursor that does not move would loop for ever; an API that behaves never sends one.
      if (!page.pagination.has_next_page || page.pagination.end_cursor <= after) return
      after = page.pagination.end_cursor
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.data
  }

  /** Every item, collected into an array (at most `limit` of them, when given). */
  async toArray(limit = Number.POSITIVE_INFINITY): Promise<T[]> {
    const items: T[] = []
    if (limit <= 0) return items
    for await (const item of this) {
      items.push(item)
      if (items.length >= limit) break
    }
    return items
  }
}
