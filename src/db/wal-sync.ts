// Making SQLite commits durable without stopping the event loop. With synchronous=FULL SQLite calls
// fsync inside COMMIT, and better-sqlite3 runs COMMIT on the JavaScript thread, so every commit freezes
// the whole server for a disk flush. Instead the database runs with synchronous=NORMAL (a commit writes
// its WAL frames but does not flush them) and this flushes the WAL file on libuv's thread pool after
// the commit, before the caller hears of it: the same guarantee (nothing is acknowledged before its
// commit frame is on disk), while other requests go on being served.
//
// Flushes are shared: a caller that arrives while one runs waits for the next, which covers everything
// written before it starts, so a burst of commits costs two flushes, not one each.
import { fdatasync, openSync, closeSync } from 'node:fs'

export class WalSync {
  #fd: number | undefined
  #running: Promise<void> | undefined
  #next: Promise<void> | undefined

  constructor(private readonly walFile: string) {}

  /** Resolves once everything committed before the call is on disk. */
  flush(): Promise<void> {
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
      if (fd !== undefined)
        await new Promise<void>((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())))
    } finally {
      this.#running = undefined
    }
  }

  /** The WAL file, opened once (it exists from the first write on, for as long as the database is open). */
  #open(): number | undefined {
    if (this.#fd === undefined) {
      try {
        this.#fd = openSync(this.walFile, 'r')
      } catch (error) {
        if ((error as { code?: string }).code === 'ENOENT') return undefined
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
