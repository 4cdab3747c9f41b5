// `GET /v1/lists/:list_id/export`: every entry the filters keep, as CSV (headers the import reads back)
// or JSON lines, from one snapshot; a 404 or 422 before any byte is sent.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { parse } from 'csv-parse/sync'
import { TEST_DATABASES } from '../support/databases.js'
import { client, type ApiClient } from '../support/client.js'
import { createContact, createList, createMember, createOrganization } from '../support/seed.js'
import { startTestServer, type TestServer } from '../support/server.js'

for (const database of TEST_DATABASES) {
  describe(`${database.name}: export`, () => {
    let server: TestServer
    let api: ApiClient
    let process: any
    let member: { email: string }
    before(async () => {
      server = await startTestServer(database)
      api = client(server, server.workspace.key)
      member = await createMember(api)
      process = await createList(api, {
        name: 'Deals 2026',
        process: true,
        entry_type: 'Organization',
        identifier: 'D',
        duplicates_allowed: false,
        fields: [
          { name: 'Tags', data_type: 'select', options: ['a', 'b, c', 'd'], accepts_multiple_values: true },
          { name: 'Size', data_type: 'number' },
          { name: 'Status', data_type: 'text' },
        ],
      })
      for (let i = 0; i < 5; i++) {
        const org = await createOrganization(api, { name: `Org ${i}`, domains: [`org${i}.example.com`] })
        const contact = await createContact(api, {
          first_name: `Person${i}`,
          organization_id: org.id,
          emails: [`p${i}@org${i}.example.com`],
        })
        const res = await api.post(`/v1/lists/${process.id}/entries`, {
          entryable_id: org.id,
          entryable_type: 'Organization',
          contact_id: contact.id,
          status: i % 2 === 0 ? 'Started' : 'Completed',
          assignee_email: i === 0 ? member.email : undefined,
          one_time_value_cents: 100050 + i,
          recurring_value_cents: 0,
          recurring_value_period: 'monthly',
          list_fields: [
            { name: 'Tags', value: i === 1 ? ['a', 'b, c'] : ['a', 'd'] },
            { name: 'Size', value: i * 10 },
            { name: 'Status', value: `text ${i}` },
          ],
        })
        assert.equal(res.status, 201, res.text)
      }
    })
    after(async () => server?.close())

    it('streams a process as CSV in key order, with record, process and field columns', async () => {
      const res = await api.get(`/v1/lists/${process.id}/export`)
      assert.equal(res.status, 200, res.text)
      assert.match(res.headers.get('content-type') ?? '', /^text\/csv/)
      assert.match(res.headers.get('content-disposition') ?? '', /filename="Deals-2026.csv"/)
      const rows: string[][] = parse(res.text)
      assert.deepEqual(rows[0], [
        'Key',
        'Organization name',
        'Domain',
        'Contact name',
        'Email',
        'Phone number',
        'Status',
        'Assignee email',
        'One time value',
        'Recurring value',
        'Recurring period',
        'Tags',
        'Size',
        'list field: Status',
      ])
      assert.equal(rows.length, 6)
      assert.deepEqual(rows[1], [
        'D-1',
        'Org 0',
        'org0.example.com',
        'Person0',
        'p0@org0.example.com',
        '',
        'Started',
        member.email,
        '1000.50',
        '0.00',
        'monthly',
        'a, d',
        '0',
        'text 0',
      ])
      assert.equal(rows[2]![11], '["a","b, c"]', 'a value with a comma makes the cell a JSON array')
      assert.deepEqual(
        rows.slice(1).map((r) => r[0]),
        ['D-1', 'D-2', 'D-3', 'D-4', 'D-5'],
      )
    })

    it('applies the list filters and writes the header even when nothing matches', async () => {
      const completed = parse((await api.get(`/v1/lists/${process.id}/export?status=Completed`)).text)
      assert.deepEqual(
        completed.slice(1).map((r: string[]) => r[0]),
        ['D-2', 'D-4'],
      )
      const none = await api.get(`/v1/lists/${process.id}/export?field[Size]=999`)
      assert.equal(none.status, 200)
      assert.equal(parse(none.text).length, 1)
    })

    it('streams JSON lines: each entry as the API shows it, with its organization and contact', async () => {
      const res = await api.get(`/v1/lists/${process.id}/export?format=jsonl`)
      assert.equal(res.status, 200)
      assert.match(res.headers.get('content-type') ?? '', /^application\/x-ndjson/)
      const lines = res.text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l))
      assert.equal(lines.length, 5)
      const entry = (await api.get(`/v1/lists/${process.id}/entries/${lines[0].id}`)).body
      const { organization, contact, ...rest } = lines[0]
      assert.deepEqual(rest, entry)
      assert.deepEqual(organization, { id: entry.entryable_id, name: 'Org 0', domains: ['org0.example.com'] })
      assert.equal(contact.id, entry.contact_id)
      assert.deepEqual(contact.emails, ['p0@org0.example.com'])
    })

    it('exports a contact list with the contacts and their organizations', async () => {
      const list = await createList(api, { name: 'People', process: false, entry_type: 'Contact' })
      const org = await createOrganization(api, { name: 'Acme', domains: ['acme.example'] })
      const contact = await createContact(api, {
        first_name: 'Ann',
        organization_id: org.id,
        emails: ['ann@acme.example'],
      })
      await api.patch(`/v1/contacts/${contact.id}`, { phone_numbers: ['+82 10-1234-5678'], last_name: 'Lee' })
      assert.equal(
        (await api.post(`/v1/lists/${list.id}/entries`, { entryable_id: contact.id, entryable_type: 'Contact' }))
          .status,
        201,
      )
      const rows = parse((await api.get(`/v1/lists/${list.id}/export`)).text)
      assert.deepEqual(rows, [
        ['Contact name', 'Email', 'Phone number', 'Organization name', 'Domain'],
        ['Ann Lee', 'ann@acme.example', '+82 10-1234-5678', 'Acme', 'acme.example'],
      ])
    })

    it('answers 404 for an unknown list and 422 for an unknown format or filter, as JSON errors', async () => {
      assert.equal((await api.get('/v1/lists/NoSuchList1/export')).status, 404)
      const format = await api.get(`/v1/lists/${process.id}/export?format=xlsx`)
      assert.equal(format.status, 422)
      assert.equal(format.body.code, 'validation_failed')
      assert.equal((await api.get(`/v1/lists/${process.id}/export?field[Nope]=1`)).status, 422)
      assert.equal((await api.get(`/v1/lists/${process.id}/export?first=10`)).status, 422)
    })

    it('reads one snapshot: entries written while an export streams are not in it', async () => {
      const big = await createList(api, { name: 'Big', process: false, entry_type: 'Organization' })
      const orgs = await Promise.all(Array.from({ length: 1100 }, (_, i) => createOrganization(api, { name: `B${i}` })))
      const add = (org: { id: string }) =>
        api.post(`/v1/lists/${big.id}/entries`, { entryable_id: org.id, entryable_type: 'Organization' })
      await Promise.all(orgs.slice(0, 1050).map(add))
      const response = await fetch(`${server.url}/v1/lists/${big.id}/export`, {
        headers: { authorization: `Bearer ${server.workspace.key}` },
      })
      const reader = response.body!.getReader()
      let text = new TextDecoder().decode((await reader.read()).value)
      // The first page has been read; entries added now come after the snapshot.
      for (const res of await Promise.all(orgs.slice(1050).map(add))) assert.equal(res.status, 201)
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        text += new TextDecoder().decode(value)
      }
      assert.equal(parse(text).length, 1 + 1050)
      assert.equal(parse((await api.get(`/v1/lists/${big.id}/export`)).text).length, 1 + 1100)
    })
  })
}
