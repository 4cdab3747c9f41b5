// The embedded database: one SQLite file through better-sqlite3, in WAL mode with foreign keys on.
//
// Kysely's stock SQLite driver is replaced by a small one of ours: transactions begin IMMEDIATE (take the
// write lock up front, so a transaction that reads then writes cannot fail half-way with SQLITE_BUSY
// when another process, such as the `rapport` CLI, writes the same file); a commit is flushed to disk
// off the JavaScript thread before it is acknowledged (wal-sync.ts); prepared statements are cached by
// their SQL text; and rows are read as arrays and shaped into objects by a compiled function.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import {
  CompiledQuery,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  type Transaction,
} from 'kysely'
import type { Deadline } from './deadline.js'
import type { Db, DialectTraits } from './dialect.js'
import { GroupCommit } from './group-commit.js'
import { WalSync } from './wal-sync.js'
import { Checkpointer } from './checkpointer.js'
import { createRequire } from 'node:module'
import type { Database } from './schema.js'
import { RowLockFreeSqliteCompiler } from './sqlite-compiler.js'

const require = createRequire(import.meta.url)

const TRAITS: DialectTraits = { name: 'sqlite', singleWriter: true }
/** Prepared statements kept per connection; the query shapes of the app are far fewer than this. */
const STATEMENT_CACHE_SIZE = 500
/** WAL pages after which the serving connection checkpoints itself (about 80 MiB of WAL). */
const AUTOCHECKPOINT_PAGES = 20_000
/** SQLite's page cache, in KiB. */
const CACHE_KIB = 32 * 1024
/** How long a writer waits for another process's write lock before giving up. */
const BUSY_TIMEOUT_MS = 5000

/** A prepared statement and, for readers, the function that turns a raw row (an array) into an object. */
interface Prepared {
  statement: BetterSqlite3.Statement
  toObject?: (row: unknown[]) => Record<string, unknown>
}

/**
 * Builds `row => ({ col0: row[0], col1: row[1], ... })` for a statement's columns. better-sqlite3's own
 * row objects cost about twice as much to make as raw arrays turned into objects of one fixed shape.
 */
function rowBuilder(columns: readonly string[]): (row: unknown[]) => Record<string, unknown> {
  const fields = columns.map((name, i) => `${JSON.stringify(name)}: row[${i}]`).join(', ')
  return new Function('row', `return { ${fields} }`) as (row: unknown[]) => Record<string, unknown>
}

class SqliteConnection implements DatabaseConnection {
  readonly #statements = new Map<string, Prepared>()
  /** Told when a write ran outside a transaction (it committed by itself and must be flushed). */
  onAutocommitWrite: () => void = () => {}
  constructor(readonly raw: BetterSqlite3.Database) {}

  #prepare(sql: string): Prepared {
    let prepared = this.#statements.get(sql)
    if (prepared === undefined) {
      const statement = this.raw.prepare(sql)
      prepared = { statement }
      if (statement.reader) {
        statement.raw(true)
        prepared.toObject = rowBuilder(statement.columns().map((c) => c.name))
      }
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) {
        // Evict the oldest entry: Map keeps insertion order.
        this.#statements.delete(this.#statements.keys().next().value!)
      }
      this.#statements.set(sql, prepared)
    }
    return prepared
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { statement, toObject } = this.#prepare(query.sql)
    const parameters = query.parameters as unknown[]
    if (toObject) return { rows: (statement.all(parameters) as unknown[][]).map(toObject) as R[] }
    const inTransaction = this.raw.inTransaction
    const { changes, lastInsertRowid } = statement.run(parameters)
    if (!inTransaction && !this.raw.inTransaction && changes > 0) this.onAutocommitWrite()
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] }
  }

  // biome-ignore lint/correctness/useYield: Kysely's driver interface asks for a generator; Rapport never streams.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not used by Rapport')
  }
}

/** SQLite has one connection; a FIFO lock hands it to one user at a time. */
class ConnectionLock {
  #held = false
  readonly #waiters: Array<() => void> = []

  async acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true
      return
    }
    await new Promise<void>((resolve) => this.#waiters.push(resolve))
  }

  release(): void {
    const next = this.#waiters.shift()
    if (next) next()
    else this.#held = false
  }
}

class SqliteDriver implements Driver {
  readonly #lock = new ConnectionLock()
  /** Set when the connection's current holder committed something (see releaseConnection). */
  #committed = false
  constructor(
    readonly connection: SqliteConnection,
    private readonly walSync: WalSync,
  ) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#lock.acquire()
    this.connection.onAutocommitWrite = () => (this.#committed = true)
    return this.connection
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'))
    this.#committed = true
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // After some errors (SQLITE_FULL, interrupted) SQLite has already rolled back.
    if (this.connection.raw.inTransaction) await connection.executeQuery(CompiledQuery.raw('rollback'))
  }
  /**
   * Hands the connection on, then, if its holder committed, waits for the WAL to reach the disk before
   * the holder hears back: the next holder already works while this flush runs.
   */
  async releaseConnection(): Promise<void> {
    const committed = this.#committed
    this.#committed = false
    this.#lock.release()
    if (committed) await this.walSync.flush()
  }
  async destroy(): Promise<void> {
    if (this.connection.raw.open) this.connection.raw.close()
    this.walSync.close()
  }
}

class RapportSqliteDialect implements Dialect {
  constructor(
    readonly connection: SqliteConnection,
    private readonly walSync: WalSync,
  ) {}
  createAdapter() {
    return new SqliteAdapter()
  }
  createDriver(): Driver {
    return new SqliteDriver(this.connection, this.walSync)
  }
  /** Row locks that queries state are dropped: the IMMEDIATE transaction holds the file (sqlite-compiler.ts). */
  createQueryCompiler() {
    return new RowLockFreeSqliteCompiler()
  }
  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db)
  }
}

/** Opens (creating it and its folder if needed) the SQLite file at `file`. */
export function openSqlite(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const raw = new BetterSqlite3(file)
  raw.pragma('journal_mode = WAL')
  // NORMAL, with the WAL flushed by WalSync after every commit and before anyone hears of it: every
  // acknowledged write is on disk (it survives a power cut as well as a crash of the process), as with
  // FULL, but the flush runs off the JavaScript thread.
  raw.pragma('synchronous = NORMAL')
  raw.pragma('foreign_keys = ON')
  raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  // A page cache of 32 MiB (SQLite's default is 2 MiB): the pages a large list's reads touch stay in the
  // process instead of being read from the OS on every request.
  raw.pragma(`cache_size = -${CACHE_KIB}`)
  // Checkpoints run in a worker thread (checkpointer.ts); this connection checkpoints only if the WAL
  // grows past AUTOCHECKPOINT_PAGES anyway (the worker stopped, or cannot keep up).
  raw.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`)
  const checkpointer = file === ':memory:' ? undefined : new Checkpointer(file, require.resolve('better-sqlite3'))
  const walSync = new WalSync(`${file}-wal`)
  const kysely = new Kysely<Database>({ dialect: new RapportSqliteDialect(new SqliteConnection(raw), walSync) })
  const groupCommit = new GroupCommit(kysely)
  return {
    kysely,
    traits: TRAITS,
    transaction: <T>(work: (trx: Transaction<Database>) => Promise<T>, deadline?: Deadline) =>
      groupCommit.run(work, deadline),
    async ping() {
      raw.prepare('select 1').get()
    },
    async close() {
      await checkpointer?.close()
      await kysely.destroy()
    },
  }
}
