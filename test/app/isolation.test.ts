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

for (const database of TEST_DATABASES) {
  describe(`${database.name}: workspace isolation (contacts, organizations, custom fields, notes)`, () => {
    let server: TestServer
    let mine: ReturnType<typeof client>
    let theirs: ReturnType<typeof client>
    const b: Record<'contact' | 'organization' | 'field' | 'note', { id: string }> = {} as never
    before(async () => {
      server = await startTestServer(database)
      const other = await server.createWorkspace()
      mine = client(server, server.workspace.key)
      theirs = client(server, other.key)
      b.field = (await theirs.post('/v1/custom_fields', { name: 'Secret', model: 'contact' })).body
      b.organization = (await theirs.post('/v1/organizations', { name: 'Theirs', domains: ['theirs.test'] })).body
      b.contact = (
        await theirs.post('/v1/contacts', {
          first_name: 'Hidden',
          emails: ['hidden@theirs.test'],
          phone_numbers: ['010-7777-8888'],
          organization_id: b.organization.id,
          custom_fields: [{ name: 'Secret', value: 's' }],
        })
      ).body
      b.note = (await theirs.post('/v1/notes', { organization_id: b.organization.id, body: 'private' })).body
      for (const record of Object.values(b)) assert.match(record.id, /^[A-Za-z0-9]{10}$/)
    })
    after(async () => server?.close())

    it('answers 404 for every id of another workspace on every route, and changes nothing', async () => {
      const { contact, organization, field, note } = b
      const calls: Array<[string, string, unknown?]> = [
        ['GET', `/v1/contacts/${contact.id}`],
        ['PATCH', `/v1/contacts/${contact.id}`, { title: 'x' }],
        ['DELETE', `/v1/contacts/${contact.id}/emails`, { emails: ['hidden@theirs.test'] }],
        ['DELETE', `/v1/contacts/${contact.id}/phone_numbers`, { phone_numbers: ['010-7777-8888'] }],
        ['DELETE', `/v1/contacts/${contact.id}`],
        ['GET', `/v1/organizations/${organization.id}`],
        ['PATCH', `/v1/organizations/${organization.id}`, { name: 'x' }],
        ['DELETE', `/v1/organizations/${organization.id}/domains`, { domains: ['theirs.test'] }],
        ['GET', `/v1/organizations/${organization.id}/contacts`],
        ['DELETE', `/v1/organizations/${organization.id}`],
        ['GET', `/v1/custom_fields/${field.id}`],
        ['PATCH', `/v1/custom_fields/${field.id}`, { name: 'x' }],
        ['DELETE', `/v1/custom_fields/${field.id}`],
        ['GET', `/v1/notes/${note.id}`],
        ['PATCH', `/v1/notes/${note.id}`, { body: 'x' }],
        ['DELETE', `/v1/notes/${note.id}`],
      ]
      for (const [method, path, body] of calls) {
        const res = await mine.request(method, path, body === undefined ? {} : { body })
        assert.equal(res.status, 404, `${method} ${path}: ${res.text}`)
      }
      // Everything of workspace B is still there, unchanged.
      const contactNow = (await theirs.get(`/v1/contacts/${contact.id}`)).body
      assert.deepEqual(
        [contactNow.title, contactNow.emails, contactNow.phone_numbers],
        [null, ['hidden@theirs.test'], ['010-7777-8888']],
      )
      const orgNow = (await theirs.get(`/v1/organizations/${organization.id}`)).body
      assert.deepEqual([orgNow.name, orgNow.domains], ['Theirs', ['theirs.test']])
      assert.equal((await theirs.get(`/v1/custom_fields/${field.id}`)).body.name, 'Secret')
      assert.equal((await theirs.get(`/v1/notes/${note.id}`)).body.body, 'private')
    })
    it("never lists or finds another workspace's records", async () => {
      for (const path of [
        '/v1/contacts',
        '/v1/organizations',
        '/v1/custom_fields',
        '/v1/notes',
        `/v1/notes?organization_id=${b.organization.id}`,
      ]) {
        assert.deepEqual((await mine.get(path)).body.pagination.total_count, 0, path)
      }
      assert.equal((await mine.get('/v1/contacts?email=hidden@theirs.test')).body.pagination.total_count, 0)
      assert.equal((await mine.get('/v1/contacts?phone_number=01077778888')).body.pagination.total_count, 0)
    })
    it("refuses references to another workspace's records", async () => {
      const byId = await mine.post('/v1/contacts', { first_name: 'Mine', organization_id: b.organization.id })
      assert.equal(byId.status, 422)
      assert.deepEqual(
        byId.body.details.map((d: { field: string }) => d.field),
        ['organization_id'],
      )
      assert.equal((await mine.post('/v1/notes', { organization_id: b.organization.id, body: 'x' })).status, 422)
      const unknownField = await mine.post('/v1/contacts', {
        first_name: 'Mine',
        custom_fields: [{ name: 'Secret', value: 's' }],
      })
      assert.equal(unknownField.status, 422)
      await mine.post('/v1/custom_fields', {
        name: 'Buddy',
        model: 'contact',
        data_type: 'contact',
        accepts_multiple_values: false,
      })
      const foreignContact = await mine.post('/v1/contacts', {
        first_name: 'Mine',
        custom_fields: [{ name: 'Buddy', value: b.contact.id }],
      })
      assert.equal(foreignContact.status, 422)
    })
    it('keeps emails, domains and field names unique per workspace only', async () => {
      const contact = await mine.post('/v1/contacts', { emails: ['hidden@theirs.test'], organization_id: 'auto' })
      assert.equal(contact.status, 201, contact.text)
      // "auto" made this workspace its own organization for the domain B already uses.
      assert.notEqual(contact.body.organization_id, b.organization.id)
      assert.equal((await mine.get(`/v1/organizations/${contact.body.organization_id}`)).status, 200)
      assert.equal((await mine.post('/v1/custom_fields', { name: 'Secret', model: 'contact' })).status, 201)
      assert.equal((await theirs.get('/v1/contacts')).body.pagination.total_count, 1)
      assert.equal((await theirs.get('/v1/organizations')).body.pagination.total_count, 1)
    })
  })
}
