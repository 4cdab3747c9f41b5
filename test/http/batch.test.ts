// The batch endpoints: up to 1,000 creates in one request and one transaction, each item answered in
// its place; valid items are written even when others are refused, keys stay gap-free, and `upsert`
// updates what an item matches.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { TEST_DATABASES } from '../support/databases.js'
import { client, type ApiClient } from '../support/client.js'
import { VALUES, createList, createOrganization } from '../support/seed.js'
import { startTestServer, type TestServer } from '../support/server.js'

for (const database of TEST_DATABASES) {
  describe(`${database.name}: batch endpoints`, () => {
    let server: TestServer
    let api: ApiClient
    before(async () => {
      server = await startTestServer(database)
      api = client(server, server.workspace.key)
    })
    after(async () => server?.close())

    it('writes the valid entries of a mixed batch with gap-free keys and answers each item in order', async () => {
      const p = await createList(api, {
        name: 'Batch',
        process: true,
        entry_type: 'Organization',
        identifier: 'BT',
        duplicates_allowed: false,
        fields: [{ name: 'Size', data_type: 'number' }],
      })
      const orgs = await Promise.all(Array.from({ length: 4 }, () => createOrganization(api)))
      const item = (id: string, extra: Record<string, unknown> = {}) => ({
        entryable_id: id,
        entryable_type: 'Organization',
        status: 'Started',
        ...VALUES,
        ...extra,
      })
      const res = await api.post(`/v1/lists/${p.id}/entries/batch`, {
        entries: [
          item(orgs[0]!.id, { list_fields: [{ name: 'Size', value: 1 }] }),
          item(orgs[1]!.id, { status: 'Nope' }), // a rule: unknown status
          { entryable_id: orgs[2]!.id }, // the schema: entryable_type missing
          item(orgs[2]!.id),
          item(orgs[0]!.id), // the same record again, no upsert: taken
          item('NoSuchOrg12'),
          item(orgs[3]!.id, { list_fields: [{ name: 'Size', value: 'big' }] }),
        ],
      })
      assert.equal(res.status, 200, res.text)
      assert.deepEqual(
        res.body.data.map((d: any) => d.status),
        [201, 422, 422, 201, 422, 422, 422],
      )
      assert.equal(res.body.data[0].entry.key, 'BT-1')
      assert.equal(res.body.data[3].entry.key, 'BT-2')
      assert.equal(res.body.data[1].error.details[0].field, 'status')
      assert.equal(res.body.data[2].error.details[0].field, 'entryable_type')
      assert.match(res.body.data[4].error.details[0].message, /has already been taken/)
      assert.equal(res.body.data[6].error.details[0].field, 'list_fields[0].value')
      assert.equal(res.body.data[1].error.status, 422)
      const stored = await api.all(`/v1/lists/${p.id}/entries`)
      assert.equal(stored.length, 2)
      // The next single create takes the next key: nothing was taken by the refused items.
      const next = await api.post(`/v1/lists/${p.id}/entries`, item(orgs[1]!.id))
      assert.equal(next.body.key, 'BT-3')
      const got = await api.get(`/v1/lists/${p.id}/entries/${res.body.data[0].entry.id}`)
      assert.deepEqual(got.body, res.body.data[0].entry)
    })

    it('updates with upsert: the entry of a record already in the list, its status change in the history', async () => {
      const p = await createList(api, {
        name: 'Upsert',
        process: true,
        entry_type: 'Organization',
        identifier: 'UP',
        duplicates_allowed: false,
      })
      const org = await createOrganization(api)
      const first = await api.post(`/v1/lists/${p.id}/entries/batch`, {
        entries: [{ entryable_id: org.id, entryable_type: 'Organization', status: 'Started', ...VALUES }],
        upsert: true,
      })
      assert.equal(first.body.data[0].status, 201)
      const second = await api.post(`/v1/lists/${p.id}/entries/batch`, {
        entries: [
          { entryable_id: org.id, entryable_type: 'Organization', status: 'Completed', ...VALUES },
          { entryable_id: org.id, entryable_type: 'Organization', status: 'Completed', ...VALUES },
        ],
        upsert: true,
      })
      assert.deepEqual(
        second.body.data.map((d: any) => d.status),
        [200, 200],
      )
      assert.equal(second.body.data[0].entry.id, first.body.data[0].entry.id)
      assert.equal(second.body.data[0].entry.status, 'Completed')
      const history = await api.get(`/v1/lists/${p.id}/entries/${first.body.data[0].entry.id}/status_changes`)
      assert.deepEqual(
        history.body.data.map((c: any) => [c.from_status, c.to_status]),
        [
          [null, 'Started'],
          ['Started', 'Completed'],
        ],
      )
      assert.equal((await api.all(`/v1/lists/${p.id}/entries`)).length, 1)
    })

    it('creates contacts and organizations in batches, matching by email, phone, domain and name with upsert', async () => {
      const orgs = await api.post('/v1/organizations/batch', {
        organizations: [{ name: 'Alpha', domains: ['alpha.example'] }, { name: 'Beta' }, { domains: ['bad domain'] }],
      })
      assert.deepEqual(
        orgs.body.data.map((d: any) => d.status),
        [201, 201, 422],
      )
      const again = await api.post('/v1/organizations/batch', {
        organizations: [
          { name: 'Alpha renamed', domains: ['https://www.alpha.example/x'] },
          { name: 'Beta', domains: ['beta.example'] },
          { name: 'Gamma' },
        ],
        upsert: true,
      })
      assert.deepEqual(
        again.body.data.map((d: any) => [d.status, d.organization.name, d.organization.domains]),
        [
          [200, 'Alpha renamed', ['alpha.example']],
          [200, 'Beta', ['beta.example']],
          [201, 'Gamma', []],
        ],
      )
      assert.equal(again.body.data[0].organization.id, orgs.body.data[0].organization.id)

      const people = await api.post('/v1/contacts/batch', {
        contacts: [
          { first_name: 'Ann', emails: ['ann@alpha.example'] },
          { first_name: 'Bob', phone_numbers: ['010-1234-5678'] },
          { emails: ['not an email'] },
          { last_name: 'NoFirst' },
        ],
      })
      assert.deepEqual(
        people.body.data.map((d: any) => d.status),
        [201, 201, 422, 422],
      )
      const upserted = await api.post('/v1/contacts/batch', {
        contacts: [
          { emails: ['ANN@alpha.example'], title: 'CEO' },
          { first_name: 'Bob', phone_numbers: ['+82 10 1234 5678'], emails: ['bob@beta.example'] },
          { first_name: 'Cy', emails: ['cy@alpha.example'] },
        ],
        upsert: true,
      })
      assert.deepEqual(
        upserted.body.data.map((d: any) => d.status),
        [200, 200, 201],
      )
      assert.equal(upserted.body.data[0].contact.id, people.body.data[0].contact.id)
      assert.equal(upserted.body.data[0].contact.title, 'CEO')
      assert.equal(upserted.body.data[1].contact.id, people.body.data[1].contact.id)
      const all = await api.all('/v1/contacts')
      assert.equal(all.length, 3)
    })

    it('refuses a bad envelope as a whole: no items, over 1,000 items, items that are not a list', async () => {
      const p = await createList(api, { name: 'Env', process: false, entry_type: 'Organization' })
      for (const body of [{ entries: [] }, { entries: Array.from({ length: 1001 }, () => ({})) }, { entries: {} }]) {
        const res = await api.post(`/v1/lists/${p.id}/entries/batch`, body)
        assert.equal(res.status, 422, JSON.stringify(body).slice(0, 50))
        assert.equal(res.body.code, 'validation_failed')
      }
      assert.equal((await api.post('/v1/lists/NoSuchList1/entries/batch', { entries: [{}] })).status, 404)
    })
  })
}
