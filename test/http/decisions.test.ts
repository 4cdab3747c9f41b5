// Decisions recorded in docs/decisions.md that no other test held to: each `it` names the decision it
// proves, over real HTTP on every database. (The request timeout for batched creates is in
// test/app/limits.test.ts, with the other timeout tests.)
import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import pino from 'pino'
import { client, type ApiClient } from '../support/client.js'
import { idRanks } from '../support/collation.js'
import { TEST_DATABASES } from '../support/databases.js'
import { VALUES, createList, createOrganization } from '../support/seed.js'
import { startTestServer, type TestServer } from '../support/server.js'

/** Resolves once the clock's Unix second is at least `second`. */
async function untilSecond(second: number): Promise<void> {
  while (Math.floor(Date.now() / 1000) < second) await new Promise((resolve) => setTimeout(resolve, 20))
}

const second = (iso: string) => Math.floor(Date.parse(iso) / 1000)

for (const database of TEST_DATABASES) {
  describe(`${database.name}: decisions`, () => {
    let server: TestServer
    let api: ApiClient
    /** Every line the server logged, as parsed JSON. */
    const logged: Array<Record<string, unknown>> = []
    let rawLog = ''
    before(async () => {
      const sink = new Writable({
        write(chunk, _encoding, done) {
          const text = chunk.toString()
          rawLog += text
          for (const line of text.split('\n').filter(Boolean)) logged.push(JSON.parse(line))
          done()
        },
      })
      server = await startTestServer(database, { logger: pino({ level: 'info' }, sink) })
      api = client(server, server.workspace.key)
    })
    after(async () => server?.close())

    let n = 0
    const process = (extra: Record<string, unknown> = {}) =>
      createList(api, {
        name: `Decision ${++n}`,
        process: true,
        entry_type: 'Organization',
        identifier: `D${n}`,
        duplicates_allowed: true,
        statuses: [
          { name: 'Open', type: 'active' },
          { name: 'Go', type: 'active' },
          { name: 'Won', type: 'won' },
        ],
        ...extra,
      })
    const entry = async (listId: string, orgId: string, extra: Record<string, unknown> = {}) => {
      const res = await api.post(`/v1/lists/${listId}/entries`, {
        entryable_id: orgId,
        entryable_type: 'Organization',
        status: 'Open',
        ...VALUES,
        ...extra,
      })
      assert.equal(res.status, 201, res.text)
      return res.body
    }

    it('duplicates_allowed cannot be turned off while the process holds a record twice', async () => {
      const p = await process()
      const org = await createOrganization(api)
      await entry(p.id, org.id)
      const second = await entry(p.id, org.id)
      const refused = await api.patch(`/v1/lists/${p.id}`, { duplicates_allowed: false })
      assert.equal(refused.status, 422, refused.text)
      assert.ok(
        refused.body.details.some((d: { field: string }) => d.field === 'duplicates_allowed'),
        refused.text,
      )
      assert.equal((await api.get(`/v1/lists/${p.id}`)).body.duplicates_allowed, true, 'the list is unchanged')
      // Held once, it can be turned off; then a second entry of the record is refused.
      assert.equal((await api.delete(`/v1/lists/${p.id}/entries/${second.id}`)).status, 204)
      const turned = await api.patch(`/v1/lists/${p.id}`, { duplicates_allowed: false })
      assert.equal(turned.status, 200, turned.text)
      const again = await api.post(`/v1/lists/${p.id}/entries`, {
        entryable_id: org.id,
        entryable_type: 'Organization',
        status: 'Open',
        ...VALUES,
      })
      assert.equal(again.status, 422, again.text)
    })

    it('accepts_multiple_values cannot go from true to false; from false to true shows old values as one-item arrays', async () => {
      const p = await process({
        fields: [
          { name: 'Tags', data_type: 'select', options: ['a', 'b'], accepts_multiple_values: true },
          { name: 'Size', data_type: 'select', options: ['S', 'M'], accepts_multiple_values: false },
        ],
      })
      const e = await entry(p.id, (await createOrganization(api)).id, {
        list_fields: [
          { name: 'Tags', value: ['a', 'b'] },
          { name: 'Size', value: 'M' },
        ],
      })
      const narrowed = await api.patch(`/v1/lists/${p.id}`, {
        fields: [{ name: 'Tags', data_type: 'select', options: ['a', 'b'], accepts_multiple_values: false }],
      })
      assert.equal(narrowed.status, 422, narrowed.text)
      const tags = (await api.get(`/v1/lists/${p.id}`)).body.fields.find((f: { name: string }) => f.name === 'Tags')
      assert.equal(tags.accepts_multiple_values, true, 'the field is unchanged')
      const widened = await api.patch(`/v1/lists/${p.id}`, {
        fields: [{ name: 'Size', data_type: 'select', options: ['S', 'M'], accepts_multiple_values: true }],
      })
      assert.equal(widened.status, 200, widened.text)
      const read = (await api.get(`/v1/lists/${p.id}/entries/${e.id}`)).body
      const byName = Object.fromEntries(Object.values(read.list_fields).map((f: any) => [f.name, f.value]))
      assert.deepEqual(byName, { Tags: ['a', 'b'], Size: ['M'] })
    })

    it('a removed select option leaves stored values shown and found by filters; new writes must use a current one', async () => {
      const p = await process({
        fields: [{ name: 'Size', data_type: 'select', options: ['S', 'M', 'L'], accepts_multiple_values: false }],
      })
      const large = await entry(p.id, (await createOrganization(api)).id, {
        list_fields: [{ name: 'Size', value: 'L' }],
      })
      await entry(p.id, (await createOrganization(api)).id, { list_fields: [{ name: 'Size', value: 'S' }] })
      const changed = await api.patch(`/v1/lists/${p.id}`, {
        fields: [{ name: 'Size', data_type: 'select', options: ['S', 'M'], accepts_multiple_values: false }],
      })
      assert.equal(changed.status, 200, changed.text)
      const read = (await api.get(`/v1/lists/${p.id}/entries/${large.id}`)).body
      assert.deepEqual(
        Object.values(read.list_fields).map((f: any) => [f.name, f.value]),
        [['Size', 'L']],
      )
      const found = await api.get(`/v1/lists/${p.id}/entries?field[Size]=L`)
      assert.equal(found.status, 200, found.text)
      assert.deepEqual(
        found.body.data.map((x: { id: string }) => x.id),
        [large.id],
      )
      assert.equal(found.body.pagination.total_count, 1)
      const write = await api.patch(`/v1/lists/${p.id}/entries/${large.id}`, {
        list_fields: [{ name: 'Size', value: 'L' }],
      })
      assert.equal(write.status, 422, 'a new write must use a current option')
      const other = await api.patch(`/v1/lists/${p.id}/entries/${large.id}`, { status: 'Go' })
      assert.equal(other.status, 200, 'other changes to the entry keep its stored value')
      assert.equal((Object.values(other.body.list_fields)[0] as { value: unknown }).value, 'L')
    })

    it('deleting a list clears the deal_id of notes that named one of its entries, and next_entry_id pointing into it', async () => {
      const doomed = await process()
      const source = await process()
      const rule = await api.post(`/v1/lists/${source.id}/connections`, {
        from_status: 'Go',
        to_list_id: doomed.id,
        to_status: 'Open',
      })
      assert.equal(rule.status, 201, rule.text)
      const org = await createOrganization(api)
      const deal = await entry(doomed.id, org.id)
      const note = await api.post('/v1/notes', { organization_id: org.id, deal_id: deal.id, body: 'about the deal' })
      assert.equal(note.status, 201, note.text)
      const moved = await api.patch(`/v1/lists/${source.id}/entries/${(await entry(source.id, org.id)).id}`, {
        status: 'Go',
      })
      assert.equal(moved.status, 200, moved.text)
      assert.ok(moved.body.next_entry_id, 'the rule fired into the list about to be deleted')

      assert.equal((await api.delete(`/v1/lists/${doomed.id}`)).status, 204)
      const noteAfter = await api.get(`/v1/notes/${note.body.id}`)
      assert.equal(noteAfter.status, 200, 'the note stays')
      assert.equal(noteAfter.body.deal_id, null)
      const sourceAfter = (await api.get(`/v1/lists/${source.id}/entries/${moved.body.id}`)).body
      assert.equal(sourceAfter.next_entry_id, null)
      assert.equal(sourceAfter.status, 'Go')
    })

    it('an organization deleted while a contact and a note are attached to it leaves no dangling reference', async () => {
      const outcomes: Record<string, number> = {}
      const count = (what: string) => (outcomes[what] = (outcomes[what] ?? 0) + 1)
      for (let round = 0; round < 12; round++) {
        const org = await createOrganization(api)
        const [deleted, contact, note] = await Promise.all([
          api.delete(`/v1/organizations/${org.id}`),
          api.post('/v1/contacts', {
            first_name: 'Racing',
            emails: [`race-${round}-${Date.now()}@example.com`],
            organization_id: org.id,
          }),
          api.post('/v1/notes', { organization_id: org.id, body: `race ${round}` }),
        ])
        assert.equal(deleted.status, 204, deleted.text)
        assert.ok([201, 422].includes(contact.status), `contact: ${contact.status} ${contact.text}`)
        assert.ok([201, 422].includes(note.status), `note: ${note.status} ${note.text}`)
        count(`contact ${contact.status}`)
        count(`note ${note.status}`)
        if (contact.status === 201) {
          // Attached before the delete: the delete cleared it.
          const now = await api.get(`/v1/contacts/${contact.body.id}`)
          assert.equal(now.body.organization_id, null, 'a contact points at a deleted organization')
        }
        // A note made before the delete went with its organization.
        if (note.status === 201) assert.equal((await api.get(`/v1/notes/${note.body.id}`)).status, 404)
      }
      const dangling = await server.db.kysely
        .selectFrom('contacts')
        .select('id')
        .where('organization_id', 'is not', null)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('organizations')
                .select('organizations.id')
                .whereRef('organizations.id', '=', 'contacts.organization_id')
                .whereRef('organizations.workspace_id', '=', 'contacts.workspace_id'),
            ),
          ),
        )
        .execute()
      assert.deepEqual(dangling, [], `contacts naming deleted organizations; outcomes ${JSON.stringify(outcomes)}`)
    })

    it('request logs carry the path without its query string, and never a key or a body', async () => {
      const secret = `secret-${Date.now()}@example.com`
      assert.equal((await api.get(`/v1/contacts?email=${encodeURIComponent(secret)}&first=5`)).status, 200)
      const made = await api.post('/v1/users', { name: 'Logged', email: `body-${secret}` })
      assert.equal(made.status, 201)
      const lines = logged.filter((l) => l.msg === 'request completed')
      const contactsLine = lines.find((l) => l.path === '/v1/contacts' && l.method === 'GET')
      assert.ok(contactsLine, `a line for GET /v1/contacts: ${JSON.stringify(lines.slice(-3))}`)
      assert.equal(contactsLine.status, 200)
      assert.ok(typeof contactsLine.request_id === 'string')
      assert.ok(!rawLog.includes(secret), 'the query string (an email) reached the log')
      assert.ok(!rawLog.includes(server.workspace.key), 'the key reached the log')
    })

    it('__proto__ and constructor.prototype keys are dropped from bodies', async () => {
      const raw =
        '{"name": "Proto Inc", "__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}'
      const res = await api.request('POST', '/v1/organizations', {
        raw,
        headers: { 'content-type': 'application/json' },
      })
      assert.ok(res.status === 201 || res.status === 422, `${res.status} ${res.text}`)
      assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype was polluted')
      if (res.status === 201) {
        assert.equal(res.body.name, 'Proto Inc')
        assert.ok(!JSON.stringify(res.body).includes('polluted'))
      }
      // In a nested object too: list fields given as {name: value}.
      const p = await process({ fields: [{ name: 'Note', data_type: 'text' }] })
      const nested = await api.request('POST', `/v1/lists/${p.id}/entries`, {
        raw: JSON.stringify({
          entryable_id: (await createOrganization(api)).id,
          entryable_type: 'Organization',
          status: 'Open',
          ...VALUES,
        }).replace(/}$/, ', "list_fields": {"Note": "kept", "__proto__": {"polluted": "yes"}}}'),
        headers: { 'content-type': 'application/json' },
      })
      assert.equal(nested.status, 201, nested.text)
      assert.deepEqual(
        Object.values(nested.body.list_fields).map((f: any) => [f.name, f.value]),
        [['Note', 'kept']],
      )
      assert.equal(({} as Record<string, unknown>).polluted, undefined)
    })

    it('notes and custom fields filter by updated_after (Unix seconds, exclusive) and list newest first, ties by id in the database order', async () => {
      const org = await createOrganization(api)
      const note = (body: string) => api.post('/v1/notes', { organization_id: org.id, body })
      let fields = 0
      const field = () =>
        api.post('/v1/custom_fields', {
          name: `Decision field ${++fields} ${Date.now()}`,
          model: 'contact',
          data_type: 'text',
        })
      const firstNote = await note('first')
      const firstField = await field()
      assert.equal(firstNote.status, 201, firstNote.text)
      assert.equal(firstField.status, 201, firstField.text)
      // Two seconds later by the clock, so a whole second lies between the first records and the rest.
      const early = Math.max(second(firstNote.body.updated_at), second(firstField.body.updated_at))
      await untilSecond(early + 2)
      const laterNotes = [await note('second'), await note('third')]
      const laterFields = [await field(), await field()]

      for (const [path, first, later, table] of [
        [`/v1/notes?organization_id=${org.id}`, firstNote.body, laterNotes.map((r) => r.body), 'notes'],
        ['/v1/custom_fields?model=contact', firstField.body, laterFields.map((r) => r.body), 'custom_fields'],
      ] as const) {
        const at = (t: number) => api.get(`${path}&updated_after=${t}&first=100`)
        const after = await at(early + 1)
        assert.equal(after.status, 200, after.text)
        const ids = after.body.data.map((x: { id: string }) => x.id)
        for (const x of later) assert.ok(ids.includes(x.id), `${path}: made after ${early + 1} but not listed`)
        assert.ok(!ids.includes(first.id), `${path}: updated in second ${early} or before, but listed`)
        assert.equal((await at(Math.floor(Date.now() / 1000) + 60)).body.data.length, 0, `${path}: the future`)

        // Newest first; among equal times, the id order the database uses, descending.
        const all = (await api.get(`${path}&first=100`)).body.data as Array<{ id: string; updated_at: string }>
        const rank = await idRanks(
          server.db,
          table,
          all.map((x) => x.id),
        )
        for (let i = 1; i < all.length; i++) {
          const [a, b] = [all[i - 1]!, all[i]!]
          assert.ok(
            a.updated_at > b.updated_at || (a.updated_at === b.updated_at && rank.get(a.id)! > rank.get(b.id)!),
            `${path}: ${a.id} (${a.updated_at}) before ${b.id} (${b.updated_at})`,
          )
        }
        assert.equal(all[0]!.id, later.at(-1)!.id, `${path}: the newest is first`)
      }
      // A change moves a record to the front.
      const edited = await api.patch(`/v1/notes/${firstNote.body.id}`, { body: 'first, edited' })
      assert.equal(edited.status, 200, edited.text)
      assert.equal((await api.get(`/v1/notes?organization_id=${org.id}&first=1`)).body.data[0].id, firstNote.body.id)
    })
  })
}
