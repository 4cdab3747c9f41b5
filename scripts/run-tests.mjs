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
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', `--test-concurrency=${concurrency}`, '--test-timeout=600000', ...files],
  { stdio: 'inherit' },
)
process.exit(result.status ?? 1)
