import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { TEST_DATABASES } from '../support/databases.js'
import { client, type ApiClient } from '../support/client.js'
import { startTestServer, type TestServer } from '../support/server.js'

const ID = /^[A-Za-z0-9]{10}$/
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

for (const database of TEST_DATABASES) {
  describe(`${database.name}: users`, () => {
    let server: TestServer
    let api: ApiClient
    before(async () => {
      server = await startTestServer(database)
      api = client(server, server.workspace.key)
    })
    after(async () => server?.close())

    it('adds a member and answers 201 with the flat object', async () => {
      const res = await api.post('/v1/users', { name: 'Paul Atreides', email: 'Paul@Atreid.es' })
      assert.equal(res.status, 201)
      assert.deepEqual(Object.keys(res.body).sort(), ['created_at', 'email', 'id', 'name', 'updated_at'])
      assert.match(res.body.id, ID)
      assert.equal(res.body.email, 'Paul@Atreid.es')
      assert.match(res.body.created_at, ISO_MS)
      assert.equal((await api.get(`/v1/users/${res.body.id}`)).body.name, 'Paul Atreides')
    })
    it('lists members in the list envelope', async () => {
      const res = await api.get('/v1/users')
      assert.equal(res.status, 200)
      assert.ok(res.body.data.some((u: { email: string }) => u.email === 'Paul@Atreid.es'))
      assert.deepEqual(Object.keys(res.body.pagination).sort(), ['end_cursor', 'has_next_page', 'total_count'])
    })
    it('refuses a blank name and a bad email', async () => {
      const res = await api.post('/v1/users', { name: '  ', email: 'nope' })
      assert.equal(res.status, 422)
      assert.deepEqual(res.body.details.map((d: { field: string }) => d.field).sort(), ['email', 'name'])
    })
    it('refuses an email already used, in any case', async () => {
      const res = await api.post('/v1/users', { name: 'Other', email: 'PAUL@atreid.es' })
      assert.equal(res.status, 422)
      assert.match(res.body.message, /has already been taken/)
    })
    it('makes ids that are unique and do not follow each other', async () => {
      const ids: string[] = []
      for (let i = 0; i < 20; i++)
        ids.push((await api.post('/v1/users', { name: `U${i}`, email: `u${i}@ids.test` })).body.id)
      assert.equal(new Set(ids).size, ids.length)
      for (const id of ids) assert.match(id, ID)
      // Neighbours share no long common prefix: ids are random, not counters.
      const sharedPrefix = (a: string, b: string) => [...a].findIndex((c, i) => c !== b[i])
      const longest = Math.max(...ids.slice(1).map((id, i) => sharedPrefix(ids[i]!, id)))
      assert.ok(longest < 4, `neighbouring ids share ${longest} leading characters`)
    })
  })
}
