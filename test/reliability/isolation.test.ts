// The isolation walker over every route of the running server's OpenAPI document (see
// support/isolation-walk.ts): a key of workspace A pointed at ids of workspace B gets 404 everywhere,
// including nested ids and `*_id` filters, and A's lists never show B's ids. It fails when a `/v1`
// route with a path parameter has no way to get an id (add a recipe in support/records.ts), so a new
// resource cannot escape it. The figures are printed as test diagnostics.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { TEST_DATABASES } from '../support/databases.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { IsolationWalk } from './support/isolation-walk.js'
import { closeRawClient } from './support/raw-client.js'
import { WALK_SERVER_ENV } from './support/records.js'

after(() => closeRawClient())

for (const database of TEST_DATABASES) {
  describe(`${database.name}: isolation walker`, () => {
    let server: TestServer
    let walk: IsolationWalk
    before(async () => {
      server = await startTestServer(database, { env: WALK_SERVER_ENV })
      walk = await IsolationWalk.prepare(server)
    })
    after(async () => server?.close())

    it('can give every /v1 route with a path parameter real ids, in both workspaces', () => {
      assert.ok(
        walk.ops.some((op) => op.pathParams.length > 0),
        'the document has /v1 routes with path parameters',
      )
      assert.deepEqual(
        walk.unreachable,
        [],
        `no way to get ids for these routes; add a recipe in test/reliability/support/records.ts\n${walk.failures()}`,
      )
    })
    it('answers 404 to A for every id of B, on every route with a path parameter, and changes nothing', async (t) => {
      const { operations, probes } = await walk.probePathIds()
      t.diagnostic(
        `${database.name}: ${operations} operations with path parameters, ${probes} probes with ids of B, all refused`,
      )
    })
    it("never answers A's filters on ids of B with B's rows", async (t) => {
      t.diagnostic(`${database.name}: ${await walk.probeFilters()} filter parameters given ids of B`)
    })
    it("never shows an id of B in A's lists and reads", async (t) => {
      const { lists, reads } = await walk.probeLists()
      t.diagnostic(`${database.name}: ${lists} lists and ${reads} reads of A checked for ids of B`)
      assert.ok(lists > 0)
    })
  })
}
