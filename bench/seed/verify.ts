// The invariants the seed and the create scenario must keep, checked against the database: entry keys
// gap-free from 1 to `lists.last_key_number`, the kept counters equal to real counts, three lookup rows
// and one creation history row per entry. Throws naming what is wrong.
import { sql, type Transaction } from 'kysely'
import type { Db } from '../../src/db/dialect.js'
import type { Database } from '../../src/db/schema.js'
import type { Fixture } from './workspace.js'

export interface ListFacts {
  entries: number
  lastKeyNumber: number
}

/** Checks in one repeatable-read transaction, so every count sees the same moment. */
export async function verifyInvariants(db: Db, fixture: Fixture): Promise<ListFacts> {
  return db.kysely
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((trx) => check(trx, fixture))
}

async function check(k: Transaction<Database>, fixture: Fixture): Promise<ListFacts> {
  const ws = fixture.workspaceId
  const list = await k
    .selectFrom('lists')
    .select(['last_key_number', 'entry_count'])
    .where('workspace_id', '=', ws)
    .where('id', '=', fixture.listId)
    .executeTakeFirstOrThrow()
  const keys = await k
    .selectFrom('entries')
    .select([
      sql<number>`count(*)`.as('n'),
      sql<number>`min(key_number)`.as('lo'),
      sql<number>`max(key_number)`.as('hi'),
    ])
    .where('workspace_id', '=', ws)
    .where('list_id', '=', fixture.listId)
    .executeTakeFirstOrThrow()
  const n = Number(keys.n)
  const problems: string[] = []
  // key_number is unique per list (entries_by_key), so n keys between 1 and n are exactly 1..n.
  if (n > 0 && (Number(keys.lo) !== 1 || Number(keys.hi) !== n))
    problems.push(`keys are not gap-free: ${n} entries hold ${keys.lo}..${keys.hi}`)
  if (Number(list.last_key_number) !== n)
    problems.push(`lists.last_key_number is ${list.last_key_number}, ${n} entries exist`)
  if (Number(list.entry_count) !== n) problems.push(`lists.entry_count is ${list.entry_count}, ${n} entries exist`)

  const byStatus = await k
    .selectFrom('entries')
    .select(['status_id', sql<number>`count(*)`.as('n')])
    .where('workspace_id', '=', ws)
    .where('list_id', '=', fixture.listId)
    .groupBy('status_id')
    .execute()
  const kept = await k
    .selectFrom('statuses')
    .select(['id', 'name', 'entry_count'])
    .where('workspace_id', '=', ws)
    .where('list_id', '=', fixture.listId)
    .execute()
  for (const status of kept) {
    const real = Number(byStatus.find((s) => s.status_id === status.id)?.n ?? 0)
    if (Number(status.entry_count) !== real)
      problems.push(`statuses.entry_count of ${status.name} is ${status.entry_count}, ${real} entries hold it`)
  }

  const fieldIds = Object.values(fixture.fields).map((f) => f.id)
  const values = await k
    .selectFrom('entry_field_values')
    .select(sql<number>`count(*)`.as('n'))
    .where('workspace_id', '=', ws)
    .where('field_id', 'in', fieldIds)
    .executeTakeFirstOrThrow()
  if (Number(values.n) !== 3 * n)
    problems.push(`${values.n} entry_field_values rows for ${n} entries with three fields each`)
  const created = await k
    .selectFrom('entry_status_changes')
    .select(sql<number>`count(*)`.as('n'))
    .where('workspace_id', '=', ws)
    .where('list_id', '=', fixture.listId)
    .where('from_status_id', 'is', null)
    .executeTakeFirstOrThrow()
  if (Number(created.n) !== n) problems.push(`${created.n} creation rows in entry_status_changes for ${n} entries`)

  if (problems.length > 0) throw new Error(`invariants broken: ${problems.join('; ')}`)
  return { entries: n, lastKeyNumber: Number(list.last_key_number) }
}
