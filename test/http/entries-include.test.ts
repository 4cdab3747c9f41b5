// `include=entryable_name` and `include=status_changed_at` on the entries list: what a board card needs
// (the record's name, the days in its status) in the page itself.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { TEST_DATABASES } from '../support/databases.js'
import { client, type ApiClient } from '../support/client.js'
import { VALUES, createContact, createList, createOrganization, processBody } from '../support/seed.js'
import { startTestServer, type TestServer } from '../support/server.js'

for (const database of TEST_DATABASES) {
  describe(`${database.name}: entries include`, () => {
    let server: TestServer
    let api: ApiClient
    before(async () => {
      server = await startTestServer(database)
      api = client(server, server.workspace.key)
    })
    after(async () => server?.close())

    it('adds the record name and when the entry entered its status, only when asked', async () => {
      const deals = await createList(api, processBody())
      const org = await createOrganization(api, { name: 'Atreides' })
      const made = await api.post(`/v1/lists/${deals.id}/entries`, {
        entryable_type: 'Organization',
        entryable_id: org.id,
        status: 'Started',
        ...VALUES,
      })
      assert.equal(made.status, 201)
      const plain = await api.get(`/v1/lists/${deals.id}/entries`)
      assert.equal(plain.body.data[0].entryable_name, undefined)
      assert.equal(plain.body.data[0].status_changed_at, undefined)

      await new Promise((resolve) => setTimeout(resolve, 5))
      const moved = await api.patch(`/v1/lists/${deals.id}/entries/${made.body.id}`, { status: 'Completed' })
      const both = await api.get(`/v1/lists/${deals.id}/entries?include=entryable_name&include=status_changed_at`)
      assert.equal(both.status, 200, both.text)
      assert.equal(both.body.data[0].entryable_name, 'Atreides')
      assert.equal(both.body.data[0].status_changed_at, moved.body.closed_at, 'the latest change, not the first')
      const one = await api.get(`/v1/lists/${deals.id}/entries?include=entryable_name`)
      assert.equal(one.body.data[0].status_changed_at, undefined)
    })

    it('names contacts by their display name; a regular list has no status change time', async () => {
      const people = await createList(api, { name: 'People', process: false, entry_type: 'Contact' })
      const chani = await createContact(api, { first_name: 'Chani' })
      await api.post(`/v1/lists/${people.id}/entries`, { entryable_type: 'Contact', entryable_id: chani.id })
      const res = await api.get(`/v1/lists/${people.id}/entries?include=entryable_name&include=status_changed_at`)
      assert.equal(res.body.data[0].entryable_name, 'Chani')
      assert.equal(res.body.data[0].status_changed_at, null)
    })

    it('refuses an unknown include (422 at include)', async () => {
      const deals = await createList(api, processBody({ name: 'Other', identifier: 'OTH' }))
      const res = await api.get(`/v1/lists/${deals.id}/entries?include=notes`)
      assert.equal(res.status, 422)
      assert.match(res.body.details[0].field, /^include/)
    })
  })
}
