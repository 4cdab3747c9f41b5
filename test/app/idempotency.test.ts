// Idempotency-Key over real HTTP on every database: a retry is answered with the first answer and
// changes nothing; the same key on another request is a 422; a retry while the first runs is a 409, also
// from a second server on the same database; answers survive a restart; 5xx answers are not kept.
//
// Two test-only routes under /v1 (behind the same plugins) make the timing exact: one waits until the
// test lets it go, one fails with a 500 on its first call.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import { buildApp } from '../../src/app.js'
import { openDatabase, type Db } from '../../src/db/dialect.js'
import { client, type ApiClient, type ApiResponse } from '../support/client.js'
import { TEST_DATABASES } from '../support/databases.js'
import { createOrganization } from '../support/seed.js'
import { startTestServer, type TestServer } from '../support/server.js'

let keys = 0
/** A fresh Idempotency-Key per use. */
const newKey = () => `test-key-${Date.now()}-${keys++}`
const keyed = (key: string) => ({ headers: { 'idempotency-key': key } })

/** A gate the test opens; `entered` resolves when a request is waiting at it. */
class Gate {
  entered!: Promise<void>
  #enter!: () => void
  #open!: () => void
  readonly opened: Promise<void>
  constructor() {
    this.entered = new Promise((resolve) => (this.#enter = resolve))
    this.opened = new Promise((resolve) => (this.#open = resolve))
  }
  async pass(): Promise<void> {
    this.#enter()
    await this.opened
  }
  open(): void {
    this.#open()
  }
}

/** What the test-only routes share with the test. */
const probe = { gate: new Gate(), calls: 0, failuresLeft: 0 }

const testRoutes: FastifyPluginAsync = async (v1) => {
  v1.post('/idempotency-probe/slow', async (_request, reply) => {
    probe.calls++
    await probe.gate.pass()
    return reply.code(201).send({ call: probe.calls })
  })
  v1.post('/idempotency-probe/flaky', async (_request, reply) => {
    probe.calls++
    if (probe.failuresLeft > 0) {
      probe.failuresLeft--
      throw new Error('failing on purpose')
    }
    return reply.code(201).send({ call: probe.calls })
  })
}

function assertError(res: ApiResponse, status: number, code: string): void {
  assert.equal(res.status, status, res.text)
  assert.equal(res.body.status, status)
  assert.equal(res.body.code, code)
  assert.match(res.body.request_id, /^req-/)
}

/** A second server on the same database, as another process of the deployment (or the same one restarted). */
async function startSibling(server: TestServer): Promise<{ url: string; app: FastifyInstance; db: Db }> {
  const { config } = server
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.RAPPORT_DATA_DIR })
  const app = await buildApp({ db, config, extraV1Routes: testRoutes })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  if (address === null || typeof address === 'string') throw new Error('no TCP address')
  return { url: `http://127.0.0.1:${address.port}`, app, db }
}

for (const database of TEST_DATABASES) {
  describe(`${database.name}: Idempotency-Key`, () => {
    let server: TestServer
    let api: ApiClient
    let orgId: string
    before(async () => {
      server = await startTestServer(database, { extraV1Routes: testRoutes })
      api = client(server, server.workspace.key)
      orgId = (await createOrganization(api, { name: 'Arrakis' })).id
    })
    after(async () => server?.close())

    const notesWith = async (body: string) =>
      (await api.all<{ body: string }>(`/v1/notes?organization_id=${orgId}`)).filter((n) => n.body === body)

    it('replays the first answer of a POST to a retry, marked Idempotent-Replayed, and creates once', async () => {
      const key = newKey()
      const body = { organization_id: orgId, body: 'Replayed note' }
      const first = await api.post('/v1/notes', body, keyed(key))
      assert.equal(first.status, 201, first.text)
      assert.equal(first.headers.get('idempotent-replayed'), null)
      const second = await api.post('/v1/notes', body, keyed(key))
      assert.equal(second.status, 201)
      assert.equal(second.headers.get('idempotent-replayed'), 'true')
      assert.equal(second.text, first.text, 'the very same body')
      assert.match(second.headers.get('content-type') ?? '', /^application\/json/)
      assert.notEqual(second.headers.get('x-request-id'), first.headers.get('x-request-id'))
      assert.equal((await notesWith('Replayed note')).length, 1)
    })

    it('treats a body with its keys in another order, or spaced differently, as the same request', async () => {
      const key = newKey()
      const first = await api.post('/v1/notes', { organization_id: orgId, body: 'Same value' }, keyed(key))
      assert.equal(first.status, 201)
      const raw = `{ "body" : "Same value",\n "organization_id": ${JSON.stringify(orgId)} }`
      const second = await api.request('POST', '/v1/notes', {
        raw,
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
      })
      assert.equal(second.headers.get('idempotent-replayed'), 'true', second.text)
      assert.equal(second.body.id, first.body.id)
    })

    it('replays a PATCH without applying it again', async () => {
      const note = (await api.post('/v1/notes', { organization_id: orgId, body: 'v1' })).body
      const key = newKey()
      const first = await api.patch(`/v1/notes/${note.id}`, { body: 'v2' }, keyed(key))
      assert.equal(first.status, 200)
      assert.equal((await api.patch(`/v1/notes/${note.id}`, { body: 'v3' })).status, 200)
      const retry = await api.patch(`/v1/notes/${note.id}`, { body: 'v2' }, keyed(key))
      assert.equal(retry.headers.get('idempotent-replayed'), 'true')
      assert.equal(retry.body.body, 'v2', 'the first answer')
      assert.equal((await api.get(`/v1/notes/${note.id}`)).body.body, 'v3', 'the retry changed nothing')
    })

    it('replays a client error too (the same request would fail the same way)', async () => {
      const key = newKey()
      const first = await api.post('/v1/notes', { organization_id: 'nosuchorg', body: 'x' }, keyed(key))
      assertError(first, 422, 'validation_failed')
      const second = await api.post('/v1/notes', { organization_id: 'nosuchorg', body: 'x' }, keyed(key))
      assert.equal(second.headers.get('idempotent-replayed'), 'true')
      assert.equal(second.text, first.text)
    })

    it('answers 422 idempotency_key_reused to the same key on another body, path or method', async () => {
      const key = newKey()
      const note = await api.post('/v1/notes', { organization_id: orgId, body: 'Original' }, keyed(key))
      assert.equal(note.status, 201)
      assertError(
        await api.post('/v1/notes', { organization_id: orgId, body: 'Other' }, keyed(key)),
        422,
        'idempotency_key_reused',
      )
      assertError(await api.post('/v1/organizations', { name: 'Other' }, keyed(key)), 422, 'idempotency_key_reused')
      assertError(
        await api.patch(`/v1/notes/${note.body.id}`, { organization_id: orgId, body: 'Original' }, keyed(key)),
        422,
        'idempotency_key_reused',
      )
      assert.equal((await notesWith('Other')).length, 0)
      // The key still answers its own request.
      const again = await api.post('/v1/notes', { organization_id: orgId, body: 'Original' }, keyed(key))
      assert.equal(again.headers.get('idempotent-replayed'), 'true')
    })

    it('keeps keys per credential and per workspace', async () => {
      const key = newKey()
      const body = { name: 'Per credential' }
      assert.equal((await api.post('/v1/organizations', body, keyed(key))).status, 201)
      const other = await server.services.workspaces.createKey(server.workspace.id, { name: 'second' })
      const sameWorkspace = client(server, other.key)
      assertError(await sameWorkspace.post('/v1/organizations', body, keyed(key)), 422, 'idempotency_key_reused')
      const elsewhere = client(server, (await server.createWorkspace()).key)
      const created = await elsewhere.post('/v1/organizations', body, keyed(key))
      assert.equal(created.status, 201)
      assert.equal(created.headers.get('idempotent-replayed'), null, 'another workspace has keys of its own')
    })

    it('accepts keys of up to 255 characters and answers 422 to longer or blank ones', async () => {
      const longest = 'k'.repeat(255)
      assert.equal((await api.post('/v1/organizations', { name: 'Long key' }, keyed(longest))).status, 201)
      for (const bad of ['k'.repeat(256), '   ']) {
        const res = await api.post('/v1/organizations', { name: 'Bad key' }, keyed(bad))
        assertError(res, 422, 'validation_failed')
        assert.equal(res.body.details[0].field, 'Idempotency-Key')
      }
      assert.equal((await api.all('/v1/organizations')).filter((o) => o.name === 'Bad key').length, 0)
    })

    it('answers 409 idempotency_key_in_use to a retry while the first request runs, then replays', async () => {
      probe.gate = new Gate()
      const key = newKey()
      const first = api.post('/v1/idempotency-probe/slow', { n: 1 }, keyed(key))
      await probe.gate.entered
      assertError(await api.post('/v1/idempotency-probe/slow', { n: 1 }, keyed(key)), 409, 'idempotency_key_in_use')
      // A different request with the key is still a mismatch, not a wait.
      assertError(await api.post('/v1/idempotency-probe/slow', { n: 2 }, keyed(key)), 422, 'idempotency_key_reused')
      probe.gate.open()
      const done = await first
      assert.equal(done.status, 201)
      const retry = await api.post('/v1/idempotency-probe/slow', { n: 1 }, keyed(key))
      assert.equal(retry.headers.get('idempotent-replayed'), 'true')
      assert.deepEqual(retry.body, done.body)
    })

    it('answers 409 from another server on the same database while the first request runs there', async () => {
      const sibling = await startSibling(server)
      try {
        probe.gate = new Gate()
        const key = newKey()
        const first = api.post('/v1/idempotency-probe/slow', { n: 3 }, keyed(key))
        await probe.gate.entered
        const other = client({ url: sibling.url }, server.workspace.key)
        assertError(await other.post('/v1/idempotency-probe/slow', { n: 3 }, keyed(key)), 409, 'idempotency_key_in_use')
        probe.gate.open()
        const done = await first
        const retry = await other.post('/v1/idempotency-probe/slow', { n: 3 }, keyed(key))
        assert.equal(retry.headers.get('idempotent-replayed'), 'true')
        assert.equal(retry.text, done.text)
      } finally {
        await sibling.app.close()
        await sibling.db.close()
      }
    })

    it('creates once when two requests with one key race on a real route', async () => {
      const key = newKey()
      const name = `Race ${key}`
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => api.post('/v1/organizations', { name }, keyed(key))),
      )
      const fresh = answers.filter((a) => a.status === 201 && a.headers.get('idempotent-replayed') === null)
      assert.equal(fresh.length, 1, answers.map((a) => `${a.status} ${a.text}`).join('\n'))
      for (const answer of answers.filter((a) => a !== fresh[0])) {
        if (answer.status === 201) assert.equal(answer.text, fresh[0]!.text)
        else assertError(answer, 409, 'idempotency_key_in_use')
      }
      assert.equal((await api.all('/v1/organizations')).filter((o) => o.name === name).length, 1)
    })

    it('does not keep a 5xx answer: the retry runs', async () => {
      probe.calls = 0
      probe.failuresLeft = 1
      const key = newKey()
      const failed = await api.post('/v1/idempotency-probe/flaky', {}, keyed(key))
      assertError(failed, 500, 'internal_error')
      const retry = await api.post('/v1/idempotency-probe/flaky', {}, keyed(key))
      assert.equal(retry.status, 201)
      assert.equal(retry.headers.get('idempotent-replayed'), null)
      assert.equal(probe.calls, 2)
      const again = await api.post('/v1/idempotency-probe/flaky', {}, keyed(key))
      assert.equal(again.headers.get('idempotent-replayed'), 'true')
      assert.equal(probe.calls, 2)
    })

    it('ignores the header on GET and DELETE', async () => {
      const key = newKey()
      assert.equal((await api.get('/v1/organizations', keyed(key))).status, 200)
      const org = await createOrganization(api)
      assert.equal((await api.delete(`/v1/organizations/${org.id}`, undefined, keyed(key))).status, 204)
      assert.equal((await api.delete(`/v1/organizations/${org.id}`, undefined, keyed(key))).status, 404)
    })

    it('replays after a restart: the answer is in the database, not in the process', async () => {
      const key = newKey()
      const body = { organization_id: orgId, body: 'Before the restart' }
      const first = await api.post('/v1/notes', body, keyed(key))
      assert.equal(first.status, 201)
      await server.app.close()
      const restarted = await startSibling(server)
      try {
        const retry = await client({ url: restarted.url }, server.workspace.key).post('/v1/notes', body, keyed(key))
        assert.equal(retry.headers.get('idempotent-replayed'), 'true')
        assert.equal(retry.text, first.text)
        const notes = await client({ url: restarted.url }, server.workspace.key).all(
          `/v1/notes?organization_id=${orgId}`,
        )
        assert.equal(notes.filter((n) => n.body === 'Before the restart').length, 1)
      } finally {
        await restarted.app.close()
        await restarted.db.close()
      }
    })
  })
}
