// Signing in to the web app over real HTTP: sessions (sign in, the current session, sign out), the cookie's
// flags, a session on every /v1 GET, and the CSRF defence of cookie-authenticated writes. Setup links are
// in setup-links.test.ts, limits on failed sign-ins in sign-in-limits.test.ts, expiry in
// session-expiry.test.ts.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { TEST_DATABASES } from '../support/databases.js'
import { client, type ApiClient } from '../support/client.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { PASSWORD, sessionClient, sessionCookieOf, signIn, signUp, type SignedIn } from '../support/sessions.js'
import { fetchDocument, fillPath, operations } from '../reliability/support/openapi.js'
import { Records } from '../reliability/support/records.js'

const DAY_S = 86_400

/** The attributes of a Set-Cookie header, lower-cased names: `{ path: '/', httponly: '', ... }`. */
function cookieAttributes(header: string | null): Record<string, string> {
  assert.ok(header, 'a Set-Cookie header')
  const [, ...attributes] = header.split(';').map((part) => part.trim())
  return Object.fromEntries(
    attributes.map((a) => {
      const eq = a.indexOf('=')
      return eq < 0 ? [a.toLowerCase(), ''] : [a.slice(0, eq).toLowerCase(), a.slice(eq + 1)]
    }),
  )
}

