// Searching contacts by name and organizations by name or domain (`?name=`, `?domain=`), as the web
// app's search boxes do: any case, the text anywhere in the name, wildcards taken literally.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { TEST_DATABASES } from '../support/databases.js'
import { client, type ApiClient } from '../support/client.js'
import { startTestServer, type TestServer } from '../support/server.js'

const names = (res: { body: { data: Array<{ name: string }> } }) => res.body.data.map((r) => r.name).sort()

for (const database of TEST_DATABASES) {
  describe(`${database.name}: record search`, () => {
    let server: TestServer
    let api: ApiClient
    before(async () => {
      server = await startTestServer(database)
      api = client(server, server.workspace.key)
      await api.post('/v1/organizations', { name: 'House Atreides', domains: ['atreid.es'] })
      await api.post('/v1/organizations', { name: 'House Harkonnen', domains: ['harkonnen.gp'] })
      await api.post('/v1/organizations', { name: '100%_Spice' })
      await api.post('/v1/contacts', { first_name: 'Paul', last_name: 'Atreides', emails: ['paul@atreid.es'] })
      await api.post('/v1/contacts', { name: 'Gurney Halleck', emails: ['gurney@atreid.es'] })
    })
    after(async () => server?.close())

    it('finds organizations by a part of their name, any case', async () => {
      assert.deepEqual(names(await api.get('/v1/organizations?name=house')), ['House Atreides', 'House Harkonnen'])
      assert.deepEqual(names(await api.get('/v1/organizations?name=KONN')), ['House Harkonnen'])
      const res = await api.get('/v1/organizations?name=house&first=1')
      assert.equal(res.body.pagination.total_count, 2)
    })

    it('takes % and _ literally', async () => {
      assert.deepEqual(names(await api.get('/v1/organizations?name=%25_')), ['100%_Spice'])
      assert.deepEqual(names(await api.get('/v1/organizations?name=e_A')), [])
    })

    it('finds the organization owning a domain, in any written form', async () => {
      assert.deepEqual(names(await api.get('/v1/organizations?domain=https://www.Atreid.es/about')), ['House Atreides'])
      assert.deepEqual(names(await api.get('/v1/organizations?domain=nowhere.test')), [])
      assert.deepEqual(names(await api.get('/v1/organizations?domain=notadomain')), [])
    })

    it('finds contacts by display, first or last name', async () => {
      const byLast = await api.get('/v1/contacts?name=atrei')
      assert.deepEqual(
        byLast.body.data.map((c: { first_name: string }) => c.first_name),
        ['Paul'],
      )
      const byDisplay = await api.get('/v1/contacts?name=gurney%20hal')
      assert.equal(byDisplay.body.data.length, 1)
      assert.equal((await api.get('/v1/contacts?name=')).status, 422)
    })
  })
}
