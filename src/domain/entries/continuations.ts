// Continuation pages. Integrations read a list by asking for `after=0`, then `after=<end_cursor>` of the
// page they got, to the end. An offset costs a walk over every row it skips, so reading a million
// entries that way would walk half a billion rows. Instead the process remembers where each page it
// served ended (its last row's sort value and id); the page asked for right after continues from that
// row (a keyset seek), at the same cost at any depth.
//
// What a client sees differs from a fresh offset only if rows before its position changed between its
// two requests, and then for the better: no row is shown twice and none skipped. The memory belongs to
// the EntriesService instance (so to one process) and is bounded; a request it cannot place (another
// process served the page before, or the continuation was forgotten) is read by offset as usual.
import type { Continuation, EntryFilter, EntrySort } from '../../db/queries/entry-pages.js'
import type { EntryRow } from '../../db/schema.js'

/** Continuations kept; the least recently used one is dropped past this. */
const MAX_KEPT = 10_000

function keyOf(workspaceId: string, listId: string, filter: EntryFilter, sort: EntrySort, offset: number): string {
  return `${workspaceId}/${listId}/${sort.column}:${sort.direction}/${offset}/${JSON.stringify(filter)}`
}

/** Whether rows can be continued in this order: the sort column never holds null in this list. */
export function continuable(sort: EntrySort, isProcess: boolean): boolean {
  if (sort.column === 'updated_at' || sort.column === 'created_at') return true
  // Keys and values are set on every entry of a process, and null on every entry of a regular list.
  return isProcess && (sort.column === 'key_number' || sort.column === 'one_time_value_cents')
}

/** Where the pages this process served ended, by list, filter, sort and offset. */
export class Continuations {
  /** Map order is recency: a hit is re-inserted. */
  readonly #kept = new Map<string, Continuation>()

  /** Where the page at `offset` continues from, if this process served the page that ends there. */
  recall(
    workspaceId: string,
    listId: string,
    filter: EntryFilter,
    sort: EntrySort,
    offset: number,
  ): Continuation | undefined {
    if (offset === 0) return undefined
    const key = keyOf(workspaceId, listId, filter, sort, offset)
    const found = this.#kept.get(key)
    if (found) {
      this.#kept.delete(key)
      this.#kept.set(key, found)
    }
    return found
  }

  /** Remembers where a page just served ends: its next page starts after its last row. */
  remember(
    workspaceId: string,
    listId: string,
    filter: EntryFilter,
    sort: EntrySort,
    offset: number,
    rows: readonly EntryRow[],
  ): void {
    const last = rows[rows.length - 1]
    if (last === undefined) return
    const value = last[sort.column]
    if (value === null) return
    const key = keyOf(workspaceId, listId, filter, sort, offset + rows.length)
    this.#kept.delete(key)
    if (this.#kept.size >= MAX_KEPT) this.#kept.delete(this.#kept.keys().next().value!)
    this.#kept.set(key, { value, id: last.id })
  }

  /** How many continuations are kept (bounded by MAX_KEPT). */
  get size(): number {
    return this.#kept.size
  }
}
