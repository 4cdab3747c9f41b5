// Deadlines as the database sees them: a write (a transaction) that runs under a deadline may not begin
// once the deadline has passed, nor commit if it passed while the work ran, so a caller that has given
// up (and told its client "not done") is never followed by a write. Knows nothing of HTTP; the
// request-timeout plugin opens one deadline per request and it travels with the request's Actor.
//
// Deadlines are passed explicitly (to Db.transaction) rather than carried by AsyncLocalStorage: on
// Node 20 that hooks every promise, which cost a fifth of a simple request's time.

/** The time budget of one unit of work (one HTTP request). */
export interface Deadline {
  /** Milliseconds since the epoch after which nothing may begin or commit. */
  readonly at: number
  /** Set when the owner gave up early or answered already; as binding as `at`. */
  expired: boolean
  /** Writes of this unit begun (or waiting in a batch) and not yet settled. */
  inFlight: number
}

/** Thrown instead of beginning or committing a write after the deadline; nothing was written. */
export class DeadlineExceededError extends Error {
  readonly code = 'RAPPORT_DEADLINE_EXCEEDED'
  constructor() {
    super('The request deadline passed before the database work finished; nothing was committed')
  }
}

/** A deadline `ms` milliseconds from now. */
export function deadlineIn(ms: number): Deadline {
  return { at: Date.now() + ms, expired: false, inFlight: 0 }
}

/** Whether `deadline` can no longer begin or commit a write. */
export function isPast(deadline: Deadline): boolean {
  return deadline.expired || Date.now() >= deadline.at
}

/** Throws DeadlineExceededError when `deadline` (if any) has passed. */
export function checkDeadline(deadline: Deadline | undefined): void {
  if (deadline !== undefined && isPast(deadline)) throw new DeadlineExceededError()
}

/**
 * Runs `write` (which begins and commits a transaction) under `deadline`: refused if the deadline has
 * passed, and counted in flight while it runs, so the request timeout waits for its real outcome.
 */
export async function underDeadline<T>(deadline: Deadline | undefined, write: () => Promise<T>): Promise<T> {
  if (deadline === undefined) return write()
  checkDeadline(deadline)
  deadline.inFlight++
  try {
    return await write()
  } finally {
    deadline.inFlight--
  }
}
