// Conditional requests walked over the running server's OpenAPI document, so every route is covered,
// including routes added later: every `/v1` GET (objects and pages) sends a strong ETag and answers
// If-None-Match with a 304; every PATCH and DELETE that documents If-Match answers a stale tag with a
// 412 and changes nothing stored, and goes through with the current tag of the object it changes. The
// behaviour in detail (which changes move an ETag, the race) is in test/app/conditional-requests.test.ts.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { client, type ApiClient } from '../support/client.js'
import { TEST_DATABASES } from '../support/databases.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { describeChange, fingerprint } from './support/fingerprint.js'
import { isList } from './support/isolation-walk.js'
import {
  fetchDocument,
  fillPath,
  operations,
  successStatus,
  type ApiDocument,
  type Operation,
} from './support/openapi.js'
import { Records } from './support/records.js'

const STALE = '"a-version-that-never-was"'

/** Whether the document gives `op` the header parameter `component` (`#/components/parameters/<component>`). */
function documents(doc: ApiDocument, op: Operation, component: string): boolean {
  const raw = doc.paths[op.path]?.[op.method.toLowerCase()] as { parameters?: Array<{ $ref?: string }> } | undefined
  return (raw?.parameters ?? []).some((p) => p.$ref === `#/components/parameters/${component}`)
}

/** The path of the GET showing what `path` changes: itself, or its parent for a named last part. */
function shownAt(doc: ApiDocument, path: string): string {
  if (doc.paths[path]?.get !== undefined) return path
  return path.slice(0, path.lastIndexOf('/'))
}

for (const database of TEST_DATABASES) {
  describe(`${database.name}: conditional requests on every route`, () => {
    let server: TestServer
    let doc: ApiDocument
    let ops: Operation[]
    let records: Records
    let api: ApiClient
    before(async () => {
      server = await startTestServer(database)
      doc = await fetchDocument(server)
      ops = operations(doc).filter((op) => op.path.startsWith('/v1'))
      records = new Records(server, server.workspace.key, ops)
      api = client(server, server.workspace.key)
    })
    after(async () => server?.close())

    it('sends an ETag on every GET and answers If-None-Match with 304', async (t) => {
      const gets = ops.filter((op) => op.method === 'GET')
      for (const op of gets) {
        assert.ok(documents(doc, op, 'IfNoneMatch'), `GET ${op.path} documents If-None-Match`)
        const path = fillPath(op.path, await records.paramsFor(op.path))
        const url = isList(op) ? `${path}?first=100` : path
        const res = await api.get(url)
        assert.equal(res.status, 200, `GET ${url}: ${res.text.slice(0, 300)}`)
        const etag = res.headers.get('etag')
        assert.match(etag ?? '', /^"[A-Za-z0-9_-]{43}"$/, `GET ${url} ETag`)
        const again = await api.get(url, { headers: { 'if-none-match': etag! } })
        assert.equal(again.status, 304, `GET ${url} with If-None-Match`)
        assert.equal(again.text, '')
      }
      t.diagnostic(`${database.name}: ${gets.length} GET routes`)
      assert.ok(gets.length > 10)
    })

    it('answers a stale If-Match with 412 and changes nothing, and applies the write with the current one', async (t) => {
      const writes = ops.filter((op) => op.method === 'PATCH' || op.method === 'DELETE')
      const conditional = writes.filter((op) => documents(doc, op, 'IfMatch'))
      let applied = 0
      for (const op of conditional) {
        const values = await records.paramsFor(op.path, { fresh: true })
        const path = fillPath(op.path, values)
        const body = await records.bodyFor(op, values)
        const before = await fingerprint(server.db)
        const stale = await api.request(op.method, path, { body, headers: { 'if-match': STALE } })
        assert.equal(stale.status, 412, `${op.method} ${path} with a stale If-Match: ${stale.text.slice(0, 300)}`)
        assert.equal(stale.body.code, 'precondition_failed')
        const after = await fingerprint(server.db)
        assert.equal(after.hash, before.hash, `${op.method} ${path} changed: ${describeChange(before, after)}`)
        const shown = fillPath(shownAt(doc, op.path), values)
        const current = (await api.get(shown)).headers.get('etag')
        assert.ok(current, `GET ${shown} has an ETag`)
        // The stale tag got its 412, so the body passed validation: anything but a 412 now (a documented
        // example may still break a rule of this workspace, a 422 checked after the tag) shows it held.
        const res = await api.request(op.method, path, { body, headers: { 'if-match': current } })
        assert.ok(
          res.status !== 412 && res.status < 500,
          `${op.method} ${path} with the current ETag of ${shown}: ${res.status} ${res.text.slice(0, 300)}`,
        )
        if (res.status === successStatus(op)) applied++
      }
      // Only writes whose object no GET shows ignore If-Match (removing a connection).
      const without = writes.filter((op) => !conditional.includes(op)).map((op) => `${op.method} ${op.path}`)
      assert.deepEqual(without, ['DELETE /v1/lists/{id}/connections/{connection_id}'])
      t.diagnostic(
        `${database.name}: ${conditional.length} conditional writes, ${applied} applied with their example body`,
      )
      assert.ok(applied >= conditional.length / 2, 'most writes went through, or the walk proves little')
    })
  })
}
