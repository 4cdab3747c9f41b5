// `/v1/api_keys`: a key made here works at once and is shown once, revoking it ends it from the next
// request on, and another workspace's keys are out of reach.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { TEST_DATABASES } from '../support/databases.js'
import { client, type ApiClient } from '../support/client.js'
import { createMember } from '../support/seed.js'
import { startTestServer, type TestServer } from '../support/server.js'

for (const database of TEST_DATABASES) {
  describe(`${database.name}: api keys`, () => {
    let server: TestServer
    let api: ApiClient
    before(async () => {
      server = await startTestServer(database)
      api = client(server, server.workspace.key)
    })
    after(async () => server?.close())

    it('makes a key shown once, which works, acts as its member, and is listed by its hint only', async () => {
      const member = await createMember(api, 'Jessica')
      const made = await api.post('/v1/api_keys', { name: 'Zapier', user_id: member.id })
      assert.equal(made.status, 201, made.text)
      assert.match(made.body.key, /^rpk_/)
      assert.equal(made.body.key_hint.slice(-4), made.body.key.slice(-4))
      assert.deepEqual(made.body.user, { id: member.id, name: 'Jessica', email: member.email })
      assert.equal(made.body.revoked_at, null)
      const withIt = client(server, made.body.key)
      assert.equal((await withIt.get('/v1/users')).status, 200)

      const listed = await api.get('/v1/api_keys')
      assert.equal(listed.status, 200)
      assert.equal(listed.body.pagination.total_count, 2)
      assert.equal(listed.body.data[0].id, made.body.id, 'newest first')
      assert.ok(!JSON.stringify(listed.body).includes(made.body.key), 'the key itself is never listed')
      assert.equal(listed.body.data[0].user.id, member.id)
    })

    it('revokes a key: 401 from the next request on, revoked_at listed, a second revoke 404', async () => {
      const made = await api.post('/v1/api_keys', { name: 'Temp' })
      assert.equal(made.body.user, null, 'a key made with a key without member has none')
      const withIt = client(server, made.body.key)
      assert.equal((await withIt.get('/v1/lists')).status, 200)
      assert.equal((await api.delete(`/v1/api_keys/${made.body.id}`)).status, 204)
      assert.equal((await withIt.get('/v1/lists')).status, 401)
      const listed = await api.get('/v1/api_keys?first=100')
      assert.match(listed.body.data.find((k: { id: string }) => k.id === made.body.id).revoked_at, /Z$/)
      const again = await api.delete(`/v1/api_keys/${made.body.id}`)
      assert.equal(again.status, 404)
      assert.equal(again.body.code, 'not_found')
    })

    it('refuses a blank name and a stranger as member (422 at the field)', async () => {
      const res = await api.post('/v1/api_keys', { name: '', user_id: 'nobody1234' })
      assert.equal(res.status, 422)
      assert.deepEqual(
        res.body.details.map((d: { field: string }) => d.field),
        ['name'],
      )
      const stranger = await api.post('/v1/api_keys', { name: 'X', user_id: 'nobody1234' })
      assert.equal(stranger.status, 422)
      assert.equal(stranger.body.details[0].field, 'user_id')
    })

    it("cannot see or revoke another workspace's keys", async () => {
      const other = await server.createWorkspace()
      const otherApi = client(server, other.key)
      const listed = await otherApi.get('/v1/api_keys')
      assert.equal(listed.body.pagination.total_count, 1)
      const mine = (await api.get('/v1/api_keys')).body.data[0].id
      assert.equal((await otherApi.delete(`/v1/api_keys/${mine}`)).status, 404)
    })
  })
}
