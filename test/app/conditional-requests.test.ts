// Conditional requests over real HTTP on every database: strong ETags that change with every kind of
// change a client can see (and only then), 304 to If-None-Match on objects and pages, 412 to a stale
// If-Match on PATCH and DELETE with nothing changed, and (where the database has row locks) a change
// that lands while a conditional write waits for its row is caught. Every GET and every conditional
// write route is walked from the OpenAPI document in test/reliability/conditional.test.ts.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import pg from 'pg'
import { client, type ApiClient, type ApiResponse } from '../support/client.js'
import { TEST_DATABASES } from '../support/databases.js'
import { VALUES, createContact, createList, createMember, createOrganization, processBody } from '../support/seed.js'
import { startTestServer, type TestServer } from '../support/server.js'

const ETAG = /^"[A-Za-z0-9_-]{43}"$/

function etagOf(res: ApiResponse): string {
  assert.equal(res.status, 200, res.text)
  const etag = res.headers.get('etag')
  assert.match(etag ?? '', ETAG)
  return etag!
}

function assertError(res: ApiResponse, status: number, code: string): void {
  assert.equal(res.status, status, res.text)
  assert.equal(res.body.code, code)
}

for (const database of TEST_DATABASES) {
  describe(`${database.name}: conditional requests`, () => {
    let server: TestServer
    let api: ApiClient
    let list: any
    let entry: any
    let orgId: string
    before(async () => {
      server = await startTestServer(database)
      api = client(server, server.workspace.key)
      orgId = (await createOrganization(api, { name: 'Caladan', domains: ['caladan.example'] })).id
      list = await createList(
        api,
        processBody({
          fields: [
            { name: 'Stage', data_type: 'text' },
            { name: 'Notes', data_type: 'text' },
          ],
        }),
      )
      const res = await api.post(`/v1/lists/${list.id}/entries`, {
        entryable_id: orgId,
        entryable_type: 'Organization',
        status: 'Started',
        ...VALUES,
      })
      assert.equal(res.status, 201, res.text)
      entry = res.body
    })
    after(async () => server?.close())

    const tagOf = async (path: string) => etagOf(await api.get(path))
    const entryPath = () => `/v1/lists/${list.id}/entries/${entry.id}`

    it('sends the same strong ETag while nothing changes, and answers If-None-Match with 304', async () => {
      for (const path of [entryPath(), `/v1/lists/${list.id}`, `/v1/organizations/${orgId}`, '/v1/organizations']) {
        const first = await api.get(path)
        const etag = etagOf(first)
        assert.equal(await tagOf(path), etag, `${path}: stable`)
        for (const condition of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
          const res = await api.get(path, { headers: { 'if-none-match': condition } })
          assert.equal(res.status, 304, `${path} If-None-Match: ${condition}`)
          assert.equal(res.text, '')
          assert.equal(res.headers.get('etag'), etag)
        }
        const other = await api.get(path, { headers: { 'if-none-match': '"not-this-one"' } })
        assert.equal(other.status, 200)
        assert.equal(other.text, first.text)
      }
    })

    it("changes an entry's ETag with each kind of change, and not with a change elsewhere", async () => {
      const member = await createMember(api, 'Gurney')
      const changes: Array<[string, () => Promise<ApiResponse>]> = [
        ['a list field value', () => api.patch(entryPath(), { list_fields: [{ name: 'Stage', value: 'Demo' }] })],
        ['a status move', () => api.patch(entryPath(), { status: 'In progress' })],
        ['the assignee', () => api.patch(entryPath(), { assignee_email: member.email })],
        ['a value', () => api.patch(entryPath(), { one_time_value_cents: 4200 })],
        [
          'a list field renamed in the list',
          () => api.patch(`/v1/lists/${list.id}`, { fields: [{ name: 'Stage', new_name: 'Phase' }] }),
        ],
        [
          'its status renamed in the list',
          () => api.patch(`/v1/lists/${list.id}`, { statuses: [{ name: 'In progress', new_name: 'Working' }] }),
        ],
      ]
      const seen = new Set([await tagOf(entryPath())])
      for (const [what, change] of changes) {
        const res = await change()
        assert.equal(res.status, 200, `${what}: ${res.text}`)
        const etag = await tagOf(entryPath())
        assert.ok(!seen.has(etag), `${what} changed the entry's ETag`)
        seen.add(etag)
      }
      const unchanged = await tagOf(entryPath())
      await createOrganization(api, { name: 'Elsewhere' })
      await api.patch(`/v1/organizations/${orgId}`, { description: 'Ocean world' })
      assert.equal(await tagOf(entryPath()), unchanged, 'a change elsewhere leaves it')
    })

    it('changes the ETag of every other kind of object with its changes', async () => {
      const contact = await createContact(api, { first_name: 'Duncan', emails: ['duncan@caladan.example'] })
      const note = (await api.post('/v1/notes', { organization_id: orgId, body: 'First' })).body
      const field = (await api.post('/v1/custom_fields', { model: 'contact', name: 'Rank', data_type: 'text' })).body
      const cases: Array<[string, string, () => Promise<ApiResponse>]> = [
        [
          'list: a field added',
          `/v1/lists/${list.id}`,
          () => api.patch(`/v1/lists/${list.id}`, { fields: [{ name: 'New', data_type: 'text' }] }),
        ],
        ['list: archived', `/v1/lists/${list.id}`, () => api.patch(`/v1/lists/${list.id}`, { archived: true })],
        [
          'contact: an email added',
          `/v1/contacts/${contact.id}`,
          () => api.patch(`/v1/contacts/${contact.id}`, { emails: ['idaho@caladan.example'] }),
        ],
        [
          'contact: an email removed',
          `/v1/contacts/${contact.id}`,
          () => api.delete(`/v1/contacts/${contact.id}/emails`, { emails: ['idaho@caladan.example'] }),
        ],
        [
          'organization: a domain removed',
          `/v1/organizations/${orgId}`,
          () => api.delete(`/v1/organizations/${orgId}/domains`, { domains: ['caladan.example'] }),
        ],
        ['note: its body', `/v1/notes/${note.id}`, () => api.patch(`/v1/notes/${note.id}`, { body: 'Second' })],
        [
          'custom field: its name',
          `/v1/custom_fields/${field.id}`,
          () => api.patch(`/v1/custom_fields/${field.id}`, { name: 'Title' }),
        ],
      ]
      for (const [what, path, change] of cases) {
        const before = await tagOf(path)
        const res = await change()
        assert.ok(res.status < 300, `${what}: ${res.text}`)
        assert.notEqual(await tagOf(path), before, what)
      }
      await api.patch(`/v1/lists/${list.id}`, { archived: false })
    })

    it("changes a page's ETag when one of its items changes, so a poll of an unchanged page gets 304", async () => {
      const page = `/v1/lists/${list.id}/entries`
      const etag = await tagOf(page)
      assert.equal((await api.get(page, { headers: { 'if-none-match': etag } })).status, 304)
      assert.equal((await api.patch(entryPath(), { recurring_value_cents: 99 })).status, 200)
      const res = await api.get(page, { headers: { 'if-none-match': etag } })
      assert.equal(res.status, 200)
      assert.notEqual(etagOf(res), etag)
    })

    it('applies a PATCH or DELETE only while If-Match names the current ETag, else 412 with nothing changed', async () => {
      const note = (await api.post('/v1/notes', { organization_id: orgId, body: 'One' })).body
      const path = `/v1/notes/${note.id}`
      const read = await tagOf(path)
      const updated = await api.patch(path, { body: 'Two' }, { headers: { 'if-match': read } })
      assert.equal(updated.status, 200, updated.text)
      for (const stale of [read, `W/${await tagOf(path)}`, 'not a tag']) {
        assertError(
          await api.patch(path, { body: 'Three' }, { headers: { 'if-match': stale } }),
          412,
          'precondition_failed',
        )
        assertError(await api.delete(path, undefined, { headers: { 'if-match': stale } }), 412, 'precondition_failed')
      }
      assert.equal((await api.get(path)).body.body, 'Two', 'the refused writes changed nothing')
      const current = await tagOf(path)
      assert.equal(
        (await api.patch(path, { body: 'Four' }, { headers: { 'if-match': `"x", ${current}` } })).status,
        200,
      )
      assert.equal((await api.patch(path, { body: 'Five' }, { headers: { 'if-match': '*' } })).status, 200)
      assert.equal((await api.delete(path, undefined, { headers: { 'if-match': await tagOf(path) } })).status, 204)
      assertError(await api.patch(path, { body: 'Gone' }, { headers: { 'if-match': '*' } }), 404, 'not_found')
    })

    it('checks If-Match of a sub-collection removal against its parent object', async () => {
      const contact = await createContact(api, {
        first_name: 'Thufir',
        emails: ['a@thufir.example', 'b@thufir.example'],
      })
      const path = `/v1/contacts/${contact.id}`
      const read = await tagOf(path)
      assert.equal((await api.patch(path, { title: 'Mentat' })).status, 200)
      const removal = { emails: ['b@thufir.example'] }
      assertError(
        await api.delete(`${path}/emails`, removal, { headers: { 'if-match': read } }),
        412,
        'precondition_failed',
      )
      const res = await api.delete(`${path}/emails`, removal, { headers: { 'if-match': await tagOf(path) } })
      assert.equal(res.status, 200, res.text)
      assert.deepEqual(res.body.emails, ['a@thufir.example'])
    })

    it('catches a change that lands while the conditional write waits for its row lock', async (t) => {
      if (!server.db.traits.supportsForUpdate)
        return t.skip('one writer at a time: the check and the write run under the one write lock')
      const note = (await api.post('/v1/notes', { organization_id: orgId, body: 'Locked' })).body
      const read = await tagOf(`/v1/notes/${note.id}`)
      const other = new pg.Client({ connectionString: server.config.DATABASE_URL })
      await other.connect()
      try {
        // Another writer holds the note's row and changes it; the conditional PATCH queues behind it.
        await other.query('begin')
        await other.query('select id from notes where workspace_id = $1 and id = $2 for update', [
          server.workspace.id,
          note.id,
        ])
        await other.query(`update notes set body = 'Changed meanwhile', updated_at = updated_at + 1 where id = $1`, [
          note.id,
        ])
        const pending = api.patch(`/v1/notes/${note.id}`, { body: 'Mine' }, { headers: { 'if-match': read } })
        await waitForLockWaiter(server)
        await other.query('commit')
        assertError(await pending, 412, 'precondition_failed')
      } finally {
        await other.end()
      }
      assert.equal((await api.get(`/v1/notes/${note.id}`)).body.body, 'Changed meanwhile')
    })
  })
}

/** Waits until some session of the server's database waits for a lock. */
async function waitForLockWaiter(server: TestServer): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`.execute(server.db.kysely)
    if ((rows[0]?.n ?? 0) > 0) return
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error('the conditional PATCH never waited for the row lock')
}
