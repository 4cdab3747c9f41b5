// Status kinds of a process and what they mean for an entry: `active` is still open; `won` and `lost`
// are closed, which is when `closed_at` is set.

export const STATUS_KINDS = ['active', 'won', 'lost'] as const
export type StatusKind = (typeof STATUS_KINDS)[number]

/** What clients may send as a status type: the three kinds, and `done`, seen in Relate's own examples. */
export const STATUS_TYPE_INPUTS = ['active', 'won', 'lost', 'done'] as const

export const MAX_STATUS_NAME_LENGTH = 100
export const MAX_STATUSES = 100

/**
 * Reads a status type as sent: `done` (used in Relate's examples) is read as `won`.
 *
 * ### Example
 * ```ts
 * parseStatusKind('done') // 'won'
 * parseStatusKind('open') // undefined
 * ```
 */
export function parseStatusKind(input: unknown): StatusKind | undefined {
  if (input === 'done') return 'won'
  return (STATUS_KINDS as readonly unknown[]).includes(input) ? (input as StatusKind) : undefined
}

export function isClosed(kind: string): boolean {
  return kind === 'won' || kind === 'lost'
}

/**
 * The `closed_at` an entry has after moving into a status of `kind`: set when it enters a closed status
 * from an open one (or is created closed), kept while it moves between closed ones, cleared when it
 * returns to an active one.
 *
 * ### Example
 * ```ts
 * closedAtFor('won', null, 1000)   // 1000
 * closedAtFor('lost', 1000, 2000)  // 1000 (still closed since 1000)
 * closedAtFor('active', 1000, 3000) // null
 * ```
 */
export function closedAtFor(kind: string, previousClosedAt: number | null, now: number): number | null {
  if (!isClosed(kind)) return null
  return previousClosedAt ?? now
}

export interface StatusSpec {
  name: string
  type: StatusKind
}

/** Relate's default process: what a process created without `statuses` gets. */
export const DEFAULT_STATUSES: readonly StatusSpec[] = [
  { name: 'Started', type: 'active' },
  { name: 'In progress', type: 'active' },
  { name: 'Completed', type: 'won' },
  { name: 'Canceled', type: 'lost' },
]
