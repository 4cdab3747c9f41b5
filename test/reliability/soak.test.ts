// The soak: a bounded mixed load of members and entries (support/soak-load.ts) against a server in its
// own process (support/soak-server.ts), on each database, with its memory and handles sampled after full
// garbage collections. It fails on any wrong status or failed connection, on a growth trend of the heap or of the
// RSS, and on handles (sockets, timers, descriptors) that grow with the load or outlive it.
// SOAK_SECONDS sets the load time per database (default below; 600 for the on-demand 10-minute run).
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { client } from '../support/client.js'
import { TEST_DATABASES } from '../support/databases.js'
import { createTestDatabase } from '../support/server.js'
import { FIRST_STATUS, VALUES, makeEntryFixture } from './support/entry-fixture.js'
import { median, runLoad, slope, type SoakEntries } from './support/soak-load.js'
import type { SoakMessage, SoakSample } from './support/soak-server.js'

/** Load time per database in a normal run (and so in CI), in seconds. */
const DEFAULT_SECONDS = 60
const SECONDS = Number(process.env.SOAK_SECONDS ?? DEFAULT_SECONDS)
const WORKERS = 8
const POOL_SIZE = 10
const SAMPLE_EVERY_MS = 250
/** The first part of the run, while caches, pools and the JIT settle, is not judged. */
const WARM_UP = 0.3
/** The heap may grow this much over the judged part of the run (projected from its trend)... */
const HEAP_GROWTH_LIMIT = 4 * 1024 * 1024
/** ...and the RSS this much, from the judged part's first third to its last. */
const RSS_GROWTH_LIMIT = 32 * 1024 * 1024
/** Handles the load may add at most: its sockets and their request timers, the pool's sockets and idle timers, a little slack. */
const HANDLE_SLACK = 2 * WORKERS + 2 * POOL_SIZE + 4
/** Overrides the runner's 10-minute default, so the on-demand run (SOAK_SECONDS=600) is not cut short. */
const TIMEOUT_MS = (SECONDS + 120) * 1000
const SERVER = fileURLToPath(new URL('./support/soak-server.ts', import.meta.url))

const total = (s: SoakSample) => Object.values(s.resources).reduce((a, b) => a + b, 0)
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** Starts the soak server on a fresh database; resolves once it listens. */
async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; key: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', SERVER], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      LOG_LEVEL: 'silent',
      RAPPORT_RATE_LIMIT: '0',
      RAPPORT_DB_POOL_SIZE: String(POOL_SIZE),
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const [message] = (await Promise.race([once(child, 'message'), once(child, 'exit').then(() => [undefined])])) as [
    SoakMessage | undefined,
  ]
  if (message?.type !== 'ready') throw new Error('the soak server did not start')
  return { child, url: message.url, key: message.key }
}

function sampleOf(child: ChildProcess): Promise<SoakSample> {
  return new Promise((resolve) => {
    const listen = (message: SoakMessage) => {
      if (message.type !== 'sample') return
      child.off('message', listen)
      resolve(message.sample)
    }
    child.on('message', listen)
    child.send({ type: 'sample' })
  })
}

/** A process with list fields and a connected status (support/entry-fixture.ts), and a few entries in it. */
async function seedEntries(url: string, key: string): Promise<SoakEntries> {
  const api = client({ url }, key)
  const fixture = await makeEntryFixture(api)
  const ids: string[] = []
  for (const org of fixture.orgs) {
    const res = await api.post(`/v1/lists/${fixture.deals.id}/entries`, {
      entryable_type: 'Organization',
      entryable_id: org,
      status: FIRST_STATUS,
      ...VALUES,
    })
    assert.equal(res.status, 201, res.text)
    ids.push(res.body.id)
  }
  return { listId: fixture.deals.id, orgs: fixture.orgs, ids }
}

