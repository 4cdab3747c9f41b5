// What differs between the two databases, as named flags, and the one function that opens either.
// Differences stay inside src/db: row locks, for one, are stated by every query that needs one and
// dropped by the SQLite dialect's compiler (sqlite-compiler.ts), so nothing above src/db asks which
// database it runs on. `name` is for logs and /healthz.
import type { Kysely, Transaction } from 'kysely'
import type { Deadline } from './deadline.js'
import type { Database } from './schema.js'

export type DatabaseName = 'sqlite' | 'postgres'

export interface DialectTraits {
  name: DatabaseName
  /**
   * Whether the database admits one writing transaction at a time.
   * Default (SQLite): true, and every transaction begins IMMEDIATE so two writers never deadlock on a
   * read-to-write upgrade. If false (PostgreSQL), writers that must be serialised take row locks,
   * which the queries in src/db/queries state (the SQLite compiler drops them).
   */
  singleWriter: boolean
}

/** The Kysely handle or an open transaction on it: every query function accepts either. */
export type Executor = Kysely<Database> | Transaction<Database>

/** An open database: the query builder, what it can do, and its life cycle. */
export interface Db {
  readonly kysely: Kysely<Database>
  readonly traits: DialectTraits
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws. Under a
   * `deadline` (the request's) it does not begin once the deadline has passed and does not commit if it
   * passed meanwhile (see deadline.ts).
   */
  transaction<T>(work: (trx: Transaction<Database>) => Promise<T>, deadline?: Deadline): Promise<T>
  /** Answers when the database takes a trivial query; throws otherwise. */
  ping(): Promise<void>
  close(): Promise<void>
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent the embedded SQLite file is used. */
  databaseUrl?: string | undefined
  /** Folder of the SQLite file (`rapport.db`). */
  dataDir: string
  /** Exact SQLite file path, overriding dataDir (tests use a temporary file). */
  sqliteFile?: string | undefined
  /** Largest number of PostgreSQL connections this process opens. */
  poolSize?: number | undefined
  /**
   * PostgreSQL only: statements running longer are cancelled by the server (0 or absent: no limit).
   * `rapport serve` passes the request timeout; migrations run without one. SQLite statements are
   * synchronous and short, and are bounded by the request deadline (db/deadline.ts) between them.
   */
  statementTimeoutMs?: number | undefined
}

/** Opens the database the configuration names: PostgreSQL when a URL is given, else SQLite. */
export async function openDatabase(options: OpenOptions): Promise<Db> {
  if (options.databaseUrl) {
    const { openPostgres } = await import('./postgres.js')
    return openPostgres(options.databaseUrl, {
      poolSize: options.poolSize,
      statementTimeoutMs: options.statementTimeoutMs,
    })
  }
  const { openSqlite } = await import('./sqlite.js')
  const path = await import('node:path')
  return openSqlite(options.sqliteFile ?? path.join(options.dataDir, 'rapport.db'))
}
