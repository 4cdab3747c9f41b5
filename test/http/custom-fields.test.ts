import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { operator } from '../../src/domain/actor.js'
import { TEST_DATABASES } from '../support/databases.js'
import { client, type ApiClient } from '../support/client.js'
import { startTestServer, type TestServer } from '../support/server.js'

const FIELD_KEYS = [
  'accepts_multiple_values',
  'created_at',
  'data_type',
  'id',
  'model',
  'name',
  'options',
  'updated_at',
]

for (const database of TEST_DATABASES) {
  describe(`${database.name}: custom fields`, () => {
    let server: TestServer
    let api: ApiClient
    before(async () => {
      server = await startTestServer(database)
      api = client(server, server.workspace.key)
    })
    after(async () => server?.close())

    const fields = (res: { body: { details: Array<{ field: string }> } }) => res.body.details.map((d) => d.field).sort()
    const create = async (body: Record<string, unknown>) => {
      const res = await api.post('/v1/custom_fields', body)
      assert.equal(res.status, 201, res.text)
      return res.body
    }

    describe('definitions', () => {
      it('creates a text field by default and answers 201 flat', async () => {
        const res = await api.post('/v1/custom_fields', { name: 'Nickname', model: 'contact' })
        assert.equal(res.status, 201, res.text)
        assert.deepEqual(Object.keys(res.body).sort(), FIELD_KEYS)
        assert.deepEqual(
          [res.body.data_type, res.body.options, res.body.accepts_multiple_values],
          ['text', null, false],
        )
        assert.deepEqual((await api.get(`/v1/custom_fields/${res.body.id}`)).body, res.body)
      })
      it('creates each of the nine data types for each model', async () => {
        const types = {
          text: {},
          textarea: {},
          url: {},
          number: {},
          date: {},
          datetime: {},
          select: { options: ['a', 'b'], accepts_multiple_values: true },
          user: { accepts_multiple_values: false },
          contact: { accepts_multiple_values: true },
        }
        for (const model of ['organization', 'contact', 'deal']) {
          for (const [data_type, extra] of Object.entries(types)) {
            const field = await create({ name: `All ${data_type}`, model, data_type, ...extra })
            assert.equal(field.data_type, data_type)
            assert.equal(field.model, model)
          }
        }
      })
      it('422 for each broken definition rule, naming the field', async () => {
        const cases: Array<[Record<string, unknown>, string]> = [
          [{ model: 'contact' }, 'name'],
          [{ name: '  ', model: 'contact' }, 'name'],
          [{ name: 'X', model: 'deals' }, 'model'],
          [{ name: 'X' }, 'model'],
          [{ name: 'X', model: 'contact', data_type: 'money' }, 'data_type'],
          [{ name: 'X', model: 'contact', data_type: 'select', accepts_multiple_values: false }, 'options'],
          [
            { name: 'X', model: 'contact', data_type: 'select', options: [], accepts_multiple_values: false },
            'options',
          ],
          [{ name: 'X', model: 'contact', data_type: 'select', options: ['a'] }, 'accepts_multiple_values'],
          [{ name: 'X', model: 'contact', data_type: 'user' }, 'accepts_multiple_values'],
          [{ name: 'X', model: 'contact', data_type: 'contact' }, 'accepts_multiple_values'],
          [{ name: 'X', model: 'contact', options: ['a'] }, 'options'],
          [
            { name: 'X', model: 'contact', data_type: 'number', accepts_multiple_values: true },
            'accepts_multiple_values',
          ],
          [
            { name: 'X', model: 'contact', data_type: 'select', options: ['a', 'a'], accepts_multiple_values: false },
            'options[1]',
          ],
        ]
        for (const [body, field] of cases) {
          const res = await api.post('/v1/custom_fields', body)
          assert.equal(res.status, 422, JSON.stringify(body))
          assert.deepEqual(fields(res), [field], JSON.stringify(body))
        }
      })
      it('names are unique per model whatever the case; other models may reuse them', async () => {
        await create({ name: 'Priority', model: 'contact' })
        const res = await api.post('/v1/custom_fields', { name: 'PRIORITY ', model: 'contact', data_type: 'number' })
        assert.equal(res.status, 422)
        assert.deepEqual(res.body.details, [{ field: 'name', code: 'taken', message: 'has already been taken' }])
        await create({ name: 'Priority', model: 'organization' })
      })
      it('lists with the default page of 25 when no parameters are given, and filters by model', async () => {
        const res = await api.get('/v1/custom_fields')
        const count = res.body.pagination.total_count
        assert.ok(count > 25)
        assert.equal(res.body.data.length, 25)
        assert.ok(
          res.body.data.every(
            (f: { name: string; model: string }) => typeof f.name === 'string' && typeof f.model === 'string',
          ),
        )
        const deal = await api.all<{ model: string }>('/v1/custom_fields?model=deal')
        assert.equal(deal.length, 9)
        assert.ok(deal.every((f) => f.model === 'deal'))
        assert.equal((await api.get('/v1/custom_fields?model=deals')).status, 422)
      })
      it('answers 404 for unknown ids', async () => {
        assert.equal((await api.get('/v1/custom_fields/NoSuchFld0')).status, 404)
        assert.equal((await api.patch('/v1/custom_fields/NoSuchFld0', { name: 'x' })).status, 404)
        assert.equal((await api.delete('/v1/custom_fields/NoSuchFld0')).status, 404)
      })
    })

    describe('update', () => {
      it('renames a field; stored values follow it', async () => {
        const field = await create({ name: 'House', model: 'contact' })
        const contact = (
          await api.post('/v1/contacts', { first_name: 'Paul', custom_fields: [{ name: 'House', value: 'Atreides' }] })
        ).body
        const res = await api.patch(`/v1/custom_fields/${field.id}`, { name: 'Great House' })
        assert.equal(res.status, 200, res.text)
        assert.equal(res.body.name, 'Great House')
        const after = (await api.get(`/v1/contacts/${contact.id}`)).body
        assert.deepEqual(after.custom_fields[field.id], { name: 'Great House', data_type: 'text', value: 'Atreides' })
        assert.equal(after.updated_at, contact.updated_at, 'a rename is not an edit of the records')
        assert.equal(
          (await api.patch(`/v1/contacts/${contact.id}`, { custom_fields: [{ name: 'house', value: 'x' }] })).status,
          422,
        )
        assert.equal((await api.patch(`/v1/custom_fields/${field.id}`, { name: 'Priority' })).status, 422)
        assert.equal((await api.patch(`/v1/custom_fields/${field.id}`, { name: 'GREAT house' })).status, 200)
      })
      it('replaces options; an option still in use cannot be removed', async () => {
        const field = await create({
          name: 'Investor type',
          model: 'organization',
          data_type: 'select',
          options: ['Angel', 'VC', 'CVC'],
          accepts_multiple_values: true,
        })
        const org = (
          await api.post('/v1/organizations', {
            name: 'Fund',
            custom_fields: [{ name: 'Investor type', value: ['VC'] }],
          })
        ).body
        await api.post('/v1/organizations', {
          name: 'Fund 2',
          custom_fields: [{ name: 'Investor type', value: ['VC', 'Angel'] }],
        })
        const added = await api.patch(`/v1/custom_fields/${field.id}`, {
          options: ['Angel', 'VC', 'CVC', 'Accelerator'],
        })
        assert.deepEqual(added.body.options, ['Angel', 'VC', 'CVC', 'Accelerator'])
        const unused = await api.patch(`/v1/custom_fields/${field.id}`, { options: ['Angel', 'VC', 'Accelerator'] })
        assert.equal(unused.status, 200, unused.text)
        const used = await api.patch(`/v1/custom_fields/${field.id}`, { name: 'Renamed too', options: ['Angel'] })
        assert.equal(used.status, 422)
        assert.equal(used.body.details[0].code, 'in_use')
        assert.match(used.body.details[0].message, /"VC" \(2 organizations\)/)
        const now = (await api.get(`/v1/custom_fields/${field.id}`)).body
        assert.deepEqual([now.name, now.options], ['Investor type', ['Angel', 'VC', 'Accelerator']])
        assert.deepEqual((await api.get(`/v1/organizations/${org.id}`)).body.custom_fields[field.id].value, ['VC'])
      })
      it('refuses changing model, data type or multiplicity, and accepts them unchanged', async () => {
        const field = await create({
          name: 'Fixed',
          model: 'contact',
          data_type: 'user',
          accepts_multiple_values: false,
        })
        for (const body of [{ model: 'organization' }, { data_type: 'text' }, { accepts_multiple_values: true }]) {
          const res = await api.patch(`/v1/custom_fields/${field.id}`, body)
          assert.equal(res.status, 422, JSON.stringify(body))
          assert.deepEqual(fields(res), Object.keys(body))
          assert.equal(res.body.details[0].code, 'immutable')
        }
        const same = await api.patch(`/v1/custom_fields/${field.id}`, {
          model: 'contact',
          data_type: 'user',
          accepts_multiple_values: false,
          name: 'Fixed',
        })
        assert.equal(same.status, 200, same.text)
        assert.equal(same.body.updated_at, field.updated_at, 'nothing changed, so updated_at stays')
        await new Promise((resolve) => setTimeout(resolve, 5))
        const renamed = await api.patch(`/v1/custom_fields/${field.id}`, { name: 'Still fixed' })
        assert.ok(renamed.body.updated_at > field.updated_at)
        assert.equal((await api.patch(`/v1/custom_fields/${field.id}`, { options: ['a'] })).status, 422)
      })
      it('deleting a field deletes its values and frees its name', async () => {
        const field = await create({ name: 'Doomed field', model: 'contact' })
        const keep = await create({ name: 'Kept field', model: 'contact' })
        const contact = (
          await api.post('/v1/contacts', {
            first_name: 'Holder',
            custom_fields: [
              { name: 'Doomed field', value: 'v' },
              { name: 'Kept field', value: 'k' },
            ],
          })
        ).body
        assert.equal((await api.delete(`/v1/custom_fields/${field.id}`)).status, 204)
        assert.equal((await api.get(`/v1/custom_fields/${field.id}`)).status, 404)
        assert.deepEqual(Object.keys((await api.get(`/v1/contacts/${contact.id}`)).body.custom_fields), [keep.id])
        const stored = await server.db.kysely
          .selectFrom('contacts')
          .select('custom_fields')
          .where('id', '=', contact.id)
          .executeTakeFirstOrThrow()
        assert.ok(!stored.custom_fields.includes(field.id), 'the value is gone from storage too')
        const again = await create({ name: 'Doomed field', model: 'contact' })
        assert.deepEqual((await api.get(`/v1/contacts/${contact.id}`)).body.custom_fields[again.id], undefined)
      })
    })

    describe('values on records', () => {
      it('checks each type and stores the canonical form', async () => {
        await create({ name: 'Score', model: 'contact', data_type: 'number' })
        await create({ name: 'Site', model: 'contact', data_type: 'url' })
        await create({ name: 'Born', model: 'contact', data_type: 'date' })
        await create({ name: 'Met', model: 'contact', data_type: 'datetime' })
        await create({
          name: 'Tags',
          model: 'contact',
          data_type: 'select',
          options: ['a', 'b', 'c'],
          accepts_multiple_values: true,
        })
        await create({ name: 'Owner', model: 'contact', data_type: 'user', accepts_multiple_values: false })
        await create({ name: 'Friend', model: 'contact', data_type: 'contact', accepts_multiple_values: false })
        await server.services.members.create(operator(server.workspace.id), {
          name: 'Member',
          email: 'Member@rapport.test',
        })
        const friend = (await api.post('/v1/contacts', { first_name: 'Friend' })).body
        const res = await api.post('/v1/contacts', {
          first_name: 'Typed',
          custom_fields: [
            { name: 'Score', value: '12.50' },
            { name: 'Site', value: 'relate.so' },
            { name: 'Born', value: '2000-02-29' },
            { name: 'Met', value: '2025-04-30T07:47:39+09:00' },
            { name: 'Tags', value: ['b', 'a', 'b'] },
            { name: 'owner', value: 'MEMBER@rapport.test' },
            { name: 'Friend', value: friend.id },
          ],
        })
        assert.equal(res.status, 201, res.text)
        const byName = Object.fromEntries(
          Object.values<{ name: string; value: unknown }>(res.body.custom_fields).map((v) => [v.name, v.value]),
        )
        assert.deepEqual(byName, {
          Score: 12.5,
          Site: 'relate.so',
          Born: '2000-02-29',
          Met: '2025-04-29T22:47:39.000Z',
          Tags: ['b', 'a'],
          Owner: 'member@rapport.test',
          Friend: friend.id,
        })
      })
      it('422 for values of the wrong type, unknown members and contacts, and unknown names (named)', async () => {
        const before = (await api.get('/v1/contacts')).body.pagination.total_count
        const res = await api.post('/v1/contacts', {
          first_name: 'Wrong',
          custom_fields: [
            { name: 'Score', value: 'twelve' },
            { name: 'Site', value: 'not a url' },
            { name: 'Born', value: '2025-02-30' },
            { name: 'Met', value: '2025-04-30' },
            { name: 'Tags', value: ['z'] },
            { name: 'Owner', value: 'stranger@rapport.test' },
            { name: 'Friend', value: 'NoSuchCnt0' },
            { name: 'No Such Field', value: 1 },
            { name: 'Owner', value: ['member@rapport.test'] },
          ],
        })
        assert.equal(res.status, 422)
        assert.deepEqual(fields(res), [
          'custom_fields[0].value',
          'custom_fields[1].value',
          'custom_fields[2].value',
          'custom_fields[3].value',
          'custom_fields[4].value[0]',
          'custom_fields[5].value',
          'custom_fields[6].value',
          'custom_fields[7].name',
          'custom_fields[8].name',
        ])
        assert.match(res.body.message, /is not a custom field of contacts: "No Such Field"/)
        assert.equal((await api.get('/v1/contacts')).body.pagination.total_count, before)
      })
      it('a field of another model is unknown here', async () => {
        await create({ name: 'Org only', model: 'organization' })
        const res = await api.post('/v1/contacts', {
          first_name: 'X',
          custom_fields: [{ name: 'Org only', value: 'v' }],
        })
        assert.equal(res.status, 422)
        assert.match(res.body.message, /"Org only"/)
      })
      it('PATCH sets only the fields sent; null clears; a {name: value} object works too', async () => {
        const c = (
          await api.post('/v1/contacts', {
            first_name: 'Patch',
            custom_fields: [
              { name: 'Score', value: 1 },
              { name: 'Site', value: 'https://a.test' },
            ],
          })
        ).body
        const res = await api.patch(`/v1/contacts/${c.id}`, {
          custom_fields: [
            { name: 'Score', value: null },
            { name: 'Born', value: '1999-12-31' },
          ],
        })
        assert.equal(res.status, 200, res.text)
        const byName = Object.fromEntries(
          Object.values<{ name: string; value: unknown }>(res.body.custom_fields).map((v) => [v.name, v.value]),
        )
        assert.deepEqual(byName, { Site: 'https://a.test', Born: '1999-12-31' })
        const obj = await api.patch(`/v1/contacts/${c.id}`, { custom_fields: { Site: null, Score: 3 } })
        assert.equal(obj.status, 200, obj.text)
        assert.deepEqual(
          Object.values<{ value: unknown }>(obj.body.custom_fields)
            .map((v) => v.value)
            .sort(),
          ['1999-12-31', 3].sort(),
        )
        assert.equal((await api.patch(`/v1/contacts/${c.id}`, { custom_fields: 'Score=3' })).status, 422)
      })
    })
  })
}