for (const database of TEST_DATABASES) {
  describe(`${database.name}: soak`, { timeout: TIMEOUT_MS }, () => {
    let drop: () => Promise<void>
    let server: { child: ChildProcess; url: string; key: string }
    before(async () => {
      const fresh = await createTestDatabase(database)
      drop = fresh.drop
      server = await startServer(fresh.env)
    })
    after(async () => {
      if (server?.child.exitCode === null) {
        server.child.send({ type: 'stop' })
        await once(server.child, 'exit')
      }
      await drop?.()
    })

    it(`serves ${SECONDS} s of mixed load without an error, a growing heap or RSS, or leaked handles`, {
      timeout: TIMEOUT_MS,
    }, async (t) => {
      const members: string[] = []
      for (let i = 0; i < 20; i++) {
        const res = await fetch(`${server.url}/v1/users`, {
          method: 'POST',
          headers: { authorization: `Bearer ${server.key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name: `Seed ${i}`, email: `seed-${i}@example.com` }),
        })
        members.push(((await res.json()) as { id: string }).id)
      }
      const entries = await seedEntries(server.url, server.key)
      const baseline = await sampleOf(server.child)

      const samples: SoakSample[] = []
      let loading = true
      const sampling = (async () => {
        while (loading) {
          samples.push(await sampleOf(server.child))
          await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS))
        }
      })()
      const load = await runLoad(server.url, server.key, {
        durationMs: SECONDS * 1000,
        workers: WORKERS,
        members,
        entries,
      })
      loading = false
      await sampling
      // The load's connections are closed; give the server a moment to see them go.
      await new Promise((resolve) => setTimeout(resolve, 500))
      const settled = await sampleOf(server.child)

      const judged = samples.slice(Math.floor(samples.length * WARM_UP))
      const window = judged.at(-1)!.at - judged[0]!.at
      const heapGrowth = slope(judged.map((s) => [s.at, s.heapUsed])) * window
      const third = Math.max(1, Math.floor(judged.length / 3))
      const rssGrowth =
        median(judged.slice(-third).map((s) => s.rss)) - median(judged.slice(0, third).map((s) => s.rss))
      const handles = judged.map(total)
      const handleTrend = slope(judged.map((s) => [s.at, total(s)])) * window
      const figures = [
        `${database.name}: ${load.requests} requests in ${SECONDS} s (${Math.round(load.requests / SECONDS)}/s) by ${WORKERS} workers, ${load.errorCount} errors; ${JSON.stringify(load.byOperation)}`,
        `heap ${mb(baseline.heapUsed)} before, ${mb(median(judged.map((s) => s.heapUsed)))} median under load, trend ${mb(heapGrowth)} over the last ${(window / 1000).toFixed(0)} s; ${mb(settled.heapUsed)} after`,
        `rss ${mb(baseline.rss)} before, ${mb(judged[0]!.rss)} → ${mb(judged.at(-1)!.rss)} under load (${mb(rssGrowth)} between thirds); ${mb(settled.rss)} after`,
        `handles ${total(baseline)} before, ${Math.min(...handles)}–${Math.max(...handles)} under load (trend ${handleTrend.toFixed(1)}), ${total(settled)} after ${JSON.stringify(settled.resources)}; fds ${baseline.fds} → ${settled.fds}`,
        `${samples.length} samples`,
      ]
      for (const line of figures) t.diagnostic(line)

      assert.equal(load.errorCount, 0, `errors under load:\n${load.errors.join('\n')}`)
      assert.ok(load.requests > WORKERS, 'the load ran')
      assert.ok(judged.length >= 5, `only ${judged.length} samples to judge`)
      assert.ok(
        heapGrowth < HEAP_GROWTH_LIMIT,
        `the heap grows: ${mb(heapGrowth)} over ${(window / 1000).toFixed(0)} s\n${figures.join('\n')}`,
      )
      assert.ok(rssGrowth < RSS_GROWTH_LIMIT, `the RSS grows: ${mb(rssGrowth)}\n${figures.join('\n')}`)
      assert.ok(
        Math.max(...handles) <= total(baseline) + HANDLE_SLACK,
        `handles under load exceed the baseline by more than ${HANDLE_SLACK}\n${figures.join('\n')}`,
      )
      assert.ok(handleTrend < WORKERS, `handles grow under load\n${figures.join('\n')}`)
      // After the load only the pool's idle connections and their idle timers may remain (they go later).
      assert.ok(
        total(settled) <= total(baseline) + 2 * POOL_SIZE + 2,
        `handles outlive the load\n${figures.join('\n')}`,
      )
      if (baseline.fds >= 0)
        assert.ok(settled.fds <= baseline.fds + POOL_SIZE + 2, `descriptors outlive the load\n${figures.join('\n')}`)
    })
  })
}
