// Time in Rapport: stored as integer milliseconds since the epoch (exact on both databases), shown as
// ISO-8601 UTC with milliseconds, filtered by Unix seconds as Relate documents.

/** Milliseconds since the epoch, now. */
export function nowMs(): number {
  return Date.now()
}

const DAY_MS = 86_400_000

// toIso runs three times per entry of every page; most timestamps of a page share a day, so the date part
// is kept from the last call and only the time of day is formatted. Same output as toISOString.
let cachedDayStart = Number.NaN
let cachedDayPrefix = ''

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
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
  const offset = ms - cachedDayStart
  if (offset >= 0 && offset < DAY_MS) {
    const hours = Math.floor(offset / 3_600_000)
    const minutes = Math.floor(offset / 60_000) % 60
    const seconds = Math.floor(offset / 1000) % 60
    return `${cachedDayPrefix}${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(offset % 1000, 3)}Z`
  }
  const iso = new Date(ms).toISOString()
  // Only plain four-digit years after 1970 are cached: their ISO form has a fixed layout.
  if (ms >= 0 && iso.length === 24) {
    cachedDayStart = ms - (ms % DAY_MS)
    cachedDayPrefix = iso.slice(0, 11)
  }
  return iso
}

/** Like toIso, for nullable columns. */
export function toIsoOrNull(ms: number | null): string | null {
  return ms === null ? null : toIso(ms)
}

/** Unix seconds (a filter parameter such as `updated_after`) to stored milliseconds. */
export function unixSecondsToMs(seconds: number): number {
  return Math.round(seconds * 1000)
}
