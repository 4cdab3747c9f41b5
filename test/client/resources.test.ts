// @rapport/client against a real server on each database: a typed call of every resource method, the
// API's errors as RapportApiError with their code and details, and the options a browser app uses
// (extra headers from a function per call). The client is imported as published (`@rapport/client`,
// built into packages/client/dist by `npm run build`).
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  createRapportClient,
  isApiError,
  RapportApiError,
  type Contact,
  type Entry,
  type RapportClient,
} from '@rapport/client'
import { TEST_DATABASES } from '../support/databases.js'
import { startTestServer, type TestServer } from '../support/server.js'

/** The API's error for `call`, which must fail. */
async function apiError(call: Promise<unknown>): Promise<RapportApiError> {
  try {
    await call
  } catch (error) {
    assert.ok(error instanceof RapportApiError, `expected a RapportApiError, got ${String(error)}`)
    return error
  }
  assert.fail('the call succeeded')
}

/** Never called: each line must be a type error, or `npm run typecheck` fails (the client is typed). */
export function typeErrors(client: RapportClient): void {
  // @ts-expect-error entryable_type is 'Contact' | 'Organization'
  void client.entries.create('l', { entryable_id: 'x', entryable_type: 'Deal' })
  // @ts-expect-error a contact has no `nickname`
  void client.contacts.create({ first_name: 'A', nickname: 'B' })
  // @ts-expect-error sort is one of the documented orders
  void client.entries.list('l', { sort: 'name' })
  // @ts-expect-error get takes the list id and the entry id
  void client.entries.get('only-one')
}

