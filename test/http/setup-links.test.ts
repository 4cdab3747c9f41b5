// One-time setup links over real HTTP: the first start's link, invitations and password resets (made by the
// service `rapport users invite` and `reset-password` call; test/cli covers the commands themselves):
// what a link is for, using it once, expiry after 24 hours, and the rules of the form.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { TEST_DATABASES } from '../support/databases.js'
import { client, type ApiClient } from '../support/client.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { PASSWORD, sessionClient, signIn, signUp, signedInFrom } from '../support/sessions.js'

const DAY_MS = 86_400_000

for (const database of TEST_DATABASES) {
  describe(`${database.name}: setup links`, () => {
    let server: TestServer
    let api: ApiClient
    let anonymous: ApiClient
    before(async () => {
      server = await startTestServer(database)
      api = client(server, server.workspace.key)
      anonymous = client(server, null)
    })
    after(async () => server?.close())

    const tokenHashes = async () =>
      (
        await server.db.kysely.selectFrom('setup_links').select(['token_hash', 'created_at', 'expires_at']).execute()
      ).map((r) => ({ ...r, created_at: Number(r.created_at), expires_at: Number(r.expires_at) }))

    it('lets the owner choose name, email and password with the first start’s link, once', async () => {
      const lookup = await anonymous.post('/v1/setup/lookup', { token: server.setupToken })
      assert.equal(lookup.status, 200, lookup.text)
      assert.deepEqual(lookup.body, { purpose: 'setup', email: null })
      const body = { token: server.setupToken, name: 'Leto Atreides', email: 'Leto@Atreid.es', password: PASSWORD }
      const owner = signedInFrom(await anonymous.post('/v1/setup', body), body.email, PASSWORD)
      assert.equal(owner.user.name, 'Leto Atreides')
      assert.equal(owner.workspace.id, server.workspace.id)
      assert.equal((await sessionClient(server, owner).get('/v1/users/me')).body.email, 'Leto@Atreid.es')
      const members = await api.all('/v1/users')
      assert.ok(members.some((m) => m.id === owner.user.id && m.email === 'Leto@Atreid.es'))
      await signIn(server, 'leto@atreid.es')

      for (const [path, sent] of [
        ['/v1/setup/lookup', { token: server.setupToken }],
        ['/v1/setup', { ...body, email: 'someone.else@example.com' }],
      ] as const) {
        const again = await anonymous.post(path, sent)
        assert.equal(again.status, 410, `${path}: ${again.text}`)
        assert.equal(again.body.code, 'link_used')
      }
    })

    it('answers 404 to a token it never made, whatever its form', async () => {
      for (const token of ['x', 'A'.repeat(43), `${server.setupToken.slice(0, -1)}_`, "' OR 1=1 --"]) {
        const lookup = await anonymous.post('/v1/setup/lookup', { token })
        assert.equal(lookup.status, 404, `${token}: ${lookup.text}`)
        assert.equal(lookup.body.code, 'not_found')
        const use = await anonymous.post('/v1/setup', { token, name: 'X', email: 'x@example.com', password: PASSWORD })
        assert.equal(use.status, 404)
      }
    })

    it('stores only a hash of each link’s token, valid for 24 hours', async () => {
      const token = await server.services.setupLinks.invite(server.workspace.id, 'stored@example.com')
      const rows = await tokenHashes()
      assert.ok(!JSON.stringify(rows).includes(token))
      assert.ok(rows.length >= 2)
      for (const row of rows) assert.equal(row.expires_at - row.created_at, DAY_MS)
    })

    it('holds an invitation to its address and to the password rule, and stays usable until it is used', async () => {
      const token = await server.services.setupLinks.invite(server.workspace.id, 'Chani@Fremen.dune')
      assert.deepEqual((await anonymous.post('/v1/setup/lookup', { token })).body, {
        purpose: 'invite',
        email: 'Chani@Fremen.dune',
      })
      const problems = async (body: Record<string, string>) => {
        const res = await anonymous.post('/v1/setup', { token, name: 'Chani', email: 'chani@fremen.dune', ...body })
        assert.equal(res.status, 422, res.text)
        return res.body.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`)
      }
      assert.deepEqual(await problems({ email: 'other@fremen.dune', password: PASSWORD }), ['email:mismatch'])
      assert.deepEqual(await problems({ password: 'short' }), ['password:too_short'])
      assert.deepEqual(await problems({ password: '123456789' }), ['password:too_short'])
      assert.deepEqual(await problems({ name: '   ', password: PASSWORD }), ['name:blank'])
      assert.deepEqual(await problems({ email: 'not an email', password: 'x' }), [
        'email:invalid',
        'password:too_short',
      ])
      assert.equal((await anonymous.post('/v1/setup/lookup', { token })).status, 200, 'refused forms spend nothing')
      // Ten characters, counted as characters: é and 🜂 are one each.
      const joined = await anonymous.post('/v1/setup', {
        token,
        name: 'Chani',
        email: 'CHANI@fremen.dune',
        password: 'éééééééé🜂🜂',
      })
      assert.equal(joined.status, 201, joined.text)
      assert.equal(joined.body.user.email, 'Chani@Fremen.dune', 'the address as invited')
      await signIn(server, 'chani@fremen.dune', 'éééééééé🜂🜂')
    })

    it('gives an invited address that is already a member (without a password) that member’s account', async () => {
      const added = await api.post('/v1/users', { name: 'Stilgar', email: 'stilgar@sietch.tabr' })
      const token = await server.services.setupLinks.invite(server.workspace.id, 'stilgar@sietch.tabr')
      const res = await anonymous.post('/v1/setup', {
        token,
        name: 'Stilgar of Tabr',
        email: 'stilgar@sietch.tabr',
        password: PASSWORD,
      })
      assert.equal(res.status, 201, res.text)
      assert.equal(res.body.user.id, added.body.id)
      assert.equal((await api.get(`/v1/users/${added.body.id}`)).body.name, 'Stilgar of Tabr')
      await assert.rejects(server.services.setupLinks.invite(server.workspace.id, 'stilgar@sietch.tabr'), /reset/)
    })

    it('refuses a link past its 24 hours with 410 link_expired', async () => {
      const token = await server.services.setupLinks.invite(server.workspace.id, 'late@example.com')
      // 24 hours cannot pass in a test: the link is moved back in time instead.
      await server.db.kysely
        .updateTable('setup_links')
        .set({ expires_at: Date.now() - 1 })
        .where('email', '=', 'late@example.com')
        .execute()
      for (const [path, body] of [
        ['/v1/setup/lookup', { token }],
        ['/v1/setup', { token, name: 'Late', email: 'late@example.com', password: PASSWORD }],
      ] as const) {
        const res = await anonymous.post(path, body)
        assert.equal(res.status, 410, res.text)
        assert.equal(res.body.code, 'link_expired')
      }
      assert.ok(!(await api.all('/v1/users')).some((m) => m.email === 'late@example.com'))
    })

    it('resets a password: the old one stops working and so does every session of the member', async () => {
      const member = await signUp(server, { email: 'gurney@atreid.es' })
      const session = sessionClient(server, member)
      assert.equal((await session.get('/v1/users/me')).status, 200)
      const token = await server.services.setupLinks.reset(server.workspace.id, 'GURNEY@atreid.es')
      assert.deepEqual((await anonymous.post('/v1/setup/lookup', { token })).body, {
        purpose: 'reset',
        email: 'gurney@atreid.es',
      })
      const wrongAddress = await anonymous.post('/v1/setup', {
        token,
        name: 'Gurney',
        email: 'other@atreid.es',
        password: PASSWORD,
      })
      assert.equal(wrongAddress.status, 422)
      const newPassword = 'a new password for Gurney'
      const reset = await anonymous.post('/v1/setup', {
        token,
        name: 'Gurney Halleck',
        email: 'gurney@atreid.es',
        password: newPassword,
      })
      assert.equal(reset.status, 201, reset.text)
      assert.equal(reset.body.user.id, member.user.id)
      const old = await session.get('/v1/users/me')
      assert.equal(old.status, 401, 'the session from before the reset is revoked')
      assert.equal((await anonymous.post('/v1/sessions', { email: member.email, password: PASSWORD })).status, 401)
      await signIn(server, member.email, newPassword)
      await assert.rejects(server.services.setupLinks.reset(server.workspace.id, 'nobody@atreid.es'), /not found/)
    })

    it('uses a link once when two requests race for it', async () => {
      const token = await server.services.setupLinks.invite(server.workspace.id, 'race@example.com')
      const body = { token, name: 'Racer', email: 'race@example.com', password: PASSWORD }
      const answers = await Promise.all([anonymous.post('/v1/setup', body), anonymous.post('/v1/setup', body)])
      assert.deepEqual(answers.map((r) => r.status).sort(), [201, 410], answers.map((r) => r.text).join('\n'))
      assert.equal((await api.all('/v1/users')).filter((m) => m.email === 'race@example.com').length, 1)
      const sessions = await server.db.kysely
        .selectFrom('sessions')
        .select('id')
        .where('user_id', '=', answers.find((r) => r.status === 201)!.body.user.id)
        .execute()
      assert.equal(sessions.length, 1)
    })
  })
}
