// One soak run and its judgement, shared by the soak (soak.test.ts) and the proof that its leak detector
// can fail (soak-self.test.ts): the server in its own process (soak-server.ts) on a fresh database,
// members and entries seeded, the mixed load (soak-load.ts) for a fixed time while memory and handles
// are sampled after full garbage collections, then `judgeSoak` turns the samples into problems: any
// wrong status or failed connection, a growth trend of the heap or the RSS, handles (sockets, timers,
// descriptors) that grow with the load or outlive it, or any error line the server logged. The server
// runs with the default configuration: rate limits on (quotas the load never reaches) and logging at
// `info` to its stdout, which the test reads as a sink.
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { client } from '../../support/client.js'
import type { TestDatabase } from '../../support/databases.js'
import { UNTRIPPED_LIMITS } from '../../support/defaults.js'
import { createTestDatabase } from '../../support/server.js'
import { FIRST_STATUS, VALUES, makeEntryFixture } from './entry-fixture.js'
import { median, runLoad, slope, type LoadResult, type SoakEntries } from './soak-load.js'
import type { SoakMessage, SoakSample } from './soak-server.js'

export const WORKERS = 8
export const POOL_SIZE = 10
const SAMPLE_EVERY_MS = 250
/** The first part of the run, while caches, pools and the JIT settle, is not judged. */
const WARM_UP = 0.3
/** The heap may grow this much over the judged part of the run (projected from its trend)... */
export const HEAP_GROWTH_LIMIT = 4 * 1024 * 1024
/** ...and the RSS this much, from the judged part's first third to its last. */
export const RSS_GROWTH_LIMIT = 32 * 1024 * 1024
/** Handles the load may add at most: its sockets and their request timers, the pool's sockets and idle timers, a little slack. */
const HANDLE_SLACK = 2 * WORKERS + 2 * POOL_SIZE + 4
const SERVER = fileURLToPath(new URL('./soak-server.ts', import.meta.url))

const total = (s: SoakSample) => Object.values(s.resources).reduce((a, b) => a + b, 0)
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

export interface SoakRun {
  load: LoadResult
  /** Lines the server logged, and those at `error` or above (at most 20 kept). */
  logLines: number
  logErrors: string[]
  baseline: SoakSample
  samples: SoakSample[]
  /** After the load's connections closed. */
  settled: SoakSample
}

/** Starts the soak server on a fresh database; resolves once it listens. */
interface SoakServer {
  child: ChildProcess
  url: string
  key: string
  log: { lines: number; errors: string[] }
}

async function startServer(env: Record<string, string>): Promise<SoakServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', SERVER], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      LOG_LEVEL: 'info',
      ...UNTRIPPED_LIMITS,
      RAPPORT_DB_POOL_SIZE: String(POOL_SIZE),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  })
  // The log sink: every line counted, error lines (pino level 50 and up) kept.
  const log = { lines: 0, errors: [] as string[] }
  let partial = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n')
    partial = lines.pop()!
    for (const line of lines) {
      log.lines++
      if (Number(/"level":(\d+)/.exec(line)?.[1] ?? 0) >= 50 && log.errors.length < 20)
        log.errors.push(line.slice(0, 1000))
    }
  })
  const [message] = (await Promise.race([once(child, 'message'), once(child, 'exit').then(() => [undefined])])) as [
    SoakMessage | undefined,
  ]
  if (message?.type !== 'ready') throw new Error('the soak server did not start')
  return { child, url: message.url, key: message.key, log }
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

/** A process with list fields and a connected status (entry-fixture.ts), and a few entries in it. */
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

/**
 * Runs the soak for `seconds` on a fresh database of `database`, the server started with `env` on top of
 * the soak's own settings; stops the server and drops the database afterwards.
 */
