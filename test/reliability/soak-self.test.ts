// Proof that the soak's leak detector can fail: the soak server, made to leak on purpose (SOAK_LEAK in
// support/soak-server.ts), is run for a short soak and judged by the same judgeSoak as the real soak,
// which must name the leak. Runs on one database: what leaks here is the process, not the database.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { TEST_DATABASES } from '../support/databases.js'
import { judgeSoak, runSoak } from './support/soak-run.js'

/** Long enough for the judged part of the run to hold well over five samples. */
const SECONDS = 10

const database = TEST_DATABASES[0]
if (database) {
  describe(`${database.name}: the soak's leak detector on a leaking server`, { timeout: 180_000 }, () => {
    it('reports a heap that grows with every request', async () => {
      const { figures, problems } = judgeSoak(
        await runSoak(database, SECONDS, { SOAK_LEAK: 'heap' }),
        'heap leak',
        SECONDS,
      )
      assert.ok(
        problems.some((p) => p.startsWith('the heap grows')),
        `not reported:\n${problems.join('\n')}\n${figures.join('\n')}`,
      )
    })
    it('reports timers started under load and never stopped', async () => {
      const { figures, problems } = judgeSoak(
        await runSoak(database, SECONDS, { SOAK_LEAK: 'handles' }),
        'handle leak',
        SECONDS,
      )
      assert.ok(
        problems.some((p) => p.startsWith('handles grow under load')) &&
          problems.some((p) => p === 'handles outlive the load'),
        `not reported:\n${problems.join('\n')}\n${figures.join('\n')}`,
      )
    })
  })
}
