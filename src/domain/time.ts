// Time in Rapport: stored as integer milliseconds since the epoch (exact on both databases), shown as
// ISO-8601 UTC with milliseconds, filtered by Unix seconds as Relate documents.

/** Milliseconds since the epoch, now. */
export function nowMs(): number {
  return Date.now()
}

/**
 * Stored milliseconds to the API's timestamp form.
 *
 * ### Example
 * ```ts
 * toIso(1745967154396) // '2025-04-29T22:52:34.396Z'
 * ```
 */
export function toIso(ms: number): string {
  return new Date(ms).toISOString()
}

/** Like toIso, for nullable columns. */
export function toIsoOrNull(ms: number | null): string | null {
  return ms === null ? null : toIso(ms)
}

/** Unix seconds (a filter parameter such as `updated_after`) to stored milliseconds. */
export function unixSecondsToMs(seconds: number): number {
  return Math.round(seconds * 1000)
}
