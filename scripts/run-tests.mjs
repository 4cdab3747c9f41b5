#!/usr/bin/env node
// Runs the test files (all of test/**/*.test.ts, or the ones named) with Node's test runner and tsx.
// Files run in parallel, one process each, as many as there are cores.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'

function findTests(dir) {
  const found = []
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) {
      if (name !== 'support') found.push(...findTests(path))
    } else if (name.endsWith('.test.ts')) found.push(path)
  }
  return found
}

const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : findTests('test')
const concurrency = Number(process.env.RAPPORT_TEST_CONCURRENCY ?? Math.max(2, availableParallelism()))
// A file that runs longer than 10 minutes is stuck, in a normal run. The large runs on demand (see
// docs/reliability.md) are meant to take longer: their tests set timeouts that grow with these knobs,
// so with any of them set the runner adds no limit of its own per file.
const ON_DEMAND_KNOBS = [
  'FUZZ_RUNS',
  'SOAK_SECONDS',
  'CRASH_KILLS',
  'MP_SCALE',
  'MP_PROCESSES',
  'OUTAGE_MS',
  'WEBHOOK_CRASH_KILLS',
]
const onDemand = ON_DEMAND_KNOBS.some((name) => process.env[name] !== undefined)
const timeout = onDemand ? [] : ['--test-timeout=600000']
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', `--test-concurrency=${concurrency}`, ...timeout, ...files],
  { stdio: 'inherit' },
)
process.exit(result.status ?? 1)
