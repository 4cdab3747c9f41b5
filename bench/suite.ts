// The whole benchmark run: for each database, a fresh workspace grown through the sizes; at each size the
// bare Fastify baseline is measured, then the Rapport server is started in its own process and driven
// through: a few scenarios on the freshly loaded database (before the post-seed VACUUM / checkpoint,
// as a database just imported serves them), then, settled, every scenario (a figure near a target is
// measured several times and the median run kept, with the spread), then a few scenarios again with the
// server's default configuration (rate limiting on, logs at info). Facts about the databases are read
// from them during the run. Returns the figures; run.ts prints and writes them.
import os from 'node:os'
import type { DatabaseName } from '../src/db/dialect.js'
import type { BenchOptions } from './config.js'
import { createBenchDatabase } from './databases.js'
import { drive, type LoadSettings, type Measurement, type RequestSource } from './load/drive.js'
import { waitForIdle, type Watched } from './load/quiet.js'
import { watchRss } from './load/rss.js'
import { databaseFacts, machineInfo, type MachineInfo } from './report/machine.js'
import { nearTarget } from './report/targets.js'
import { SCENARIOS, sampleEntries, type Scenario, type ScenarioContext } from './scenarios.js'
import { growTo, newSeedState } from './seed/grow.js'
import { prng } from './seed/rows.js'
import { verifyInvariants } from './seed/verify.js'
import { prepareWorkspace } from './seed/workspace.js'
import type { BulkWriter } from './seed/writers.js'
import { ensureBuilt } from './servers/build.js'
import { spawnBare, spawnRapport } from './servers/spawn.js'

export interface ScenarioResult extends Measurement {
  scenario: string
  title: string
  /**
   * `standard`: settled database, the benchmark's server settings; `no-vacuum`: before the post-seed
   * VACUUM / checkpoint; `defaults`: the server's default configuration. Absent in older results: standard.
   */
  variant?: 'standard' | 'no-vacuum' | 'defaults'
  /** Throughput of every run of this cell; more than one when a figure was near a target (the median run is reported). */
  runs?: number[]
  /** Peak resident memory of the server process during the measurement, MiB. */
  rssMiB: number | null
  /** Rapport / bare: throughput (higher is better), p50 and p99 latency (lower is better). */
  ratio: { rps: number; p50: number; p99: number }
  /** For scenarios that create: the invariants held afterwards (keys gap-free, counters true). */
  keysGapFree?: boolean
}

export interface SizeResult {
  database: DatabaseName
  /** Entries in the list when measuring started. */
  size: number
  /** Seconds spent growing to this size (bulk seed + settle + invariant check). */
  seedS: number
  bare: Measurement
  scenarios: ScenarioResult[]
}

export interface BenchResults {
  options: BenchOptions
  machine: MachineInfo
  /** Settings read from each database during the run (durability, memory), by database. */
  facts?: Partial<Record<DatabaseName, Record<string, string>>>
  startedAt: string
  wallS: number
  /** 1-minute load average when the run ended. */
  loadAtEnd: number
  sizes: SizeResult[]
}

type Log = (message: string) => void

/** Warm-up (discarded), then the measured run; each starts and ends on an idle machine. */
async function measure(settings: LoadSettings, warmupS: number, next: RequestSource, watched: Watched) {
  if (warmupS > 0) {
    await drive({ ...settings, durationS: warmupS }, next)
    await waitForIdle(watched)
  }
  const rss = watchRss(watched.pid)
  const result = await drive(settings, next)
  const rssMiB = rss.stop()
  await waitForIdle(watched)
  return { result, rssMiB }
}

async function measureBare(options: BenchOptions): Promise<Measurement> {
  const bare = await spawnBare()
  try {
    const settings = { url: bare.url, connections: options.connections, durationS: options.durationS }
    return (await measure(settings, options.warmupS, () => ({ method: 'GET', path: '/' }), { pid: bare.pid })).result
  } finally {
    await bare.stop()
  }
}

