// Many writes in one transaction, each whole or not at all: every item runs inside a savepoint that
// takes back what it wrote when it fails, so a refused item leaves nothing behind and the others go on.
// What batches (`POST .../batch`) and imports do per item or row.
import { sql } from 'kysely'
import type { Executor } from '../db/dialect.js'
import { isUniqueViolation } from '../db/errors.js'
import type { Outcome } from '../db/micro-batch.js'
import { RapportError, invalid } from './errors.js'

/**
 * Runs `write` for each item in turn inside `trx`; one outcome per item, in order. A RapportError (a
 * refusal) and a unique key refusing a write (a concurrent writer took a name or an address meanwhile,
 * answered as `has already been taken`) fail the item alone; anything else fails the whole transaction.
 */
export async function eachWhole<I, O>(
  trx: Executor,
  items: readonly I[],
  write: (item: I, index: number) => Promise<O>,
): Promise<Array<Outcome<O>>> {
  const outcomes: Array<Outcome<O>> = []
  for (const [index, item] of items.entries()) {
    await sql`savepoint item`.execute(trx)
    try {
      const value = await write(item, index)
      await sql`release savepoint item`.execute(trx)
      outcomes.push({ ok: true, value })
    } catch (error) {
      await sql`rollback to savepoint item`.execute(trx)
      await sql`release savepoint item`.execute(trx)
      if (error instanceof RapportError) outcomes.push({ ok: false, error })
      else if (isUniqueViolation(error))
        outcomes.push({ ok: false, error: invalid('body', 'taken', 'has already been taken by a concurrent write') })
      else throw error
    }
  }
  return outcomes
}
