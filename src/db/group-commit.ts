// Group commit for the embedded database. SQLite has one writer and, with synchronous=FULL, every
// COMMIT waits for the disk; better-sqlite3 waits on the main thread. So write transactions that arrive
// together run in one SQLite transaction, each inside its own SAVEPOINT, and share one COMMIT: a unit
// that fails rolls back to its savepoint and fails alone; the others commit together; every caller is
// answered only after the COMMIT, so nothing is acknowledged before it is on disk.
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from './schema.js'

/** Units per shared transaction: bounds how long one COMMIT keeps the others waiting. */
const MAX_BATCH = 64

type Work<T> = (trx: Transaction<Database>) => Promise<T>

interface Unit {
  work: Work<unknown>
  resolve(value: unknown): void
  reject(error: unknown): void
}

export class GroupCommit {
  readonly #queue: Unit[] = []
  #draining = false

  constructor(private readonly kysely: Kysely<Database>) {}

  /** Runs `work` in a transaction shared with whatever else is waiting; settles after the COMMIT. */
  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject })
      if (!this.#draining) {
        this.#draining = true
        void this.#drain()
      }
    })
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        // Let every request already in hand reach its write first. Their reads run on the one
        // connection, which the shared transaction would otherwise take from them; one turn of the
        // event loop costs microseconds and gathers a whole batch.
        await new Promise((resolve) => setImmediate(resolve))
        await this.#commit(this.#queue.splice(0, MAX_BATCH))
      }
    } finally {
      this.#draining = false
    }
  }

  async #commit(batch: Unit[]): Promise<void> {
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = []
    try {
      await this.kysely.transaction().execute(async (trx) => {
        for (const unit of batch) {
          await sql`savepoint unit`.execute(trx)
          try {
            const value = await unit.work(trx)
            await sql`release savepoint unit`.execute(trx)
            outcomes.push({ ok: true, value })
          } catch (error) {
            await sql`rollback to savepoint unit`.execute(trx)
            await sql`release savepoint unit`.execute(trx)
            outcomes.push({ ok: false, error })
          }
        }
      })
    } catch (error) {
      // The shared transaction itself failed (COMMIT refused, disk full): nothing of it is stored.
      for (const unit of batch) unit.reject(error)
      return
    }
    batch.forEach((unit, i) => {
      const outcome = outcomes[i]!
      if (outcome.ok) unit.resolve(outcome.value)
      else unit.reject(outcome.error)
    })
  }
}
