// PostgreSQL through a `pg` pool: what DATABASE_URL selects. The process keeps no state of its own, so
// several Rapport processes can share one PostgreSQL.
import pg from 'pg'
import { createHash } from 'node:crypto'
import { Kysely, PostgresDialect, sql, type PostgresPool, type PostgresPoolClient, type Transaction } from 'kysely'
import { DeadlineExceededError, isPast, underDeadline, type Deadline } from './deadline.js'
import type { Db, DialectTraits } from './dialect.js'
import { isRetryable } from './errors.js'
import { PREPARED_MARK } from './prepared.js'
import type { Database } from './schema.js'

const TRAITS: DialectTraits = { name: 'postgres', singleWriter: false }
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

/**
 * The pool as Kysely sees it, with the hot queries made by prepare() (marked PREPARED_MARK) sent as
 * named prepared statements (named by a hash of their text): each connection parses and plans them once
 * instead of on every call, as the SQLite driver's statement cache does. Other queries stay unnamed, so
 * PostgreSQL plans them for their actual values: a generic plan of a filter or count can be far worse.
 */
function withNamedStatements(pool: pg.Pool): PostgresPool {
  const clients = new WeakMap<pg.PoolClient, PostgresPoolClient>()
  const names = new Map<string, string>()
  const nameOf = (text: string) => {
    let name = names.get(text)
    if (name === undefined) {
      name = `r${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`
      // The map is bounded by the number of query shapes the app has; guard against runaway growth.
      if (names.size > 10_000) names.clear()
      names.set(text, name)
    }
    return name
  }
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    let wrapped = clients.get(client)
    if (wrapped === undefined) {
      wrapped = {
        query: ((text: string | object, values?: unknown[]) =>
          typeof text === 'string' && text.startsWith(PREPARED_MARK)
            ? client.query({ name: nameOf(text), text, values })
            : client.query(text as string, values)) as unknown as PostgresPoolClient['query'],
        release: (destroy?: boolean) => client.release(destroy),
      }
      clients.set(client, wrapped)
    }
    return wrapped
  }
  return {
    connect: async () => wrap(await pool.connect()),
    end: () => pool.end(),
  }
}

/** Opens a pool on `url`. Nothing is connected until the first query. */
export function openPostgres(url: string, options: PostgresOptions = {}): Db {
  const timeout =
    options.statementTimeoutMs !== undefined && options.statementTimeoutMs > 0 ? options.statementTimeoutMs : undefined
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
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: withNamedStatements(pool) }) })
  return {
    kysely,
    traits: TRAITS,
    transaction<T>(work: (trx: Transaction<Database>) => Promise<T>, deadline?: Deadline): Promise<T> {
      return underDeadline(deadline, async () => {
        // Two transactions that lock the same rows in opposite orders (an entry moved in each of two
        // connected processes) can deadlock; PostgreSQL aborts one, and running it again succeeds.
        for (let attempt = 1; ; attempt++) {
          try {
            return await kysely.transaction().execute(async (trx) => {
              const result = await work(trx)
              // Kysely rolls back when this throws: a request that gave up meanwhile commits nothing.
              if (deadline && isPast(deadline)) throw new DeadlineExceededError()
              return result
            })
          } catch (error) {
            if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error
          }
        }
      })
    },
    async ping() {
      await sql`select 1`.execute(kysely)
    },
    async close() {
      await kysely.destroy()
    },
  }
}
