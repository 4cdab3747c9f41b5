// `npm run bench:queries`: what each hot path asks of the database. Seeds a workspace (BENCH_PROFILE_SIZE
// entries, default 100k) per database, calls the entries service in this process exactly as the route
// handlers do (after authenticating the key, as the auth hook does on every request), and prints per
// request: the statements sent, their count, the time spent in the database and outside it; then the
// plan of each statement (EXPLAIN QUERY PLAN on SQLite, EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL, writes
// inside a rolled-back transaction).
import BetterSqlite3 from 'better-sqlite3'
import pg from 'pg'
import { join } from 'node:path'
import type { Db } from '../../src/db/dialect.js'
import type { EntryListQuery } from '../../src/domain/entries/entry-requests.js'
import { createServices } from '../../src/domain/services.js'
import { loadBenchOptions, parseSize } from '../config.js'
import { createBenchDatabase, type BenchDatabase } from '../databases.js'
import { sampleEntries, type SampledEntry } from '../scenarios.js'
import { growTo, newSeedState } from '../seed/grow.js'
import { prng } from '../seed/rows.js'
import { TIER_OPTIONS, prepareWorkspace, type Fixture } from '../seed/workspace.js'
import { installQueryLog, record, type LoggedQuery } from './query-log.js'

const CALLS = 200
const WARM_UP = 30

installQueryLog()
const options = loadBenchOptions()
const size = parseSize(process.env.BENCH_PROFILE_SIZE ?? '100k')
const only = process.env.BENCH_SCENARIOS?.split(',')

interface Op {
  name: string
  run(i: number): Promise<unknown>
}

function operations(db: Db, fixture: Fixture, sample: SampledEntry[], orgIds: string[], total: number): Op[] {
  const services = createServices(db, { defaultCountryCode: '82' })
  const random = prng(7)
  const auth = async () => (await services.workspaces.authenticate(fixture.apiKey))!
  const list = fixture.listId
  const entry = (i: number) => sample[i % sample.length]!
  return [
    { name: 'get', run: async (i) => services.entries.get(await auth(), list, entry(i).id) },
    { name: 'list-first', run: async () => services.entries.list(await auth(), list, { first: 100, after: 0 }) },
    {
      name: 'list-deep',
      run: async () => services.entries.list(await auth(), list, { first: 100, after: total - 100 }),
    },
    {
      name: 'filter-status',
      run: async () => services.entries.list(await auth(), list, { first: 100, status: [fixture.statuses[1]!.name] }),
    },
    {
      name: 'filter-field',
      run: async () =>
        services.entries.list(await auth(), list, {
          first: 100,
          [`field[${fixture.fields.tier.name}]` as const]: TIER_OPTIONS[2],
        } as EntryListQuery),
    },
    {
      name: 'create',
      run: async () =>
        services.entries.create(await auth(), list, {
          entryable_type: 'Organization',
          entryable_id: orgIds[Math.floor(random() * orgIds.length)]!,
          status: fixture.statuses[0]!.name,
          one_time_value_cents: 100,
          recurring_value_cents: 0,
          recurring_value_period: 'annual',
          list_fields: [
            { name: fixture.fields.tier.name, value: 'Gold' },
            { name: fixture.fields.score.name, value: 42 },
            { name: fixture.fields.closeDate.name, value: '2026-03-14' },
          ],
        }),
    },
    {
      name: 'patch-status',
      run: async (i) => {
        const e = entry(i)
        e.statusIndex = (e.statusIndex + 1) % fixture.statuses.length
        return services.entries.update(await auth(), list, e.id, { status: fixture.statuses[e.statusIndex]!.name })
      },
    },
  ]
}

const shorten = (sql: string) => sql.replace(/\s+/g, ' ').replace(/"/g, '').slice(0, 400)

async function explain(database: BenchDatabase, query: LoggedQuery): Promise<string> {
  const isRead = /^\s*select/i.test(query.sql)
  if (database.name === 'sqlite') {
    if (/^\s*(begin|commit|rollback)/i.test(query.sql)) return ''
    const raw = new BetterSqlite3(join(database.env.RAPPORT_DATA_DIR!, 'rapport.db'), { readonly: true })
    try {
      const rows = raw.prepare(`explain query plan ${query.sql}`).all(query.parameters) as Array<{ detail: string }>
      return rows.map((r) => `    ${r.detail}`).join('\n')
    } finally {
      raw.close()
    }
  }
  if (/^\s*(begin|commit|rollback|start)/i.test(query.sql)) return ''
  const client = new pg.Client({ connectionString: database.env.DATABASE_URL })
  await client.connect()
  try {
    await client.query('begin')
    const result = await client.query(`explain (analyze, buffers) ${query.sql}`, query.parameters)
    await client.query('rollback')
    return (
      (isRead ? '' : '    (write, rolled back)\n') +
      result.rows.map((r: Record<string, string>) => `    ${r['QUERY PLAN']}`).join('\n')
    )
  } catch (error) {
    await client.query('rollback').catch(() => {})
    return `    (could not explain: ${(error as Error).message})`
  } finally {
    await client.end()
  }
}

for (const name of options.databases) {
  const database = await createBenchDatabase(name, options.postgresAdminUrl)
  const db = await database.open()
  try {
    const fixture = await prepareWorkspace(db)
    const writer = await database.writer()
    const state = newSeedState(size)
    await growTo(writer, fixture, state, 0, size)
    await writer.settle()
    await writer.close()
    const sample = await sampleEntries(db, fixture)
    for (const op of operations(db, fixture, sample, state.orgIds, size)) {
      if (only && !only.includes(op.name)) continue
      for (let i = 0; i < WARM_UP; i++) await op.run(i)
      const perCall: LoggedQuery[][] = []
      const started = performance.now()
      for (let i = 0; i < CALLS; i++) {
        const stop = record()
        await op.run(WARM_UP + i)
        perCall.push(stop())
      }
      const totalMs = (performance.now() - started) / CALLS
      const queries = perCall.flat()
      const dbMs = queries.reduce((sum, q) => sum + q.ms, 0) / CALLS
      console.log(
        `\n=== ${name} ${size.toLocaleString('en-US')} ${op.name}: ${(queries.length / CALLS).toFixed(1)} statements per request, ` +
          `${(totalMs * 1000).toFixed(0)} us per request, of which ${(dbMs * 1000).toFixed(0)} us in the database driver`,
      )
      const byText = new Map<string, { n: number; ms: number; last: LoggedQuery }>()
      for (const q of queries) {
        const entry = byText.get(q.sql) ?? { n: 0, ms: 0, last: q }
        entry.n++
        entry.ms += q.ms
        entry.last = q
        byText.set(q.sql, entry)
      }
      for (const [sql, { n, ms, last }] of byText) {
        console.log(`  ${(n / CALLS).toFixed(1)}x  ${((ms / n) * 1000).toFixed(0).padStart(6)} us  ${shorten(sql)}`)
        const plan = await explain(database, last)
        if (plan) console.log(plan)
      }
    }
  } finally {
    await db.close()
    await database.drop()
  }
}
