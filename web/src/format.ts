// How values read on screen: money from cents, initials, days, dates.

const money = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 })

/** 1234550 cents → "12,345.5" (the API has no currency; the workspace knows its own). */
export function formatCents(cents: number | null | undefined): string {
  return money.format((cents ?? 0) / 100)
}

/** "Paul Atreides" → "PA"; an email's first letter when there is no name. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  return ((words[0]?.[0] ?? '') + (words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?'
}

const DAY_MS = 86_400_000

/** Whole days since `iso` (0 on the day itself). */
export function daysSince(iso: string | null | undefined, now = Date.now()): number | null {
  if (!iso) return null
  return Math.max(0, Math.floor((now - Date.parse(iso)) / DAY_MS))
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : ''
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dateOnly.format(new Date(iso)) : ''
}

/** A field value as text: arrays joined, null as empty. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.map(formatValue).join(', ')
  return String(value)
}
