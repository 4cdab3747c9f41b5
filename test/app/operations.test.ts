import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { TEST_DATABASES } from '../support/databases.js'
import { client } from '../support/client.js'
import { startTestServer, type TestServer } from '../support/server.js'

for (const database of TEST_DATABASES) {
  describe(`${database.name}: health, OpenAPI and docs`, () => {
    let server: TestServer
    before(async () => {
      server = await startTestServer(database)
    })
    after(async () => server?.close())

    it('reports health with the database it checked', async () => {
      const res = await client(server, null).get('/healthz')
      assert.deepEqual(res.body, { status: 'ok', database: database.name })
    })
    it('serves an OpenAPI 3.1 document covering every /v1 route with its errors', async () => {
      const { body: doc } = await client(server, null).get('/openapi.json')
      assert.equal(doc.openapi, '3.1.0')
      assert.ok(doc.components.schemas.ErrorBody, 'the error body is a named schema')
      assert.deepEqual(doc.components.securitySchemes.bearerKey, {
        type: 'http',
        scheme: 'bearer',
        description: 'An API key',
      })
      assert.equal(doc.components.securitySchemes.sessionCookie.in, 'cookie')
      assert.equal(doc.components.securitySchemes.sessionCookie.name, 'rapport_session')
      assert.deepEqual(doc.security, [{ bearerKey: [] }, { sessionCookie: [] }])
      const open = Object.entries<Record<string, any>>(doc.paths)
        .flatMap(([path, item]) => Object.entries<any>(item).map(([method, op]) => ({ path, method, op })))
        .filter(({ op }) => Array.isArray(op.security) && op.security.length === 0)
        .map(({ method, path }) => `${method.toUpperCase()} ${path}`)
      assert.deepEqual(open.sort(), ['GET /healthz', 'POST /v1/sessions', 'POST /v1/setup', 'POST /v1/setup/lookup'])
      const routes = server.app.printRoutes({ commonPrefix: false })
      let operations = 0
      for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
        if (!path.startsWith('/v1')) continue
        for (const [method, op] of Object.entries<any>(item)) {
          operations++
          assert.ok(op.summary, `${method} ${path} has a summary`)
          // `security: []`: a route that needs no credential (signing in, setup links) has no 401 to document.
          const open = Array.isArray(op.security) && op.security.length === 0
          if (!open) assert.ok(op.responses['401'], `${method} ${path} documents 401`)
          const success = Object.keys(op.responses).filter((s) => s.startsWith('2'))
          assert.equal(success.length, 1, `${method} ${path} documents one success status`)
          if (path.includes('{')) assert.ok(op.responses['404'], `${method} ${path} documents 404`)
          if (op.requestBody)
            assert.ok(
              op.responses['422'] && op.responses['415'] && op.responses['400'],
              `${method} ${path} documents body errors`,
            )
        }
      }
      assert.ok(operations >= 3, `only ${operations} operations documented`)
      assert.ok(routes.includes('/v1/users'))
    })
    it('names every operation (operationId) and files it under a described tag, so clients can be generated', async () => {
      const { body: doc } = await client(server, null).get('/openapi.json')
      const described = new Map<string, string>(doc.tags.map((t: any) => [t.name, t.description]))
      const seen = new Map<string, string>()
      for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
        for (const [method, op] of Object.entries<any>(item)) {
          const where = `${method.toUpperCase()} ${path}`
          // The scheme (docs/decisions.md): camelCase verb + resource, e.g. listEntries, getEntry.
          assert.match(op.operationId ?? '', /^[a-z]+[A-Z][A-Za-z]*$/, `${where} has a camelCase operationId`)
          assert.equal(seen.get(op.operationId), undefined, `${where} reuses ${op.operationId}`)
          seen.set(op.operationId, where)
          assert.equal(op.tags?.length, 1, `${where} has one tag`)
          assert.ok(described.get(op.tags[0]), `${where}: tag ${op.tags[0]} is declared with a description`)
          // `list*` is kept for the paged lists (clients iterate them); every paged list is named so.
          const success = Object.keys(op.responses).find((s) => s.startsWith('2'))!
          const paged = op.responses[success].content?.['application/json']?.schema?.properties?.pagination
          assert.equal(
            op.operationId.startsWith('list'),
            Boolean(paged),
            `${where} (${op.operationId}): list* iff paged`,
          )
        }
      }
      assert.ok(seen.size >= 42, `only ${seen.size} operations`)
    })
    it('serves the interactive reference at /docs', async () => {
      const res = await client(server, null).get('/docs/')
      assert.equal(res.status, 200)
      assert.match(res.text, /swagger/i)
    })
  })
}
