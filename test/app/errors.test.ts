import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { TEST_DATABASES } from '../support/databases.js'
import { client, type ApiResponse } from '../support/client.js'
import { startTestServer, type TestServer } from '../support/server.js'

function assertErrorShape(res: ApiResponse, status: number, code: string): void {
  assert.equal(res.status, status, res.text)
  assert.match(res.headers.get('content-type') ?? '', /application\/json/)
  assert.equal(res.body.status, status)
  assert.equal(res.body.code, code)
  assert.equal(typeof res.body.message, 'string')
  assert.ok(res.body.message.length > 0)
  assert.match(res.body.request_id, /^req-/)
  assert.equal(res.headers.get('x-request-id'), res.body.request_id)
  assert.ok(!/at .*\.(ts|js):\d+/.test(res.text), 'a stack trace reached the client')
}

for (const database of TEST_DATABASES) {
  describe(`${database.name}: errors`, () => {
    let server: TestServer
    before(async () => {
      server = await startTestServer(database, { env: { RAPPORT_BODY_LIMIT: '4096' } })
    })
    after(async () => server?.close())
    const api = () => client(server, server.workspace.key)

    it('400 for malformed JSON', async () => {
      const res = await api().request('POST', '/v1/users', { raw: '{"name": "x",', headers: { 'content-type': 'application/json' } })
      assertErrorShape(res, 400, 'malformed_json')
    })
    it('401 for a missing key', async () => {
      assertErrorShape(await client(server, null).get('/v1/users'), 401, 'unauthorized')
    })
    it('404 for an unknown id and for an id that cannot be one', async () => {
      assertErrorShape(await api().get('/v1/users/NoSuchUser1'), 404, 'not_found')
      assertErrorShape(await api().get('/v1/users/not-an-id!'), 404, 'not_found')
    })
    it('404 for an unknown route, with or without /v1', async () => {
      assertErrorShape(await api().get('/v1/nothing-here'), 404, 'not_found')
      assertErrorShape(await api().get('/nothing-here'), 404, 'not_found')
      assertErrorShape(await api().request('PUT', '/v1/users'), 404, 'not_found')
    })
    it('413 for a body over the limit', async () => {
      const res = await api().post('/v1/users', { name: 'x'.repeat(10_000), email: 'big@example.com' })
      assertErrorShape(res, 413, 'payload_too_large')
    })
    it('415 for a write that is not JSON', async () => {
      assertErrorShape(await api().request('POST', '/v1/users', { raw: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported_media_type')
      assertErrorShape(await api().request('POST', '/v1/users', { raw: 'hello', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type')
    })
    it('422 with per-field details for a body that breaks the schema', async () => {
      const res = await api().post('/v1/users', { name: 5 })
      assertErrorShape(res, 422, 'validation_failed')
      const fields = res.body.details.map((d: { field: string }) => d.field).sort()
      assert.deepEqual(fields, ['email', 'name'])
      for (const detail of res.body.details) {
        assert.equal(typeof detail.code, 'string')
        assert.equal(typeof detail.message, 'string')
      }
    })
    it('422 for a body that is not an object', async () => {
      assertErrorShape(await api().post('/v1/users', [1, 2]), 422, 'validation_failed')
      assertErrorShape(await api().post('/v1/users', 'text'), 422, 'validation_failed')
      assertErrorShape(await api().request('POST', '/v1/users', { headers: { 'content-type': 'application/json' } }), 422, 'validation_failed')
    })
    it('422 with a Rails-style phrase for a taken email', async () => {
      assert.equal((await api().post('/v1/users', { name: 'A', email: 'dup@example.com' })).status, 201)
      const res = await api().post('/v1/users', { name: 'B', email: 'DUP@example.com' })
      assertErrorShape(res, 422, 'validation_failed')
      assert.ok(res.text.includes('has already been taken'))
      assert.deepEqual(res.body.details, [{ field: 'email', code: 'taken', message: 'has already been taken' }])
    })
    it('does not fail a GET or DELETE that sends Content-Type: application/json and no body', async () => {
      const res = await api().get('/v1/users', { headers: { 'content-type': 'application/json', accept: 'application/json' } })
      assert.equal(res.status, 200)
      const del = await api().request('DELETE', '/v1/users/NoSuchUser1', { headers: { 'content-type': 'application/json' } })
      assert.equal(del.status, 404) // not 400: the empty body is fine, the route is what is missing
    })
    it('passes a client request id through', async () => {
      const res = await api().get('/v1/users', { headers: { 'x-request-id': 'client-abc-123' } })
      assert.equal(res.headers.get('x-request-id'), 'client-abc-123')
    })
    it('changes nothing when a request is refused', async () => {
      const before = (await api().get('/v1/users')).body.pagination.total_count
      await api().post('/v1/users', { name: '', email: 'not-an-email' })
      await api().post('/v1/users', { name: 'ok' })
      assert.equal((await api().get('/v1/users')).body.pagination.total_count, before)
    })
  })
}
