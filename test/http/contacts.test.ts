import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { TEST_DATABASES } from '../support/databases.js'
import { client, type ApiClient } from '../support/client.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { findEntry, listCounts, makeEntry, makeList } from '../support/entries.js'

const ID = /^[A-Za-z0-9]{10}$/
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
/** Lets the clock move on, so an updated_at written next is strictly later. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5))
const CONTACT_KEYS = [
  'created_at',
  'custom_fields',
  'emails',
  'first_name',
  'id',
  'last_name',
  'name',
  'organization_id',
  'phone_numbers',
  'title',
  'updated_at',
]

for (const database of TEST_DATABASES) {
  describe(`${database.name}: contacts`, () => {
    let server: TestServer
    let api: ApiClient
    before(async () => {
      server = await startTestServer(database)
      api = client(server, server.workspace.key)
    })
    after(async () => server?.close())

    const total = async (path = '/v1/contacts') => (await api.get(path)).body.pagination.total_count as number
    const fields = (res: { body: { details: Array<{ field: string }> } }) => res.body.details.map((d) => d.field).sort()

    describe('create and retrieve', () => {
      it('creates a contact and answers 201 with the flat object', async () => {
        const res = await api.post('/v1/contacts', {
          first_name: 'Paul',
          last_name: 'Atreides',
          emails: ['Paul@Atreid.es'],
          title: ' Duke ',
        })
        assert.equal(res.status, 201, res.text)
        assert.deepEqual(Object.keys(res.body).sort(), CONTACT_KEYS)
        assert.match(res.body.id, ID)
        assert.match(res.body.created_at, ISO_MS)
        assert.equal(res.body.name, 'Paul Atreides')
        assert.equal(res.body.title, 'Duke')
        assert.deepEqual(res.body.emails, ['Paul@Atreid.es'])
        assert.deepEqual(res.body.phone_numbers, [])
        assert.equal(res.body.organization_id, null)
        assert.deepEqual(res.body.custom_fields, {})
        const got = await api.get(`/v1/contacts/${res.body.id}`)
        assert.equal(got.status, 200)
        assert.deepEqual(got.body, res.body)
      })
      it('creates a contact from emails alone, or from a full name alone', async () => {
        const byEmail = await api.post('/v1/contacts', { emails: ['only@email.test'] })
        assert.equal(byEmail.status, 201, byEmail.text)
        assert.equal(byEmail.body.first_name, null)
        assert.equal(byEmail.body.name, null)
        const byName = await api.post('/v1/contacts', { name: 'Leto  Atreides II' })
        assert.equal(byName.status, 201, byName.text)
        assert.deepEqual(
          [byName.body.first_name, byName.body.last_name, byName.body.name],
          ['Leto', 'Atreides II', 'Leto  Atreides II'],
        )
      })
      it('422 when there is neither a first name nor a valid email, writing nothing', async () => {
        const before = await total()
        for (const body of [
          {},
          { last_name: 'Nobody' },
          { first_name: '  ', emails: [] },
          { emails: ['not-an-email'] },
        ]) {
          const res = await api.post('/v1/contacts', body)
          assert.equal(res.status, 422, JSON.stringify(body))
          assert.ok(fields(res).includes('first_name'), res.text)
          assert.match(res.body.message, /first_name can't be blank/)
        }
        const bad = await api.post('/v1/contacts', { first_name: 'Ok', emails: ['ok@valid.test', 'nope'] })
        assert.equal(bad.status, 422)
        assert.deepEqual(bad.body.details, [
          { field: 'emails[1]', code: 'invalid', message: 'is not a valid email: "nope"' },
        ])
        assert.equal(await total(), before)
        assert.equal((await api.get('/v1/contacts?email=ok@valid.test')).body.data.length, 0)
      })
      it('422 `has already been taken` for an email another contact holds, in any case', async () => {
        assert.equal((await api.post('/v1/contacts', { first_name: 'A', emails: ['taken@dup.test'] })).status, 201)
        const before = await total()
        const res = await api.post('/v1/contacts', { first_name: 'B', emails: ['other@dup.test', 'TAKEN@dup.test'] })
        assert.equal(res.status, 422)
        assert.ok(res.text.includes('has already been taken'))
        assert.deepEqual(res.body.details, [{ field: 'emails[1]', code: 'taken', message: 'has already been taken' }])
        assert.equal(await total(), before)
        // The free address of the refused request was not written either.
        assert.equal((await api.get('/v1/contacts?email=other@dup.test')).body.data.length, 0)
      })
      it('keeps an address given twice in one request once', async () => {
        const res = await api.post('/v1/contacts', { emails: ['twice@dup.test', 'Twice@Dup.test'] })
        assert.equal(res.status, 201)
        assert.deepEqual(res.body.emails, ['twice@dup.test'])
      })
      it('answers 404 for an unknown id and for an id that cannot be one', async () => {
        assert.equal((await api.get('/v1/contacts/NoSuchId00')).status, 404)
        assert.equal((await api.get('/v1/contacts/bad-id!')).status, 404)
        assert.equal((await api.patch('/v1/contacts/NoSuchId00', { title: 'x' })).status, 404)
        assert.equal((await api.delete('/v1/contacts/NoSuchId00')).status, 404)
        assert.equal((await api.delete('/v1/contacts/NoSuchId00/emails', { emails: ['a@b.cd'] })).status, 404)
      })
    })

    describe('organization', () => {
      it('links an existing organization by id, and refuses an unknown one', async () => {
        const org = (await api.post('/v1/organizations', { name: 'Caladan' })).body
        const res = await api.post('/v1/contacts', { first_name: 'Gurney', organization_id: org.id })
        assert.equal(res.status, 201)
        assert.equal(res.body.organization_id, org.id)
        const bad = await api.post('/v1/contacts', { first_name: 'Gurney', organization_id: 'NoSuchOrg0' })
        assert.equal(bad.status, 422)
        assert.deepEqual(fields(bad), ['organization_id'])
      })
      it('"auto" joins the organization that owns the email domain', async () => {
        const org = (await api.post('/v1/organizations', { name: 'House Atreides', domains: ['atreides.test'] })).body
        const orgsBefore = (await api.get('/v1/organizations')).body.pagination.total_count
        const res = await api.post('/v1/contacts', { emails: ['Duncan@ATREIDES.test'], organization_id: 'auto' })
        assert.equal(res.status, 201, res.text)
        assert.equal(res.body.organization_id, org.id)
        assert.equal((await api.get('/v1/organizations')).body.pagination.total_count, orgsBefore)
      })
      it('"auto" makes an organization named after a new domain, then reuses it', async () => {
        const orgsBefore = (await api.get('/v1/organizations')).body.pagination.total_count
        const first = await api.post('/v1/contacts', {
          first_name: 'Stilgar',
          emails: ['stilgar@sietch-tabr.test'],
          organization_id: 'auto',
        })
        assert.equal(first.status, 201, first.text)
        const org = (await api.get(`/v1/organizations/${first.body.organization_id}`)).body
        assert.equal(org.name, 'sietch-tabr.test')
        assert.deepEqual(org.domains, ['sietch-tabr.test'])
        const second = await api.post('/v1/contacts', { emails: ['chani@sietch-tabr.test'], organization_id: 'auto' })
        assert.equal(second.body.organization_id, org.id)
        assert.equal((await api.get('/v1/organizations')).body.pagination.total_count, orgsBefore + 1)
      })
      it('"auto" makes no organization for personal mail or for no email', async () => {
        const orgsBefore = (await api.get('/v1/organizations')).body.pagination.total_count
        const gmail = await api.post('/v1/contacts', { emails: ['someone@gmail.com'], organization_id: 'auto' })
        assert.equal(gmail.status, 201)
        assert.equal(gmail.body.organization_id, null)
        const none = await api.post('/v1/contacts', { first_name: 'Alia', organization_id: 'auto' })
        assert.equal(none.body.organization_id, null)
        assert.equal((await api.get('/v1/organizations')).body.pagination.total_count, orgsBefore)
      })
      it('changes, resolves ("auto") and clears the organization on PATCH', async () => {
        const a = (await api.post('/v1/organizations', { name: 'Org A', domains: ['org-a.test'] })).body
        const b = (await api.post('/v1/organizations', { name: 'Org B' })).body
        const contact = (await api.post('/v1/contacts', { first_name: 'Mover', organization_id: b.id })).body
        assert.equal(
          (await api.patch(`/v1/contacts/${contact.id}`, { organization_id: a.id })).body.organization_id,
          a.id,
        )
        assert.equal(
          (await api.patch(`/v1/contacts/${contact.id}`, { organization_id: null })).body.organization_id,
          null,
        )
        const auto = await api.patch(`/v1/contacts/${contact.id}`, {
          emails: ['mover@org-a.test'],
          organization_id: 'auto',
        })
        assert.equal(auto.body.organization_id, a.id)
      })
    })

    describe('concurrent writes', () => {
      it('parallel "auto" creates for one new domain make one organization and all join it', async () => {
        const orgsBefore = (await api.get('/v1/organizations')).body.pagination.total_count
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            api.post('/v1/contacts', { emails: [`p${i}@race-auto.test`], organization_id: 'auto' }),
          ),
        )
        for (const res of results) assert.equal(res.status, 201, res.text)
        assert.equal(new Set(results.map((r) => r.body.organization_id)).size, 1)
        assert.equal((await api.get('/v1/organizations')).body.pagination.total_count, orgsBefore + 1)
      })
      it('parallel creates with one email: one wins, the others get 422 `has already been taken`, never a 500', async () => {
        const results = await Promise.all(
          Array.from({ length: 8 }, () => api.post('/v1/contacts', { emails: ['race@email.test'] })),
        )
        assert.deepEqual(results.map((r) => r.status).sort(), [201, 422, 422, 422, 422, 422, 422, 422])
        for (const res of results.filter((r) => r.status === 422))
          assert.ok(res.text.includes('has already been taken'), res.text)
      })
    })

    describe('update', () => {
      it('adds emails and phone numbers instead of replacing them', async () => {
        const c = (
          await api.post('/v1/contacts', {
            first_name: 'Jessica',
            emails: ['jessica@bene.test'],
            phone_numbers: ['010-1111-2222'],
          })
        ).body
        await tick()
        const res = await api.patch(`/v1/contacts/${c.id}`, {
          emails: ['JESSICA@bene.test', 'lady@bene.test'],
          phone_numbers: ['+82 10 1111 2222', '02-555-0101'],
        })
        assert.equal(res.status, 200, res.text)
        assert.deepEqual(res.body.emails, ['jessica@bene.test', 'lady@bene.test'])
        assert.deepEqual(res.body.phone_numbers, ['010-1111-2222', '02-555-0101'])
        assert.ok(res.body.updated_at > c.updated_at)
      })
      it('changes names: first or last name rebuild the display name, `name` alone splits', async () => {
        const c = (await api.post('/v1/contacts', { first_name: 'Feyd', last_name: 'Rautha' })).body
        const first = (await api.patch(`/v1/contacts/${c.id}`, { first_name: 'Feyd-' })).body
        assert.deepEqual([first.first_name, first.last_name, first.name], ['Feyd-', 'Rautha', 'Feyd- Rautha'])
        const full = (await api.patch(`/v1/contacts/${c.id}`, { name: 'Feyd-Rautha Harkonnen' })).body
        assert.deepEqual(
          [full.first_name, full.last_name, full.name],
          ['Feyd-Rautha', 'Harkonnen', 'Feyd-Rautha Harkonnen'],
        )
        const cleared = (await api.patch(`/v1/contacts/${c.id}`, { last_name: null, title: 'na-Baron' })).body
        assert.deepEqual([cleared.last_name, cleared.name, cleared.title], [null, 'Feyd-Rautha', 'na-Baron'])
      })
      it('refuses an email another contact holds and changes nothing else of the request', async () => {
        await api.post('/v1/contacts', { emails: ['owner@clash.test'] })
        const c = (await api.post('/v1/contacts', { first_name: 'Before', emails: ['mine@clash.test'] })).body
        const res = await api.patch(`/v1/contacts/${c.id}`, { first_name: 'After', emails: ['Owner@clash.test'] })
        assert.equal(res.status, 422)
        assert.ok(res.text.includes('has already been taken'))
        const now = (await api.get(`/v1/contacts/${c.id}`)).body
        assert.equal(now.first_name, 'Before')
        assert.deepEqual(now.emails, ['mine@clash.test'])
        assert.equal(now.updated_at, c.updated_at)
      })
      it('refuses clearing the first name of a contact without email', async () => {
        const c = (await api.post('/v1/contacts', { first_name: 'Lonely' })).body
        const res = await api.patch(`/v1/contacts/${c.id}`, { first_name: null })
        assert.equal(res.status, 422)
        assert.deepEqual(fields(res), ['first_name'])
      })
      it('422 for a phone number that is not one', async () => {
        const c = (await api.post('/v1/contacts', { first_name: 'Phoneless' })).body
        const res = await api.patch(`/v1/contacts/${c.id}`, { phone_numbers: ['010-1234-5678', 'call me maybe'] })
        assert.equal(res.status, 422)
        assert.deepEqual(fields(res), ['phone_numbers[1]'])
        assert.deepEqual((await api.get(`/v1/contacts/${c.id}`)).body.phone_numbers, [])
      })
      it('422 for body fields of the wrong type', async () => {
        const c = (await api.post('/v1/contacts', { first_name: 'Typed' })).body
        const res = await api.patch(`/v1/contacts/${c.id}`, { emails: 'x@y.test', first_name: 5 })
        assert.equal(res.status, 422)
        assert.deepEqual(fields(res), ['emails', 'first_name'])
      })
    })

    describe('removing emails and numbers', () => {
      it('removes the listed emails in any case and ignores others', async () => {
        const c = (
          await api.post('/v1/contacts', {
            first_name: 'Usul',
            emails: ['paul@arrak.is', 'usul@arrak.is', 'muaddib@arrak.is'],
          })
        ).body
        const res = await api.delete(`/v1/contacts/${c.id}/emails`, { emails: ['USUL@arrak.is', 'nobody@arrak.is'] })
        assert.equal(res.status, 200, res.text)
        assert.deepEqual(res.body.emails, ['paul@arrak.is', 'muaddib@arrak.is'])
        // The removed address is free for another contact.
        assert.equal((await api.post('/v1/contacts', { emails: ['usul@arrak.is'] })).status, 201)
      })
      it('keeps one email on a contact without a first name', async () => {
        const c = (await api.post('/v1/contacts', { emails: ['one@last.test', 'two@last.test'] })).body
        const res = await api.delete(`/v1/contacts/${c.id}/emails`, { emails: ['one@last.test', 'two@last.test'] })
        assert.equal(res.status, 422)
        assert.deepEqual(fields(res), ['emails'])
        assert.deepEqual((await api.get(`/v1/contacts/${c.id}`)).body.emails, ['one@last.test', 'two@last.test'])
        assert.equal((await api.delete(`/v1/contacts/${c.id}/emails`, {})).status, 422)
      })
      it('removes phone numbers written in any form', async () => {
        const c = (
          await api.post('/v1/contacts', { first_name: 'Thufir', phone_numbers: ['010-3333-4444', '031-123-4567'] })
        ).body
        const res = await api.delete(`/v1/contacts/${c.id}/phone_numbers`, { phone_numbers: ['+821033334444'] })
        assert.equal(res.status, 200)
        assert.deepEqual(res.body.phone_numbers, ['031-123-4567'])
      })
    })

    describe('lookups', () => {
      it('?email= returns only exact matches, any case', async () => {
        const target = (await api.post('/v1/contacts', { emails: ['exact@lookup.test'] })).body
        await api.post('/v1/contacts', { emails: ['xexact@lookup.test'] })
        await api.post('/v1/contacts', { emails: ['exact@lookup.test.com'] })
        await api.post('/v1/contacts', { emails: ['exact@lookup.tes'] })
        for (const email of ['exact@lookup.test', 'EXACT@Lookup.TEST', ' exact@lookup.test ']) {
          const res = await api.get(`/v1/contacts?email=${encodeURIComponent(email)}`)
          assert.equal(res.status, 200)
          assert.deepEqual(
            res.body.data.map((c: { id: string }) => c.id),
            [target.id],
            email,
          )
          assert.deepEqual(res.body.pagination, { end_cursor: 1, has_next_page: false, total_count: 1 })
        }
        const none = await api.get('/v1/contacts?email=nobody@lookup.test')
        assert.deepEqual(none.body, { data: [], pagination: { end_cursor: 0, has_next_page: false, total_count: 0 } })
        assert.equal((await api.get('/v1/contacts?email=exact')).body.data.length, 0)
      })
      it('?email= finds an address with + even when the + is not URL-encoded', async () => {
        const target = (await api.post('/v1/contacts', { emails: ['paul+crm@lookup.test'] })).body
        assert.deepEqual(
          (await api.get('/v1/contacts?email=paul+crm@lookup.test')).body.data.map((c: { id: string }) => c.id),
          [target.id],
        )
        assert.deepEqual(
          (await api.get('/v1/contacts?email=paul%2Bcrm%40lookup.test')).body.data.map((c: { id: string }) => c.id),
          [target.id],
        )
      })
      it('?phone_number= matches every written form of the number', async () => {
        const target = (await api.post('/v1/contacts', { first_name: 'Phone', phone_numbers: ['010-9876-5432'] })).body
        await api.post('/v1/contacts', { first_name: 'Other', phone_numbers: ['010-9876-5433'] })
        for (const number of [
          '+821098765432',
          '01098765432',
          '010-9876-5432',
          '010 9876 5432',
          '+82 (0)10-9876-5432',
          '00821098765432',
        ]) {
          const res = await api.get(`/v1/contacts?phone_number=${encodeURIComponent(number)}`)
          assert.deepEqual(
            res.body.data.map((c: { id: string }) => c.id),
            [target.id],
            number,
          )
        }
        // Clients that do not encode the + send a space in its place.
        assert.deepEqual(
          (await api.get('/v1/contacts?phone_number=+821098765432')).body.data.map((c: { id: string }) => c.id),
          [target.id],
        )
        assert.equal((await api.get('/v1/contacts?phone_number=not-a-number')).body.pagination.total_count, 0)
        assert.equal((await api.get('/v1/contacts?phone_number=01098765431')).body.pagination.total_count, 0)
      })
      it('a stored +82 number is found by its national form', async () => {
        const target = (await api.post('/v1/contacts', { first_name: 'Intl', phone_numbers: ['+82 10-5555-6666'] }))
          .body
        assert.deepEqual(
          (await api.get('/v1/contacts?phone_number=010-5555-6666')).body.data.map((c: { id: string }) => c.id),
          [target.id],
        )
      })
      it('pages and filters by updated_after like every list', async () => {
        const all = await api.all('/v1/contacts')
        assert.equal(all.length, await total())
        const page = await api.get('/v1/contacts?first=2&after=1')
        assert.equal(page.body.data.length, 2)
        assert.equal(page.body.pagination.end_cursor, 3)
        const future = Math.ceil(Date.now() / 1000) + 60
        assert.equal((await api.get(`/v1/contacts?updated_after=${future}`)).body.pagination.total_count, 0)
        assert.equal((await api.get('/v1/contacts?first=-1')).status, 422)
      })
    })

    describe('delete', () => {
      it('answers 204 with no body and frees the emails', async () => {
        const c = (await api.post('/v1/contacts', { emails: ['gone@delete.test'], phone_numbers: ['010-0000-1111'] }))
          .body
        const res = await api.delete(`/v1/contacts/${c.id}`)
        assert.equal(res.status, 204)
        assert.equal(res.text, '')
        assert.equal((await api.get(`/v1/contacts/${c.id}`)).status, 404)
        assert.equal((await api.get('/v1/contacts?phone_number=01000001111')).body.pagination.total_count, 0)
        assert.equal((await api.post('/v1/contacts', { emails: ['gone@delete.test'] })).status, 201)
      })
      it('deletes its entries in every list and process, keeping the counters true, and unlinks it elsewhere', async () => {
        const org = (await api.post('/v1/organizations', { name: 'Entry Org' })).body
        const contact = (await api.post('/v1/contacts', { first_name: 'Doomed', organization_id: org.id })).body
        const keep = (await api.post('/v1/contacts', { first_name: 'Stays' })).body
        const list = await makeList(api, { process: false, entryType: 'Contact' })
        const process = await makeList(api, { process: true, entryType: 'Contact' })
        const orgProcess = await makeList(api, { process: true, entryType: 'Organization' })
        const e1 = await makeEntry(api, list, { type: 'Contact', id: contact.id })
        const e2 = await makeEntry(api, process, { type: 'Contact', id: contact.id })
        const other = await makeEntry(api, process, { type: 'Contact', id: keep.id })
        const orgEntry = await makeEntry(api, orgProcess, { type: 'Organization', id: org.id, contactId: contact.id })
        assert.deepEqual(await listCounts(api, process), { kept: 2, real: 2, status: 2 })

        assert.equal((await api.delete(`/v1/contacts/${contact.id}`)).status, 204)
        assert.equal(await findEntry(api, list, e1), undefined)
        assert.equal(await findEntry(api, process, e2), undefined)
        assert.ok(await findEntry(api, process, other))
        assert.deepEqual(await listCounts(api, list), { kept: 0, real: 0, status: null })
        assert.deepEqual(await listCounts(api, process), { kept: 1, real: 1, status: 1 })
        // The organization's entry stays; it no longer names the contact.
        assert.equal((await findEntry(api, orgProcess, orgEntry))?.contact_id, null)
        assert.equal((await api.get(`/v1/contacts/${keep.id}`)).status, 200)
      })
      it('takes the contact out of `contact` custom fields that named it', async () => {
        const single = (
          await api.post('/v1/custom_fields', {
            name: 'Mentor',
            model: 'contact',
            data_type: 'contact',
            accepts_multiple_values: false,
          })
        ).body
        const multi = (
          await api.post('/v1/custom_fields', {
            name: 'Allies',
            model: 'organization',
            data_type: 'contact',
            accepts_multiple_values: true,
          })
        ).body
        const doomed = (await api.post('/v1/contacts', { first_name: 'Jamis' })).body
        const friend = (await api.post('/v1/contacts', { first_name: 'Friend' })).body
        const student = (
          await api.post('/v1/contacts', {
            first_name: 'Student',
            custom_fields: [{ name: 'Mentor', value: doomed.id }],
          })
        ).body
        const org = (
          await api.post('/v1/organizations', {
            name: 'Sietch',
            custom_fields: [{ name: 'Allies', value: [doomed.id, friend.id] }],
          })
        ).body
        assert.equal(student.custom_fields[single.id].value, doomed.id)
        await tick()
        assert.equal((await api.delete(`/v1/contacts/${doomed.id}`)).status, 204)
        const studentAfter = (await api.get(`/v1/contacts/${student.id}`)).body
        assert.deepEqual(studentAfter.custom_fields, {})
        assert.ok(studentAfter.updated_at > student.updated_at, 'the record that lost a reference shows as updated')
        assert.deepEqual((await api.get(`/v1/organizations/${org.id}`)).body.custom_fields[multi.id].value, [friend.id])
      })
    })
  })
}
