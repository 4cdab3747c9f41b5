// The Idempotency-Key store on every database, with time passed in: keys expire after their window and
// are then taken afresh, a claim whose lease ran out is taken over (and its old holder can no longer
// store or release it), and pruning deletes expired keys a bounded batch at a time.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { IdempotencyStore, type ClaimRequest } from '../../src/db/idempotency-store.js'
import { TEST_DATABASES } from '../support/databases.js'
import { startTestServer, type TestServer } from '../support/server.js'

const WINDOW = 1000
const LEASE = 100
const answer = { status: 201, headers: { 'content-type': 'application/json' }, body: '{"id":"x"}' }

for (const database of TEST_DATABASES) {
  describe(`${database.name}: Idempotency-Key store`, () => {
    let server: TestServer
    let store: IdempotencyStore
    let request: (key: string, now: number, fingerprint?: string) => ClaimRequest
    before(async () => {
      server = await startTestServer(database)
      store = new IdempotencyStore(server.db)
      request = (key, now, fingerprint = 'f1') => ({
        workspaceId: server.workspace.id,
        key,
        fingerprint,
        now,
        windowMs: WINDOW,
        leaseMs: LEASE,
      })
    })
    after(async () => server?.close())

    const countKeys = async () =>
      Number(
        (
          await server.db.kysely
            .selectFrom('idempotency_keys')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('workspace_id', '=', server.workspace.id)
            .executeTakeFirstOrThrow()
        ).n,
      )

    it('claims, refuses while in flight, replays once stored, and forgets after the window', async () => {
      const first = await store.claim(request('a', 0))
      assert.equal(first.kind, 'claimed')
      assert.deepEqual(await store.claim(request('a', 50)), { kind: 'in_flight' })
      assert.deepEqual(await store.claim(request('a', 50, 'f2')), { kind: 'mismatch' })
      assert.ok(first.kind === 'claimed' && (await store.complete(server.workspace.id, 'a', first.token, answer)))
      assert.deepEqual(await store.claim(request('a', WINDOW - 1)), { kind: 'replay', response: answer })
      const after = await store.claim(request('a', WINDOW, 'f2'))
      assert.equal(after.kind, 'claimed', 'an expired key is taken afresh, even for another request')
    })

    it('takes over a claim whose lease ran out; the old holder can neither store nor release it', async () => {
      const dead = await store.claim(request('b', 0))
      const taken = await store.claim(request('b', LEASE))
      assert.ok(dead.kind === 'claimed' && taken.kind === 'claimed')
      assert.notEqual(taken.token, dead.token)
      assert.equal(await store.complete(server.workspace.id, 'b', dead.token, answer), false)
      await store.release(server.workspace.id, 'b', dead.token)
      assert.deepEqual(await store.claim(request('b', LEASE + 1)), { kind: 'in_flight' })
      await store.release(server.workspace.id, 'b', taken.token)
      assert.equal((await store.claim(request('b', LEASE + 2))).kind, 'claimed', 'released: the next request runs')
    })

    it('prunes expired keys of a workspace, at most a batch per call', async () => {
      await server.db.kysely.deleteFrom('idempotency_keys').execute()
      for (let i = 0; i < 25; i++) await store.claim(request(`old-${i}`, 0))
      await store.claim(request('live', WINDOW))
      assert.equal(await store.prune(server.workspace.id, WINDOW, 10), 10)
      assert.equal(await countKeys(), 16)
      assert.equal(await store.prune(server.workspace.id, WINDOW, 10), 10)
      assert.equal(await store.prune(server.workspace.id, WINDOW, 10), 5)
      assert.equal(await store.prune(server.workspace.id, WINDOW, 10), 0)
      assert.equal(await countKeys(), 1, 'the live key stays')
    })
  })
}
