// The whole benchmark run: for each database, a fresh workspace grown through the sizes; at each size the
// bare Fastify baseline is measured, then the Rapport server is started in its own process and driven
// through every scenario. Returns the figures; run.ts prints and writes them.
import os from 'node:os'
import type { DatabaseName } from '../src/db/dialect.js'
import type { BenchOptions } from './config.js'
import { createBenchDatabase } from './databases.js'
import { drive, type LoadSettings, type Measurement, type RequestSource } from './load/drive.js'
import { waitForIdle, type Watched } from './load/quiet.js'
import { watchRss } from './load/rss.js'
import { machineInfo, type MachineInfo } from './report/machine.js'
import { SCENARIOS, sampleEntries, type Scenario, type ScenarioContext } from './scenarios.js'
import { growTo, newSeedState } from './seed/grow.js'
import { prng } from './seed/rows.js'
import { verifyInvariants } from './seed/verify.js'
import { prepareWorkspace } from './seed/workspace.js'
import type { BulkWriter } from './seed/writers.js'
import { ensureBuilt } from './servers/build.js'
import { spawnBare, spawnRapport } from './servers/spawn.js'
import { runWebBench, type WebResult } from './web/web-bench.js'

export interface ScenarioResult extends Measurement {
  scenario: string
  title: string
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
  startedAt: string
  wallS: number
  /** 1-minute load average when the run ended. */
  loadAtEnd: number
  sizes: SizeResult[]
  /** The web block (the app in Chromium), per database; absent when it did not run. */
  web?: WebResult[]
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

async function runDatabase(name: DatabaseName, options: BenchOptions, log: Log): Promise<SizeResult[]> {
  const database = await createBenchDatabase(name, options.postgresAdminUrl)
  const db = await database.open()
  const results: SizeResult[] = []
  let writer: BulkWriter | undefined
  try {
    const fixture = await prepareWorkspace(db)
    // Opened after the migrations, whose tables its statements name.
    writer = await database.writer()
    const state = newSeedState(options.sizes[options.sizes.length - 1]!)
    const random = prng(42)
    let current = 0
    for (const size of options.sizes) {
      const seedStart = performance.now()
      const added = await growTo(writer, fixture, state, current, size)
      await writer.settle()
      current = (await verifyInvariants(db, fixture)).entries
      const seedS = (performance.now() - seedStart) / 1000
      log(`${name} ${size}: seeded ${added} entries in ${seedS.toFixed(1)} s (${current} in the list, invariants hold)`)

      const bare = await measureBare(options)
      log(
        `${name} ${size}: bare Fastify ${Math.round(bare.rps)} req/s, p50 ${bare.p50.toFixed(2)} ms, p99 ${bare.p99.toFixed(2)} ms`,
      )
      const server = await spawnRapport({
        env: {
          ...database.env,
          RAPPORT_RATE_LIMIT: '0',
          LOG_LEVEL: options.logLevel,
          RAPPORT_DB_POOL_SIZE: String(options.connections),
        },
      })
      const sizeResult: SizeResult = { database: name, size: current, seedS, bare, scenarios: [] }
      try {
        const sample = await sampleEntries(db, fixture)
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
        for (const scenario of SCENARIOS) {
          if (options.scenarios.length > 0 && !options.scenarios.includes(scenario.name)) continue
          const ctx: ScenarioContext = { fixture, total: current, sample, orgIds: state.orgIds, random }
          await probe(server.url, fixture.apiKey, scenario, ctx)
          const { result, rssMiB } = await measure(settings, options.warmupS, scenario.requests(ctx), watched)
          const row: ScenarioResult = {
            ...result,
            scenario: scenario.name,
            title: scenario.title,
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
          log(
            `${name} ${size}: ${scenario.name.padEnd(13)} ${Math.round(result.rps).toString().padStart(6)}/s ` +
              `(x${row.ratio.rps.toFixed(2)}) p50 ${result.p50.toFixed(2)} ms p99 ${result.p99.toFixed(2)} ms rss ${rssMiB ?? '?'} MiB` +
              (result.failures > 0 ? ` FAILURES ${result.failures}` : ''),
          )
        }
      } finally {
        await server.stop()
      }
      results.push(sizeResult)
    }
  } finally {
    await writer?.close()
    await db.close()
    await database.drop()
  }
  return results
}

export async function runBench(options: BenchOptions, log: Log = (m) => console.error(m)): Promise<BenchResults> {
  const started = performance.now()
  const startedAt = new Date().toISOString()
  ensureBuilt(log)
  const machine = await machineInfo(options.databases, options.postgresAdminUrl)
  const sizes: SizeResult[] = []
  if (options.blocks.includes('api'))
    for (const name of options.databases) sizes.push(...(await runDatabase(name, options, log)))
  const web: WebResult[] = []
  if (options.blocks.includes('web'))
    for (const name of options.databases)
      web.push(await runWebBench(name, options.postgresAdminUrl, options.logLevel, options.web, log))
  return {
    options,
    machine,
    startedAt,
    wallS: (performance.now() - started) / 1000,
    loadAtEnd: Math.round(os.loadavg()[0]! * 100) / 100,
    sizes,
    ...(options.blocks.includes('web') ? { web } : {}),
  }
}
