// `/v1/webhooks` subscriptions: create (the secret answered once), read, page, update, rotate, delete,
// the rules of URLs and event names, the list filter, the per-workspace limit, and the refusal of
// loopback, private, link-local and metadata destinations unless RAPPORT_WEBHOOK_ALLOW_PRIVATE=1.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { client, type ApiClient } from '../support/client.js'
import { TEST_DATABASES } from '../support/databases.js'
import { createList, processBody } from '../support/seed.js'
import { startTestServer, type TestServer } from '../support/server.js'

const HOOK = 'http://127.0.0.1:9/hook'

for (const database of TEST_DATABASES) {
  describe(`${database.name}: webhooks`, () => {
    let server: TestServer
    let api: ApiClient
    before(async () => {
      server = await startTestServer(database, { env: { RAPPORT_WEBHOOK_ALLOW_PRIVATE: '1' } })
      api = client(server, server.workspace.key)
    })
    after(async () => server?.close())

    it('creates a webhook, answering its secret once', async () => {
      const res = await api.post('/v1/webhooks', {
        url: HOOK,
        events: ['contact.*', 'entry.created', 'contact.*'],
        description: '  Warehouse sync ',
      })
      assert.equal(res.status, 201, res.text)
      assert.match(res.body.secret, /^whsec_[A-Za-z0-9_-]{43}$/)
      assert.deepEqual(Object.keys(res.body), [
        'id',
        'url',
        'events',
        'list_id',
        'active',
        'description',
        'disabled_reason',
        'created_at',
        'updated_at',
        'secret',
      ])
      assert.deepEqual(res.body.events, ['contact.*', 'entry.created'])
      assert.equal(res.body.description, 'Warehouse sync')
      assert.equal(res.body.active, true)
      assert.equal(res.body.disabled_reason, null)
      const read = await api.get(`/v1/webhooks/${res.body.id}`)
      assert.equal(read.status, 200)
      const { secret: _secret, ...withoutSecret } = res.body
      assert.deepEqual(read.body, withoutSecret)
      const listed = await api.get('/v1/webhooks')
      assert.ok(listed.body.data.some((w: { id: string; secret?: string }) => w.id === res.body.id && !('secret' in w)))
    })

    it('refuses unknown events, no events, other schemes and URLs with credentials', async () => {
      const cases: Array<[unknown, string, string]> = [
        [{ url: HOOK, events: ['contact.created', 'contact.merged'] }, 'events[1]', 'inclusion'],
        [{ url: HOOK, events: ['entries.*'] }, 'events[0]', 'inclusion'],
        [{ url: HOOK, events: [] }, 'events', 'blank'],
        [{ url: 'ftp://example.com/hook', events: ['*'] }, 'url', 'invalid'],
        [{ url: 'file:///etc/passwd', events: ['*'] }, 'url', 'invalid'],
        [{ url: 'not a url', events: ['*'] }, 'url', 'invalid'],
        [{ url: 'http://user:secret@127.0.0.1:9/hook', events: ['*'] }, 'url', 'credentials'],
      ]
      for (const [body, field, code] of cases) {
        const res = await api.post('/v1/webhooks', body)
        assert.equal(res.status, 422, `${JSON.stringify(body)}: ${res.text}`)
        assert.ok(
          res.body.details.some((d: { field: string; code: string }) => d.field === field && d.code === code),
          `${JSON.stringify(body)}: ${res.text}`,
        )
      }
    })

    it('filters by a list of the workspace, and only for events a list can have', async () => {
      const list = await createList(api, processBody({ name: 'Hooked', identifier: 'HK' }))
      const ok = await api.post('/v1/webhooks', {
        url: HOOK,
        events: ['entry.*', 'list.updated', '*'],
        list_id: list.id,
      })
      assert.equal(ok.status, 201, ok.text)
      assert.equal(ok.body.list_id, list.id)
      const unknown = await api.post('/v1/webhooks', { url: HOOK, events: ['entry.*'], list_id: 'NoSuchList1' })
      assert.equal(unknown.status, 422)
      assert.equal(unknown.body.details[0].field, 'list_id')
      const other = await server.createWorkspace()
      const foreign = await createList(client(server, other.key), processBody({ name: 'Theirs', identifier: 'TH' }))
      const theirs = await api.post('/v1/webhooks', { url: HOOK, events: ['entry.*'], list_id: foreign.id })
      assert.equal(theirs.status, 422)
      const contact = await api.post('/v1/webhooks', {
        url: HOOK,
        events: ['entry.*', 'contact.created'],
        list_id: list.id,
      })
      assert.equal(contact.status, 422)
      assert.deepEqual(
        contact.body.details.map((d: { field: string; code: string }) => [d.field, d.code]),
        [['events[1]', 'not_allowed']],
      )
      const patched = await api.patch(`/v1/webhooks/${ok.body.id}`, { events: ['note.created'] })
      assert.equal(patched.status, 422)
      const cleared = await api.patch(`/v1/webhooks/${ok.body.id}`, { events: ['note.created'], list_id: null })
      assert.equal(cleared.status, 200, cleared.text)
      assert.equal(cleared.body.list_id, null)
    })

    it('updates what is sent, leaves updated_at alone when nothing changes, and rotates the secret', async () => {
      const made = (await api.post('/v1/webhooks', { url: HOOK, events: ['contact.created'] })).body
      await new Promise((resolve) => setTimeout(resolve, 5))
      const same = await api.patch(`/v1/webhooks/${made.id}`, { url: HOOK, events: ['contact.created'] })
      assert.equal(same.status, 200)
      assert.equal(same.body.updated_at, made.updated_at)
      const changed = await api.patch(`/v1/webhooks/${made.id}`, {
        url: 'http://127.0.0.1:9/other',
        events: ['note.*'],
        active: false,
        description: 'paused',
      })
      assert.equal(changed.status, 200, changed.text)
      assert.equal(changed.body.url, 'http://127.0.0.1:9/other')
      assert.deepEqual(changed.body.events, ['note.*'])
      assert.equal(changed.body.active, false)
      assert.equal(changed.body.description, 'paused')
      assert.notEqual(changed.body.updated_at, made.updated_at)
      assert.equal((await api.patch(`/v1/webhooks/${made.id}`, { url: 'gopher://x' })).status, 422)

      const rotated = await api.post(`/v1/webhooks/${made.id}/rotate_secret`)
      assert.equal(rotated.status, 200, rotated.text)
      assert.match(rotated.body.secret, /^whsec_/)
      assert.notEqual(rotated.body.secret, made.secret)
      assert.equal((await api.get(`/v1/webhooks/${made.id}`)).body.secret, undefined)
    })

    it('deletes a webhook; ids of other workspaces and unknown ids are 404', async () => {
      const made = (await api.post('/v1/webhooks', { url: HOOK, events: ['*'] })).body
      const other = await server.createWorkspace()
      const theirs = client(server, other.key)
      for (const res of [
        await theirs.get(`/v1/webhooks/${made.id}`),
        await theirs.patch(`/v1/webhooks/${made.id}`, { active: false }),
        await theirs.post(`/v1/webhooks/${made.id}/rotate_secret`),
        await theirs.post(`/v1/webhooks/${made.id}/ping`),
        await theirs.get(`/v1/webhooks/${made.id}/deliveries`),
        await theirs.delete(`/v1/webhooks/${made.id}`),
      ])
        assert.equal(res.status, 404, res.text)
      assert.equal((await api.delete(`/v1/webhooks/${made.id}`)).status, 204)
      assert.equal((await api.get(`/v1/webhooks/${made.id}`)).status, 404)
      assert.equal((await api.delete(`/v1/webhooks/${made.id}`)).status, 404)
    })

    it('pages like every list and holds at most 50 webhooks per workspace', async () => {
      const ws = await server.createWorkspace('Many hooks')
      const many = client(server, ws.key)
      for (let i = 0; i < 50; i++)
        assert.equal((await many.post('/v1/webhooks', { url: `${HOOK}/${i}`, events: ['*'] })).status, 201)
      const refused = await many.post('/v1/webhooks', { url: HOOK, events: ['*'] })
      assert.equal(refused.status, 422)
      assert.equal(refused.body.details[0].code, 'limit_reached')
      const page = await many.get('/v1/webhooks?first=20&after=40')
      assert.equal(page.status, 200)
      assert.equal(page.body.data.length, 10)
      assert.deepEqual(page.body.pagination, { end_cursor: 50, has_next_page: false, total_count: 50 })
      assert.equal(new Set((await many.all('/v1/webhooks')).map((w) => w.id)).size, 50)
    })
  })

  describe(`${database.name}: webhook destinations`, () => {
    let server: TestServer
    let api: ApiClient
    before(async () => {
      server = await startTestServer(database)
      api = client(server, server.workspace.key)
    })
    after(async () => server?.close())

    it('refuses loopback, private, link-local, metadata and unresolvable hosts at create and on PATCH', async () => {
      const refused = [
        'http://127.0.0.1:8080/hook',
        'http://localhost/hook',
        'http://[::1]/hook',
        'http://2130706433/hook',
        'http://0x7f.1/hook',
        'http://[::ffff:127.0.0.1]/hook',
        'http://10.1.2.3/hook',
        'http://192.168.0.10/hook',
        'http://172.16.5.5/hook',
        'http://169.254.169.254/latest/meta-data/',
        'http://[fd00:ec2::254]/latest/meta-data/',
        'http://100.100.100.200/latest/meta-data/',
        'http://0.0.0.0/hook',
        'https://[fe80::1]/hook',
        'http://no-such-host.invalid/hook',
      ]
      for (const url of refused) {
        const res = await api.post('/v1/webhooks', { url, events: ['*'] })
        assert.equal(res.status, 422, `${url}: ${res.text}`)
        assert.equal(res.body.details[0].field, 'url', url)
        assert.equal(res.body.details[0].code, 'not_allowed', url)
      }
      const public_ = await api.post('/v1/webhooks', { url: 'https://93.184.215.14/hook', events: ['*'] })
      assert.equal(public_.status, 201, public_.text)
      const patched = await api.patch(`/v1/webhooks/${public_.body.id}`, { url: 'http://169.254.169.254/' })
      assert.equal(patched.status, 422)
      assert.equal((await api.get(`/v1/webhooks/${public_.body.id}`)).body.url, 'https://93.184.215.14/hook')
    })
  })
}
