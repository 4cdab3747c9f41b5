// `npm run bench:rewrites`: times the statements behind the slowest paths against candidate rewrites
// that return the same rows, on a seeded workspace (BENCH_PROFILE_SIZE entries, default 1m), on each
// database. Evidence for the suggestions in docs/benchmarks.md; nothing here changes src/.
// On SQLite it also times a one-row write transaction's commit under synchronous=FULL and =NORMAL.
import { sql, type Kysely } from 'kysely'
import type { Db } from '../../src/db/dialect.js'
import type { Database } from '../../src/db/schema.js'
import { loadBenchOptions, parseSize } from '../config.js'
import { createBenchDatabase } from '../databases.js'
import { growTo, newSeedState } from '../seed/grow.js'
import { TIER_OPTIONS, prepareWorkspace, type Fixture } from '../seed/workspace.js'

const RUNS = Number(process.env.BENCH_REWRITE_RUNS ?? 20)
const options = loadBenchOptions()
const size = parseSize(process.env.BENCH_PROFILE_SIZE ?? '1m')

interface Candidate {
  name: string
  run(k: Kysely<Database>): Promise<unknown[]>
}

/** Mean milliseconds of `run` over RUNS calls, after two warm-up calls; and the rows of the last. */
async function time(k: Kysely<Database>, c: Candidate): Promise<{ ms: number; rows: unknown[] }> {
  await c.run(k)
  let rows = await c.run(k)
  const started = performance.now()
  for (let i = 0; i < RUNS; i++) rows = await c.run(k)
  return { ms: (performance.now() - started) / RUNS, rows }
}

const ids = (rows: unknown[]) =>
  rows.map((r) => (r as { id?: string; count?: unknown }).id ?? String((r as { count?: unknown }).count)).join(',')

function groups(f: Fixture, total: number): Array<{ title: string; candidates: Candidate[] }> {
  const ws = f.workspaceId
  const list = f.listId
  const field = f.fields.tier.id
  const value = TIER_OPTIONS[2]!
  const listed = (k: Kysely<Database>) =>
    k.selectFrom('entries').where('workspace_id', '=', ws).where('list_id', '=', list)
  const inField = (k: Kysely<Database>) =>
    k
      .selectFrom('entry_field_values')
      .select('entry_id')
      .where('workspace_id', '=', ws)
      .where('field_id', '=', field)
      .where('value', '=', value)
  return [
    {
      title: `deep page: first=100, after=${total - 100}`,
      candidates: [
        {
          name: 'now: select * ... order by updated_at desc, id desc limit 100 offset n',
          run: (k) =>
            listed(k)
              .selectAll()
              .orderBy('updated_at', 'desc')
              .orderBy('id', 'desc')
              .limit(100)
              .offset(total - 100)
              .execute(),
        },
        {
          name: 'deferred join: offset over the covering index (ids only), then fetch 100 rows',
          run: (k) =>
            k
              .selectFrom('entries')
              .selectAll()
              .where('workspace_id', '=', ws)
              .where('id', 'in', (eb) =>
                eb
                  .selectFrom('entries')
                  .select('id')
                  .where('workspace_id', '=', ws)
                  .where('list_id', '=', list)
                  .orderBy('updated_at', 'desc')
                  .orderBy('id', 'desc')
                  .limit(100)
                  .offset(total - 100),
              )
              .orderBy('updated_at', 'desc')
              .orderBy('id', 'desc')
              .execute(),
        },
      ],
    },
    {
      title: 'first page for reference: first=100, after=0',
      candidates: [
        {
          name: 'now',
          run: (k) => listed(k).selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(100).execute(),
        },
      ],
    },
    {
      title: `field filter page: field[Tier]=${value}, first=100`,
      candidates: [
        {
          name: 'now: id in (select entry_id from entry_field_values ...)',
          run: (k) =>
            listed(k)
              .selectAll()
              .where('id', 'in', inField(k))
              .orderBy('updated_at', 'desc')
              .orderBy('id', 'desc')
              .limit(100)
              .execute(),
        },
        {
          name: 'exists (... where entry_id = entries.id): walks the list in order, probes the lookup key',
          run: (k) =>
            listed(k)
              .selectAll()
              .where((eb) =>
                eb.exists(
                  eb
                    .selectFrom('entry_field_values as v')
                    .select(sql`1`.as('one'))
                    .where('v.workspace_id', '=', ws)
                    .where('v.field_id', '=', field)
                    .where('v.value', '=', value)
                    .whereRef('v.entry_id', '=', 'entries.id'),
                ),
              )
              .orderBy('updated_at', 'desc')
              .orderBy('id', 'desc')
              .limit(100)
              .execute(),
        },
      ],
    },
    {
      title: 'field filter total_count',
      candidates: [
        {
          name: 'now: count(*) from entries where ... id in (lookup)',
          run: (k) => listed(k).select(sql<number>`count(*)`.as('count')).where('id', 'in', inField(k)).execute(),
        },
        {
          // A list field belongs to one list, and its lookup rows to that list's entries (one per entry and value).
          name: 'count(*) from entry_field_values alone (index-only)',
          run: (k) =>
            k
              .selectFrom('entry_field_values')
              .select(sql<number>`count(*)`.as('count'))
              .where('workspace_id', '=', ws)
              .where('field_id', '=', field)
              .where('value', '=', value)
              .execute(),
        },
      ],
    },
  ]
}

async function commitTimes(db: Db, fixture: Fixture): Promise<string[]> {
  if (db.traits.name !== 'sqlite') return []
  const lines: string[] = []
  for (const mode of ['FULL', 'NORMAL']) {
    await sql.raw(`pragma synchronous = ${mode}`).execute(db.kysely)
    const started = performance.now()
    for (let i = 0; i < RUNS * 5; i++) {
      await db.transaction(async (trx) => {
        await trx
          .updateTable('lists')
          .set({ updated_at: Date.now() })
          .where('workspace_id', '=', fixture.workspaceId)
          .where('id', '=', fixture.listId)
          .execute()
      })
    }
    lines.push(
      `  one-row transaction with synchronous=${mode}: ${(((performance.now() - started) / (RUNS * 5)) * 1000).toFixed(0)} us per commit`,
    )
  }
  await sql.raw('pragma synchronous = FULL').execute(db.kysely)
  return lines
}

for (const name of options.databases) {
  const database = await createBenchDatabase(name, options.postgresAdminUrl)
  const db = await database.open()
  try {
    const fixture = await prepareWorkspace(db)
    const writer = await database.writer()
    await growTo(writer, fixture, newSeedState(size), 0, size)
    await writer.settle()
    await writer.close()
    console.log(`\n=== ${name}, ${size.toLocaleString('en-US')} entries (mean of ${RUNS} runs)`)
    for (const group of groups(fixture, size)) {
      console.log(`-- ${group.title}`)
      let reference: string | undefined
      for (const candidate of group.candidates) {
        const { ms, rows } = await time(db.kysely, candidate)
        const same = reference === undefined || reference === ids(rows)
        reference ??= ids(rows)
        console.log(`  ${ms.toFixed(2).padStart(9)} ms  ${candidate.name}${same ? '' : '  (DIFFERENT ROWS)'}`)
      }
    }
    for (const line of await commitTimes(db, fixture)) console.log(line)
  } finally {
    await db.close()
    await database.drop()
  }
}
