// The soak: a bounded mixed load of members and entries (support/soak-load.ts) against a server in its
// own process (support/soak-server.ts), on each database, with its memory and handles sampled after full
// garbage collections (support/soak-run.ts). It fails on any wrong status or failed connection, on a
// growth trend of the heap or of the RSS, and on handles (sockets, timers, descriptors) that grow with the
// load or outlive it. soak-self.test.ts proves the detector catches a leak of each kind.
// SOAK_SECONDS sets the load time per database (default below; 600 for the on-demand 10-minute run).
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { TEST_DATABASES } from '../support/databases.js'
import { judgeSoak, runSoak } from './support/soak-run.js'

/** Load time per database in a normal run (and so in CI), in seconds. */
const DEFAULT_SECONDS = 60
const SECONDS = Number(process.env.SOAK_SECONDS ?? DEFAULT_SECONDS)
/** Overrides the runner's 10-minute default, so the on-demand run (SOAK_SECONDS=600) is not cut short. */
const TIMEOUT_MS = (SECONDS + 120) * 1000

for (const database of TEST_DATABASES) {
  describe(`${database.name}: soak`, { timeout: TIMEOUT_MS }, () => {
    it(`serves ${SECONDS} s of mixed load without an error, a growing heap or RSS, or leaked handles`, {
      timeout: TIMEOUT_MS,
    }, async (t) => {
      const run = await runSoak(database, SECONDS)
      const { figures, problems } = judgeSoak(run, database.name, SECONDS)
      for (const line of figures) t.diagnostic(line)
      assert.deepEqual(problems, [], figures.join('\n'))
    })
  })
}
