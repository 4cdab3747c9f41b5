// Webhook events, received by a real receiver on the loopback: every event of contacts, organizations,
// notes, custom fields and lists fires with the documented payload (the object as the API answers it,
// previous_attributes on updates, a per-record sequence) and a signature that verifies; filters by
// event, wildcards and the list filter; nothing for a refused write, an unchanged PATCH or an inactive
// subscription.
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { after, before, describe, it } from 'node:test'
import { verifySignature } from '../../src/domain/webhooks/signature.js'
import { client, type ApiClient } from '../support/client.js'
import { TEST_DATABASES } from '../support/databases.js'
import { createList, processBody } from '../support/seed.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { WebhookReceiver, type Received } from '../support/webhook-receiver.js'

const PAYLOAD_KEYS = ['id', 'type', 'created_at', 'workspace_id', 'sequence', 'data']

for (const database of TEST_DATABASES) {
  describe(`${database.name}: webhook events`, () => {
    let server: TestServer
    let api: ApiClient
    let receiver: WebhookReceiver
    let secret: string
    before(async () => {
      server = await startTestServer(database, { env: { RAPPORT_WEBHOOK_ALLOW_PRIVATE: '1' } })
      api = client(server, server.workspace.key)
      receiver = await WebhookReceiver.start()
      const made = await api.post('/v1/webhooks', { url: `${receiver.url}/all`, events: ['*'] })
      assert.equal(made.status, 201, made.text)
      secret = made.body.secret
    })
    after(async () => {
      await server?.close()
      await receiver?.close()
    })

    /** The one delivery to /all of `type` about `id`, checked for shape, headers and signature. */
    const eventOf = async (type: string, id: string, nth = 1): Promise<any> => {
      const got = await receiver.waitFor(
        (e, r) => r.path === '/all' && e?.type === type && e.data.object.id === id,
        nth,
      )
      const request = got[nth - 1]!
      checkDelivery(request, secret, server.workspace.id)
      return request.event
    }

    it('contacts and organizations: created, updated (with previous_attributes), deleted', async () => {
      const org = await api.post('/v1/organizations', { name: 'Atreides', domains: ['atreid.es'] })
      const created = await eventOf('organization.created', org.body.id)
      assert.deepEqual(created.data, { object: org.body })
      assert.equal(created.sequence, 1)

      const renamed = await api.patch(`/v1/organizations/${org.body.id}`, { name: 'House Atreides' })
      const updated = await eventOf('organization.updated', org.body.id)
      assert.deepEqual(updated.data.object, renamed.body)
      assert.deepEqual(updated.data.previous_attributes, { name: 'Atreides', updated_at: org.body.updated_at })
      assert.equal(updated.sequence, 2)

      const trimmed = await api.delete(`/v1/organizations/${org.body.id}/domains`, { domains: ['atreid.es'] })
      const domains = await eventOf('organization.updated', org.body.id, 2)
      assert.deepEqual(domains.data.object, trimmed.body)
      assert.deepEqual(domains.data.previous_attributes.domains, ['atreid.es'])
      assert.equal(domains.sequence, 3)

      // "auto" makes an organization for the domain: its event comes first.
      const contact = await api.post('/v1/contacts', {
        first_name: 'Paul',
        emails: ['paul@caladan.example'],
        organization_id: 'auto',
      })
      assert.equal(contact.status, 201, contact.text)
      const madeOrg = await eventOf('organization.created', contact.body.organization_id)
      assert.deepEqual(madeOrg.data.object.domains, ['caladan.example'])
      const contactCreated = await eventOf('contact.created', contact.body.id)
      assert.deepEqual(contactCreated.data, { object: contact.body })
      const order = receiver.received.map((r) => r.event.id)
      assert.ok(order.indexOf(madeOrg.id) < order.indexOf(contactCreated.id), 'the organization comes first')

      const titled = await api.patch(`/v1/contacts/${contact.body.id}`, {
        title: 'Duke',
        emails: ['duke@caladan.example'],
      })
      const contactUpdated = await eventOf('contact.updated', contact.body.id)
      assert.deepEqual(contactUpdated.data.object, titled.body)
      assert.deepEqual(contactUpdated.data.previous_attributes, {
        title: null,
        emails: ['paul@caladan.example'],
        updated_at: contact.body.updated_at,
      })
      const fewer = await api.delete(`/v1/contacts/${contact.body.id}/emails`, { emails: ['paul@caladan.example'] })
      const emailsRemoved = await eventOf('contact.updated', contact.body.id, 2)
      assert.deepEqual(emailsRemoved.data.object, fewer.body)
      assert.equal(emailsRemoved.sequence, 3)

      assert.equal((await api.delete(`/v1/contacts/${contact.body.id}`)).status, 204)
      const contactDeleted = await eventOf('contact.deleted', contact.body.id)
      assert.deepEqual(contactDeleted.data, { object: fewer.body })
      assert.equal(contactDeleted.sequence, 4)

      const last = (await api.get(`/v1/organizations/${org.body.id}`)).body
      assert.equal((await api.delete(`/v1/organizations/${org.body.id}`)).status, 204)
      const orgDeleted = await eventOf('organization.deleted', org.body.id)
      assert.deepEqual(orgDeleted.data, { object: last })
      assert.equal(orgDeleted.sequence, 4)
    })

    it('notes, custom fields and lists: created, updated, deleted', async () => {
      const org = (await api.post('/v1/organizations', { name: 'Harkonnen' })).body
      const note = await api.post('/v1/notes', { organization_id: org.id, body: 'first' })
      assert.deepEqual((await eventOf('note.created', note.body.id)).data, { object: note.body })
      const edited = await api.patch(`/v1/notes/${note.body.id}`, { body: 'second' })
      const noteUpdated = await eventOf('note.updated', note.body.id)
      assert.deepEqual(noteUpdated.data, {
        object: edited.body,
        previous_attributes: { body: 'first', updated_at: note.body.updated_at },
      })
      assert.equal((await api.delete(`/v1/notes/${note.body.id}`)).status, 204)
      assert.deepEqual((await eventOf('note.deleted', note.body.id)).data, { object: edited.body })

      const field = await api.post('/v1/custom_fields', {
        name: 'Tier',
        model: 'organization',
        data_type: 'select',
        options: ['A', 'B'],
        accepts_multiple_values: false,
      })
      assert.deepEqual((await eventOf('custom_field.created', field.body.id)).data, { object: field.body })
      const more = await api.patch(`/v1/custom_fields/${field.body.id}`, { options: ['A', 'B', 'C'] })
      const fieldUpdated = await eventOf('custom_field.updated', field.body.id)
      assert.deepEqual(fieldUpdated.data.object, more.body)
      assert.deepEqual(fieldUpdated.data.previous_attributes.options, ['A', 'B'])
      assert.equal((await api.delete(`/v1/custom_fields/${field.body.id}`)).status, 204)
      assert.deepEqual((await eventOf('custom_field.deleted', field.body.id)).data, { object: more.body })

      const list = await createList(api, processBody({ name: 'Deals', identifier: 'DL' }))
      assert.deepEqual((await eventOf('list.created', list.id)).data, { object: list })
      const patched = await api.patch(`/v1/lists/${list.id}`, { statuses: [{ name: 'Negotiation', type: 'active' }] })
      const listUpdated = await eventOf('list.updated', list.id)
      assert.deepEqual(listUpdated.data.object, patched.body)
      assert.deepEqual(listUpdated.data.previous_attributes.statuses, list.statuses)
      assert.equal((await api.delete(`/v1/lists/${list.id}`)).status, 204)
      assert.deepEqual((await eventOf('list.deleted', list.id)).data, { object: patched.body })
    })

    it("verifies deliveries with the README's example", async () => {
      const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
      const code = /<!-- signature-example[^>]*-->\n```js\n([\s\S]*?)```/.exec(readme)?.[1]
      assert.ok(code, 'the README has the example')
      assert.ok(code.trimEnd().split('\n').length <= 11, 'about ten lines')
      const dir = mkdtempSync(join(tmpdir(), 'rapport-readme-'))
      try {
        writeFileSync(join(dir, 'verify.mjs'), code)
        const { verifyRapportSignature } = await import(pathToFileURL(join(dir, 'verify.mjs')).href)
        const org = (await api.post('/v1/organizations', { name: 'Verified' })).body
        const [got] = await receiver.waitFor((e, r) => r.path === '/all' && e.data.object.id === org.id)
        const header = String(got!.headers['rapport-signature'])
        assert.equal(verifyRapportSignature(secret, header, got!.raw), true)
        assert.equal(verifyRapportSignature(secret, header, got!.raw.replace('Verified', 'Forged')), false)
        assert.equal(verifyRapportSignature('whsec_other', header, got!.raw), false)
        const old = header.replace(/t=\d+/, `t=${Math.floor(Date.now() / 1000) - 600}`)
        assert.equal(verifyRapportSignature(secret, old, got!.raw), false)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })

    it('sends nothing for a refused write, an unchanged PATCH or to an inactive webhook', async () => {
      const paused = await api.post('/v1/webhooks', { url: `${receiver.url}/paused`, events: ['*'], active: false })
      assert.equal(paused.status, 201)
      const contact = (await api.post('/v1/contacts', { first_name: 'Leto', emails: ['leto@example.com'] })).body
      await eventOf('contact.created', contact.id)
      const taken = await api.post('/v1/contacts', { first_name: 'Other', emails: ['leto@example.com'] })
      assert.equal(taken.status, 422)
      assert.equal((await api.patch(`/v1/contacts/${contact.id}`, { first_name: 'Leto' })).status, 200)
      await allDelivered(api)
      assert.equal(
        receiver.events((e) => e.type === 'contact.created' && e.data.object.first_name === 'Other').length,
        0,
      )
      assert.equal(receiver.events((e) => e.type === 'contact.updated' && e.data.object.id === contact.id).length, 0)
      assert.equal(receiver.events((_, r) => r.path === '/paused').length, 0)
    })

    it('filters by event name, by wildcard and by list', async () => {
      const hook = async (path: string, body: Record<string, unknown>) => {
        const res = await api.post('/v1/webhooks', { url: `${receiver.url}${path}`, ...body })
        assert.equal(res.status, 201, res.text)
      }
      const listA = await createList(api, { name: 'List A', process: false, entry_type: 'Contact' })
      const listB = await createList(api, { name: 'List B', process: false, entry_type: 'Contact' })
      await hook('/created', { events: ['contact.created'] })
      await hook('/notes', { events: ['note.*'] })
      await hook('/list-a', { events: ['list.*'], list_id: listA.id })
      await hook('/everything-a', { events: ['*'], list_id: listA.id })

      const org = (await api.post('/v1/organizations', { name: 'Fremen' })).body
      const contact = (await api.post('/v1/contacts', { first_name: 'Stilgar' })).body
      await api.patch(`/v1/contacts/${contact.id}`, { last_name: 'Naib' })
      const note = (await api.post('/v1/notes', { organization_id: org.id, body: 'water' })).body
      await api.patch(`/v1/notes/${note.id}`, { body: 'more water' })
      await api.patch(`/v1/lists/${listB.id}`, { name: 'List B2' })
      await api.patch(`/v1/lists/${listA.id}`, { name: 'List A2' })
      await allDelivered(api)

      const typesAt = (path: string) => receiver.events((_, r) => r.path === path).map((r) => r.event.type)
      assert.deepEqual(typesAt('/created'), ['contact.created'])
      assert.deepEqual(typesAt('/notes'), ['note.created', 'note.updated'])
      assert.deepEqual(typesAt('/list-a'), ['list.updated'])
      assert.deepEqual(typesAt('/everything-a'), ['list.updated'])
      assert.equal(receiver.events((_, r) => r.path === '/list-a')[0]!.event.data.object.id, listA.id)
    })
  })
}

/** Waits until no webhook of the workspace has a pending delivery (inactive ones excepted). */
async function allDelivered(api: ApiClient, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const hooks = (await api.all('/v1/webhooks')).filter((w) => w.active)
    let pending = 0
    for (const hook of hooks)
      pending += (await api.get(`/v1/webhooks/${hook.id}/deliveries?state=pending&first=0`)).body.pagination.total_count
    if (pending === 0) return
    if (Date.now() > deadline) throw new Error(`${pending} deliveries still pending after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** The headers every delivery carries, and a signature that verifies with the webhook's secret. */
function checkDelivery(request: Received, secret: string, workspaceId: string): void {
  const { event, headers } = request
  assert.deepEqual(Object.keys(event), PAYLOAD_KEYS)
  assert.equal(event.workspace_id, workspaceId)
  assert.match(event.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  assert.equal(headers['content-type'], 'application/json')
  assert.equal(headers['rapport-webhook-id'], event.id)
  assert.equal(headers['rapport-event-type'], event.type)
  assert.match(String(headers['rapport-delivery-id']), /^[A-Za-z0-9]+$/)
  const signature = String(headers['rapport-signature'])
  assert.match(signature, /^t=\d+,v1=[0-9a-f]{64}$/)
  assert.ok(verifySignature(secret, signature, request.raw, Date.now() / 1000), 'the signature verifies')
  assert.ok(!verifySignature('whsec_wrong', signature, request.raw, Date.now() / 1000), 'another secret does not')
  assert.ok(!verifySignature(secret, signature, `${request.raw} `, Date.now() / 1000), 'another body does not')
}
