import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { TEST_DATABASES } from '../support/databases.js'
import { client } from '../support/client.js'
import { startTestServer, type TestServer } from '../support/server.js'

const BODY_LIMIT = 4096

for (const database of TEST_DATABASES) {
  describe(`${database.name}: authentication`, () => {
    let server: TestServer
    before(async () => {
      // A small body limit, so an oversized body costs little to send.
      server = await startTestServer(database, { env: { RAPPORT_BODY_LIMIT: String(BODY_LIMIT) } })
    })
    after(async () => server?.close())

    const expect401 = async (headers: Record<string, string> | null, path = '/v1/users') => {
      const res = await client(server, null).get(path, { headers: headers ?? {} })
      assert.equal(res.status, 401, res.text)
      assert.equal(res.body.status, 401)
      assert.equal(res.body.code, 'unauthorized')
      assert.equal(typeof res.body.message, 'string')
      assert.equal(typeof res.body.request_id, 'string')
    }

    it('answers 401 without an Authorization header', async () => expect401(null))
    it('answers 401 for a malformed header', async () => {
      await expect401({ authorization: server.workspace.key }) // no Bearer
      await expect401({ authorization: 'Bearer' })
      await expect401({ authorization: 'Basic dXNlcjpwYXNz' })
      await expect401({ authorization: 'Bearer short' })
      await expect401({ authorization: `Bearer ${'x'.repeat(300)}` })
    })
    it('answers 401 for an unknown key', async () =>
      expect401({ authorization: 'Bearer rpk_thisKeyDoesNotExistAnywhere000' }))
    it('answers 401 on POST too, before reading the body: a malformed or oversized body is never looked at', async () => {
      const bodies = [
        { what: 'malformed JSON', raw: '{"name": "x", "email": ', read: 400 },
        { what: 'a body over the limit', raw: JSON.stringify({ name: 'x'.repeat(4 * BODY_LIMIT) }), read: 413 },
      ]
      const post = (key: string, raw: string) =>
        client(server, key).request('POST', '/v1/users', { raw, headers: { 'content-type': 'application/json' } })
      for (const { what, raw, read } of bodies) {
        // With a valid key the body is read, and refused for what it is: so a 401 cannot come from reading it.
        assert.equal((await post(server.workspace.key, raw)).status, read, `${what}, read`)
        const res = await post('rpk_thisKeyDoesNotExistAnywhere000', raw)
        assert.equal(res.status, 401, `${what}: ${res.text.slice(0, 200)}`)
        assert.equal(res.body.code, 'unauthorized')
      }
    })
    it('accepts the key case-insensitively on the scheme (bearer)', async () => {
      const res = await client(server, null).get('/v1/users', {
        headers: { authorization: `bearer ${server.workspace.key}` },
      })
      assert.equal(res.status, 200)
    })
    it('fails a revoked key from the very next request', async () => {
      const made = await server.services.workspaces.createKey(server.workspace.id, { name: 'to revoke' })
      const api = client(server, made.key)
      assert.equal((await api.get('/v1/users')).status, 200)
      await server.services.workspaces.revokeKey(server.workspace.id, made.record.id)
      const res = await api.get('/v1/users')
      assert.equal(res.status, 401)
      assert.match(res.body.message, /revoked/)
    })
    it('stores only a hash of each key', async () => {
      const made = await server.services.workspaces.createKey(server.workspace.id)
      const rows = await server.db.kysely.selectFrom('api_keys').selectAll().execute()
      const text = JSON.stringify(rows)
      assert.ok(!text.includes(made.key), 'the key itself is stored')
      assert.ok(!text.includes(server.workspace.key))
      assert.ok(rows.every((r) => /^[0-9a-f]{64}$/.test(r.key_hash)))
    })
    it('seeds an exact key and refuses a clash', async () => {
      const seeded = 'my-ci-key-0123456789-abcdefghijklmn'
      await server.services.workspaces.createKey(server.workspace.id, { key: seeded })
      assert.equal((await client(server, seeded).get('/v1/users')).status, 200)
      await assert.rejects(
        server.services.workspaces.createKey(server.workspace.id, { key: seeded }),
        /already been taken/,
      )
    })
    it('needs no key for /healthz, /openapi.json and /docs', async () => {
      const api = client(server, null)
      assert.equal((await api.get('/healthz')).status, 200)
      assert.equal((await api.get('/openapi.json')).status, 200)
      assert.equal((await api.get('/docs')).status, 200)
    })
  })
}
