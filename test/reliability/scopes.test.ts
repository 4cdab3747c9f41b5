// Scoped API keys walked over the running server's OpenAPI document, so every route is covered,
// including routes added later: a `read` key is refused (403 insufficient_scope, in the error shape,
// nothing stored changed) on every write route and served on every GET; a key limited to some lists gets
// a 404 on every route naming another list, nothing changed, and sees only its lists where lists are
// listed. Keys are made through the same domain service as `rapport keys create --scope --lists`.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { client, type ApiClient, type ApiResponse } from '../support/client.js'
import { TEST_DATABASES } from '../support/databases.js'
import { createList, processBody } from '../support/seed.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { describeChange, fingerprint } from './support/fingerprint.js'
import { isList } from './support/isolation-walk.js'
import { fetchDocument, fillPath, operations, successStatus, type Operation } from './support/openapi.js'
import { Records } from './support/records.js'

const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])

function assertError(res: ApiResponse, status: number, code: string, what: string): void {
  assert.equal(res.status, status, `${what}: ${res.text.slice(0, 300)}`)
  assert.equal(res.body.status, status, `${what}: error shape`)
  assert.equal(res.body.code, code, what)
  assert.match(res.body.request_id, /^req-/)
}

for (const database of TEST_DATABASES) {
  describe(`${database.name}: scoped keys`, () => {
    let server: TestServer
    let ops: Operation[]
    let records: Records
    let api: ApiClient
    const keyWith = async (options: { scope?: string; listIds?: string[] }) =>
      client(server, (await server.services.workspaces.createKey(server.workspace.id, options)).key)
    before(async () => {
      server = await startTestServer(database)
      ops = operations(await fetchDocument(server)).filter((op) => op.path.startsWith('/v1'))
      records = new Records(server, server.workspace.key, ops)
      api = client(server, server.workspace.key)
    })
    after(async () => server?.close())

    it('refuses a read key on every write route with 403 insufficient_scope, changing nothing', async (t) => {
      const reader = await keyWith({ scope: 'read' })
      const writes = ops.filter((op) => WRITES.has(op.method))
      for (const op of writes) {
        const values = await records.paramsFor(op.path, { fresh: op.method === 'DELETE' })
        const path = fillPath(op.path, values)
        const body = await records.bodyFor(op, values)
        const before = await fingerprint(server.db)
        const res = await reader.request(op.method, path, { body, headers: { 'idempotency-key': `read-${path}` } })
        assertError(res, 403, 'insufficient_scope', `${op.method} ${path} with a read key`)
        assert.ok(op.statuses.includes('403'), `${op.method} ${op.path} documents its 403`)
        const after = await fingerprint(server.db)
        assert.equal(after.hash, before.hash, `${op.method} ${path}: ${describeChange(before, after)}`)
        // The same request with a read_write key is not refused: the 403 was the scope's.
        const control = await api.request(op.method, path, { body })
        assert.notEqual(control.status, 403, `${op.method} ${path} with a read_write key`)
      }
      t.diagnostic(`${database.name}: ${writes.length} write routes refused`)
      assert.ok(writes.length > 20)
    })

    it('serves a read key on every GET', async () => {
      const reader = await keyWith({ scope: 'read' })
      for (const op of ops.filter((o) => o.method === 'GET')) {
        const path = fillPath(op.path, await records.paramsFor(op.path))
        const res = await reader.get(isList(op) ? `${path}?first=5` : path)
        assert.equal(res.status, 200, `GET ${path} with a read key: ${res.text.slice(0, 300)}`)
      }
    })

    it('answers 404 to a key limited to some lists on every route naming another list, changing nothing', async (t) => {
      const listRoutes = ops.filter((op) => /^\/v1\/lists\/\{(id|list_id)\}/.test(op.path))
      let probes = 0
      for (const [n, op] of listRoutes.entries()) {
        const values = await records.paramsFor(op.path, { fresh: op.method === 'DELETE' })
        const listParam = op.path.startsWith('/v1/lists/{list_id}') ? 'list_id' : 'id'
        const allowed = await createList(api, processBody({ name: `Allowed ${n}`, identifier: `AL${n}` }))
        const limited = await keyWith({ listIds: [allowed.id] })
        const path = fillPath(op.path, values)
        const before = await fingerprint(server.db)
        const res = await limited.request(op.method, path, { body: await records.bodyFor(op, values) })
        assertError(res, 404, 'not_found', `${op.method} ${path} naming list ${values[listParam]} outside the key's`)
        const after = await fingerprint(server.db)
        assert.equal(after.hash, before.hash, `${op.method} ${path}: ${describeChange(before, after)}`)
        // The key for that very list is served.
        const own = await keyWith({ listIds: [values[listParam]!] })
        const control = await own.request(op.method, path, { body: await records.bodyFor(op, values) })
        assert.ok(
          control.status !== 404 && control.status < 500,
          `${op.method} ${path} with a key for that list: ${control.status} ${control.text.slice(0, 300)}`,
        )
        if (control.status === successStatus(op)) probes++
      }
      t.diagnostic(`${database.name}: ${listRoutes.length} routes under a list, ${probes} served to the list's key`)
      assert.ok(listRoutes.length >= 8 && probes >= listRoutes.length / 2)
    })

    it('shows a key limited to some lists only those lists, and the connections between them', async () => {
      const a = await createList(api, processBody({ name: 'A', identifier: 'AAA' }))
      const b = await createList(api, processBody({ name: 'B', identifier: 'BBB' }))
      const c = await createList(api, processBody({ name: 'C', identifier: 'CCC' }))
      const connect = (from: any, to: any, status: string) =>
        api.post(`/v1/lists/${from.id}/connections`, { from_status: status, to_list_id: to.id, to_status: 'Started' })
      assert.equal((await connect(a, b, 'Completed')).status, 201)
      assert.equal((await connect(a, c, 'Canceled')).status, 201)
      const limited = await keyWith({ listIds: [a.id, b.id] })

      const index = await limited.all<{ id: string }>('/v1/lists')
      assert.deepEqual(new Set(index.map((l) => l.id)), new Set([a.id, b.id]))
      const page = await limited.get('/v1/lists?first=1')
      assert.equal(page.body.pagination.total_count, 2)

      const connections = await limited.all<{ to_list_id: string }>(`/v1/lists/${a.id}/connections`)
      assert.deepEqual(
        connections.map((x) => x.to_list_id),
        [b.id],
      )
      const toC = await limited.post(`/v1/lists/${b.id}/connections`, {
        from_status: 'Completed',
        to_list_id: c.id,
        to_status: 'Started',
      })
      assertError(toC, 422, 'validation_failed', 'a connection to a list outside the key')
      assert.equal(toC.body.details[0].field, 'to_list_id')
      assert.ok(!toC.text.includes('"C"'))

      assertError(
        await limited.post('/v1/lists', processBody({ name: 'New', identifier: 'NEW' })),
        403,
        'insufficient_scope',
        'making a list with a key limited to some lists',
      )
      // Records are the workspace's: the limited key still reads and writes them.
      assert.equal((await limited.post('/v1/organizations', { name: 'Still allowed' })).status, 201)
    })
  })
}
