// Session expiry with short configured durations: a session unused for RAPPORT_SESSION_IDLE_TIMEOUT_S ends,
// each request moves that forward; and RAPPORT_SESSION_LIFETIME_S after sign-in a session ends however
// active. The waits have a second of slack each way, so a busy machine cannot turn a pass into a failure.
import assert from 'node:assert/strict'
import { setTimeout as sleep } from 'node:timers/promises'
import { after, before, describe, it } from 'node:test'
import { TEST_DATABASES } from '../support/databases.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { sessionClient, signUp } from '../support/sessions.js'

const IDLE_S = 3

for (const database of TEST_DATABASES) {
  describe(`${database.name}: session expiry`, () => {
    let idle: TestServer
    let lifetime: TestServer
    before(async () => {
      idle = await startTestServer(database, {
        env: { RAPPORT_SESSION_IDLE_TIMEOUT_S: String(IDLE_S), RAPPORT_SESSION_LIFETIME_S: '3600' },
      })
      lifetime = await startTestServer(database, {
        env: { RAPPORT_SESSION_IDLE_TIMEOUT_S: '3600', RAPPORT_SESSION_LIFETIME_S: String(IDLE_S) },
      })
    })
    after(async () => {
      await idle?.close()
      await lifetime?.close()
    })

    it('ends a session left idle, and each request keeps an active one alive', async () => {
      const member = await signUp(idle)
      const session = sessionClient(idle, member)
      const signedInAt = Date.now()
      await sleep(2000)
      assert.equal((await session.get('/v1/lists')).status, 200)
      await sleep(2000)
      // Longer than the idle timeout since sign-in, less since the last request.
      assert.ok(Date.now() - signedInAt > IDLE_S * 1000)
      const current = await session.get('/v1/sessions/current')
      assert.equal(current.status, 200, current.text)
      assert.ok(Date.parse(current.body.expires_at) - Date.now() <= IDLE_S * 1000, current.body.expires_at)
      await sleep((IDLE_S + 1) * 1000)
      const res = await session.get('/v1/lists')
      assert.equal(res.status, 401, res.text)
      assert.match(res.body.message, /expired/)
    })

    it('ends a session at its absolute lifetime however active it is', async () => {
      const member = await signUp(lifetime)
      const session = sessionClient(lifetime, member)
      const signedInAt = Date.now()
      assert.equal((await session.get('/v1/lists')).status, 200)
      await sleep(1500)
      assert.equal((await session.get('/v1/lists')).status, 200)
      await sleep(Math.max(0, (IDLE_S + 1) * 1000 - (Date.now() - signedInAt)))
      const res = await session.get('/v1/users/me')
      assert.equal(res.status, 401, res.text)
      assert.match(res.body.message, /expired/)
    })
  })
}
