// Reading database errors: which ones mean "a unique key refused this row" and which mean "the database
// cannot be reached", on either database. No business rules here.

interface DriverError {
  code?: unknown
  constraint?: unknown
  message?: unknown
}

/** True when a unique or primary key refused the write (SQLite SQLITE_CONSTRAINT_*, PostgreSQL 23505). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as DriverError | null)?.code
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}

/** True when a foreign key refused the write: a row it points at vanished (SQLite, PostgreSQL 23503). */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as DriverError | null)?.code
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
}

/** True for errors after which the whole transaction can simply run again (PostgreSQL deadlock, serialization). */
export function isRetryable(error: unknown): boolean {
  const code = (error as DriverError | null)?.code
  return code === '40P01' || code === '40001'
}

/** The constraint or index a unique violation names, when the driver says (PostgreSQL does). */
export function violatedConstraint(error: unknown): string | undefined {
  const e = error as DriverError | null
  if (typeof e?.constraint === 'string') return e.constraint
  return undefined
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up)
  '53300', // too_many_connections
  '08000', // connection_exception
  '08003', // connection_does_not_exist
  '08006', // connection_failure
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '40P01', // deadlock_detected, once the transaction's retries are spent: transient, worth retrying
  '40001', // serialization_failure, likewise
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  // A commit whose WAL flush failed (db/wal-sync.ts): the server can no longer vouch for writes. As
  // "unavailable", a shared batch is not run again (its units committed) and the answer is a 503.
  'RAPPORT_WAL_FLUSH_FAILED',
])

/** True when the error says the database is unreachable or overloaded, not that the request was wrong. */
export function isUnavailable(error: unknown): boolean {
  const e = error as DriverError | null
  if (e === null || typeof e !== 'object') return false
  if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true
  const message = typeof e.message === 'string' ? e.message : ''
  return (
    message.includes('Connection terminated') ||
    message.includes('timeout exceeded when trying to connect') ||
    message.includes('Client has encountered a connection error') ||
    message.includes('Connection ended unexpectedly')
  )
}

/**
 * True when the database work was stopped for taking too long: refused by the request deadline
 * (db/deadline.ts) or cancelled by PostgreSQL's statement_timeout (57014). Either way the statement or
 * transaction it belonged to was not committed.
 */
export function isTimedOut(error: unknown): boolean {
  const code = (error as DriverError | null)?.code
  return code === 'RAPPORT_DEADLINE_EXCEEDED' || code === '57014'
}
