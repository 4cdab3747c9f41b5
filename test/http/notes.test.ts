import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { operator } from '../../src/domain/actor.js'
import { TEST_DATABASES } from '../support/databases.js'
import { client, type ApiClient } from '../support/client.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { findEntry, makeEntry, makeList } from '../support/entries.js'

const NOTE_KEYS = ['body', 'created_at', 'deal_id', 'id', 'organization_id', 'updated_at', 'user']
const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

for (const database of TEST_DATABASES) {
  describe(`${database.name}: notes`, () => {
    let server: TestServer
    let api: ApiClient
    let org: { id: string }
    let deal: string
    let listEntry: string
    before(async () => {
      server = await startTestServer(database)
      api = client(server, server.workspace.key)
      org = (await api.post('/v1/organizations', { name: 'Atreides' })).body
      deal = await makeEntry(api, await makeList(api, { process: true, entryType: 'Organization' }), {
        type: 'Organization',
        id: org.id,
      })
      listEntry = await makeEntry(api, await makeList(api, { process: false, entryType: 'Organization' }), {
        type: 'Organization',
        id: org.id,
      })
    })
    after(async () => server?.close())

    const fields = (res: { body: { details: Array<{ field: string }> } }) => res.body.details.map((d) => d.field).sort()

    it('creates a note and answers 201 flat; a key with no member writes user: null', async () => {
      const res = await api.post('/v1/notes', { organization_id: org.id, body: '<p>this is a note</p>' })
      assert.equal(res.status, 201, res.text)
      assert.deepEqual(Object.keys(res.body).sort(), NOTE_KEYS)
      assert.equal(res.body.body, '<p>this is a note</p>')
      assert.equal(res.body.organization_id, org.id)
      assert.equal(res.body.deal_id, null)
      assert.equal(res.body.user, null)
      assert.deepEqual((await api.get(`/v1/notes/${res.body.id}`)).body, res.body)
    })
    it('shows the member who owns the key as the author', async () => {
      const member = await server.services.members.create(operator(server.workspace.id), {
        name: 'Jessica',
        email: 'jessica@bene.test',
      })
      const { key } = await server.services.workspaces.createKey(server.workspace.id, { userId: member.id })
      const res = await client(server, key).post('/v1/notes', { organization_id: org.id, body: 'by Jessica' })
      assert.equal(res.status, 201)
      assert.deepEqual(res.body.user, { id: member.id, name: 'Jessica', email: 'jessica@bene.test' })
      const listed = (await api.get(`/v1/notes?organization_id=${org.id}`)).body.data.find(
        (n: { id: string }) => n.id === res.body.id,
      )
      assert.equal(listed.user.email, 'jessica@bene.test')
    })
    it('takes a deal_id that is a process entry', async () => {
      const res = await api.post('/v1/notes', { organization_id: org.id, body: 'about the deal', deal_id: deal })
      assert.equal(res.status, 201, res.text)
      assert.equal(res.body.deal_id, deal)
    })
    it('422 for each rule, writing nothing', async () => {
      const before = (await api.get('/v1/notes')).body.pagination.total_count
      const cases: Array<[Record<string, unknown>, string[]]> = [
        [{ organization_id: org.id }, ['body']],
        [{ body: 'orphan' }, ['organization_id']],
        [{ organization_id: org.id, body: '   ' }, ['body']],
        [{ organization_id: 'NoSuchOrg0', body: 'x' }, ['organization_id']],
        [{ organization_id: org.id, body: 'x', deal_id: 'NoSuchDeal' }, ['deal_id']],
        [{ organization_id: org.id, body: 'x', deal_id: listEntry }, ['deal_id']],
        [{ organization_id: org.id, body: 5 }, ['body']],
      ]
      for (const [body, expected] of cases) {
        const res = await api.post('/v1/notes', body)
        assert.equal(res.status, 422, JSON.stringify(body))
        assert.deepEqual(fields(res), expected, JSON.stringify(body))
      }
      const regular = await api.post('/v1/notes', { organization_id: org.id, body: 'x', deal_id: listEntry })
      assert.match(regular.body.message, /not of a process/)
      assert.equal((await api.get('/v1/notes')).body.pagination.total_count, before)
    })
    it('PATCH changes body and deal_id only', async () => {
      const note = (await api.post('/v1/notes', { organization_id: org.id, body: 'draft' })).body
      await tick()
      const res = await api.patch(`/v1/notes/${note.id}`, { body: 'this is an edited note', deal_id: deal })
      assert.equal(res.status, 200, res.text)
      assert.deepEqual([res.body.body, res.body.deal_id], ['this is an edited note', deal])
      assert.ok(res.body.updated_at > note.updated_at)
      assert.equal(res.body.created_at, note.created_at)
      assert.equal((await api.patch(`/v1/notes/${note.id}`, { deal_id: null })).body.deal_id, null)
      const other = (await api.post('/v1/organizations', { name: 'Elsewhere' })).body
      const moved = await api.patch(`/v1/notes/${note.id}`, { organization_id: other.id, body: 'not applied' })
      assert.equal(moved.status, 422)
      assert.deepEqual(fields(moved), ['organization_id'])
      assert.equal((await api.get(`/v1/notes/${note.id}`)).body.body, 'this is an edited note')
      assert.equal(
        (await api.patch(`/v1/notes/${note.id}`, { organization_id: org.id, body: 'same org is fine' })).status,
        200,
      )
      assert.equal((await api.patch(`/v1/notes/${note.id}`, { body: '' })).status, 422)
      assert.equal((await api.patch(`/v1/notes/${note.id}`, { deal_id: listEntry })).status, 422)
    })
    it('lists all notes or those of one organization', async () => {
      const other = (await api.post('/v1/organizations', { name: 'Other org' })).body
      const theirs = (await api.post('/v1/notes', { organization_id: other.id, body: 'theirs' })).body
      const mine = await api.all<{ id: string; organization_id: string }>(`/v1/notes?organization_id=${org.id}`)
      assert.ok(mine.length > 0)
      assert.ok(mine.every((n) => n.organization_id === org.id))
      assert.deepEqual(
        (await api.all<{ id: string }>(`/v1/notes?organization_id=${other.id}`)).map((n) => n.id),
        [theirs.id],
      )
      const all = await api.get('/v1/notes')
      assert.equal(all.body.pagination.total_count, mine.length + 1)
      assert.equal((await api.get('/v1/notes?organization_id=NoSuchOrg0')).body.pagination.total_count, 0)
    })
    it('deletes a note with 204 and answers 404 after', async () => {
      const note = (await api.post('/v1/notes', { organization_id: org.id, body: 'bye' })).body
      const res = await api.delete(`/v1/notes/${note.id}`)
      assert.equal(res.status, 204)
      assert.equal(res.text, '')
      assert.equal((await api.get(`/v1/notes/${note.id}`)).status, 404)
      assert.equal((await api.delete(`/v1/notes/${note.id}`)).status, 404)
      assert.equal((await api.patch(`/v1/notes/${note.id}`, { body: 'x' })).status, 404)
    })
    it('a note loses its deal when the deal entry goes with its organization', async () => {
      const contactOrg = (await api.post('/v1/organizations', { name: 'Deal holder' })).body
      const process = await makeList(api, { process: true, entryType: 'Organization' })
      const otherDeal = await makeEntry(api, process, { type: 'Organization', id: contactOrg.id })
      const note = (
        await api.post('/v1/notes', { organization_id: org.id, body: 'about another org', deal_id: otherDeal })
      ).body
      assert.equal((await api.delete(`/v1/organizations/${contactOrg.id}`)).status, 204)
      assert.equal(await findEntry(api, process, otherDeal), undefined)
      assert.equal((await api.get(`/v1/notes/${note.id}`)).body.deal_id, null)
    })
  })
}
