import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { TEST_DATABASES } from '../support/databases.js'
import { client, type ApiClient } from '../support/client.js'
import { VALUES, createContact, createList, createMember, createOrganization, processBody } from '../support/seed.js'
import { startTestServer, type TestServer } from '../support/server.js'

const REGULAR_KEYS = [
  'id',
  'key',
  'list_id',
  'entryable_id',
  'entryable_type',
  'contact_id',
  'list_fields',
  'created_at',
  'updated_at',
]
const PROCESS_KEYS = [
  'id',
  'key',
  'list_id',
  'entryable_id',
  'entryable_type',
  'status',
  'assignee',
  'contact_id',
  'one_time_value_cents',
  'recurring_value_cents',
  'recurring_value_period',
  'list_fields',
  'closed_at',
  'next_entry_id',
  'created_at',
  'updated_at',
]
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

const fieldsOf = (res: { body: { details?: Array<{ field: string }> } }) =>
  (res.body.details ?? []).map((d) => d.field).sort()

for (const database of TEST_DATABASES) {
  describe(`${database.name}: entries`, () => {
    let server: TestServer
    let api: ApiClient
    before(async () => {
      server = await startTestServer(database)
      api = client(server, server.workspace.key)
    })
    after(async () => server?.close())

    const entryOf = (listId: string, body: Record<string, unknown>) => api.post(`/v1/lists/${listId}/entries`, body)

    describe('shapes', () => {
      it('reproduces the documented regular-list entry key for key', async () => {
        const list = await createList(api, {
          name: 'test list',
          process: false,
          entry_type: 'Organization',
          fields: [{ name: 'test field', data_type: 'text' }],
        })
        const org = await createOrganization(api)
        const res = await entryOf(list.id, {
          entryable_id: org.id,
          entryable_type: 'Organization',
          list_fields: [{ name: 'test field', value: 'test value' }],
        })
        assert.equal(res.status, 201, res.text)
        assert.deepEqual(Object.keys(res.body), REGULAR_KEYS)
        const fieldId = list.fields[0].id
        assert.deepEqual(
          { ...res.body, id: 'x', created_at: 'x', updated_at: 'x' },
          {
            id: 'x',
            key: null,
            list_id: list.id,
            entryable_id: org.id,
            entryable_type: 'Organization',
            contact_id: null,
            list_fields: { [fieldId]: { name: 'test field', data_type: 'text', value: 'test value' } },
            created_at: 'x',
            updated_at: 'x',
          },
        )
        assert.match(res.body.created_at, ISO_MS)
        const listed = await api.get(`/v1/lists/${list.id}/entries`)
        assert.deepEqual(listed.body, {
          data: [res.body],
          pagination: { end_cursor: 1, has_next_page: false, total_count: 1 },
        })
        assert.deepEqual((await api.get(`/v1/lists/${list.id}/entries/${res.body.id}`)).body, res.body)
      })

      it('reproduces the documented process entry key for key', async () => {
        const p = await createList(api, {
          name: 'test process',
          process: true,
          entry_type: 'Organization',
          identifier: 'TEST PROCE',
          duplicates_allowed: true,
          fields: [{ name: 'test field', data_type: 'text' }],
        })
        const org = await createOrganization(api)
        const res = await entryOf(p.id, {
          entryable_id: org.id,
          entryable_type: 'Organization',
          status: 'Started',
          ...VALUES,
          list_fields: [{ name: 'test field', value: 'test value' }],
        })
        assert.equal(res.status, 201, res.text)
        assert.deepEqual(Object.keys(res.body), PROCESS_KEYS)
        assert.deepEqual(
          { ...res.body, id: 'x', created_at: 'x', updated_at: 'x' },
          {
            id: 'x',
            key: 'TEST PROCE-1',
            list_id: p.id,
            entryable_id: org.id,
            entryable_type: 'Organization',
            status: 'Started',
            assignee: null,
            contact_id: null,
            one_time_value_cents: 0,
            recurring_value_cents: 0,
            recurring_value_period: 'annual',
            list_fields: { [p.fields[0].id]: { name: 'test field', data_type: 'text', value: 'test value' } },
            closed_at: null,
            next_entry_id: null,
            created_at: 'x',
            updated_at: 'x',
          },
        )
      })

      it('shows every field of the list, null where unset, and the assignee as {id, name, email}', async () => {
        const member = await createMember(api, 'Paul Atreides')
        const p = await createList(
          api,
          processBody({
            duplicates_allowed: true,
            fields: [
              { name: 'A', data_type: 'text' },
              { name: 'B', data_type: 'number' },
            ],
          }),
        )
        const org = await createOrganization(api)
        const res = await entryOf(p.id, {
          entryable_id: org.id,
          entryable_type: 'Organization',
          status: 'Started',
          ...VALUES,
          assignee_email: member.email.toUpperCase(),
        })
        assert.equal(res.status, 201, res.text)
        assert.deepEqual(res.body.assignee, { id: member.id, name: 'Paul Atreides', email: member.email })
        assert.deepEqual(Object.values(res.body.list_fields), [
          { name: 'A', data_type: 'text', value: null },
          { name: 'B', data_type: 'number', value: null },
        ])
      })
    })

    describe('create rules', () => {
      let p: any
      let org: { id: string }
      before(async () => {
        p = await createList(api, processBody({ name: 'Rules', identifier: 'RULE' }))
        org = await createOrganization(api)
      })
      const base = () => ({ entryable_id: org.id, entryable_type: 'Organization', status: 'Started', ...VALUES })

      it("requires entryable_id and entryable_type, and the list's entry type", async () => {
        assert.deepEqual(fieldsOf(await entryOf(p.id, { status: 'Started', ...VALUES })), [
          'entryable_id',
          'entryable_type',
        ])
        const contact = await createContact(api)
        const wrongType = await entryOf(p.id, { ...base(), entryable_id: contact.id, entryable_type: 'Contact' })
        assert.equal(wrongType.status, 422)
        assert.deepEqual(fieldsOf(wrongType), ['entryable_type'])
        assert.equal((await entryOf(p.id, { ...base(), entryable_type: 'Deal' })).status, 422)
      })

      it('checks a create against the list as just changed: new fields and statuses, options dropped, duplicates now refused', async () => {
        const list = await createList(
          api,
          processBody({
            name: 'Changing',
            identifier: 'CHG',
            duplicates_allowed: true,
            fields: [{ name: 'Size', data_type: 'select', options: ['S', 'M', 'L'], accepts_multiple_values: false }],
          }),
        )
        const make = (body: Record<string, unknown> = {}) => entryOf(list.id, { ...base(), ...body })
        assert.equal((await make({ list_fields: [{ name: 'Size', value: 'S' }] })).status, 201)
        const changed = await api.patch(`/v1/lists/${list.id}`, {
          duplicates_allowed: false,
          fields: [
            { name: 'Size', data_type: 'select', options: ['S', 'M'], accepts_multiple_values: false },
            { name: 'Region', data_type: 'text' },
          ],
          statuses: [{ name: 'Paused', type: 'active' }],
        })
        assert.equal(changed.status, 200, changed.text)
        const dropped = await make({
          entryable_id: (await createOrganization(api)).id,
          list_fields: [{ name: 'Size', value: 'L' }],
        })
        assert.equal(dropped.status, 422, dropped.text)
        assert.deepEqual(fieldsOf(dropped), ['list_fields[0].value'])
        const twice = await make()
        assert.equal(twice.status, 422, 'the record is in the list already, which now holds it once')
        assert.match(twice.body.message, /has already been taken/)
        const fresh = await make({
          entryable_id: (await createOrganization(api)).id,
          status: 'Paused',
          list_fields: [{ name: 'Region', value: 'EU' }],
        })
        assert.equal(fresh.status, 201, fresh.text)
        assert.equal(fresh.body.status, 'Paused')
        assert.equal(fresh.body.key, 'CHG-2', 'refused creates took no key')
        assert.deepEqual(
          Object.values(fresh.body.list_fields).map((f: any) => [f.name, f.value]),
          [
            ['Size', null],
            ['Region', 'EU'],
          ],
        )
      })

      it('requires the record to exist in the workspace', async () => {
        const res = await entryOf(p.id, { ...base(), entryable_id: 'NoSuchOrg1' })
        assert.equal(res.status, 422)
        assert.deepEqual(fieldsOf(res), ['entryable_id'])
        const contact = await createContact(api)
        const res2 = await entryOf(p.id, { ...base(), entryable_id: contact.id })
        assert.equal(res2.status, 422, 'a contact id is not an organization')
      })

      it('requires status, values and period in a process', async () => {
        const res = await entryOf(p.id, { entryable_id: org.id, entryable_type: 'Organization' })
        assert.equal(res.status, 422)
        assert.deepEqual(fieldsOf(res), [
          'one_time_value_cents',
          'recurring_value_cents',
          'recurring_value_period',
          'status',
        ])
      })

      it('checks status, values, period, assignee and contact', async () => {
        const other = await createOrganization(api)
        const foreignContact = await createContact(api, { organization_id: other.id })
        const cases: Array<[Record<string, unknown>, string]> = [
          [{ status: 'Nope' }, 'status'],
          [{ one_time_value_cents: -1 }, 'one_time_value_cents'],
          [{ one_time_value_cents: 1.5 }, 'one_time_value_cents'],
          [{ one_time_value_cents: '100' }, 'one_time_value_cents'],
          [{ recurring_value_cents: -100 }, 'recurring_value_cents'],
          [{ recurring_value_period: 'weekly' }, 'recurring_value_period'],
          [{ assignee_email: 'nobody@example.com' }, 'assignee_email'],
          [{ contact_id: 'NoSuchOne1' }, 'contact_id'],
          [{ contact_id: foreignContact.id }, 'contact_id'],
        ]
        for (const [patch, field] of cases) {
          const res = await entryOf(p.id, { ...base(), ...patch })
          assert.equal(res.status, 422, `${JSON.stringify(patch)}: ${res.text}`)
          assert.deepEqual(fieldsOf(res), [field], JSON.stringify(patch))
        }
        const own = await createContact(api, { organization_id: org.id })
        const ok = await entryOf(p.id, { ...base(), contact_id: own.id, one_time_value_cents: 123456789012 })
        assert.equal(ok.status, 201, ok.text)
        assert.equal(ok.body.contact_id, own.id)
        assert.equal(ok.body.one_time_value_cents, 123456789012)
      })

      it('refuses a second entry of a record where duplicates are not allowed, with "has already been taken"', async () => {
        const fresh = await createOrganization(api)
        assert.equal((await entryOf(p.id, { ...base(), entryable_id: fresh.id })).status, 201)
        const dup = await entryOf(p.id, { ...base(), entryable_id: fresh.id })
        assert.equal(dup.status, 422)
        assert.ok(dup.text.includes('has already been taken'))
        const list = await createList(api, { name: 'plain', process: false, entry_type: 'Organization' })
        assert.equal((await entryOf(list.id, { entryable_id: fresh.id, entryable_type: 'Organization' })).status, 201)
        const dup2 = await entryOf(list.id, { entryable_id: fresh.id, entryable_type: 'Organization' })
        assert.equal(dup2.status, 422)
        assert.ok(dup2.text.includes('has already been taken'))
        const many = await createList(api, processBody({ name: 'Many', duplicates_allowed: true }))
        assert.equal((await entryOf(many.id, { ...base(), entryable_id: fresh.id })).status, 201)
        assert.equal((await entryOf(many.id, { ...base(), entryable_id: fresh.id })).status, 201)
      })

      it('refuses process-only fields in a regular list', async () => {
        const list = await createList(api, { name: 'plain2', process: false, entry_type: 'Organization' })
        const res = await entryOf(list.id, {
          entryable_id: org.id,
          entryable_type: 'Organization',
          status: 'Started',
          one_time_value_cents: 5,
        })
        assert.equal(res.status, 422)
        assert.deepEqual(fieldsOf(res), ['one_time_value_cents', 'status'])
      })

      it('answers 404 for an unknown list, and for an entry of another list', async () => {
        assert.equal((await entryOf('NoSuchList', base())).status, 404)
        assert.equal((await api.get('/v1/lists/NoSuchList/entries')).status, 404)
        const e = (await entryOf(p.id, { ...base(), entryable_id: (await createOrganization(api)).id })).body
        const other = await createList(api, processBody({ name: 'Other' }))
        assert.equal((await api.get(`/v1/lists/${other.id}/entries/${e.id}`)).status, 404)
        assert.equal((await api.patch(`/v1/lists/${other.id}/entries/${e.id}`, { status: 'Started' })).status, 404)
        assert.equal((await api.delete(`/v1/lists/${other.id}/entries/${e.id}`)).status, 404)
        assert.equal((await api.get(`/v1/lists/${other.id}/entries/${e.id}/status_changes`)).status, 404)
        assert.equal((await api.get(`/v1/lists/${p.id}/entries/${e.id}`)).status, 200)
      })
    })

    describe('list fields', () => {
      let list: any
      let byName: Record<string, string>
      before(async () => {
        list = await createList(api, {
          name: 'typed',
          process: false,
          entry_type: 'Organization',
          fields: [
            { name: 'Text', data_type: 'text' },
            { name: 'Memo', data_type: 'textarea' },
            { name: 'Site', data_type: 'url' },
            { name: 'Size', data_type: 'number' },
            { name: 'Due', data_type: 'date' },
            { name: 'Met', data_type: 'datetime' },
            { name: 'Tier', data_type: 'select', accepts_multiple_values: false, options: ['Gold', 'Silver'] },
            { name: 'Tags', data_type: 'select', accepts_multiple_values: true, options: ['a', 'b', 'c'] },
            { name: 'Owner', data_type: 'user', accepts_multiple_values: false },
            { name: 'People', data_type: 'contact', accepts_multiple_values: true },
          ],
        })
        byName = Object.fromEntries(list.fields.map((f: { id: string; name: string }) => [f.name, f.id]))
      })

      it('stores each type and returns it keyed by field id', async () => {
        const member = await createMember(api)
        const contact = await createContact(api)
        const org = await createOrganization(api)
        const res = await entryOf(list.id, {
          entryable_id: org.id,
          entryable_type: 'Organization',
          list_fields: [
            { name: 'Text', value: 'hello' },
            { name: 'Memo', value: 'line 1\nline 2' },
            { name: 'Site', value: 'https://relate.so/x' },
            { name: 'Size', value: 42.5 },
            { name: 'Due', value: '2025-02-28' },
            { name: 'Met', value: '2025-04-29T22:47:39+09:00' },
            { name: 'Tier', value: 'Gold' },
            { name: 'Tags', value: ['a', 'c'] },
            { name: 'Owner', value: member.email.toUpperCase() },
            { name: 'People', value: [contact.id] },
          ],
        })
        assert.equal(res.status, 201, res.text)
        const value = (name: string) => res.body.list_fields[byName[name]!].value
        assert.equal(value('Text'), 'hello')
        assert.equal(value('Memo'), 'line 1\nline 2')
        assert.equal(value('Site'), 'https://relate.so/x')
        assert.equal(value('Size'), 42.5)
        assert.equal(value('Due'), '2025-02-28')
        assert.equal(value('Met'), '2025-04-29T13:47:39.000Z')
        assert.equal(value('Tier'), 'Gold')
        assert.deepEqual(value('Tags'), ['a', 'c'])
        assert.equal(value('Owner'), member.email.toLowerCase())
        assert.deepEqual(value('People'), [contact.id])
        assert.equal(res.body.list_fields[byName.Tier!].data_type, 'select')
      })

      it('refuses values that do not fit the type, and unknown names, naming each', async () => {
        const org = await createOrganization(api)
        const cases: Array<[string, unknown]> = [
          ['Size', 'twelve'],
          ['Site', 'not a url'],
          ['Due', '2025-02-30'],
          ['Due', '28/02/2025'],
          ['Met', '2025-04-29'],
          ['Tier', 'Bronze'],
          ['Tier', ['Gold']],
          ['Tags', ['a', 'z']],
          ['Owner', 'stranger@example.com'],
          ['People', ['NoSuchPers']],
          ['Text', { nested: true }],
        ]
        for (const [name, value] of cases) {
          const res = await entryOf(list.id, {
            entryable_id: org.id,
            entryable_type: 'Organization',
            list_fields: [{ name, value }],
          })
          assert.equal(res.status, 422, `${name}=${JSON.stringify(value)}: ${res.text}`)
          assert.ok(
            fieldsOf(res).every((f) => f.startsWith('list_fields[0].value')),
            `${name}: ${JSON.stringify(res.body.details)}`,
          )
        }
        const unknown = await entryOf(list.id, {
          entryable_id: org.id,
          entryable_type: 'Organization',
          list_fields: [
            { name: 'Text', value: 'ok' },
            { name: 'Nope', value: 'x' },
          ],
        })
        assert.equal(unknown.status, 422)
        assert.deepEqual(fieldsOf(unknown), ['list_fields[1].name'])
        assert.match(unknown.body.message, /Nope/)
        assert.equal(
          (await api.get(`/v1/lists/${list.id}/entries?entryable_id=${org.id}`)).body.pagination.total_count,
          0,
          'nothing was written',
        )
      })

      it('changes only the fields sent on PATCH; null clears; the {name: value} form works too', async () => {
        const org = await createOrganization(api)
        const e = (
          await entryOf(list.id, {
            entryable_id: org.id,
            entryable_type: 'Organization',
            list_fields: { Text: 'one', Size: 1, Tags: ['a'] },
          })
        ).body
        assert.equal(e.list_fields[byName.Text!].value, 'one')
        const res = await api.patch(`/v1/lists/${list.id}/entries/${e.id}`, {
          list_fields: [
            { name: 'Size', value: 2 },
            { name: 'Tags', value: null },
          ],
        })
        assert.equal(res.status, 200, res.text)
        assert.equal(res.body.list_fields[byName.Text!].value, 'one')
        assert.equal(res.body.list_fields[byName.Size!].value, 2)
        assert.equal(res.body.list_fields[byName.Tags!].value, null)
        assert.ok(res.body.updated_at > e.updated_at)
        assert.deepEqual((await api.get(`/v1/lists/${list.id}/entries/${e.id}`)).body, res.body)
      })

      it('forgets a deleted contact in the contact fields that named it', async () => {
        const [keep, gone] = [await createContact(api), await createContact(api)]
        const l = await createList(api, {
          name: 'people fields',
          process: false,
          entry_type: 'Organization',
          fields: [
            { name: 'One', data_type: 'contact', accepts_multiple_values: false },
            { name: 'Many', data_type: 'contact', accepts_multiple_values: true },
          ],
        })
        const org = await createOrganization(api)
        const e = (
          await entryOf(l.id, {
            entryable_id: org.id,
            entryable_type: 'Organization',
            list_fields: { One: gone.id, Many: [keep.id, gone.id] },
          })
        ).body
        assert.equal((await api.delete(`/v1/contacts/${gone.id}`)).status, 204)
        const after = (await api.get(`/v1/lists/${l.id}/entries/${e.id}`)).body
        assert.deepEqual(
          Object.values(after.list_fields).map((f: any) => f.value),
          [null, [keep.id]],
        )
        assert.ok(after.updated_at > e.updated_at)
        assert.equal((await api.get(`/v1/lists/${l.id}/entries?field[Many]=${gone.id}`)).body.pagination.total_count, 0)
        assert.equal((await api.get(`/v1/lists/${l.id}/entries?field[Many]=${keep.id}`)).body.pagination.total_count, 1)
      })

      it('drops the values of a removed field', async () => {
        const l = await createList(api, {
          name: 'removal',
          process: false,
          entry_type: 'Organization',
          fields: [
            { name: 'Gone', data_type: 'text' },
            { name: 'Kept', data_type: 'text' },
          ],
        })
        const org = await createOrganization(api)
        const e = (
          await entryOf(l.id, {
            entryable_id: org.id,
            entryable_type: 'Organization',
            list_fields: { Gone: 'x', Kept: 'y' },
          })
        ).body
        await api.patch(`/v1/lists/${l.id}`, { fields: [{ name: 'Gone', remove: true }] })
        const after = (await api.get(`/v1/lists/${l.id}/entries/${e.id}`)).body
        assert.deepEqual(Object.values(after.list_fields), [{ name: 'Kept', data_type: 'text', value: 'y' }])
        await api.patch(`/v1/lists/${l.id}`, { fields: [{ name: 'Gone', data_type: 'text' }] })
        const readded = (await api.get(`/v1/lists/${l.id}/entries/${e.id}`)).body
        assert.equal(
          Object.values<any>(readded.list_fields).find((f) => f.name === 'Gone').value,
          null,
          'a new field of the same name starts empty',
        )
      })

      it('refuses to change the type of a field that holds values', async () => {
        const l = await createList(api, {
          name: 'typed2',
          process: false,
          entry_type: 'Organization',
          fields: [
            { name: 'N', data_type: 'number' },
            { name: 'T', data_type: 'text' },
          ],
        })
        const org = await createOrganization(api)
        await entryOf(l.id, { entryable_id: org.id, entryable_type: 'Organization', list_fields: { N: 5, T: 'x' } })
        const res = await api.patch(`/v1/lists/${l.id}`, { fields: [{ name: 'N', data_type: 'date' }] })
        assert.equal(res.status, 422)
        assert.deepEqual(fieldsOf(res), ['fields[0].data_type'])
        assert.equal(
          (await api.patch(`/v1/lists/${l.id}`, { fields: [{ name: 'T', data_type: 'textarea' }] })).status,
          200,
          'text to textarea is fine',
        )
      })
    })

    describe('keys', () => {
      it('numbers keys from 1 per process and never reuses one', async () => {
        const p = await createList(api, processBody({ identifier: 'K', duplicates_allowed: true }))
        const org = await createOrganization(api)
        const make = async () =>
          (await entryOf(p.id, { entryable_id: org.id, entryable_type: 'Organization', status: 'Started', ...VALUES }))
            .body
        const [a, b, c] = [await make(), await make(), await make()]
        assert.deepEqual([a.key, b.key, c.key], ['K-1', 'K-2', 'K-3'])
        assert.equal((await api.delete(`/v1/lists/${p.id}/entries/${c.id}`)).status, 204)
        assert.equal((await make()).key, 'K-4')
        await api.patch(`/v1/lists/${p.id}`, { identifier: 'NEW' })
        assert.equal((await make()).key, 'NEW-5')
        assert.equal(
          (await api.get(`/v1/lists/${p.id}/entries/${a.id}`)).body.key,
          'K-1',
          'existing keys keep their prefix',
        )
        const other = await createList(api, processBody({ identifier: 'K', duplicates_allowed: true, name: 'Other K' }))
        assert.equal(
          (
            await entryOf(other.id, {
              entryable_id: org.id,
              entryable_type: 'Organization',
              status: 'Started',
              ...VALUES,
            })
          ).body.key,
          'K-1',
        )
      })

      it('gives 200 concurrent creates unique, gap-free keys', async () => {
        const p = await createList(api, processBody({ identifier: 'CC', duplicates_allowed: true }))
        const org = await createOrganization(api)
        const results = await Promise.all(
          Array.from({ length: 200 }, () =>
            entryOf(p.id, { entryable_id: org.id, entryable_type: 'Organization', status: 'Started', ...VALUES }),
          ),
        )
        for (const r of results) assert.equal(r.status, 201, r.text)
        const numbers = results.map((r) => Number(r.body.key.split('-')[1])).sort((x, y) => x - y)
        assert.deepEqual(
          numbers,
          Array.from({ length: 200 }, (_, i) => i + 1),
        )
        assert.equal((await api.get(`/v1/lists/${p.id}/entries?first=0`)).body.pagination.total_count, 200)
      })
    })

    describe('status', () => {
      let p: any
      let org: { id: string }
      before(async () => {
        p = await createList(api, processBody({ identifier: 'ST', duplicates_allowed: true }))
        org = await createOrganization(api)
      })
      const patch = (id: string, body: Record<string, unknown>) => api.patch(`/v1/lists/${p.id}/entries/${id}`, body)

      it('sets closed_at on entering won or lost, keeps it between closed statuses, clears it on returning to active', async () => {
        const e = (
          await entryOf(p.id, { entryable_id: org.id, entryable_type: 'Organization', status: 'Started', ...VALUES })
        ).body
        assert.equal(e.closed_at, null)
        const won = (await patch(e.id, { status: 'Completed' })).body
        assert.match(won.closed_at, ISO_MS)
        const lost = (await patch(e.id, { status: 'Canceled' })).body
        assert.equal(lost.closed_at, won.closed_at)
        const back = (await patch(e.id, { status: 'In progress' })).body
        assert.equal(back.closed_at, null)
        const createdClosed = (
          await entryOf(p.id, { entryable_id: org.id, entryable_type: 'Organization', status: 'Completed', ...VALUES })
        ).body
        assert.match(createdClosed.closed_at, ISO_MS)
      })

      it('follows a status changing type', async () => {
        const q = await createList(api, processBody({ identifier: 'TY', name: 'Typed statuses' }))
        const e = (
          await entryOf(q.id, {
            entryable_id: org.id,
            entryable_type: 'Organization',
            status: 'In progress',
            ...VALUES,
          })
        ).body
        await api.patch(`/v1/lists/${q.id}`, { statuses: [{ name: 'In progress', type: 'won' }] })
        assert.match((await api.get(`/v1/lists/${q.id}/entries/${e.id}`)).body.closed_at, ISO_MS)
        await api.patch(`/v1/lists/${q.id}`, { statuses: [{ name: 'In progress', type: 'active' }] })
        assert.equal((await api.get(`/v1/lists/${q.id}/entries/${e.id}`)).body.closed_at, null)
      })

      it('records every status change: from, to, when, and by which member and key', async () => {
        const member = await createMember(api, 'Alia')
        const made = await server.services.workspaces.createKey(server.workspace.id, {
          name: 'alia',
          userId: member.id,
        })
        const alia = client(server, made.key)
        const e = (
          await entryOf(p.id, { entryable_id: org.id, entryable_type: 'Organization', status: 'Started', ...VALUES })
        ).body
        await alia.patch(`/v1/lists/${p.id}/entries/${e.id}`, { status: 'In progress' })
        await alia.patch(`/v1/lists/${p.id}/entries/${e.id}`, { one_time_value_cents: 5 }) // not a status change
        await patch(e.id, { status: 'Completed' })
        const res = await api.get(`/v1/lists/${p.id}/entries/${e.id}/status_changes`)
        assert.equal(res.status, 200)
        assert.deepEqual(
          res.body.data.map((c: any) => [c.from_status, c.to_status, c.user?.name ?? null, c.api_key_id]),
          [
            [null, 'Started', null, res.body.data[0].api_key_id],
            ['Started', 'In progress', 'Alia', made.record.id],
            ['In progress', 'Completed', null, res.body.data[2].api_key_id],
          ],
        )
        assert.notEqual(res.body.data[0].api_key_id, made.record.id)
        for (const c of res.body.data) assert.match(c.changed_at, ISO_MS)
        assert.deepEqual(res.body.pagination, { end_cursor: 3, has_next_page: false, total_count: 3 })
        const page2 = await api.get(`/v1/lists/${p.id}/entries/${e.id}/status_changes?first=1&after=1`)
        assert.equal(page2.body.data[0].to_status, 'In progress')
        // history keeps names as they were
        await api.patch(`/v1/lists/${p.id}`, { statuses: [{ name: 'In progress', new_name: 'Doing' }] })
        const renamed = await api.get(`/v1/lists/${p.id}/entries/${e.id}/status_changes`)
        assert.equal(renamed.body.data[1].to_status, 'In progress')
        assert.equal((await api.get(`/v1/lists/${p.id}/entries/${e.id}`)).body.status, 'Completed')
      })

      it('keeps the history in the order the moves happened, even within one millisecond', async () => {
        const q = await createList(api, processBody({ identifier: 'ORD', name: 'Order' }))
        const e = (
          await entryOf(q.id, { entryable_id: org.id, entryable_type: 'Organization', status: 'Started', ...VALUES })
        ).body
        const actor = { workspaceId: server.workspace.id, apiKeyId: null, userId: null }
        const moves = ['In progress', 'Completed', 'Started', 'Canceled', 'In progress', 'Completed']
        // Straight through the service, back to back: faster than the clock's millisecond.
        for (const status of moves) await server.services.entries.update(actor, q.id, e.id, { status })
        const history = (await api.get(`/v1/lists/${q.id}/entries/${e.id}/status_changes`)).body.data
        assert.deepEqual(
          history.map((h: any) => h.to_status),
          ['Started', ...moves],
        )
        const times = history.map((h: any) => Date.parse(h.changed_at))
        for (let i = 1; i < times.length; i++)
          assert.ok(times[i] > times[i - 1], `change ${i} is after change ${i - 1}`)
      })

      it('cannot remove a status that holds entries', async () => {
        const q = await createList(api, processBody({ identifier: 'RM', name: 'Removal' }))
        const e = (
          await entryOf(q.id, { entryable_id: org.id, entryable_type: 'Organization', status: 'Canceled', ...VALUES })
        ).body
        const res = await api.patch(`/v1/lists/${q.id}`, { statuses: [{ name: 'Canceled', remove: true }] })
        assert.equal(res.status, 422)
        assert.deepEqual(fieldsOf(res), ['statuses[0].name'])
        await api.patch(`/v1/lists/${q.id}/entries/${e.id}`, { status: 'Started' })
        assert.equal(
          (await api.patch(`/v1/lists/${q.id}`, { statuses: [{ name: 'Canceled', remove: true }] })).status,
          200,
        )
      })
    })

    describe('update', () => {
      it('refuses a different entryable, unassigns with null, and moves updated_at only on real change', async () => {
        const member = await createMember(api)
        const p = await createList(api, processBody({ identifier: 'UP', duplicates_allowed: true }))
        const org = await createOrganization(api)
        const e = (
          await entryOf(p.id, {
            entryable_id: org.id,
            entryable_type: 'Organization',
            status: 'Started',
            ...VALUES,
            assignee_email: member.email,
          })
        ).body
        const other = await createOrganization(api)
        const moved = await api.patch(`/v1/lists/${p.id}/entries/${e.id}`, { entryable_id: other.id })
        assert.equal(moved.status, 422)
        assert.deepEqual(fieldsOf(moved), ['entryable_id'])
        assert.equal((await api.patch(`/v1/lists/${p.id}/entries/${e.id}`, { entryable_type: 'Contact' })).status, 422)
        const same = await api.patch(`/v1/lists/${p.id}/entries/${e.id}`, {
          entryable_id: org.id,
          entryable_type: 'Organization',
          status: 'Started',
          assignee_email: member.email,
          ...VALUES,
        })
        assert.equal(same.status, 200)
        assert.equal(same.body.updated_at, e.updated_at, 'no real change, no new updated_at')
        const unassigned = await api.patch(`/v1/lists/${p.id}/entries/${e.id}`, { assignee_email: null })
        assert.equal(unassigned.body.assignee, null)
        assert.ok(unassigned.body.updated_at > e.updated_at)
        const valued = await api.patch(`/v1/lists/${p.id}/entries/${e.id}`, {
          one_time_value_cents: 990,
          recurring_value_cents: 10,
          recurring_value_period: 'monthly',
        })
        assert.deepEqual(
          [valued.body.one_time_value_cents, valued.body.recurring_value_cents, valued.body.recurring_value_period],
          [990, 10, 'monthly'],
        )
        const bad = await api.patch(`/v1/lists/${p.id}/entries/${e.id}`, { status: 'Nope', one_time_value_cents: -5 })
        assert.equal(bad.status, 422)
        assert.deepEqual(
          (await api.get(`/v1/lists/${p.id}/entries/${e.id}`)).body,
          valued.body,
          'a refused PATCH changes nothing',
        )
      })

      it('deletes: 204, the entry and its history are gone', async () => {
        const p = await createList(api, processBody({ identifier: 'DEL' }))
        const org = await createOrganization(api)
        const e = (
          await entryOf(p.id, { entryable_id: org.id, entryable_type: 'Organization', status: 'Started', ...VALUES })
        ).body
        const res = await api.delete(`/v1/lists/${p.id}/entries/${e.id}`, undefined, {
          headers: { 'content-type': 'application/json' },
        })
        assert.equal(res.status, 204)
        assert.equal((await api.get(`/v1/lists/${p.id}/entries/${e.id}`)).status, 404)
        assert.equal((await api.get(`/v1/lists/${p.id}/entries/${e.id}/status_changes`)).status, 404)
        assert.equal(
          await server.db.kysely
            .selectFrom('entry_status_changes')
            .select('id')
            .where('entry_id', '=', e.id)
            .executeTakeFirst(),
          undefined,
        )
        assert.equal((await api.get(`/v1/lists/${p.id}/entries?first=0`)).body.pagination.total_count, 0)
        // the record may come back, as a new entry with a new key
        assert.equal(
          (await entryOf(p.id, { entryable_id: org.id, entryable_type: 'Organization', status: 'Started', ...VALUES }))
            .body.key,
          'DEL-2',
        )
      })

      it('deleting a list deletes its entries', async () => {
        const p = await createList(api, processBody({ identifier: 'GONE' }))
        const org = await createOrganization(api)
        const e = (
          await entryOf(p.id, { entryable_id: org.id, entryable_type: 'Organization', status: 'Started', ...VALUES })
        ).body
        assert.equal((await api.delete(`/v1/lists/${p.id}`)).status, 204)
        assert.equal(
          await server.db.kysely.selectFrom('entries').select('id').where('id', '=', e.id).executeTakeFirst(),
          undefined,
        )
      })
    })
  })
}