/** Sends one request of the scenario and checks it answers 2xx (and the expected shape). */
async function probe(url: string, key: string, scenario: Scenario, ctx: ScenarioContext): Promise<void> {
  const request = scenario.requests(ctx)()
  const response = await fetch(url + request.path, {
    method: request.method,
    headers: { authorization: `Bearer ${key}`, ...(request.body ? { 'content-type': 'application/json' } : {}) },
    ...(request.body ? { body: request.body } : {}),
  })
  const text = await response.text()
  if (!response.ok)
    throw new Error(
      `${scenario.name}: ${request.method} ${request.path} answered ${response.status}: ${text.slice(0, 500)}`,
    )
  const problem = scenario.expect?.(JSON.parse(text), ctx)
  if (problem) throw new Error(`${scenario.name}: ${problem}`)
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN)

/** The environment of the server as the benchmark runs it: no rate limit, quiet logs, a pool per connection. */
function benchEnv(options: BenchOptions): Record<string, string> {
  return { RAPPORT_RATE_LIMIT: '0', LOG_LEVEL: options.logLevel, RAPPORT_DB_POOL_SIZE: String(options.connections) }
}

/**
 * The server's default configuration, as users run it: rate limiting and the failed-authentication
 * limit on (quotas the load cannot reach, so no request is refused) and logs at info (to /dev/null: the
 * server's stdout is not kept).
 */
const DEFAULTS_ENV: Record<string, string> = {
  RAPPORT_RATE_LIMIT: '1000000000',
  RAPPORT_AUTH_FAILURE_LIMIT: '1000000000',
  LOG_LEVEL: 'info',
}

const label = (variant: ScenarioResult['variant']) =>
  variant === 'no-vacuum' ? ' (no VACUUM)' : variant === 'defaults' ? ' (defaults)' : ''

