import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { TEST_DATABASES } from '../support/databases.js'
import { client, type ApiClient } from '../support/client.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { findEntry, listCounts, makeEntry, makeList } from '../support/entries.js'

const ID = /^[A-Za-z0-9]{10}$/
const ORG_KEYS = ['created_at', 'custom_fields', 'description', 'domains', 'id', 'name', 'updated_at']
const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

for (const database of TEST_DATABASES) {
  describe(`${database.name}: organizations`, () => {
    let server: TestServer
    let api: ApiClient
    before(async () => {
      server = await startTestServer(database)
      api = client(server, server.workspace.key)
    })
    after(async () => server?.close())

    const total = async () => (await api.get('/v1/organizations')).body.pagination.total_count as number
    const fields = (res: { body: { details: Array<{ field: string }> } }) => res.body.details.map((d) => d.field).sort()

    describe('create and retrieve', () => {
      it('creates an organization with normalised domains and answers 201 flat', async () => {
        const res = await api.post('/v1/organizations', {
          name: ' Relate ',
          description: 'Sales CRM',
          domains: ['https://www.Relate.so/pricing?x=1', 'RELATE.KR', 'relate.so'],
        })
        assert.equal(res.status, 201, res.text)
        assert.deepEqual(Object.keys(res.body).sort(), ORG_KEYS)
        assert.match(res.body.id, ID)
        assert.equal(res.body.name, 'Relate')
        assert.deepEqual(res.body.domains, ['relate.so', 'relate.kr'])
        assert.deepEqual((await api.get(`/v1/organizations/${res.body.id}`)).body, res.body)
      })
      it('names an organization made from a domain alone after the domain', async () => {
        const res = await api.post('/v1/organizations', { domains: ['http://arrakis.test:8080/spice'] })
        assert.equal(res.status, 201, res.text)
        assert.equal(res.body.name, 'arrakis.test')
        assert.deepEqual(res.body.domains, ['arrakis.test'])
      })
      it('422 without a name or a valid domain, writing nothing', async () => {
        const before = await total()
        for (const body of [{}, { name: '  ' }, { domains: [] }, { name: null, domains: ['not a domain'] }]) {
          const res = await api.post('/v1/organizations', body)
          assert.equal(res.status, 422, JSON.stringify(body))
          assert.ok(fields(res).includes('name'), res.text)
        }
        const bad = await api.post('/v1/organizations', { name: 'Ok', domains: ['ok.test', 'localhost', '1.2.3.4'] })
        assert.equal(bad.status, 422)
        assert.deepEqual(fields(bad), ['domains[1]', 'domains[2]'])
        assert.equal(await total(), before)
      })
      it('422 `same organization domain` for a domain another organization has, in any written form', async () => {
        await api.post('/v1/organizations', { name: 'Owner', domains: ['owned.test'] })
        const before = await total()
        for (const domain of ['owned.test', 'https://www.OWNED.test/about']) {
          const res = await api.post('/v1/organizations', { name: 'Clash', domains: ['free.test', domain] })
          assert.equal(res.status, 422)
          assert.match(res.text, /same organization domain/i)
          assert.deepEqual(fields(res), ['domains[1]'])
          assert.equal(res.body.details[0].code, 'taken')
        }
        assert.equal(await total(), before)
        // The free domain of the refused request was not written: another organization can take it.
        assert.equal((await api.post('/v1/organizations', { name: 'Free', domains: ['free.test'] })).status, 201)
      })
      it('the integration retry without `domains` succeeds with the rest of the request', async () => {
        await api.post('/v1/custom_fields', {
          name: 'Category',
          model: 'organization',
          data_type: 'select',
          options: ['Startup', 'Enterprise'],
          accepts_multiple_values: false,
        })
        await api.post('/v1/organizations', { name: 'First', domains: ['retry.test'] })
        const body = {
          name: 'Second',
          description: 'again',
          domains: ['retry.test'],
          custom_fields: [{ name: 'Category', value: 'Startup' }],
        }
        const clash = await api.post('/v1/organizations', body)
        assert.equal(clash.status, 422)
        const { domains: _dropped, ...retry } = body
        const res = await api.post('/v1/organizations', retry)
        assert.equal(res.status, 201, res.text)
        assert.equal(res.body.name, 'Second')
        assert.deepEqual(res.body.domains, [])
        assert.deepEqual(Object.values(res.body.custom_fields), [
          { name: 'Category', data_type: 'select', value: 'Startup' },
        ])
      })
      it('answers 404 for unknown ids on every route', async () => {
        assert.equal((await api.get('/v1/organizations/NoSuchOrg0')).status, 404)
        assert.equal((await api.patch('/v1/organizations/NoSuchOrg0', { name: 'x' })).status, 404)
        assert.equal((await api.delete('/v1/organizations/NoSuchOrg0')).status, 404)
        assert.equal((await api.delete('/v1/organizations/NoSuchOrg0/domains', { domains: ['a.test'] })).status, 404)
        assert.equal((await api.get('/v1/organizations/NoSuchOrg0/contacts')).status, 404)
      })
    })

    describe('concurrent writes', () => {
      it('parallel creates with one domain: one wins, the others get the `same organization domain` 422', async () => {
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            api.post('/v1/organizations', { name: `Racer ${i}`, domains: ['race-domain.test'] }),
          ),
        )
        assert.deepEqual(results.map((r) => r.status).sort(), [201, 422, 422, 422, 422, 422, 422, 422])
        for (const res of results.filter((r) => r.status === 422)) assert.match(res.text, /same organization domain/i)
      })
    })

    describe('update', () => {
      it('adds domains, keeps the existing ones, and changes name and description', async () => {
        const org = (await api.post('/v1/organizations', { name: 'Ix', domains: ['ix.test'], description: 'old' })).body
        await tick()
        const res = await api.patch(`/v1/organizations/${org.id}`, {
          name: 'Ix Federation',
          domains: ['IX.test', 'ix-federation.test'],
          description: null,
        })
        assert.equal(res.status, 200, res.text)
        assert.equal(res.body.name, 'Ix Federation')
        assert.equal(res.body.description, null)
        assert.deepEqual(res.body.domains, ['ix.test', 'ix-federation.test'])
        assert.ok(res.body.updated_at > org.updated_at)
      })
      it('refuses a domain another organization owns and applies nothing of the request', async () => {
        await api.post('/v1/organizations', { name: 'Tleilax', domains: ['tleilax.test'] })
        const org = (await api.post('/v1/organizations', { name: 'Richese' })).body
        const res = await api.patch(`/v1/organizations/${org.id}`, { name: 'Renamed', domains: ['tleilax.test'] })
        assert.equal(res.status, 422)
        assert.match(res.text, /same organization domain/i)
        const now = (await api.get(`/v1/organizations/${org.id}`)).body
        assert.equal(now.name, 'Richese')
        assert.deepEqual(now.domains, [])
        assert.equal(now.updated_at, org.updated_at)
      })
      it('refuses a blank name and invalid domains', async () => {
        const org = (await api.post('/v1/organizations', { name: 'Named' })).body
        const res = await api.patch(`/v1/organizations/${org.id}`, { name: null, domains: ['nope'] })
        assert.equal(res.status, 422)
        assert.deepEqual(fields(res), ['domains[0]', 'name'])
      })
      it('removes domains given in any written form', async () => {
        const org = (
          await api.post('/v1/organizations', { name: 'Giedi', domains: ['giedi.test', 'giedi-prime.test'] })
        ).body
        const res = await api.delete(`/v1/organizations/${org.id}/domains`, {
          domains: ['https://www.Giedi.test/', 'unknown.test'],
        })
        assert.equal(res.status, 200, res.text)
        assert.deepEqual(res.body.domains, ['giedi-prime.test'])
        assert.equal((await api.post('/v1/organizations', { domains: ['giedi.test'] })).status, 201)
        assert.equal((await api.delete(`/v1/organizations/${org.id}/domains`, { domains: 'giedi.test' })).status, 422)
      })
    })

    describe("an organization's contacts", () => {
      it('lists them in the list envelope with the default page of 25', async () => {
        const org = (await api.post('/v1/organizations', { name: 'Fremen' })).body
        const other = (await api.post('/v1/organizations', { name: 'Not Fremen' })).body
        for (let i = 0; i < 27; i++)
          await api.post('/v1/contacts', { first_name: `Fremen ${i}`, organization_id: org.id })
        await api.post('/v1/contacts', { first_name: 'Outsider', organization_id: other.id })
        const res = await api.get(`/v1/organizations/${org.id}/contacts`)
        assert.equal(res.status, 200)
        assert.equal(res.body.data.length, 25)
        assert.deepEqual(res.body.pagination, { end_cursor: 25, has_next_page: true, total_count: 27 })
        assert.ok(res.body.data.every((c: { organization_id: string }) => c.organization_id === org.id))
        const all = await api.all(`/v1/organizations/${org.id}/contacts`)
        assert.equal(all.length, 27)
        const empty = await api.get(
          `/v1/organizations/${(await api.post('/v1/organizations', { name: 'Empty' })).body.id}/contacts`,
        )
        assert.deepEqual(empty.body, { data: [], pagination: { end_cursor: 0, has_next_page: false, total_count: 0 } })
      })

      it('takes the email and phone filters of the contacts list, checked as there', async () => {
        const org = (await api.post('/v1/organizations', { name: 'Ixians' })).body
        await api.post('/v1/contacts', {
          first_name: 'Ix',
          emails: ['ix@ix.test'],
          phone_numbers: ['+821012345678'],
          organization_id: org.id,
        })
        await api.post('/v1/contacts', { first_name: 'Outside', emails: ['out@ix.test'] })
        const byEmail = await api.get(`/v1/organizations/${org.id}/contacts?email=IX@ix.test`)
        assert.equal(byEmail.status, 200, byEmail.text)
        assert.deepEqual(
          byEmail.body.data.map((c: { first_name: string }) => c.first_name),
          ['Ix'],
        )
        assert.equal(
          (await api.get(`/v1/organizations/${org.id}/contacts?email=out@ix.test`)).body.pagination.total_count,
          0,
        )
        assert.equal(
          (await api.get(`/v1/organizations/${org.id}/contacts?phone_number=010-1234-5678`)).body.pagination
            .total_count,
          1,
        )
        // Found by the fuzzer: a repeated parameter arrives as an array and used to fail as a 500.
        const repeated = await api.get(`/v1/organizations/${org.id}/contacts?email=ix@ix.test&email=`)
        assert.equal(repeated.status, 422, repeated.text)
        assert.equal(repeated.body.code, 'validation_failed')
      })
    })

    describe('delete', () => {
      it('deletes its entries and notes, frees its domains, and leaves its contacts without organization', async () => {
        const org = (await api.post('/v1/organizations', { name: 'Harkonnen', domains: ['harkonnen.test'] })).body
        const survivor = (await api.post('/v1/organizations', { name: 'Corrino' })).body
        const member = (await api.post('/v1/contacts', { first_name: 'Piter', organization_id: org.id })).body
        const outsider = (await api.post('/v1/contacts', { first_name: 'Shaddam', organization_id: survivor.id })).body
        const note = (await api.post('/v1/notes', { organization_id: org.id, body: 'gone with it' })).body
        const otherNote = (await api.post('/v1/notes', { organization_id: survivor.id, body: 'stays' })).body
        const process = await makeList(api, { process: true, entryType: 'Organization' })
        const list = await makeList(api, { process: false, entryType: 'Organization' })
        const gone1 = await makeEntry(api, process, { type: 'Organization', id: org.id, contactId: member.id })
        const gone2 = await makeEntry(api, list, { type: 'Organization', id: org.id })
        const kept = await makeEntry(api, process, { type: 'Organization', id: survivor.id })
        await tick()

        const res = await api.delete(`/v1/organizations/${org.id}`)
        assert.equal(res.status, 204)
        assert.equal(res.text, '')
        assert.equal((await api.get(`/v1/organizations/${org.id}`)).status, 404)
        assert.equal(await findEntry(api, process, gone1), undefined)
        assert.equal(await findEntry(api, list, gone2), undefined)
        assert.ok(await findEntry(api, process, kept))
        assert.deepEqual(await listCounts(api, process), { kept: 1, real: 1, status: 1 })
        assert.deepEqual(await listCounts(api, list), { kept: 0, real: 0, status: null })
        assert.equal((await api.get(`/v1/notes/${note.id}`)).status, 404)
        assert.equal((await api.get(`/v1/notes/${otherNote.id}`)).status, 200)
        const memberAfter = (await api.get(`/v1/contacts/${member.id}`)).body
        assert.equal(memberAfter.organization_id, null)
        assert.ok(memberAfter.updated_at > member.updated_at, 'the unlinked contact shows as updated')
        assert.equal((await api.get(`/v1/contacts/${outsider.id}`)).body.organization_id, survivor.id)
        assert.equal((await api.post('/v1/organizations', { domains: ['harkonnen.test'] })).status, 201)
      })
    })

    describe('pagination', () => {
      it('orders newest first and filters by updated_after', async () => {
        const all = await api.all<{ id: string; updated_at: string }>('/v1/organizations')
        assert.equal(all.length, await total())
        for (let i = 1; i < all.length; i++) assert.ok(all[i - 1]!.updated_at >= all[i]!.updated_at)
        const future = Math.ceil(Date.now() / 1000) + 60
        assert.equal((await api.get(`/v1/organizations?updated_after=${future}`)).body.pagination.total_count, 0)
        assert.equal((await api.get('/v1/organizations?after=-1')).status, 422)
      })
    })
  })
}
