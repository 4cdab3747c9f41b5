import assert from 'node:assert/strict'
import { connect } from 'node:net'
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

/** Sends `text` as is over a new connection; returns status, headers and parsed body of the answer. */
async function rawExchange(url: string, text: string): Promise<ApiResponse> {
  const { port } = new URL(url)
  const socket = connect(Number(port), '127.0.0.1')
  let received = ''
  socket.on('data', (chunk) => (received += chunk.toString()))
  const closed = new Promise((resolve) => socket.on('close', resolve))
  socket.write(text)
  await closed
  const [head = '', body = ''] = received.split('\r\n\r\n')
  const lines = head.split('\r\n')
  const headers = new Headers(lines.slice(1).map((line) => line.split(/:\s*/, 2) as [string, string]))
  return { status: Number(lines[0]?.split(' ')[1]), headers, text: body, body: JSON.parse(body) }
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
      const res = await api().request('POST', '/v1/users', {
        raw: '{"name": "x",',
        headers: { 'content-type': 'application/json' },
      })
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
    it('400 for a URL with broken percent-encoding (found by the fuzzer: Fastify answered its own body)', async () => {
      assertErrorShape(await api().get('/v1/users/%'), 400, 'bad_request')
      assertErrorShape(await api().get('/v1/users/%C0%AF'), 400, 'bad_request')
      assertErrorShape(await api().get('/v1/%zz'), 400, 'bad_request')
    })
    it('404 for a path segment longer than any id (found by the fuzzer: Fastify answered 414 with its own body)', async () => {
      assertErrorShape(await api().get(`/v1/users/${'a'.repeat(201)}`), 404, 'not_found')
    })
    it('answers requests Node cannot parse in the error shape, and closes the connection', async () => {
      const garbled = await rawExchange(server.url, 'GET /v1/users HTTP/1.1\r\nHost: x\r\nNot a header line\r\n\r\n')
      assertErrorShape(garbled, 400, 'bad_request')
      const huge = await rawExchange(
        server.url,
        `GET /v1/users HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      )
      assertErrorShape(huge, 431, 'headers_too_large')
    })
    it('422 for text that cannot be stored as sent, in the body or the query, and nothing stored (found by the fuzzer)', async () => {
      const before = (await api().get('/v1/users')).body.pagination.total_count
      // NUL was a 500 on PostgreSQL; an unpaired surrogate was stored as U+FFFD on both databases.
      for (const name of ['a\u0000b', 'a\ud800b', '\udc00', 'x\ud83d']) {
        const res = await api().post('/v1/users', { name, email: 'odd-text@example.com' })
        assertErrorShape(res, 422, 'validation_failed')
        assert.deepEqual(res.body.details, [
          { field: 'name', code: 'invalid_characters', message: 'contains a NUL character or an unpaired surrogate' },
        ])
      }
      assertErrorShape(await api().get('/v1/users?updated_after=1&note=a%00b'), 422, 'validation_failed')
      assert.equal((await api().get('/v1/users')).body.pagination.total_count, before)
      // Paired surrogates (emoji), other controls and right-to-left text are stored and read back exactly.
      const name = '\u{1F600} \u202eabc\u200b 田中 \u0001'
      const made = await api().post('/v1/users', { name, email: 'odd-but-fine@example.com' })
      assert.equal(made.status, 201, made.text)
      assert.equal((await api().get(`/v1/users/${made.body.id}`)).body.name, name)
    })
    it('413 for a body over the limit', async () => {
      const res = await api().post('/v1/users', { name: 'x'.repeat(10_000), email: 'big@example.com' })
      assertErrorShape(res, 413, 'payload_too_large')
    })
    it('415 for a write that is not JSON', async () => {
      assertErrorShape(
        await api().request('POST', '/v1/users', {
          raw: 'name=x',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
        415,
        'unsupported_media_type',
      )
      assertErrorShape(
        await api().request('POST', '/v1/users', { raw: 'hello', headers: { 'content-type': 'text/plain' } }),
        415,
        'unsupported_media_type',
      )
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
      assertErrorShape(
        await api().request('POST', '/v1/users', { headers: { 'content-type': 'application/json' } }),
        422,
        'validation_failed',
      )
    })
    it('422 with a Rails-style phrase for a taken email', async () => {
      assert.equal((await api().post('/v1/users', { name: 'A', email: 'dup@example.com' })).status, 201)
      const res = await api().post('/v1/users', { name: 'B', email: 'DUP@example.com' })
      assertErrorShape(res, 422, 'validation_failed')
      assert.ok(res.text.includes('has already been taken'))
      assert.deepEqual(res.body.details, [{ field: 'email', code: 'taken', message: 'has already been taken' }])
    })
    it('does not fail a GET or DELETE that sends Content-Type: application/json and no body', async () => {
      const res = await api().get('/v1/users', {
        headers: { 'content-type': 'application/json', accept: 'application/json' },
      })
      assert.equal(res.status, 200)
      const del = await api().request('DELETE', '/v1/users/NoSuchUser1', {
        headers: { 'content-type': 'application/json' },
      })
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
