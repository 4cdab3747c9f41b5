import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { TEST_DATABASES } from '../support/databases.js'
import { client, type ApiClient } from '../support/client.js'
import { startTestServer, type TestServer } from '../support/server.js'

const REGULAR_KEYS = ['id', 'name', 'process', 'entry_type', 'fields', 'created_at', 'updated_at', 'archived_at']
const PROCESS_KEYS = [
  'id',
  'name',
  'identifier',
  'process',
  'duplicates_allowed',
  'entry_type',
  'entry_label',
  'status_label',
  'statuses',
  'fields',
  'created_at',
  'updated_at',
  'archived_at',
]

const process = (extra: Record<string, unknown> = {}) => ({
  name: 'Deals',
  process: true,
  entry_type: 'Organization',
  identifier: 'DEAL',
  duplicates_allowed: false,
  ...extra,
})

function fieldsOf(details: Array<{ field: string }>): string[] {
  return details.map((d) => d.field).sort()
}

for (const database of TEST_DATABASES) {
  describe(`${database.name}: lists and processes`, () => {
    let server: TestServer
    let api: ApiClient
    before(async () => {
      server = await startTestServer(database)
      api = client(server, server.workspace.key)
    })
    after(async () => server?.close())

    it('creates a regular list shaped key for key like Relate', async () => {
      const res = await api.post('/v1/lists', {
        name: 'test list',
        process: false,
        entry_type: 'Contact',
        fields: [
          { name: 'Tier', data_type: 'select', accepts_multiple_values: false, options: ['A', 'B'] },
          { name: 'Notes', data_type: 'textarea' },
        ],
      })
      assert.equal(res.status, 201, res.text)
      assert.deepEqual(Object.keys(res.body), REGULAR_KEYS)
      assert.equal(res.body.process, false)
      assert.equal(res.body.entry_type, 'Contact')
      assert.equal(res.body.archived_at, null)
      assert.equal(res.body.fields.length, 2)
      assert.deepEqual(Object.keys(res.body.fields[0]), [
        'id',
        'name',
        'data_type',
        'options',
        'accepts_multiple_values',
      ])
      assert.deepEqual(
        { ...res.body.fields[0], id: 'x' },
        { id: 'x', name: 'Tier', data_type: 'select', options: ['A', 'B'], accepts_multiple_values: false },
      )
      assert.deepEqual(
        { ...res.body.fields[1], id: 'x' },
        { id: 'x', name: 'Notes', data_type: 'textarea', options: null, accepts_multiple_values: false },
      )
      const got = await api.get(`/v1/lists/${res.body.id}`)
      assert.deepEqual(got.body, res.body)
    })

    it('creates a process shaped key for key, with the default statuses and labels', async () => {
      const res = await api.post('/v1/lists', {
        name: 'test process',
        process: true,
        entry_type: 'Organization',
        identifier: 'TEST PROCE',
        duplicates_allowed: true,
      })
      assert.equal(res.status, 201, res.text)
      assert.deepEqual(Object.keys(res.body), PROCESS_KEYS)
      assert.equal(res.body.identifier, 'TEST PROCE')
      assert.equal(res.body.duplicates_allowed, true)
      assert.equal(res.body.entry_label, 'Organization')
      assert.equal(res.body.status_label, 'Status')
      assert.deepEqual(res.body.statuses, [
        { name: 'Started', type: 'active' },
        { name: 'In progress', type: 'active' },
        { name: 'Completed', type: 'won' },
        { name: 'Canceled', type: 'lost' },
      ])
      assert.deepEqual(res.body.fields, [])
    })

    it('reads status type done as won, and keeps the given order and labels', async () => {
      const res = await api.post(
        '/v1/lists',
        process({
          entry_label: 'Deal',
          status_label: 'Stage',
          statuses: [
            { name: 'Onboarding', type: 'active' },
            { name: 'Live', type: 'done' },
          ],
        }),
      )
      assert.equal(res.status, 201, res.text)
      assert.deepEqual(res.body.statuses, [
        { name: 'Onboarding', type: 'active' },
        { name: 'Live', type: 'won' },
      ])
      assert.equal(res.body.entry_label, 'Deal')
      assert.equal(res.body.status_label, 'Stage')
    })

    it('answers 422 naming each missing required field', async () => {
      const res = await api.post('/v1/lists', {})
      assert.equal(res.status, 422)
      assert.deepEqual(fieldsOf(res.body.details), ['entry_type', 'name', 'process'])
      const res2 = await api.post('/v1/lists', { name: 'P', process: true, entry_type: 'Contact' })
      assert.equal(res2.status, 422)
      assert.deepEqual(fieldsOf(res2.body.details), ['duplicates_allowed', 'identifier'])
    })

    it('answers 422 for bad values', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ name: 'L', process: false, entry_type: 'Deal' }, 'entry_type'],
        [process({ statuses: [{ name: 'A', type: 'open' }] }), 'statuses[0].type'],
        [
          process({
            statuses: [
              { name: 'A', type: 'active' },
              { name: 'A', type: 'won' },
            ],
          }),
          'statuses[1].name',
        ],
        [process({ statuses: [] }), 'statuses'],
        [process({ statuses: [{ name: '  ', type: 'active' }] }), 'statuses[0].name'],
        [
          process({
            fields: [
              { name: 'F', data_type: 'text' },
              { name: 'F', data_type: 'date' },
            ],
          }),
          'fields[1].name',
        ],
        [
          process({ fields: [{ name: 'F', data_type: 'select', accepts_multiple_values: false }] }),
          'fields[0].options',
        ],
        [
          process({ fields: [{ name: 'F', data_type: 'select', options: ['a'] }] }),
          'fields[0].accepts_multiple_values',
        ],
        [process({ fields: [{ name: 'F', data_type: 'user' }] }), 'fields[0].accepts_multiple_values'],
        [process({ fields: [{ name: 'F', data_type: 'text', options: ['a'] }] }), 'fields[0].options'],
        [
          process({ fields: [{ name: 'F', data_type: 'date', accepts_multiple_values: true }] }),
          'fields[0].accepts_multiple_values',
        ],
        [
          process({
            fields: [{ name: 'F', data_type: 'select', accepts_multiple_values: false, options: ['a', 'a'] }],
          }),
          'fields[0].options[1]',
        ],
        [process({ fields: [{ name: 'F' }] }), 'fields[0].data_type'],
        [process({ fields: [{ name: 'F', data_type: 'money' }] }), 'fields[0].data_type'],
        [{ name: 'L', process: false, entry_type: 'Contact', statuses: [{ name: 'A', type: 'active' }] }, 'statuses'],
        [{ name: 'L', process: false, entry_type: 'Contact', identifier: 'X' }, 'identifier'],
        [{ name: 'L', process: false, entry_type: 'Contact', duplicates_allowed: true }, 'duplicates_allowed'],
        [{ name: '', process: false, entry_type: 'Contact' }, 'name'],
        [{ name: 'L', process: 'yes', entry_type: 'Contact' }, 'process'],
      ]
      for (const [body, field] of cases) {
        const res = await api.post('/v1/lists', body)
        assert.equal(res.status, 422, `${JSON.stringify(body)}: ${res.text}`)
        assert.ok(
          fieldsOf(res.body.details).includes(field),
          `${JSON.stringify(body)} should name ${field}: ${res.text}`,
        )
      }
    })

    it('lists regular lists and processes together, filtered by archived and updated_after', async () => {
      const a = (await api.post('/v1/lists', { name: 'to archive', process: false, entry_type: 'Contact' })).body
      const archived = await api.patch(`/v1/lists/${a.id}`, { archived: true })
      assert.equal(archived.status, 200)
      assert.match(archived.body.archived_at, /Z$/)
      const all = await api.all('/v1/lists')
      assert.ok(all.some((l) => l.process === true) && all.some((l) => l.process === false))
      const onlyArchived = await api.all('/v1/lists?archived=true')
      assert.deepEqual(
        onlyArchived.map((l) => l.id),
        [a.id],
      )
      const notArchived = await api.all('/v1/lists?archived=false')
      assert.equal(notArchived.length, all.length - 1)
      assert.ok(!notArchived.some((l) => l.id === a.id))
      const unarchived = await api.patch(`/v1/lists/${a.id}`, { archived: false })
      assert.equal(unarchived.body.archived_at, null)
      const later = await api.get(
        `/v1/lists?updated_after=${Math.floor(Date.parse(unarchived.body.updated_at) / 1000) - 1}`,
      )
      assert.ok(later.body.data.some((l: { id: string }) => l.id === a.id))
      assert.equal((await api.get('/v1/lists?archived=maybe')).status, 422)
    })

    it('PATCH with the whole set of fields adds only what is missing', async () => {
      const list = (
        await api.post('/v1/lists', {
          name: 'sync',
          process: false,
          entry_type: 'Organization',
          fields: [
            { name: 'A', data_type: 'text' },
            { name: 'B', data_type: 'number' },
          ],
        })
      ).body
      const res = await api.patch(`/v1/lists/${list.id}`, {
        fields: [
          { name: 'A', data_type: 'text' },
          { name: 'B', data_type: 'number' },
          { name: 'C', data_type: 'date' },
        ],
      })
      assert.equal(res.status, 200, res.text)
      assert.deepEqual(
        res.body.fields.map((f: { name: string }) => f.name),
        ['A', 'B', 'C'],
      )
      // the existing fields kept their ids
      assert.equal(res.body.fields[0].id, list.fields[0].id)
      assert.equal(res.body.fields[1].id, list.fields[1].id)
      // the same request again changes nothing, not even updated_at
      const again = await api.patch(`/v1/lists/${list.id}`, {
        fields: [
          { name: 'A', data_type: 'text' },
          { name: 'B', data_type: 'number' },
          { name: 'C', data_type: 'date' },
        ],
      })
      assert.deepEqual(again.body, res.body)
      // a subset keeps the others
      const subset = await api.patch(`/v1/lists/${list.id}`, { fields: [{ name: 'D', data_type: 'url' }] })
      assert.deepEqual(
        subset.body.fields.map((f: { name: string }) => f.name),
        ['A', 'B', 'C', 'D'],
      )
    })

    it('PATCH updates known fields, renames, reorders and removes them explicitly', async () => {
      const list = (
        await api.post('/v1/lists', {
          name: 'edit',
          process: false,
          entry_type: 'Organization',
          fields: [
            { name: 'Stage', data_type: 'select', accepts_multiple_values: false, options: ['a', 'b'] },
            { name: 'Note', data_type: 'text' },
          ],
        })
      ).body
      const updated = await api.patch(`/v1/lists/${list.id}`, {
        fields: [
          { name: 'Stage', options: ['a', 'b', 'c'], accepts_multiple_values: true },
          { name: 'Note', new_name: 'Memo', data_type: 'textarea' },
        ],
      })
      assert.equal(updated.status, 200, updated.text)
      assert.deepEqual(
        updated.body.fields.map((f: any) => [f.name, f.data_type, f.options, f.accepts_multiple_values]),
        [
          ['Stage', 'select', ['a', 'b', 'c'], true],
          ['Memo', 'textarea', null, false],
        ],
      )
      const reordered = await api.patch(`/v1/lists/${list.id}`, { fields: [{ name: 'Memo' }, { name: 'Stage' }] })
      assert.deepEqual(
        reordered.body.fields.map((f: { name: string }) => f.name),
        ['Memo', 'Stage'],
      )
      const removed = await api.patch(`/v1/lists/${list.id}`, { fields: [{ name: 'Memo', remove: true }] })
      assert.deepEqual(
        removed.body.fields.map((f: { name: string }) => f.name),
        ['Stage'],
      )
      const bad = await api.patch(`/v1/lists/${list.id}`, {
        fields: [
          { name: 'Nope', remove: true },
          { name: 'Stage', options: [] },
          { name: 'Ghost', new_name: 'X' },
        ],
      })
      assert.equal(bad.status, 422)
      assert.deepEqual(fieldsOf(bad.body.details), ['fields[0].name', 'fields[1].options', 'fields[2].name'])
      const clash = await api.patch(`/v1/lists/${list.id}`, {
        fields: [
          { name: 'New', data_type: 'text' },
          { name: 'Stage', new_name: 'New' },
        ],
      })
      assert.equal(clash.status, 422, clash.text)
      assert.match(clash.text, /has already been taken/)
      assert.deepEqual((await api.get(`/v1/lists/${list.id}`)).body, removed.body, 'a refused PATCH changes nothing')
    })

    it('PATCH merges statuses by name: adds, retypes, renames, reorders, removes', async () => {
      const p = (await api.post('/v1/lists', process())).body
      const merged = await api.patch(`/v1/lists/${p.id}`, {
        statuses: [
          { name: 'Started', type: 'active' },
          { name: 'Paused', type: 'active' },
          { name: 'Completed', type: 'done' },
        ],
      })
      assert.equal(merged.status, 200, merged.text)
      assert.deepEqual(
        merged.body.statuses.map((s: { name: string }) => s.name),
        ['Started', 'In progress', 'Completed', 'Canceled', 'Paused'],
      )
      const renamed = await api.patch(`/v1/lists/${p.id}`, {
        statuses: [
          { name: 'In progress', new_name: 'Working' },
          { name: 'Canceled', type: 'active' },
        ],
      })
      assert.deepEqual(renamed.body.statuses, [
        { name: 'Started', type: 'active' },
        { name: 'Working', type: 'active' },
        { name: 'Completed', type: 'won' },
        { name: 'Canceled', type: 'active' },
        { name: 'Paused', type: 'active' },
      ])
      const order = ['Paused', 'Started', 'Working', 'Canceled', 'Completed']
      const reordered = await api.patch(`/v1/lists/${p.id}`, { statuses: order.map((name) => ({ name })) })
      assert.deepEqual(
        reordered.body.statuses.map((s: { name: string }) => s.name),
        order,
      )
      const removed = await api.patch(`/v1/lists/${p.id}`, { statuses: [{ name: 'Paused', remove: true }] })
      assert.deepEqual(
        removed.body.statuses.map((s: { name: string }) => s.name),
        ['Started', 'Working', 'Canceled', 'Completed'],
      )
      const all = removed.body.statuses.map((s: { name: string }) => ({ name: s.name, remove: true }))
      const none = await api.patch(`/v1/lists/${p.id}`, { statuses: all })
      assert.equal(none.status, 422, 'a process keeps at least one status')
      const badType = await api.patch(`/v1/lists/${p.id}`, { statuses: [{ name: 'Started', type: 'open' }] })
      assert.equal(badType.status, 422)
      assert.deepEqual(fieldsOf(badType.body.details), ['statuses[0].type'])
      const untyped = await api.patch(`/v1/lists/${p.id}`, {
        statuses: [{ name: 'Started', type: 'won' }, { name: 'New one' }],
      })
      assert.equal(untyped.status, 422, 'a new status needs a type')
      assert.deepEqual(fieldsOf(untyped.body.details), ['statuses[1].type'])
      assert.equal(
        (await api.get(`/v1/lists/${p.id}`)).body.statuses[0].type,
        'active',
        'a refused PATCH changes nothing',
      )
    })

    it('PATCH refuses to change entry_type or process, and process-only keys on a regular list', async () => {
      const list = (await api.post('/v1/lists', { name: 'fixed', process: false, entry_type: 'Contact' })).body
      for (const [body, field] of [
        [{ entry_type: 'Organization' }, 'entry_type'],
        [{ process: true }, 'process'],
        [{ statuses: [{ name: 'X', type: 'active' }] }, 'statuses'],
        [{ identifier: 'X' }, 'identifier'],
      ] as const) {
        const res = await api.patch(`/v1/lists/${list.id}`, body)
        assert.equal(res.status, 422, JSON.stringify(body))
        assert.deepEqual(fieldsOf(res.body.details), [field])
      }
      const same = await api.patch(`/v1/lists/${list.id}`, { entry_type: 'Contact', process: false, name: 'renamed' })
      assert.equal(same.status, 200)
      assert.equal(same.body.name, 'renamed')
      assert.ok(same.body.updated_at > list.updated_at)
    })

    it('PATCH changes the process settings', async () => {
      const p = (await api.post('/v1/lists', process())).body
      const res = await api.patch(`/v1/lists/${p.id}`, {
        identifier: 'OPP',
        duplicates_allowed: true,
        entry_label: 'Opportunity',
        status_label: 'Stage',
        name: 'Opportunities',
      })
      assert.equal(res.status, 200)
      assert.deepEqual(
        {
          identifier: res.body.identifier,
          duplicates_allowed: res.body.duplicates_allowed,
          entry_label: res.body.entry_label,
          status_label: res.body.status_label,
          name: res.body.name,
        },
        {
          identifier: 'OPP',
          duplicates_allowed: true,
          entry_label: 'Opportunity',
          status_label: 'Stage',
          name: 'Opportunities',
        },
      )
    })

    it('creates processes from templates', async () => {
      const expected: Record<
        string,
        { statuses: Array<[string, string]>; fields: Array<[string, string]>; entry_type?: string }
      > = {
        default: {
          statuses: [
            ['Started', 'active'],
            ['In progress', 'active'],
            ['Completed', 'won'],
            ['Canceled', 'lost'],
          ],
          fields: [],
        },
        simple_sales: {
          statuses: [
            ['Potential', 'active'],
            ['Meeting scheduled', 'active'],
            ['Closing', 'active'],
            ['Closed Won', 'won'],
            ['Closed Lost', 'lost'],
          ],
          fields: [['Contact', 'contact']],
        },
        prospects: {
          statuses: [
            ['Potential', 'active'],
            ['Working', 'active'],
            ['Nurturing', 'active'],
            ['Qualified', 'won'],
            ['Bad Fit', 'lost'],
          ],
          fields: [['Contact', 'contact']],
        },
        pipeline: {
          statuses: [
            ['Qualified', 'active'],
            ['Meeting scheduled', 'active'],
            ['Closing', 'active'],
            ['Closed Won', 'won'],
            ['Closed Lost', 'lost'],
          ],
          fields: [['Contact', 'contact']],
        },
        fundraising: {
          entry_type: 'Organization',
          statuses: [
            ['Lead', 'active'],
            ['Intro', 'active'],
            ['First meeting', 'active'],
            ['Pitch', 'active'],
            ['Committed', 'active'],
            ['Due diligence', 'active'],
            ['Funded', 'won'],
            ['Passed', 'lost'],
          ],
          fields: [
            ['Investor type', 'select'],
            ['Fit', 'select'],
            ['Memo', 'textarea'],
          ],
        },
        recruiting: {
          entry_type: 'Contact',
          statuses: [
            ['New', 'active'],
            ['Screening', 'active'],
            ['Interviewing', 'active'],
            ['Sent offer', 'active'],
            ['Accepted', 'won'],
            ['Rejected', 'lost'],
            ['Dropped', 'lost'],
          ],
          fields: [
            ['Recruiting team', 'user'],
            ['Hiring manager', 'user'],
          ],
        },
      }
      for (const [template, want] of Object.entries(expected)) {
        const res = await api.post('/v1/lists', { template })
        assert.equal(res.status, 201, `${template}: ${res.text}`)
        assert.equal(res.body.process, true)
        assert.deepEqual(
          res.body.statuses.map((s: any) => [s.name, s.type]),
          want.statuses,
          template,
        )
        assert.deepEqual(
          res.body.fields.map((f: any) => [f.name, f.data_type]),
          want.fields,
          template,
        )
        if (want.entry_type) assert.equal(res.body.entry_type, want.entry_type)
      }
      const fund = await api.post('/v1/lists', {
        template: 'fundraising',
        name: 'Seed',
        identifier: 'SEED',
        fields: [{ name: 'Check size', data_type: 'number' }],
      })
      assert.equal(fund.body.name, 'Seed')
      assert.equal(fund.body.identifier, 'SEED')
      assert.deepEqual(fund.body.fields.find((f: any) => f.name === 'Investor type').options, [
        'Angel',
        'VC',
        'Accelerator',
        'CVC',
      ])
      assert.ok(fund.body.fields.some((f: any) => f.name === 'Check size'))
      const wrongType = await api.post('/v1/lists', { template: 'recruiting', entry_type: 'Organization' })
      assert.equal(wrongType.status, 422)
      assert.deepEqual(fieldsOf(wrongType.body.details), ['entry_type'])
      assert.equal((await api.post('/v1/lists', { template: 'default', process: false })).status, 422)
      assert.equal((await api.post('/v1/lists', { template: 'crm' })).status, 422)
    })

    it('deletes a list: 204, then 404', async () => {
      const list = (await api.post('/v1/lists', { name: 'bye', process: false, entry_type: 'Contact' })).body
      const res = await api.delete(`/v1/lists/${list.id}`)
      assert.equal(res.status, 204)
      assert.equal(res.text, '')
      assert.equal((await api.get(`/v1/lists/${list.id}`)).status, 404)
      assert.equal((await api.delete(`/v1/lists/${list.id}`)).status, 404)
      assert.equal((await api.patch(`/v1/lists/${list.id}`, { name: 'x' })).status, 404)
    })

    describe('connections', () => {
      let prospects: any
      let pipeline: any
      before(async () => {
        prospects = (await api.post('/v1/lists', { template: 'prospects' })).body
        pipeline = (await api.post('/v1/lists', { template: 'pipeline' })).body
      })

      it('connects a status to a status of another process, lists and removes it', async () => {
        const res = await api.post(`/v1/lists/${prospects.id}/connections`, {
          from_status: 'Qualified',
          to_list_id: pipeline.id,
          to_status: 'Qualified',
        })
        assert.equal(res.status, 201, res.text)
        assert.deepEqual(Object.keys(res.body), [
          'id',
          'from_list_id',
          'from_status',
          'to_list_id',
          'to_status',
          'created_at',
        ])
        assert.deepEqual(
          { ...res.body, id: 'x', created_at: 'x' },
          {
            id: 'x',
            from_list_id: prospects.id,
            from_status: 'Qualified',
            to_list_id: pipeline.id,
            to_status: 'Qualified',
            created_at: 'x',
          },
        )
        const fromSide = await api.get(`/v1/lists/${prospects.id}/connections`)
        const toSide = await api.get(`/v1/lists/${pipeline.id}/connections`)
        assert.deepEqual(fromSide.body.data, [res.body])
        assert.deepEqual(toSide.body.data, [res.body])
        assert.deepEqual(fromSide.body.pagination, { end_cursor: 1, has_next_page: false, total_count: 1 })
        // renaming a status keeps the connection
        await api.patch(`/v1/lists/${pipeline.id}`, { statuses: [{ name: 'Qualified', new_name: 'Opportunity' }] })
        assert.equal((await api.get(`/v1/lists/${prospects.id}/connections`)).body.data[0].to_status, 'Opportunity')
        assert.equal((await api.delete(`/v1/lists/${prospects.id}/connections/${res.body.id}`)).status, 204)
        assert.equal((await api.get(`/v1/lists/${prospects.id}/connections`)).body.pagination.total_count, 0)
        assert.equal((await api.delete(`/v1/lists/${prospects.id}/connections/${res.body.id}`)).status, 404)
      })

      it('checks both ends: processes, same entry type, known statuses, not itself', async () => {
        const contacts = (await api.post('/v1/lists', { template: 'recruiting' })).body
        const regular = (await api.post('/v1/lists', { name: 'plain', process: false, entry_type: 'Organization' }))
          .body
        const cases: Array<[string, Record<string, unknown>, string]> = [
          [prospects.id, { from_status: 'Qualified', to_list_id: contacts.id, to_status: 'New' }, 'to_list_id'],
          [prospects.id, { from_status: 'Qualified', to_list_id: regular.id, to_status: 'x' }, 'to_list_id'],
          [prospects.id, { from_status: 'Qualified', to_list_id: prospects.id, to_status: 'Working' }, 'to_list_id'],
          [prospects.id, { from_status: 'Nope', to_list_id: pipeline.id, to_status: 'Closing' }, 'from_status'],
          [prospects.id, { from_status: 'Qualified', to_list_id: pipeline.id, to_status: 'Nope' }, 'to_status'],
          [prospects.id, { from_status: 'Qualified', to_list_id: 'NoSuchList', to_status: 'Closing' }, 'to_list_id'],
        ]
        for (const [listId, body, field] of cases) {
          const res = await api.post(`/v1/lists/${listId}/connections`, body)
          assert.equal(res.status, 422, `${JSON.stringify(body)}: ${res.text}`)
          assert.ok(fieldsOf(res.body.details).includes(field), `${JSON.stringify(body)} names ${field}: ${res.text}`)
        }
        const fromRegular = await api.post(`/v1/lists/${regular.id}/connections`, {
          from_status: 'x',
          to_list_id: pipeline.id,
          to_status: 'Closing',
        })
        assert.equal(fromRegular.status, 422)
      })

      it('lets a status start one connection and be the target of one', async () => {
        const third = (await api.post('/v1/lists', { template: 'pipeline', name: 'Third' })).body
        assert.equal(
          (
            await api.post(`/v1/lists/${prospects.id}/connections`, {
              from_status: 'Working',
              to_list_id: pipeline.id,
              to_status: 'Closing',
            })
          ).status,
          201,
        )
        const againFrom = await api.post(`/v1/lists/${prospects.id}/connections`, {
          from_status: 'Working',
          to_list_id: third.id,
          to_status: 'Closing',
        })
        assert.equal(againFrom.status, 422)
        assert.deepEqual(fieldsOf(againFrom.body.details), ['from_status'])
        const againTo = await api.post(`/v1/lists/${prospects.id}/connections`, {
          from_status: 'Nurturing',
          to_list_id: pipeline.id,
          to_status: 'Closing',
        })
        assert.equal(againTo.status, 422)
        assert.deepEqual(fieldsOf(againTo.body.details), ['to_status'])
        // a process may connect to several processes
        assert.equal(
          (
            await api.post(`/v1/lists/${prospects.id}/connections`, {
              from_status: 'Nurturing',
              to_list_id: third.id,
              to_status: 'Closing',
            })
          ).status,
          201,
        )
        // removing a status removes its connections
        await api.patch(`/v1/lists/${third.id}`, { statuses: [{ name: 'Closing', remove: true }] })
        const left = await api.get(`/v1/lists/${prospects.id}/connections`)
        assert.ok(!left.body.data.some((c: { to_list_id: string }) => c.to_list_id === third.id))
      })
    })

    it('isolates workspaces', async () => {
      const other = await server.createWorkspace()
      const theirs = client(server, other.key)
      const list = (await theirs.post('/v1/lists', process())).body
      const target = (await theirs.post('/v1/lists', process({ name: 'Other' }))).body
      const conn = (
        await theirs.post(`/v1/lists/${list.id}/connections`, {
          from_status: 'Completed',
          to_list_id: target.id,
          to_status: 'Started',
        })
      ).body
      assert.equal((await api.get(`/v1/lists/${list.id}`)).status, 404)
      assert.equal((await api.patch(`/v1/lists/${list.id}`, { name: 'mine' })).status, 404)
      assert.equal((await api.delete(`/v1/lists/${list.id}`)).status, 404)
      assert.equal((await api.get(`/v1/lists/${list.id}/connections`)).status, 404)
      assert.equal(
        (
          await api.post(`/v1/lists/${list.id}/connections`, {
            from_status: 'Completed',
            to_list_id: target.id,
            to_status: 'Started',
          })
        ).status,
        404,
      )
      assert.equal((await api.delete(`/v1/lists/${list.id}/connections/${conn.id}`)).status, 404)
      const mine = (await api.post('/v1/lists', process())).body
      const cross = await api.post(`/v1/lists/${mine.id}/connections`, {
        from_status: 'Completed',
        to_list_id: target.id,
        to_status: 'Started',
      })
      assert.equal(cross.status, 422)
      assert.deepEqual(fieldsOf(cross.body.details), ['to_list_id'])
      assert.equal((await api.delete(`/v1/lists/${mine.id}/connections/${conn.id}`)).status, 404)
      const ids = (await api.all('/v1/lists')).map((l) => l.id)
      assert.ok(!ids.includes(list.id) && !ids.includes(target.id))
      assert.equal((await theirs.get(`/v1/lists/${list.id}`)).body.name, 'Deals')
    })
  })
}
