// CSV imports: header mapping and every target, BOM, quoted newlines, broken rows among good ones and
// their reasons in rejected.csv, matching of organizations, contacts and entries (a second run creates
// nothing), dry runs, unknown columns, files that are not CSV, multipart uploads.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { parse } from 'csv-parse/sync'
import { TEST_DATABASES } from '../support/databases.js'
import { client, type ApiClient } from '../support/client.js'
import { finished, importCsv, postCsv } from '../support/imports.js'
import { createList, createMember } from '../support/seed.js'
import { startTestServer, type TestServer } from '../support/server.js'

for (const database of TEST_DATABASES) {
  describe(`${database.name}: imports`, () => {
    let server: TestServer
    let api: ApiClient
    let member: { email: string }
    before(async () => {
      server = await startTestServer(database)
      api = client(server, server.workspace.key)
      member = await createMember(api)
    })
    after(async () => server?.close())

    const deals = (name: string) =>
      createList(api, {
        name,
        process: true,
        entry_type: 'Organization',
        identifier: name.slice(0, 3).toUpperCase(),
        duplicates_allowed: false,
        statuses: [
          { name: 'Lead', type: 'active' },
          { name: 'Won', type: 'won' },
        ],
        fields: [
          { name: 'Size', data_type: 'number' },
          { name: 'Tags', data_type: 'select', options: ['a', 'b'], accepts_multiple_values: true },
        ],
      })

    it('maps headers (by name, synonyms and an explicit mapping) to every target', async () => {
      const p = await deals('Every target')
      const csv = [
        'Company,Website,Contact,E-mail,Phone,Stage,Owner,Deal value,Recurring value,Period,Size,Tags,Created at',
        `Acme,https://www.acme.example,Ann Lee,ann@acme.example,010-1234-5678,Won,${member.email},"$1,200.50",99,yearly,12,"a, b",2024-01-01`,
      ].join('\n')
      const job = await importCsv(server, api, p.id, csv, { mapping: JSON.stringify({ Company: 'organization name' }) })
      assert.equal(job.status, 'succeeded', JSON.stringify(job))
      assert.deepEqual([job.rows_total, job.rows_done, job.created, job.rejected], [1, 1, 1, 0])
      assert.deepEqual(
        job.columns.map((c: any) => c.target),
        [
          'organization name',
          'domain',
          'contact name',
          'email',
          'phone',
          'status',
          'assignee email',
          'one time value',
          'recurring value',
          'recurring period',
          'field:Size',
          'field:Tags',
          null,
        ],
      )
      const [entry] = await api.all(`/v1/lists/${p.id}/entries`)
      assert.equal(entry.status, 'Won')
      assert.equal(entry.assignee.email, member.email)
      assert.deepEqual(
        [entry.one_time_value_cents, entry.recurring_value_cents, entry.recurring_value_period],
        [120050, 9900, 'annual'],
      )
      assert.deepEqual(
        Object.values(entry.list_fields).map((f: any) => f.value),
        [12, ['a', 'b']],
      )
      const org = (await api.get(`/v1/organizations/${entry.entryable_id}`)).body
      assert.deepEqual([org.name, org.domains], ['Acme', ['acme.example']])
      const contact = (await api.get(`/v1/contacts/${entry.contact_id}`)).body
      assert.equal(contact.organization_id, org.id)
      assert.deepEqual(
        [contact.first_name, contact.last_name, contact.emails, contact.phone_numbers],
        ['Ann', 'Lee', ['ann@acme.example'], ['010-1234-5678']],
      )
      const history = (await api.get(`/v1/lists/${p.id}/entries/${entry.id}/status_changes`)).body.data
      assert.deepEqual(
        history.map((h: any) => h.to_status),
        ['Won'],
      )
    })

    it('reads a BOM and quoted newlines, refuses broken rows with reasons, and writes the rest', async () => {
      const p = await deals('Broken rows')
      const csv =
        '\uFEFFOrganization name,Domain,Status,Size\r\n' +
        'Good one,good1.example,Lead,1\r\n' +
        '"Two\nlines",good2.example,Lead,2\r\n' +
        'Bad status,bad1.example,Nope,3\r\n' +
        'Bad size,bad2.example,Lead,many\r\n' +
        ',,Lead,4\r\n' +
        'Bad "quote,bad3.example,Lead,5\r\n' +
        'Too,many,cells,6,7\r\n' +
        'Last good,good3.example,,\r\n'
      const job = await importCsv(server, api, p.id, csv)
      assert.equal(job.status, 'succeeded')
      assert.deepEqual([job.rows_total, job.created, job.rejected], [8, 3, 5])
      const names = (await api.all(`/v1/lists/${p.id}/entries`)).length
      assert.equal(names, 3)
      const orgs = await api.all('/v1/organizations')
      assert.ok(orgs.some((o: any) => o.name === 'Two\nlines'))
      assert.ok(!orgs.some((o: any) => o.name === 'Bad status'), 'a refused row leaves no record behind')
      const rejected = await api.get(`/v1/imports/${job.id}/rejected.csv`)
      assert.equal(rejected.status, 200)
      assert.match(rejected.headers.get('content-type') ?? '', /^text\/csv/)
      const rows: string[][] = parse(rejected.text, { relax_column_count: true })
      assert.deepEqual(rows[0], ['Organization name', 'Domain', 'Status', 'Size', 'reason'])
      assert.equal(rows.length, 6)
      assert.deepEqual(rows[1], ['Bad status', 'bad1.example', 'Nope', '3', 'status is not a status of this process'])
      assert.match(rows[2]![4]!, /list_fields.*not a number/)
      assert.match(rows[3]![4]!, /no organization/)
      assert.match(rows[4]![0]!, /^Bad "/)
      assert.match(rows[4]!.at(-1)!, /CSV/)
      assert.deepEqual(rows[5]!.slice(0, 5), ['Too', 'many', 'cells', '6', '7'])
      assert.match(rows[5]!.at(-1)!, /5 cells/)
    })

    it('matches what exists: running the same file again creates nothing, a changed status updates', async () => {
      const p = await deals('Dedupe')
      const csv = [
        'Organization name,Domain,Contact name,Email,Status',
        'Dune,dune.example,Paul,paul@dune.example,Lead',
        'Dune again,DUNE.example,Paul,PAUL@dune.example,Lead',
        'Caladan,,Leto,,Lead',
        'Caladan,,Leto,,Lead',
      ].join('\n')
      const first = await importCsv(server, api, p.id, csv)
      assert.deepEqual([first.created, first.updated, first.unchanged, first.rejected], [2, 0, 2, 0])
      const counts = async () => [
        (await api.all('/v1/organizations')).length,
        (await api.all('/v1/contacts')).length,
        (await api.all(`/v1/lists/${p.id}/entries`)).length,
      ]
      const before = await counts()
      const again = await importCsv(server, api, p.id, csv)
      assert.deepEqual([again.created, again.updated, again.unchanged], [0, 0, 4])
      assert.deepEqual(await counts(), before)
      const moved = await importCsv(server, api, p.id, 'Domain,Status\ndune.example,Won\n')
      assert.deepEqual([moved.created, moved.updated], [0, 1])
      const entry = (await api.all(`/v1/lists/${p.id}/entries?status=Won`))[0]
      const history = (await api.get(`/v1/lists/${p.id}/entries/${entry.id}/status_changes`)).body.data
      assert.deepEqual(
        history.map((h: any) => [h.from_status, h.to_status]),
        [
          [null, 'Lead'],
          ['Lead', 'Won'],
        ],
      )
      assert.deepEqual(await counts(), before)
    })

    it('fires connected lists on a status an import sets', async () => {
      const from = await deals('Connected from')
      const to = await deals('Connected to')
      const rule = await api.post(`/v1/lists/${from.id}/connections`, {
        from_status: 'Won',
        to_list_id: to.id,
        to_status: 'Lead',
      })
      assert.equal(rule.status, 201, rule.text)
      await importCsv(server, api, from.id, 'Organization name,Status\nHarkonnen,Won\n')
      const moved = await api.all(`/v1/lists/${to.id}/entries`)
      assert.equal(moved.length, 1)
    })

    it('writes nothing in a dry run, yet counts and refuses as a real run would', async () => {
      const p = await deals('Dry')
      const job = await importCsv(server, api, p.id, 'Organization name,Status\nDry one,Lead\nDry two,Nope\n', {
        dry_run: 'true',
      })
      assert.deepEqual([job.status, job.dry_run, job.created, job.rejected], ['succeeded', true, 1, 1])
      assert.equal((await api.all(`/v1/lists/${p.id}/entries`)).length, 0)
      assert.ok(!(await api.all('/v1/organizations')).some((o: any) => o.name === 'Dry one'))
      const rows = parse((await api.get(`/v1/imports/${job.id}/rejected.csv`)).text)
      assert.equal(rows.length, 2)
    })

    it('skips unknown columns, or makes them text list fields with create_fields', async () => {
      const skip = await deals('Skip fields')
      const csv = 'Organization name,Favourite colour\nColour Co,blue\n'
      const skipped = await importCsv(server, api, skip.id, csv)
      assert.deepEqual(skipped.columns[1], { name: 'Favourite colour', target: null })
      assert.equal((await api.get(`/v1/lists/${skip.id}`)).body.fields.length, 2)
      const make = await deals('Make fields')
      const made = await importCsv(server, api, make.id, csv, { create_fields: 'true' })
      assert.deepEqual(made.columns[1], { name: 'Favourite colour', target: 'field:Favourite colour', new_field: true })
      const list = (await api.get(`/v1/lists/${make.id}`)).body
      assert.ok(list.fields.some((f: any) => f.name === 'Favourite colour' && f.data_type === 'text'))
      const [entry] = await api.all(`/v1/lists/${make.id}/entries`)
      assert.ok(Object.values(entry.list_fields).some((f: any) => f.value === 'blue'))
    })

    it('refuses what is not a CSV file for the list, and keeps nothing of it', async () => {
      const p = await deals('Not CSV')
      const bad: Array<[string | Uint8Array, string]> = [
        [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe]), 'not_utf8'],
        ['col\u0000umn\n1\n', 'not_csv'],
        ['{"organization": "Acme"}\n', 'not_csv'],
        ['hello world\nhow are you\n', 'no_record_column'],
        ['', 'not_csv'],
        ['Organization name,Organization name\nA,B\n', 'taken'],
      ]
      for (const [body, code] of bad) {
        const res = await postCsv(api, p.id, body)
        assert.equal(res.status, 422, `${code}: ${res.text}`)
        assert.equal(res.body.details[0].code, code, res.text)
      }
      const mapping = await postCsv(api, p.id, 'Name\nX\n', { mapping: JSON.stringify({ Nope: 'domain' }) })
      assert.equal(mapping.status, 422)
      assert.equal(mapping.body.details[0].field, 'mapping.Nope')
      const json = await api.post(`/v1/lists/${p.id}/imports`, { csv: 'x' })
      assert.equal(json.status, 415)
      assert.equal((await postCsv(api, 'NoSuchList1', 'Organization name\nA\n')).status, 404)
      assert.equal((await api.all('/v1/imports')).filter((j: any) => j.list_id === p.id).length, 0)
    })

    it('takes the file as the `file` part of a form, with options as form fields', async () => {
      const p = await deals('Form')
      const form = new FormData()
      form.set('dry_run', 'false')
      form.set('mapping', JSON.stringify({ Firm: 'organization name' }))
      form.set('file', new Blob(['Firm,Size\nForm Co,3\n'], { type: 'text/csv' }), 'deals.csv')
      const res = await fetch(`${server.url}/v1/lists/${p.id}/imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.workspace.key}` },
        body: form,
      })
      const body = (await res.json()) as any
      assert.equal(res.status, 202, JSON.stringify(body))
      const job = await finished(server, api, body.id)
      assert.equal(job.created, 1)
      assert.equal((await api.all(`/v1/lists/${p.id}/entries`)).length, 1)
    })

    it('round-trips: export, import into an empty workspace, export again gives the same file', async () => {
      const definition = {
        name: 'Round trip',
        process: true,
        entry_type: 'Organization',
        identifier: 'RT',
        duplicates_allowed: false,
        statuses: [
          { name: 'Lead', type: 'active' },
          { name: 'Won', type: 'won' },
        ],
        fields: [
          { name: 'Size', data_type: 'number' },
          { name: 'Tags', data_type: 'select', options: ['a', 'b, c', 'd'], accepts_multiple_values: true },
          { name: 'Since', data_type: 'date' },
          { name: 'Notes', data_type: 'textarea' },
          { name: 'Status', data_type: 'text' },
        ],
      }
      const source = await createList(api, definition)
      const rows = Array.from({ length: 30 }, (_, i) =>
        [
          `"Org, ${i}"`,
          `rt${i}.example${i % 3 === 0 ? ` rt${i}b.example` : ''}`,
          i % 4 === 0 ? '' : `Person ${i}`,
          i % 4 === 0 ? '' : `p${i}@rt${i}.example`,
          i % 5 === 0 && i % 4 !== 0 ? `+82 10-0000-00${String(i).padStart(2, '0')}` : '',
          i % 2 === 0 ? 'Lead' : 'Won',
          i === 1 ? member.email : '',
          `${i}00.5${i % 10}`,
          '0',
          'annual',
          String(i * 1.5),
          i % 3 === 0 ? '"[""a"",""b, c""]"' : 'd',
          '2024-02-29',
          `"line one\nline ${i}"`,
          `t${i}`,
        ].join(','),
      )
      const header =
        'Organization name,Domain,Contact name,Email,Phone number,Status,Assignee email,One time value,Recurring value,Recurring period,Size,Tags,Since,Notes,list field: Status'
      const loaded = await importCsv(server, api, source.id, `${header}\n${rows.join('\n')}\n`)
      assert.deepEqual(
        [loaded.created, loaded.rejected],
        [30, 0],
        (await api.get(`/v1/imports/${loaded.id}/rejected.csv`)).text,
      )
      const first = (await api.get(`/v1/lists/${source.id}/export`)).text

      const other = await server.createWorkspace('Round trip target')
      const otherApi = client(server, other.key)
      await otherApi.post('/v1/users', { name: 'Member', email: member.email })
      const target = await createList(otherApi, definition)
      const imported = await importCsv(server, otherApi, target.id, first)
      assert.deepEqual([imported.created, imported.rejected], [30, 0], JSON.stringify(imported))
      const second = (await otherApi.get(`/v1/lists/${target.id}/export`)).text
      assert.equal(second, first)
      assert.equal(parse(first).length, 31)
    })

    it('cancels a running job: it stops, and what it wrote stays', async () => {
      const p = await deals('Cancel')
      const rows = Array.from({ length: 6000 }, (_, i) => `Cancel ${i},cancel${i}.example`)
      const res = await postCsv(api, p.id, `Organization name,Domain\n${rows.join('\n')}\n`)
      assert.equal(res.status, 202)
      const canceled = await api.delete(`/v1/imports/${res.body.id}`)
      assert.equal(canceled.status, 200)
      assert.equal(canceled.body.status, 'canceled')
      const job = await finished(server, api, res.body.id)
      assert.equal(job.status, 'canceled')
      assert.ok(job.rows_done < 6000, `rows_done ${job.rows_done}`)
      assert.equal((await api.all(`/v1/lists/${p.id}/entries`)).length, job.created)
      const again = await api.delete(`/v1/imports/${res.body.id}`)
      assert.equal(again.body.status, 'canceled')
      assert.equal((await api.get('/v1/imports/NoSuchJob12')).status, 404)
    })
  })
}
