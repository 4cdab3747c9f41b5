// Group commit for the embedded database. SQLite has one writer, and every COMMIT is followed by a flush
// of the WAL before anyone hears of it (wal-sync.ts: synchronous=NORMAL, with the flush run off the
// JavaScript thread), so each COMMIT still costs a statement on the one connection and a disk flush.
// So write transactions that arrive together run in one SQLite transaction, each inside its own
// SAVEPOINT, and share one COMMIT and one flush: a unit
// that fails rolls back to its savepoint and fails alone; the others commit together; every caller is
// answered only after the COMMIT, so nothing is acknowledged before it is on disk. Batching and request
// deadlines are micro-batch.ts's; a unit whose deadline passed while its work ran is rolled back. A unit
// whose failure takes the whole transaction with it, and a COMMIT that fails, fail the shared
// transaction: then micro-batch.ts runs each unit again in a transaction of its own.
import { sql, type Kysely, type Transaction } from 'kysely'
import { DeadlineExceededError, isPast, type Deadline } from './deadline.js'
import { MicroBatcher, type BatchItem, type Outcome } from './micro-batch.js'
import type { Database } from './schema.js'

/** Units per shared transaction: bounds how long one COMMIT keeps the others waiting. */
const MAX_BATCH = 64

type Work = (trx: Transaction<Database>) => Promise<unknown>

export class GroupCommit {
  readonly #batcher: MicroBatcher<Work, unknown>

  constructor(private readonly kysely: Kysely<Database>) {
    this.#batcher = new MicroBatcher((units) => this.#commit(units), MAX_BATCH)
  }

  /** Runs `work` in a transaction shared with whatever else is waiting; settles after the COMMIT. */
  run<T>(work: (trx: Transaction<Database>) => Promise<T>, deadline?: Deadline): Promise<T> {
    return this.#batcher.submit(work, deadline) as Promise<T>
  }

  /** One shared transaction; throws (failing every unit) only when the transaction itself fails. */
  async #commit(units: Array<BatchItem<Work>>): Promise<Array<Outcome<unknown>>> {
    const outcomes: Array<Outcome<unknown>> = []
    await this.kysely.transaction().execute(async (trx) => {
      for (const { input: work, deadline } of units) {
        await sql`savepoint unit`.execute(trx)
        try {
          const value = await work(trx)
          // A unit whose request gave up meanwhile is not committed, as a transaction of its own
          // would not be.
          if (deadline && isPast(deadline)) throw new DeadlineExceededError()
          await sql`release savepoint unit`.execute(trx)
          outcomes.push({ ok: true, value })
        } catch (error) {
          try {
            await sql`rollback to savepoint unit`.execute(trx)
            await sql`release savepoint unit`.execute(trx)
          } catch {
            // The unit's failure ended the transaction (SQLite rolls back by itself on some errors, and
            // so does a trigger's RAISE(ROLLBACK)): the batch fails with the unit's own error.
            throw error
          }
          outcomes.push({ ok: false, error })
        }
      }
    })
    return outcomes
  }
}
