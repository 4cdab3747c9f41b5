// Deadlines as the database sees them. Work that runs under a deadline may not start a statement, begin
// a transaction or commit one once its deadline has passed: a caller that has given up (and told its
// client "not done") is never followed by a write. Knows nothing of HTTP; the request-timeout plugin
// opens one deadline per request.
//
// Carried by AsyncLocalStorage, so query functions keep their plain signatures: every Kysely query that
// runs inside `runWithDeadline(deadline, ...)` is checked by the guarded driver below.
import { AsyncLocalStorage } from 'node:async_hooks'
import type { CompiledQuery, DatabaseConnection, Dialect, Driver, QueryCompiler, QueryResult, TransactionSettings } from 'kysely'

/** The time budget of one unit of work (one HTTP request). */
export interface Deadline {
  /** Milliseconds since the epoch after which nothing may start or commit. */
  readonly at: number
  /** Set when the owner gave up early or answered already; as binding as `at`. */
  expired: boolean
  /** Statements of this unit sent to the database and not yet answered. */
  inFlight: number
}

/** Thrown instead of starting a statement or a commit after the deadline; nothing was written. */
export class DeadlineExceededError extends Error {
  readonly code = 'RAPPORT_DEADLINE_EXCEEDED'
  constructor() {
    super('The request deadline passed before the database work finished; nothing was committed')
  }
}

const storage = new AsyncLocalStorage<Deadline>()

/** A deadline `ms` milliseconds from now. */
export function deadlineIn(ms: number): Deadline {
  return { at: Date.now() + ms, expired: false, inFlight: 0 }
}

/** Runs `work` (and every query it starts, however deep) under `deadline`. */
export function runWithDeadline<T>(deadline: Deadline, work: () => T): T {
  return storage.run(deadline, work)
}

/** The deadline the current work runs under, if any. */
export function currentDeadline(): Deadline | undefined {
  return storage.getStore()
}

/** Runs `work` under no deadline at all (work shared by several requests, such as a group commit). */
export function runWithoutDeadline<T>(work: () => T): T {
  return storage.exit(work)
}

/** Whether `deadline` can no longer start database work. */
export function isPast(deadline: Deadline): boolean {
  return deadline.expired || Date.now() >= deadline.at
}

/** Throws DeadlineExceededError when the current deadline (if any) has passed. */
export function checkDeadline(): void {
  const deadline = storage.getStore()
  if (deadline !== undefined && isPast(deadline)) throw new DeadlineExceededError()
}

/** The connection handed to Kysely: each statement is checked first and counted while it runs. */
class GuardedConnection implements DatabaseConnection {
  constructor(readonly inner: DatabaseConnection) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const deadline = storage.getStore()
    if (deadline === undefined) return this.inner.executeQuery<R>(query)
    if (isPast(deadline)) throw new DeadlineExceededError()
    deadline.inFlight++
    try {
      return await this.inner.executeQuery<R>(query)
    } finally {
      deadline.inFlight--
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    checkDeadline()
    return this.inner.streamQuery<R>(query, chunkSize)
  }
}

const unwrap = (connection: DatabaseConnection): DatabaseConnection =>
  connection instanceof GuardedConnection ? connection.inner : connection

/**
 * Wraps a driver so that, under a deadline, acquiring a connection, beginning, each statement and
 * COMMIT are refused once the deadline has passed. ROLLBACK and releasing are never refused: they are
 * how a refused transaction is undone.
 */
class GuardedDriver implements Driver {
  constructor(readonly inner: Driver) {}
  init(): Promise<void> {
    return this.inner.init()
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    checkDeadline()
    return new GuardedConnection(await this.inner.acquireConnection())
  }
  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    checkDeadline()
    return this.inner.beginTransaction(unwrap(connection), settings)
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    // Kysely rolls the transaction back when this throws.
    checkDeadline()
    const deadline = storage.getStore()
    if (deadline === undefined) return this.inner.commitTransaction(unwrap(connection))
    deadline.inFlight++
    try {
      return await this.inner.commitTransaction(unwrap(connection))
    } finally {
      deadline.inFlight--
    }
  }
  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(unwrap(connection))
  }
  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    checkDeadline()
    if (!this.inner.savepoint) throw new Error('savepoints are not supported by this driver')
    return this.inner.savepoint(unwrap(connection), name, compile)
  }
  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    if (!this.inner.rollbackToSavepoint) throw new Error('savepoints are not supported by this driver')
    return this.inner.rollbackToSavepoint(unwrap(connection), name, compile)
  }
  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    checkDeadline()
    if (!this.inner.releaseSavepoint) throw new Error('savepoints are not supported by this driver')
    return this.inner.releaseSavepoint(unwrap(connection), name, compile)
  }
  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(unwrap(connection))
  }
  destroy(): Promise<void> {
    return this.inner.destroy()
  }
}

/** `dialect` with its driver guarded by the current deadline (see GuardedDriver). */
export function withDeadlines(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new GuardedDriver(dialect.createDriver()),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  }
}
