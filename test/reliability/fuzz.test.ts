// The hostile-input fuzzer over every operation of the running server's OpenAPI document: property-based
// requests (fast-check) with malformed JSON, wrong types, huge and deep bodies, odd Unicode, SQL and
// script fragments, bad path ids, bad query parameters, odd headers and bad keys, checked for no 5xx,
// the error shape on every 4xx, no write from a rejected request, and writes that read back as answered
// (support/fuzzer.ts). FUZZ_RUNS (cases per database) and FUZZ_SEED (replay a failure) tune it; see
// docs/reliability.md.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { TEST_DATABASES } from '../support/databases.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { Fuzzer } from './support/fuzzer.js'
import { closeRawClient } from './support/raw-client.js'
import { WALK_SERVER_ENV } from './support/records.js'

/** Cases per database in a normal run, spread over the operations. */
const DEFAULT_RUNS = 2000
/** No operation gets fewer, however many there are. */
const MIN_RUNS_PER_OPERATION = 40
const RUNS = Number(process.env.FUZZ_RUNS ?? DEFAULT_RUNS)
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED)
/** Generous for a large on-demand run (a case takes a few milliseconds), instead of the runner's 10 minutes. */
const TIMEOUT_MS = Math.max(600_000, RUNS * 50)

after(() => closeRawClient())

for (const database of TEST_DATABASES) {
  describe(`${database.name}: hostile-input fuzzer`, { timeout: TIMEOUT_MS }, () => {
    let server: TestServer
    let fuzzer: Fuzzer
    before(async () => {
      server = await startTestServer(database, { env: WALK_SERVER_ENV })
      fuzzer = await Fuzzer.prepare(server)
    })
    after(async () => server?.close())

    it('finds no 5xx, only well-formed 4xx, no write from a rejected request, on every operation', {
      timeout: TIMEOUT_MS,
    }, async (t) => {
      const { ops, stats } = fuzzer
      assert.ok(
        ops.some((op) => op.path.startsWith('/v1')),
        'the document lists /v1 operations',
      )
      const perOperation = Math.max(MIN_RUNS_PER_OPERATION, Math.floor(RUNS / ops.length))
      for (const op of ops) await t.test(`${op.method} ${op.path}`, () => fuzzer.fuzzOperation(op, perOperation, SEED))
      const unresolved = fuzzer.unresolved()
      t.diagnostic(
        `${database.name}: ${stats.cases} cases over ${ops.length} operations (${perOperation} each), ${stats.serverErrors} 5xx`,
      )
      t.diagnostic(`statuses ${JSON.stringify(Object.fromEntries([...stats.byStatus].sort(([a], [b]) => a - b)))}`)
      t.diagnostic(`kinds ${JSON.stringify(Object.fromEntries(stats.byKind))}`)
      t.diagnostic(
        unresolved.length > 0
          ? `fuzzed with bad ids only (no real record): ${unresolved.join(', ')}`
          : 'real ids for every path',
      )
      assert.equal(stats.serverErrors, 0)
    })
  })
}
