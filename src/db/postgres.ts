// PostgreSQL through a `pg` pool: what DATABASE_URL selects. The process keeps no state of its own, so
// several Rapport processes can share one PostgreSQL.
import pg from 'pg'
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely'
import { withDeadlines } from './deadline.js'
import type { Db, DialectTraits } from './dialect.js'
import { isRetryable } from './errors.js'
import type { Database } from './schema.js'

const TRAITS: DialectTraits = { name: 'postgres', singleWriter: false, supportsForUpdate: true }
const DEFAULT_POOL_SIZE = 10
/** How long a request waits for a connection before it is answered 503. */
const CONNECT_TIMEOUT_MS = 5000
const INT8_OID = 20
/** Runs of a transaction that PostgreSQL aborted as a deadlock victim before the error is given up on. */
const MAX_ATTEMPTS = 3

// bigint columns hold milliseconds, cents and counters, all well inside 2^53: read them as numbers.
// Set per pool, never on the global `pg.types`, so nothing else in the process is affected.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID) return (value: string) => Number(value)
    return pg.types.getTypeParser(oid, format)
  },
}

export interface PostgresOptions {
  /** Largest number of connections this process opens. */
  poolSize?: number | undefined
  /**
   * When set (> 0), PostgreSQL cancels any statement of these connections that runs longer, and ends a
   * session left idle inside a transaction that long: the transaction is rolled back whole, so a
   * request that timed out leaves no half-done write behind. The server sets it to the request
   * timeout; migrations and the CLI run without it.
   */
  statementTimeoutMs?: number | undefined
}

/** Opens a pool on `url`. Nothing is connected until the first query. */
export function openPostgres(url: string, options: PostgresOptions = {}): Db {
  const timeout = options.statementTimeoutMs !== undefined && options.statementTimeoutMs > 0 ? options.statementTimeoutMs : undefined
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    types,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'rapport',
    // Sent in the startup packet, so they hold for every statement of every pooled connection.
    ...(timeout === undefined ? {} : { statement_timeout: timeout, idle_in_transaction_session_timeout: timeout }),
  })
  // An idle connection that the server drops (restart, failover) emits 'error' on the pool; without a
  // listener that would crash the process. The pool discards the connection and opens a new one later.
  pool.on('error', () => {})
  // A connection checked out of the pool emits 'error' on itself when the server ends it between two
  // statements (a transaction waiting on the event loop while PostgreSQL shuts down or the session is
  // terminated). Unheard, that crashed the process. Heard, the connection is marked broken: the
  // request's next statement fails (answered 503), and the pool drops the connection when it returns.
  pool.on('connect', (client) => client.on('error', () => {}))
  const kysely = new Kysely<Database>({ dialect: withDeadlines(new PostgresDialect({ pool })) })
  return {
    kysely,
    traits: TRAITS,
    async transaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
      // Two transactions that lock the same rows in opposite orders (an entry moved in each of two
      // connected processes) can deadlock; PostgreSQL aborts one, and running it again succeeds.
      for (let attempt = 1; ; attempt++) {
        try {
          return await kysely.transaction().execute(work)
        } catch (error) {
          if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error
        }
      }
    },
    async ping() {
      await sql`select 1`.execute(kysely)
    },
    async close() {
      await kysely.destroy()
    },
  }
}
