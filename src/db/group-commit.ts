// Group commit for the embedded database. SQLite has one writer and, with synchronous=FULL, every
// COMMIT waits for the disk; better-sqlite3 waits on the main thread. So write transactions that arrive
// together run in one SQLite transaction, each inside its own SAVEPOINT, and share one COMMIT: a unit
// that fails rolls back to its savepoint and fails alone; the others commit together; every caller is
// answered only after the COMMIT, so nothing is acknowledged before it is on disk.
//
// Request deadlines (deadline.ts) apply per unit: each unit's work runs under the deadline of the
// request that sent it, and one whose deadline has passed before it starts is refused alone. The shared
// BEGIN, savepoints and COMMIT belong to no request. While a unit waits for its batch it counts as a
// statement in flight, so the request timeout never answers "nothing saved" for a unit about to commit.
import { sql, type Kysely, type Transaction } from 'kysely'
import { DeadlineExceededError, currentDeadline, isPast, runWithDeadline, runWithoutDeadline, type Deadline } from './deadline.js'
import type { Database } from './schema.js'

/** Units per shared transaction: bounds how long one COMMIT keeps the others waiting. */
const MAX_BATCH = 64

type Work<T> = (trx: Transaction<Database>) => Promise<T>

interface Unit {
  work: Work<unknown>
  deadline: Deadline | undefined
  resolve(value: unknown): void
  reject(error: unknown): void
}

export class GroupCommit {
  readonly #queue: Unit[] = []
  #draining = false

  constructor(private readonly kysely: Kysely<Database>) {}

  /** Runs `work` in a transaction shared with whatever else is waiting; settles after the COMMIT. */
  run<T>(work: Work<T>): Promise<T> {
    const deadline = currentDeadline()
    if (deadline) deadline.inFlight++
    const settled = () => {
      if (deadline) deadline.inFlight--
    }
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({
        work,
        deadline,
        resolve: (value) => {
          settled()
          resolve(value as T)
        },
        reject: (error) => {
          settled()
          reject(error)
        },
      })
      if (!this.#draining) {
        this.#draining = true
        // The drain serves every request that queues; it must not run under the first one's deadline.
        runWithoutDeadline(() => void this.#drain())
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
            const value = await (unit.deadline ? runWithDeadline(unit.deadline, () => unit.work(trx)) : unit.work(trx))
            // A unit whose request gave up meanwhile is not committed, as a transaction of its own
            // would not be.
            if (unit.deadline && isPast(unit.deadline)) throw new DeadlineExceededError()
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