for (const database of TEST_DATABASES) {
  describe(`${database.name}: sessions`, () => {
    let server: TestServer
    let api: ApiClient
    let member: SignedIn
    before(async () => {
      server = await startTestServer(database)
      api = client(server, server.workspace.key)
      member = await signUp(server, { name: 'Paul Atreides', email: 'Paul@Atreid.es' })
    })
    after(async () => server?.close())

    it('signs in with email (any case) and password: 201, the session, and an HttpOnly SameSite=Lax cookie', async () => {
      const res = await client(server, null).post('/v1/sessions', { email: 'paul@ATREID.es', password: PASSWORD })
      assert.equal(res.status, 201, res.text)
      assert.deepEqual(Object.keys(res.body).sort(), ['csrf_token', 'expires_at', 'user', 'workspace'])
      assert.equal(res.body.user.email, 'Paul@Atreid.es')
      assert.equal(res.body.user.id, member.user.id)
      assert.deepEqual(res.body.workspace, { id: server.workspace.id, name: 'Default workspace' })
      assert.match(res.body.csrf_token, /^[A-Za-z0-9_-]{43}$/)
      const flags = cookieAttributes(res.headers.get('set-cookie'))
      assert.equal(flags.path, '/')
      assert.equal(flags.httponly, '')
      assert.equal(flags.samesite, 'Lax')
      assert.equal(flags.secure, undefined, 'not Secure over plain HTTP without an https public URL')
      // Max-Age is the absolute lifetime (30 days by default); expires_at the idle expiry (14 days).
      assert.ok(Math.abs(Number(flags['max-age']) - 30 * DAY_S) <= 5, flags['max-age'])
      const expiresIn = Date.parse(res.body.expires_at) - Date.now()
      assert.ok(Math.abs(expiresIn - 14 * DAY_S * 1000) < 60_000, res.body.expires_at)
      assert.equal(res.headers.get('cache-control'), 'no-store')
    })

    it('answers the current session and the member to the cookie', async () => {
      const session = sessionClient(server, member)
      const current = await session.get('/v1/sessions/current')
      assert.equal(current.status, 200, current.text)
      assert.equal(current.body.user.id, member.user.id)
      assert.equal(current.body.csrf_token, member.csrf, 'the same CSRF token for the whole session')
      const me = await session.get('/v1/users/me')
      assert.equal(me.status, 200)
      assert.deepEqual(Object.keys(me.body).sort(), ['created_at', 'email', 'id', 'name', 'updated_at'])
      assert.equal(me.body.name, 'Paul Atreides')
    })

    it('answers a wrong password and an unknown email alike: 401 invalid_credentials, no cookie', async () => {
      const wrong = await client(server, null).post('/v1/sessions', {
        email: member.email,
        password: 'not the password',
      })
      const unknown = await client(server, null).post('/v1/sessions', {
        email: 'nobody@example.com',
        password: PASSWORD,
      })
      for (const res of [wrong, unknown]) {
        assert.equal(res.status, 401, res.text)
        assert.equal(res.body.code, 'invalid_credentials')
        assert.equal(res.headers.get('set-cookie'), null)
      }
      assert.equal(wrong.body.message, unknown.body.message)
      // A member without a password (added through the API) cannot sign in either, with the same answer.
      await api.post('/v1/users', { name: 'No Password', email: 'nopass@example.com' })
      const noPassword = await client(server, null).post('/v1/sessions', { email: 'nopass@example.com', password: '' })
      assert.equal(noPassword.status, 422, 'an empty password is a schema problem')
      const tried = await client(server, null).post('/v1/sessions', { email: 'nopass@example.com', password: PASSWORD })
      assert.equal(tried.body.code, 'invalid_credentials')
      assert.equal(tried.body.message, wrong.body.message)
    })

    it('stores only an argon2id hash of the password and a sha256 of the session token', async () => {
      const rows = await server.db.kysely.selectFrom('users').selectAll().where('id', '=', member.user.id).execute()
      assert.match(rows[0]!.password_hash ?? '', /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
      const stored = JSON.stringify(await server.db.kysely.selectFrom('sessions').selectAll().execute())
      const token = member.cookie.split('=')[1]!
      assert.ok(!stored.includes(token), 'the session token itself is stored')
      assert.ok(!JSON.stringify(rows).includes(PASSWORD))
    })

    it('signs out: 204, the cookie cleared, and the session refused from the next request on', async () => {
      const other = await signIn(server, member.email)
      const session = sessionClient(server, other)
      assert.equal((await session.get('/v1/lists')).status, 200)
      const out = await session.delete('/v1/sessions/current')
      assert.equal(out.status, 204, out.text)
      const flags = cookieAttributes(out.headers.get('set-cookie'))
      assert.equal(sessionCookieOf(out), 'rapport_session=')
      assert.equal(flags['max-age'], '0')
      for (const path of ['/v1/lists', '/v1/sessions/current', '/v1/users/me']) {
        const res = await session.get(path)
        assert.equal(res.status, 401, `${path}: ${res.text}`)
        assert.equal(res.body.code, 'unauthorized')
        assert.match(res.body.message, /ended/)
      }
      assert.equal((await session.delete('/v1/sessions/current')).status, 401)
      // Other sessions of the member are untouched.
      assert.equal((await sessionClient(server, member).get('/v1/lists')).status, 200)
    })

    it('refuses a malformed or unknown session cookie with 401', async () => {
      for (const cookie of ['rapport_session=x', `rapport_session=${'A'.repeat(43)}`, 'rapport_session="; DROP'])
        assert.equal((await client(server, null, { cookie }).get('/v1/lists')).status, 401, cookie)
      // An empty cookie counts as none.
      const none = await client(server, null, { cookie: 'rapport_session=' }).get('/v1/lists')
      assert.equal(none.status, 401)
      assert.match(none.body.message, /Missing/)
    })

    it('answers 404 to a key asking for its session, and for its member when it was made for none', async () => {
      assert.equal((await api.get('/v1/sessions/current')).status, 404)
      assert.equal((await api.delete('/v1/sessions/current')).status, 404)
      const me = await api.get('/v1/users/me')
      assert.equal(me.status, 404)
      assert.equal(me.body.code, 'not_found')
      const made = await server.services.workspaces.createKey(server.workspace.id, { userId: member.user.id })
      const own = await client(server, made.key).get('/v1/users/me')
      assert.equal(own.status, 200)
      assert.equal(own.body.id, member.user.id)
    })

    it('takes the key when a request carries both a key and a cookie (no CSRF check for a key)', async () => {
      const both = client(server, server.workspace.key, { cookie: member.cookie })
      const res = await both.post('/v1/users', { name: 'By Key', email: 'bykey@example.com' })
      assert.equal(res.status, 201, res.text)
      assert.equal((await both.get('/v1/sessions/current')).status, 404, 'the key, not the session, authenticated')
    })

    it('reaches every /v1 GET of the OpenAPI document with a session', async () => {
      const ops = operations(await fetchDocument(server)).filter((op) => op.path.startsWith('/v1'))
      const records = new Records(server, server.workspace.key, ops)
      const session = sessionClient(server, member)
      let reached = 0
      for (const op of ops.filter((o) => o.method === 'GET')) {
        const path = fillPath(op.path, await records.paramsFor(op.path))
        const res = await session.get(path)
        assert.equal(res.status, 200, `GET ${path} with a session: ${res.text.slice(0, 300)}`)
        reached++
      }
      assert.ok(reached >= 15, `only ${reached} GET operations`)
    })

    it('writes with a session as the member: a note is authored by them, status changes name them', async () => {
      const session = sessionClient(server, member)
      const organization = await api.post('/v1/organizations', { name: 'Arrakis Spice' })
      const note = await session.post('/v1/notes', { organization_id: organization.body.id, body: 'Met the Fremen' })
      assert.equal(note.status, 201, note.text)
      assert.equal(note.body.user?.id, member.user.id, note.text)
    })

    describe('CSRF on cookie-authenticated writes', () => {
      const body = () => ({ name: 'Chani', email: `chani-${Math.random().toString(36).slice(2)}@fremen.dune` })
      const expect403 = async (res: { status: number; body: any; text: string }) => {
        assert.equal(res.status, 403, res.text)
        assert.equal(res.body.code, 'csrf_failed')
        assert.equal(res.body.status, 403)
        assert.equal(typeof res.body.request_id, 'string')
      }
      const members = async () => (await api.get('/v1/users?first=100')).body.pagination.total_count

      it('refuses a write without the X-CSRF-Token header, and writes nothing', async () => {
        const before = await members()
        await expect403(await sessionClient(server, member, { 'x-csrf-token': '' }).post('/v1/users', body()))
        await expect403(await sessionClient(server, member, { 'x-csrf-token': 'wrong' }).post('/v1/users', body()))
        // Another session's token is not this one's.
        const other = await signIn(server, member.email)
        await expect403(await sessionClient(server, member, { 'x-csrf-token': other.csrf }).post('/v1/users', body()))
        assert.equal(await members(), before)
      })
      it('refuses a write from another origin, or with no Origin or Referer at all', async () => {
        await expect403(
          await sessionClient(server, member, { origin: 'https://evil.example' }).post('/v1/users', body()),
        )
        await expect403(await sessionClient(server, member, { origin: 'null' }).post('/v1/users', body()))
        await expect403(
          await sessionClient(server, member, { origin: '', referer: 'https://evil.example/page' }).post(
            '/v1/users',
            body(),
          ),
        )
        await expect403(await sessionClient(server, member, { origin: '' }).post('/v1/users', body()))
        const port = new URL(server.url).port
        await expect403(
          await sessionClient(server, member, { origin: `http://127.0.0.1:${Number(port) + 1}` }).post(
            '/v1/users',
            body(),
          ),
        )
      })
      it('refuses DELETE and PATCH the same way, and sign-out too', async () => {
        const made = await api.post('/v1/organizations', { name: 'Harkonnen' })
        const bare = sessionClient(server, member, { 'x-csrf-token': '' })
        await expect403(await bare.patch(`/v1/organizations/${made.body.id}`, { name: 'Changed' }))
        await expect403(await bare.delete(`/v1/organizations/${made.body.id}`))
        await expect403(await bare.delete('/v1/sessions/current'))
        assert.equal((await api.get(`/v1/organizations/${made.body.id}`)).body.name, 'Harkonnen')
        assert.equal((await sessionClient(server, member).get('/v1/lists')).status, 200, 'still signed in')
      })
      it('accepts a write with the token from the same origin (Origin, or Referer without Origin)', async () => {
        assert.equal((await sessionClient(server, member).post('/v1/users', body())).status, 201)
        const viaReferer = sessionClient(server, member, { origin: '', referer: `${server.url}/settings/members` })
        assert.equal((await viaReferer.post('/v1/users', body())).status, 201)
      })
      it('needs no token for reads', async () => {
        const bare = sessionClient(server, member, { 'x-csrf-token': '', origin: '' })
        assert.equal((await bare.get('/v1/users')).status, 200)
      })
      it('refuses a sign-in posted from another site, and takes one with no Origin (a script)', async () => {
        const foreign = await client(server, null, { origin: 'https://evil.example' }).post('/v1/sessions', {
          email: member.email,
          password: PASSWORD,
        })
        await expect403(foreign)
        assert.equal(foreign.headers.get('set-cookie'), null)
        const same = await client(server, null, { origin: server.url }).post('/v1/sessions', {
          email: member.email,
          password: PASSWORD,
        })
        assert.equal(same.status, 201)
      })
    })
  })

  describe(`${database.name}: sessions behind an https public URL`, () => {
    let server: TestServer
    const PUBLIC = 'https://crm.example.com'
    before(async () => {
      server = await startTestServer(database, { env: { RAPPORT_PUBLIC_URL: `${PUBLIC}/` } })
    })
    after(async () => server?.close())

    it('marks the cookie Secure and takes the public URL as the only origin of writes', async () => {
      const res = await client(server, null).post('/v1/setup', {
        token: server.setupToken,
        name: 'Jessica',
        email: 'jessica@atreid.es',
        password: PASSWORD,
      })
      assert.equal(res.status, 201, res.text)
      const flags = cookieAttributes(res.headers.get('set-cookie'))
      assert.equal(flags.secure, '')
      assert.equal(flags.httponly, '')
      const signedIn = await signIn(server, 'jessica@atreid.es')
      const local = sessionClient(server, signedIn)
      const fromLocal = await local.post('/v1/organizations', { name: 'Caladan' })
      assert.equal(fromLocal.status, 403, 'the server’s own Host is not the public origin')
      const fromPublic = sessionClient(server, signedIn, { origin: PUBLIC })
      assert.equal((await fromPublic.post('/v1/organizations', { name: 'Caladan' })).status, 201)
      const signOut = await fromPublic.delete('/v1/sessions/current')
      assert.equal(signOut.status, 204)
      assert.equal(cookieAttributes(signOut.headers.get('set-cookie')).secure, '')
    })
  })
}