async function runDatabase(
  name: DatabaseName,
  options: BenchOptions,
  log: Log,
): Promise<{ sizes: SizeResult[]; facts: Record<string, string> }> {
  const database = await createBenchDatabase(name, options.postgresAdminUrl)
  const db = await database.open()
  const results: SizeResult[] = []
  let writer: BulkWriter | undefined
  let facts: Record<string, string> = {}
  try {
    const fixture = await prepareWorkspace(db)
    facts = await databaseFacts(db)
    log(
      `${name}: ${Object.entries(facts)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}`,
    )
    // Opened after the migrations, whose tables its statements name.
    writer = await database.writer()
    const state = newSeedState(options.sizes[options.sizes.length - 1]!)
    const random = prng(42)
    let current = 0
    for (const size of options.sizes) {
      const seedStart = performance.now()
      const added = await growTo(writer, fixture, state, current, size)
      current = (await verifyInvariants(db, fixture)).entries
      const seedS = (performance.now() - seedStart) / 1000
      log(`${name} ${size}: seeded ${added} entries in ${seedS.toFixed(1)} s (${current} in the list, invariants hold)`)

      const bare = await measureBare(options)
      log(
        `${name} ${size}: bare Fastify ${Math.round(bare.rps)} req/s, p50 ${bare.p50.toFixed(2)} ms, p99 ${bare.p99.toFixed(2)} ms`,
      )
      const sizeResult: SizeResult = { database: name, size: current, seedS, bare, scenarios: [] }
      const sample = await sampleEntries(db, fixture)
      const ctxFor = (): ScenarioContext => ({
        fixture,
        total: current,
        sample,
        entryIds: state.entryIds,
        orgIds: state.orgIds,
        random,
      })
      const chosen = (names?: readonly string[]) =>
        SCENARIOS.filter(
          (s) =>
            (options.scenarios.length === 0 || options.scenarios.includes(s.name)) &&
            (names === undefined || names.includes(s.name)),
        )

      /** Runs the scenarios on a server started with `env`; standard cells near a target are measured again. */
      const serve = async (
        env: Record<string, string>,
        scenarios: Scenario[],
        variant: NonNullable<ScenarioResult['variant']>,
      ) => {
        if (scenarios.length === 0) return
        const server = await spawnRapport({ env: { ...database.env, ...env } })
        try {
          const watched: Watched = {
            pid: server.pid,
            ...(database.postgresDatabase ? { postgresDatabase: database.postgresDatabase } : {}),
          }
          const settings: LoadSettings = {
            url: server.url,
            connections: options.connections,
            durationS: options.durationS,
            headers: { authorization: `Bearer ${fixture.apiKey}` },
          }
          for (const scenario of scenarios) {
            await probe(server.url, fixture.apiKey, scenario, ctxFor())
            const runs: Array<{ result: Measurement; rssMiB: number | null }> = []
            const once = async () =>
              runs.push(await measure(settings, options.warmupS, scenario.requests(ctxFor()), watched))
            await once()
            const first = runs[0]!.result
            if (
              variant === 'standard' &&
              options.nearTarget > 0 &&
              nearTarget(name, scenario.name, { rps: first.rps, ratio: ratio(first.rps, bare.rps) }, options.nearTarget)
            ) {
              while (runs.length < options.repeats) await once()
            }
            // The median run by throughput is reported whole (its latencies and RSS too).
            const median = [...runs].sort((a, b) => a.result.rps - b.result.rps)[Math.floor(runs.length / 2)]!
            const { result, rssMiB } = median
            const row: ScenarioResult = {
              ...result,
              scenario: scenario.name,
              title: scenario.title,
              variant,
              runs: runs.map((r) => r.result.rps),
              rssMiB,
              ratio: {
                rps: ratio(result.rps, bare.rps),
                p50: ratio(result.p50, bare.p50),
                p99: ratio(result.p99, bare.p99),
              },
            }
            if (scenario.creates) {
              current = (await verifyInvariants(db, fixture)).entries
              row.keysGapFree = true
            }
            sizeResult.scenarios.push(row)
            const spread =
              runs.length > 1
                ? ` (median of ${runs.length}: ${runs.map((r) => Math.round(r.result.rps)).join(', ')})`
                : ''
            log(
              `${name} ${size}: ${(scenario.name + label(variant)).padEnd(24)} ${Math.round(result.rps).toString().padStart(6)}/s ` +
                `(x${row.ratio.rps.toFixed(2)}) p50 ${result.p50.toFixed(2)} ms p99 ${result.p99.toFixed(2)} ms rss ${rssMiB ?? '?'} MiB` +
                spread +
                (result.failures > 0 ? ` FAILURES ${result.failures}` : ''),
            )
          }
        } finally {
          await server.stop()
        }
      }

      const settle = async () => {
        const started = performance.now()
        await writer!.settle()
        log(
          `${name} ${size}: settled (VACUUM ANALYZE / WAL checkpoint) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        )
      }
      // Fresh from the bulk load, as an imported database first serves: no VACUUM, no checkpoint yet.
      await serve(benchEnv(options), chosen(options.unsettledScenarios), 'no-vacuum')
      await settle()
      await serve(benchEnv(options), chosen(), 'standard')
      await serve(DEFAULTS_ENV, chosen(options.defaultsScenarios), 'defaults')
      results.push(sizeResult)
    }
  } finally {
    await writer?.close()
    await db.close()
    await database.drop()
  }
  return { sizes: results, facts }
}

export async function runBench(options: BenchOptions, log: Log = (m) => console.error(m)): Promise<BenchResults> {
  const started = performance.now()
  const startedAt = new Date().toISOString()
  ensureBuilt(log)
  const machine = await machineInfo(options.databases, options.postgresAdminUrl)
  const sizes: SizeResult[] = []
  const facts: BenchResults['facts'] = {}
  for (const name of options.databases) {
    const run = await runDatabase(name, options, log)
    sizes.push(...run.sizes)
    facts[name] = run.facts
  }
  return {
    options,
    machine,
    facts,
    startedAt,
    wallS: (performance.now() - started) / 1000,
    loadAtEnd: Math.round(os.loadavg()[0]! * 100) / 100,
    sizes,
  }
}
