// Cutting long id lists into pieces a statement can take: both databases bound the number of
// parameters one statement binds, and a bounded statement is a bounded unit of work.

/** Ids per `in (...)` list. */
export const IDS_PER_STATEMENT = 500

/** `items` in consecutive pieces of at most `size`. */
export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size)
}
