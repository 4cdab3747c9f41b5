// A key of workspace A sees nothing of workspace B. The resource tests add their own routes here as
// they grow; the generated walk over every route lives in test/reliability.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { TEST_DATABASES } from '../support/databases.js'
import { client } from '../support/client.js'
import { startTestServer, type TestServer, type Workspace } from '../support/server.js'

for (const database of TEST_DATABASES) {
  describe(`${database.name}: workspace isolation (users)`, () => {
    let server: TestServer
    let other: Workspace
    before(async () => {
      server = await startTestServer(database)
      other = await server.createWorkspace()
    })
    after(async () => server?.close())

    it('hides the members of another workspace', async () => {
      const mine = client(server, server.workspace.key)
      const theirs = client(server, other.key)
      const member = (await theirs.post('/v1/users', { name: 'Theirs', email: 'same@example.com' })).body
      assert.equal((await mine.get(`/v1/users/${member.id}`)).status, 404)
      assert.equal((await mine.get('/v1/users')).body.pagination.total_count, 0)
      // The same email can be a member of both: uniqueness is per workspace.
      assert.equal((await mine.post('/v1/users', { name: 'Mine', email: 'same@example.com' })).status, 201)
      assert.equal((await theirs.get('/v1/users')).body.pagination.total_count, 1)
    })
  })
}
