// Making SQLite commits durable without stopping the event loop. With synchronous=FULL SQLite calls
// fsync inside COMMIT, and better-sqlite3 runs COMMIT on the JavaScript thread, so every commit freezes
// the whole server for a disk flush. Instead the database runs with synchronous=NORMAL (a commit writes
// its WAL frames but does not flush them) and this flushes the WAL file on libuv's thread pool after
// the commit, before the caller hears of it: the same guarantee (nothing is acknowledged before its
// commit frame is on disk), while other requests go on being served.
//
// Flushes are shared: a caller that arrives while one runs waits for the next, which covers everything
// written before it starts, so a burst of commits costs two flushes, not one each.
//
// A flush that fails (the disk reports an error, or the WAL file is gone: SQLite keeps it for as long
// as a connection is open, so a missing one means something outside SQLite removed it) fails its
// callers and every flush after it: once the kernel has reported a write error it may drop the dirty
// pages and report success next time, so no later flush could vouch for the data (PostgreSQL panics for
// the same reason). The server then refuses writes (503) until it is restarted; see docs/decisions.md.
import { closeSync, fdatasync, openSync } from 'node:fs'

/** `fs.fdatasync`'s shape; tests pass a fake to see when flushes start and to hold them. */
export type SyncFile = (fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => void

/** A failed flush: the commit is in the database but not known to be on disk. */
export class WalFlushError extends Error {
  /** Read by db/errors.ts: the database is treated as unavailable, and a shared batch is not run again. */
  readonly code = 'RAPPORT_WAL_FLUSH_FAILED'
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'WalFlushError'
  }
}

export class WalSync {
  #fd: number | undefined
  #running: Promise<void> | undefined
  #next: Promise<void> | undefined
  /** Set by the first failed flush; every later flush fails with it. */
  #failed: WalFlushError | undefined

  constructor(
    private readonly walFile: string,
    private readonly syncFile: SyncFile = fdatasync,
  ) {}

  /** Resolves once everything committed before the call is on disk. */
  flush(): Promise<void> {
    if (this.#failed) return Promise.reject(this.#failed)
    if (this.#running === undefined) {
      this.#running = this.#start()
      return this.#running
    }
    // A flush already running may have started before this caller's commit: wait for the next one.
    this.#next ??= this.#running.then(
      () => this.flush(),
      () => this.flush(),
    )
    return this.#next
  }

  async #start(): Promise<void> {
    this.#next = undefined
    try {
      const fd = this.#open()
      await new Promise<void>((resolve, reject) => this.syncFile(fd, (error) => (error ? reject(error) : resolve())))
    } catch (error) {
      this.#failed ??=
        error instanceof WalFlushError
          ? error
          : new WalFlushError(`flushing ${this.walFile} failed: ${String(error)}`, { cause: error })
      throw this.#failed
    } finally {
      this.#running = undefined
    }
  }

  /** The WAL file, opened once (it exists from the first write on, for as long as the database is open). */
  #open(): number {
    if (this.#fd === undefined) {
      try {
        this.#fd = openSync(this.walFile, 'r')
      } catch (error) {
        // Only called after a commit, which wrote to the WAL: a missing file is not a state to vouch for.
        if ((error as { code?: string }).code === 'ENOENT')
          throw new WalFlushError(`${this.walFile} is missing after a commit; the commit cannot be flushed`)
        throw error
      }
    }
    return this.#fd
  }

  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd)
    this.#fd = undefined
  }
}
