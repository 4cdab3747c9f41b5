// Failed sign-ins are limited per account (RAPPORT_SIGNIN_FAILURE_LIMIT per RAPPORT_SIGNIN_WINDOW_S) and per
// client address (they count against RAPPORT_AUTH_FAILURE_LIMIT, like bad keys): past either, 429 with
// Retry-After before any password is checked, the right one included. Unknown setup-link tokens count
// against the address too.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { TEST_DATABASES } from '../support/databases.js'
import { client, type ApiClient } from '../support/client.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { PASSWORD, signUp } from '../support/sessions.js'

const ACCOUNT_LIMIT = 3
const ADDRESS_LIMIT = 6
const WINDOW_S = 600

for (const database of TEST_DATABASES) {
  describe(`${database.name}: failed sign-in limits`, () => {
    let server: TestServer
    let anonymous: ApiClient
    before(async () => {
      server = await startTestServer(database, {
        env: {
          RAPPORT_RATE_LIMIT: '100000',
          RAPPORT_AUTH_FAILURE_LIMIT: String(ADDRESS_LIMIT),
          RAPPORT_RATE_LIMIT_WINDOW_S: String(WINDOW_S),
          RAPPORT_SIGNIN_FAILURE_LIMIT: String(ACCOUNT_LIMIT),
          RAPPORT_SIGNIN_WINDOW_S: String(WINDOW_S),
        },
      })
      anonymous = client(server, null)
    })
    after(async () => server?.close())

    const signIn = (email: string, password: string) => anonymous.post('/v1/sessions', { email, password })
    const expect429 = (res: { status: number; body: any; headers: Headers; text: string }) => {
      assert.equal(res.status, 429, res.text)
      assert.equal(res.body.code, 'rate_limited')
      const retryAfter = Number(res.headers.get('retry-after'))
      assert.ok(retryAfter > 0 && retryAfter <= WINDOW_S, `Retry-After ${res.headers.get('retry-after')}`)
    }

    it('closes an account after its failed sign-ins, to the right password too, and only that account', async () => {
      const alia = await signUp(server, { email: 'alia@atreid.es' })
      const irulan = await signUp(server, { email: 'irulan@corrino.emp' })
      for (let i = 0; i < ACCOUNT_LIMIT; i++)
        assert.equal((await signIn('ALIA@atreid.es', `wrong password ${i}`)).status, 401)
      expect429(await signIn(alia.email, PASSWORD))
      expect429(await signIn('alia@ATREID.ES', 'wrong again'))
      // Another account from the same address still signs in (3 failures < the address limit).
      assert.equal((await signIn(irulan.email, PASSWORD)).status, 201)
    })

    it('closes the address after its failed attempts on any accounts, for keys too', async () => {
      // The address has 3 failures from the test before; unknown accounts and tokens add to them.
      assert.equal((await signIn('nobody-1@example.com', PASSWORD)).status, 401)
      assert.equal((await signIn('nobody-2@example.com', PASSWORD)).status, 401)
      const lookup = await anonymous.post('/v1/setup/lookup', { token: 'A'.repeat(43) })
      assert.equal(lookup.status, 404)
      expect429(await signIn('irulan@corrino.emp', PASSWORD))
      expect429(await anonymous.post('/v1/setup/lookup', { token: server.setupToken }))
      expect429(await client(server, server.workspace.key).get('/v1/lists'))
    })
  })
}