export async function runSoak(
  database: TestDatabase,
  seconds: number,
  env: Record<string, string> = {},
): Promise<SoakRun> {
  const fresh = await createTestDatabase(database)
  const server = await startServer({ ...fresh.env, ...env })
  try {
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
      durationMs: seconds * 1000,
      workers: WORKERS,
      members,
      entries,
    })
    loading = false
    await sampling
    // The load's connections are closed; give the server a moment to see them go.
    await new Promise((resolve) => setTimeout(resolve, 500))
    const settled = await sampleOf(server.child)
    return { load, baseline, samples, settled, logLines: server.log.lines, logErrors: server.log.errors }
  } finally {
    if (server.child.exitCode === null) {
      server.child.send({ type: 'stop' })
      await once(server.child, 'exit')
    }
    await fresh.drop()
  }
}

/** The run's figures (for diagnostics) and what is wrong with it (empty: it passed). */
export function judgeSoak(run: SoakRun, label: string, seconds: number): { figures: string[]; problems: string[] } {
  const { load, baseline, samples, settled } = run
  const judged = samples.slice(Math.floor(samples.length * WARM_UP))
  const problems: string[] = []
  if (load.errorCount > 0) problems.push(`errors under load:\n${load.errors.join('\n')}`)
  if (run.logErrors.length > 0) problems.push(`the server logged errors:\n${run.logErrors.join('\n')}`)
  if (run.logLines < load.requests) problems.push(`${run.logLines} log lines for ${load.requests} requests`)
  if (load.requests <= WORKERS) problems.push('the load did not run')
  if (judged.length < 5)
    return { figures: [`${samples.length} samples`], problems: [...problems, `only ${judged.length} samples to judge`] }
  const window = judged.at(-1)!.at - judged[0]!.at
  const heapGrowth = slope(judged.map((s) => [s.at, s.heapUsed])) * window
  const third = Math.max(1, Math.floor(judged.length / 3))
  const rssGrowth = median(judged.slice(-third).map((s) => s.rss)) - median(judged.slice(0, third).map((s) => s.rss))
  const handles = judged.map(total)
  const handleTrend = slope(judged.map((s) => [s.at, total(s)])) * window
  const figures = [
    `${label}: ${load.requests} requests in ${seconds} s (${Math.round(load.requests / seconds)}/s) by ${WORKERS} workers, ${load.errorCount} errors; ${JSON.stringify(load.byOperation)}`,
    `heap ${mb(baseline.heapUsed)} before, ${mb(median(judged.map((s) => s.heapUsed)))} median under load, trend ${mb(heapGrowth)} over the last ${(window / 1000).toFixed(0)} s; ${mb(settled.heapUsed)} after`,
    `rss ${mb(baseline.rss)} before, ${mb(judged[0]!.rss)} → ${mb(judged.at(-1)!.rss)} under load (${mb(rssGrowth)} between thirds); ${mb(settled.rss)} after`,
    `handles ${total(baseline)} before, ${Math.min(...handles)}–${Math.max(...handles)} under load (trend ${handleTrend.toFixed(1)}), ${total(settled)} after ${JSON.stringify(settled.resources)}; fds ${baseline.fds} → ${settled.fds}`,
    `${samples.length} samples; ${run.logLines} log lines at info, ${run.logErrors.length} at error`,
  ]
  if (heapGrowth >= HEAP_GROWTH_LIMIT)
    problems.push(`the heap grows: ${mb(heapGrowth)} over ${(window / 1000).toFixed(0)} s`)
  if (rssGrowth >= RSS_GROWTH_LIMIT) problems.push(`the RSS grows: ${mb(rssGrowth)}`)
  if (Math.max(...handles) > total(baseline) + HANDLE_SLACK)
    problems.push(`handles under load exceed the baseline by more than ${HANDLE_SLACK}`)
  if (handleTrend >= WORKERS) problems.push(`handles grow under load (trend ${handleTrend.toFixed(1)})`)
  // After the load only the pool's idle connections and their idle timers may remain (they go later).
  if (total(settled) > total(baseline) + 2 * POOL_SIZE + 2) problems.push('handles outlive the load')
  if (baseline.fds >= 0 && settled.fds > baseline.fds + POOL_SIZE + 2) problems.push('descriptors outlive the load')
  return { figures, problems }
}
