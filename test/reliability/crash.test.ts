// Crash safety: the real server (`rapport serve`, its own process) under a load of entry creates with
// list fields, status moves (some firing a connected-list rule) and list-field writes, killed with
// SIGKILL at random moments and restarted, several times, on each database. Afterwards every write
// answered 2xx is stored as answered, a write whose answer was lost is stored whole or not at all,
// nothing else exists, keys are unique and gap-free, kept counters equal real counts, and the database's
// derived rows (lookup rows, status history, counters) agree with the entries.
//
// CRASH_KILLS sets the number of kills per database (default below); CRASH_WORKERS the concurrent writers.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { client } from '../support/client.js'
import { TEST_DATABASES } from '../support/databases.js'
import { createTestDatabase } from '../support/server.js'
import { Endpoint } from './support/endpoint.js'
import { makeEntryFixture } from './support/entry-fixture.js'
import { verifyEntries } from './support/entry-verify.js'
import { startWorkload } from './support/entry-workload.js'
import { startServerProcess, TEST_API_KEY, type ServerProcess } from './support/server-process.js'
import { deadlocksOf } from './support/pg-stats.js'
import { checkStore } from './support/store-check.js'

const KILLS = Number(process.env.CRASH_KILLS ?? 4)
const WORKERS = Number(process.env.CRASH_WORKERS ?? 6)
/** Load time before each kill: a random moment in this range, in ms. */
const RUN_MIN_MS = 300
const RUN_MAX_MS = 1500
/** Load after the last restart, so writes after recovery are part of what is checked. */
const AFTER_LAST_MS = 800
const TIMEOUT_MS = 90_000 + KILLS * 6_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

for (const database of TEST_DATABASES) {
  describe(`${database.name}: crash safety`, { timeout: TIMEOUT_MS }, () => {
    let fresh: Awaited<ReturnType<typeof createTestDatabase>>
    let server: ServerProcess | undefined
    before(async () => {
      fresh = await createTestDatabase(database)
    })
    after(async () => {
      await server?.kill()
      await fresh?.drop()
    })

    it(`keeps every acknowledged write whole through ${KILLS} SIGKILLs under load`, {
      timeout: TIMEOUT_MS,
    }, async (t) => {
      server = await startServerProcess(fresh.env)
      const serverErrors: string[] = []
      const fixture = await makeEntryFixture(client(server, TEST_API_KEY))
      const endpoint = new Endpoint(server.url)
      const load = startWorkload(endpoint, TEST_API_KEY, fixture, { workers: WORKERS })
      const cut: number[] = []
      try {
        for (let i = 0; i < KILLS; i++) {
          await sleep(RUN_MIN_MS + Math.random() * (RUN_MAX_MS - RUN_MIN_MS))
          const failedBefore = failures(load.figures.outcomes)
          // Closed first, so no new request goes out to a server about to die; those under way are cut.
          endpoint.close()
          await server.kill()
          serverErrors.push(...server.errors)
          server = await startServerProcess(fresh.env)
          endpoint.open(server.url)
          await sleep(50)
          cut.push(failures(load.figures.outcomes) - failedBefore)
        }
        await sleep(AFTER_LAST_MS)
      } finally {
        await load.stop()
      }

      const verified = await verifyEntries(client(server, TEST_API_KEY), fixture, load.entries)
      assert.equal(await server.stop(), 0, 'the last server stops cleanly on SIGTERM')
      serverErrors.push(...server.errors)
      const store = await checkStore(fresh.env, verified.stored)
      // Kills end sessions, they never make a deadlock: any deadlock is a lock-order defect of the writes.
      const deadlocks = fresh.env.DATABASE_URL ? await deadlocksOf(fresh.env.DATABASE_URL) : 0

      const f = load.figures
      const acknowledged = f.creates.acknowledged + f.moves.acknowledged + f.fieldWrites.acknowledged
      const lines = [
        `${database.name}: ${KILLS} kills, writes cut per kill ${JSON.stringify(cut)}; ${WORKERS} workers`,
        `writes acknowledged ${acknowledged} (creates ${f.creates.acknowledged}, moves ${f.moves.acknowledged}, field writes ${f.fieldWrites.acknowledged}); all found as answered unless listed below`,
        `outcome unknown, then found applied / not applied: creates ${f.creates.unknownApplied}/${f.creates.unknownNotApplied}, moves ${f.moves.unknownApplied}/${f.moves.unknownNotApplied}, field writes ${f.fieldWrites.unknownApplied}/${f.fieldWrites.unknownNotApplied}`,
        `found through the API: ${verified.figures.deals} Deals entries (${load.entries.length} expected), ${verified.figures.accounts} Accounts entries made by the rule, ${verified.figures.historyRows} history rows, ${verified.figures.keys} keys unique and gap-free`,
        `store: ${store.figures.entries} entries, ${store.figures.fieldValueRows} lookup rows, ${store.figures.historyRows} history rows checked; ${deadlocks} deadlocks`,
        `outcomes ${JSON.stringify(f.outcomes)}`,
      ]
      for (const line of lines) t.diagnostic(line)
      const problems = [
        ...load.problems,
        ...verified.problems,
        ...store.problems,
        ...serverErrors.map((e) => `server logged: ${e.slice(0, 500)}`),
      ]
      if (deadlocks > 0) problems.push(`PostgreSQL broke ${deadlocks} deadlocks between the load's writes`)
      assert.deepEqual(
        problems,
        [],
        `${problems.length} problems:\n${problems.slice(0, 40).join('\n')}\n${lines.join('\n')}`,
      )
      assert.ok(
        f.creates.acknowledged > 0 && f.moves.acknowledged > 0 && f.fieldWrites.acknowledged > 0,
        'the load ran',
      )
      assert.ok(
        load.entries.some((e) => e.carried),
        'some entry entered the connected status',
      )
      assert.ok(cut.reduce((a, b) => a + b, 0) > 0, 'at least one kill cut a request under way')
    })
  })
}

/** Requests that failed without an answer so far. */
function failures(outcomes: Record<string, number>): number {
  return Object.entries(outcomes)
    .filter(([kind]) => kind.startsWith('failed'))
    .reduce((sum, [, n]) => sum + n, 0)
}
