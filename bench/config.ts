// The benchmark's knobs, read from the environment once. Every knob has a default that makes the full
// run (10k, 100k and 1M entries on SQLite and PostgreSQL) fit in 15 minutes on the 2-core machine.
import type { DatabaseName } from '../src/db/dialect.js'

export interface BenchOptions {
  /** Entry counts to measure at, ascending; the workspace grows from one to the next. */
  sizes: number[]
  databases: DatabaseName[]
  /** Measured seconds per scenario. */
  durationS: number
  /** Seconds of the same load before each measurement, thrown away (JIT, caches, connections). */
  warmupS: number
  /** Concurrent keep-alive connections of the load generator. */
  connections: number
  /** Scenario names to run (all when empty). */
  scenarios: string[]
  /** Where the Markdown report goes; null: not written. */
  reportPath: string | null
  /** PostgreSQL server that throw-away benchmark databases are created on. */
  postgresAdminUrl: string
  /** Rapport's log level in the server process. */
  logLevel: string
  /** Scenarios measured again before the post-seed VACUUM / checkpoint, as a freshly loaded database serves them. */
  unsettledScenarios: string[]
  /** Scenarios measured again with the server's default configuration (limits on, info logs). */
  defaultsScenarios: string[]
  /**
   * A figure within this fraction of a target (e.g. 0.15: 15 %) is measured `repeats` times in all and
   * reported as the median run, with the spread of the runs.
   */
  nearTarget: number
  repeats: number
}

export const DEFAULT_SIZES = [10_000, 100_000, 1_000_000]

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

/** A size such as `10000`, `10k` or `1m`. */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text)
  if (!match) throw new Error(`BENCH_SIZES: not a size: ${text}`)
  const unit = match[2]!.toLowerCase()
  return Math.round(Number(match[1]) * (unit === 'k' ? 1e3 : unit === 'm' ? 1e6 : 1))
}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name}: expected a positive number, got ${value}`)
  return n
}

export function loadBenchOptions(env: Record<string, string | undefined> = process.env): BenchOptions {
  const sizes = env.BENCH_SIZES ? list(env.BENCH_SIZES).map(parseSize) : DEFAULT_SIZES
  if (sizes.some((s, i) => s <= 0 || (i > 0 && s <= sizes[i - 1]!)))
    throw new Error('BENCH_SIZES: sizes must be positive and ascending')
  const databases = (env.BENCH_DBS ? list(env.BENCH_DBS) : ['sqlite', 'postgres']) as DatabaseName[]
  for (const name of databases)
    if (name !== 'sqlite' && name !== 'postgres') throw new Error(`BENCH_DBS: unknown database ${name}`)
  return {
    sizes,
    databases,
    durationS: positive('BENCH_DURATION_S', env.BENCH_DURATION_S, 5),
    warmupS: env.BENCH_WARMUP_S === '0' ? 0 : positive('BENCH_WARMUP_S', env.BENCH_WARMUP_S, 1),
    connections: Math.round(positive('BENCH_CONNECTIONS', env.BENCH_CONNECTIONS, 10)),
    scenarios: list(env.BENCH_SCENARIOS),
    reportPath: env.BENCH_REPORT === '' || env.BENCH_REPORT === '0' ? null : (env.BENCH_REPORT ?? 'docs/benchmarks.md'),
    postgresAdminUrl: env.BENCH_POSTGRES_URL || env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
    logLevel: env.BENCH_LOG_LEVEL ?? 'warn',
    unsettledScenarios: env.BENCH_UNSETTLED === undefined ? ['list-first', 'filter-field'] : list(env.BENCH_UNSETTLED),
    defaultsScenarios: env.BENCH_DEFAULTS === undefined ? ['get'] : list(env.BENCH_DEFAULTS),
    nearTarget: env.BENCH_NEAR === '0' ? 0 : positive('BENCH_NEAR', env.BENCH_NEAR, 0.15),
    repeats: Math.round(positive('BENCH_REPEATS', env.BENCH_REPEATS, 3)),
  }
}
