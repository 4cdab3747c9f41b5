// The hostile-input fuzzer over every operation of the running server's OpenAPI document: property-based
// requests (fast-check) with malformed JSON, wrong types, huge and deep bodies, odd Unicode, SQL and
// script fragments, bad path ids, bad query parameters, odd headers and bad keys, checked for no 5xx,
// the error shape on every 4xx, no write from a rejected request, writes that read back as answered, and
// every answer within a latency bound (support/fuzzer.ts); an operation it cannot give real ids fails it.
// The server runs with the default configuration: rate limits on (quotas the fuzzer never reaches),
// logging at info into a sink that must hold no error line. FUZZ_RUNS (cases per database) and FUZZ_SEED
// (replay a failure) tune it; see docs/reliability.md.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { TEST_DATABASES } from '../support/databases.js'
import { logSink, UNTRIPPED_LIMITS, type LogSink } from '../support/defaults.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { Fuzzer } from './support/fuzzer.js'
import { closeRawClient } from './support/raw-client.js'

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
    let log: LogSink
    before(async () => {
      // As users run it: limits on (quotas it never reaches), request timeout as by default, info logs.
      log = logSink()
      server = await startTestServer(database, { env: UNTRIPPED_LIMITS, logger: log.logger })
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
        `slowest answer ${Math.round(stats.slowestMs)} ms (bound ${fuzzer.latencyLimitMs} ms); ${stats.resent} cases over it once, then sent again`,
      )
      t.diagnostic(`${log.lines()} log lines at info, ${log.errors().length} at error`)
      assert.equal(stats.serverErrors, 0)
      assert.ok(log.lines() >= stats.cases, 'every request was logged')
      assert.deepEqual(log.errors(), [], 'the server logged errors')
      assert.ok((stats.byStatus.get(429) ?? 0) === 0, 'the rate limits tripped: raise the quotas')
      // An operation fuzzed with bad ids only never reaches its real code: add a recipe in support/records.ts.
      assert.deepEqual(unresolved, [], 'operations whose path ids could not be made real')
    })
  })
}