for (const database of TEST_DATABASES) {
  describe(`${database.name}: @rapport/client, every resource`, () => {
    let server: TestServer
    let client: RapportClient
    before(async () => {
      server = await startTestServer(database)
      client = createRapportClient({ baseUrl: server.url, apiKey: server.workspace.key })
    })
    after(async () => server?.close())

    it('health', async () => {
      assert.deepEqual(await client.health(), { status: 'ok', database: database.name })
    })

    it('users: create, get, list', async () => {
      const user = await client.users.create({ name: 'Paul Atreides', email: 'paul@atreid.es' })
      assert.equal((await client.users.get(user.id)).email, 'paul@atreid.es')
      const all = await client.users.list().toArray()
      assert.deepEqual(
        all.map((u) => u.id),
        [user.id],
      )
    })

    it('organizations and contacts: create, get, update, list, filter, remove parts, delete', async () => {
      const org = await client.organizations.create({ name: 'Atreides', domains: ['atreid.es', 'arrakis.dune'] })
      assert.deepEqual((await client.organizations.get(org.id)).domains.sort(), ['arrakis.dune', 'atreid.es'])
      const renamed = await client.organizations.update(org.id, { name: 'House Atreides' })
      assert.equal(renamed.name, 'House Atreides')
      assert.deepEqual((await client.organizations.removeDomains(org.id, ['arrakis.dune'])).domains, ['atreid.es'])

      const contact: Contact = await client.contacts.create({
        first_name: 'Jessica',
        emails: ['jessica@atreid.es'],
        phone_numbers: ['+33 6 12 34 56 78'],
        organization_id: org.id,
      })
      assert.equal((await client.contacts.get(contact.id)).first_name, 'Jessica')
      assert.equal((await client.contacts.update(contact.id, { last_name: 'Atreides' })).last_name, 'Atreides')
      const found = await client.contacts.list({ email: 'jessica@atreid.es' }).toArray()
      assert.deepEqual(
        found.map((c) => c.id),
        [contact.id],
      )
      const ofOrg = await client.organizations.contacts(org.id).toArray()
      assert.deepEqual(
        ofOrg.map((c) => c.id),
        [contact.id],
      )
      assert.deepEqual((await client.contacts.removeEmails(contact.id, ['jessica@atreid.es'])).emails, [])
      assert.deepEqual((await client.contacts.removePhoneNumbers(contact.id, ['+33612345678'])).phone_numbers, [])

      assert.equal(await client.contacts.delete(contact.id), undefined)
      assert.equal((await apiError(client.contacts.get(contact.id))).code, 'not_found')
      assert.equal(await client.organizations.delete(org.id), undefined)
      assert.equal((await client.organizations.list().page()).pagination.total_count, 0)
    })

    it('custom fields: create, get, update, list, delete; values on a contact', async () => {
      const field = await client.customFields.create({ name: 'Nickname', model: 'contact', data_type: 'text' })
      assert.equal((await client.customFields.get(field.id)).name, 'Nickname')
      assert.equal((await client.customFields.update(field.id, { name: 'Alias' })).name, 'Alias')
      const contact = await client.contacts.create({
        first_name: 'Gurney',
        custom_fields: [{ name: 'Alias', value: 'Halleck' }],
      })
      assert.deepEqual(contact.custom_fields[field.id], { name: 'Alias', data_type: 'text', value: 'Halleck' })
      assert.deepEqual(
        (await client.customFields.list().toArray()).map((f) => f.id),
        [field.id],
      )
      await client.customFields.delete(field.id)
      assert.equal((await client.customFields.list().page()).pagination.total_count, 0)
    })

    it('lists, connections, entries and status history, notes', async () => {
      const pipeline = await client.lists.create({ template: 'pipeline' })
      const prospects = await client.lists.create({ template: 'prospects' })
      assert.equal((await client.lists.get(pipeline.id)).id, pipeline.id)
      assert.equal((await client.lists.update(pipeline.id, { name: 'Sales' })).name, 'Sales')
      const listed = await client.lists.list().toArray()
      assert.deepEqual(listed.map((l) => l.id).sort(), [pipeline.id, prospects.id].sort())

      const connection = await client.lists.connections.create(prospects.id, {
        from_status: 'Qualified',
        to_list_id: pipeline.id,
        to_status: 'Qualified',
      })
      assert.deepEqual(await client.lists.connections.list(prospects.id).toArray(), [connection])
      await client.lists.connections.delete(prospects.id, connection.id)
      assert.deepEqual(await client.lists.connections.list(prospects.id).toArray(), [])

      const org = await client.organizations.create({ name: 'Harkonnen' })
      const statuses = (await client.lists.get(pipeline.id)).statuses?.map((s) => s.name) ?? []
      const entry: Entry = await client.entries.create(pipeline.id, {
        entryable_id: org.id,
        entryable_type: 'Organization',
        status: statuses[0],
        one_time_value_cents: 125_00,
        recurring_value_cents: 0,
        recurring_value_period: 'annual',
      })
      assert.equal((await client.entries.get(pipeline.id, entry.id)).key, entry.key)
      const moved = await client.entries.update(pipeline.id, entry.id, { status: statuses[1] })
      assert.equal(moved.status, statuses[1])
      const history = await client.entries.statusChanges(pipeline.id, entry.id).toArray()
      assert.deepEqual(
        history.map((change) => change.to_status),
        [statuses[0], statuses[1]],
      )
      assert.deepEqual(
        (await client.entries.list(pipeline.id, { status: statuses[1] }).toArray()).map((e) => e.id),
        [entry.id],
      )
      assert.deepEqual(await client.entries.list(pipeline.id, { status: statuses[0] }).toArray(), [])

      const note = await client.notes.create({ organization_id: org.id, body: 'Beware', deal_id: entry.id })
      assert.equal((await client.notes.get(note.id)).deal_id, entry.id)
      assert.equal((await client.notes.update(note.id, { body: 'Beware the spice' })).body, 'Beware the spice')
      assert.deepEqual(
        (await client.notes.list({ organization_id: org.id }).toArray()).map((n) => n.id),
        [note.id],
      )
      await client.notes.delete(note.id)

      await client.entries.delete(pipeline.id, entry.id)
      assert.equal((await apiError(client.entries.get(pipeline.id, entry.id))).status, 404)
      await client.lists.delete(prospects.id)
      assert.equal((await apiError(client.lists.get(prospects.id))).code, 'not_found')
    })

    it('filters entries by a list field (field[<name>]=<value>)', async () => {
      const list = await client.lists.create({
        name: 'Investors',
        process: false,
        entry_type: 'Organization',
        fields: [{ name: 'Stage', data_type: 'text' }],
      })
      const seed = await client.organizations.create({ name: 'Seed fund' })
      const growth = await client.organizations.create({ name: 'Growth fund' })
      const base = { entryable_type: 'Organization' as const }
      const a = await client.entries.create(list.id, {
        ...base,
        entryable_id: seed.id,
        list_fields: [{ name: 'Stage', value: 'Seed' }],
      })
      await client.entries.create(list.id, {
        ...base,
        entryable_id: growth.id,
        list_fields: [{ name: 'Stage', value: 'Series B' }],
      })
      const found = await client.entries.list(list.id, { field: { Stage: 'Seed' } }).toArray()
      assert.deepEqual(
        found.map((e) => e.id),
        [a.id],
      )
    })

    it("throws the API's errors with their code and details", async () => {
      const error = await apiError(client.contacts.create({ first_name: 'x', emails: ['not an email'] }))
      assert.equal(error.status, 422)
      assert.equal(error.code, 'validation_failed')
      assert.ok(
        error.details.some((d) => d.field.startsWith('emails')),
        JSON.stringify(error.details),
      )
      assert.match(error.requestId ?? '', /^req-/)
      assert.ok(isApiError(error, 'validation_failed'))
      const unknown = createRapportClient({ baseUrl: server.url, apiKey: 'rpk_not_a_key_of_this_server_000000' })
      assert.equal((await apiError(unknown.lists.list().page())).code, 'unauthorized')
    })

    it('sessions: a setup link, sign in, the current session and member, a write with the CSRF token, sign out', async () => {
      // Node's fetch keeps no cookies: this one does, like a browser, and sends what the web app sends.
      let cookie = ''
      let csrf = ''
      const web = createRapportClient({
        baseUrl: server.url,
        headers: () => ({ cookie, origin: server.url, 'X-CSRF-Token': csrf }),
        fetch: async (request) => {
          const response = await fetch(request)
          const set = response.headers.get('set-cookie')
          if (set) cookie = set.split(';')[0]!
          return response
        },
      })
      assert.deepEqual(await web.sessions.lookupSetupLink(server.setupToken), { purpose: 'setup', email: null })
      const password = 'a long enough password'
      const owner = await web.sessions.completeSetup({
        token: server.setupToken,
        name: 'Leto',
        email: 'leto@atreid.es',
        password,
      })
      assert.equal(owner.user.email, 'leto@atreid.es')
      const wrong = await apiError(web.sessions.signIn({ email: 'leto@atreid.es', password: 'not the password' }))
      assert.equal(wrong.code, 'invalid_credentials')
      csrf = (await web.sessions.signIn({ email: 'leto@atreid.es', password })).csrf_token
      assert.equal((await web.users.me()).name, 'Leto')
      assert.equal((await web.sessions.current()).csrf_token, csrf)
      assert.equal((await web.organizations.create({ name: 'House Atreides' })).name, 'House Atreides')
      await web.sessions.signOut()
      assert.equal(cookie, 'rapport_session=')
      assert.equal((await apiError(web.sessions.current())).status, 401)
      assert.equal((await apiError(client.users.me())).status, 404, 'the first start’s key belongs to no member')
    })

    it('sends the headers of a function, asked on every call (a CSRF token for a cookie session)', async () => {
      let asked = 0
      const seen: string[] = []
      const withHook = createRapportClient({
        baseUrl: server.url,
        credentials: 'same-origin',
        headers: () => ({ Authorization: `Bearer ${server.workspace.key}`, 'X-CSRF-Token': `token-${++asked}` }),
        fetch: async (request) => {
          seen.push(request.headers.get('x-csrf-token') ?? '')
          return fetch(request)
        },
      })
      await withHook.lists.list().page()
      await withHook.users.list().page()
      assert.deepEqual(seen, ['token-1', 'token-2'])
    })
  })
}
