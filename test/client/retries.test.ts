// @rapport/client's retries against a real server on each database: after a 503 and after dropped
// connections (through a loopback proxy that fails on purpose, test/support/flaky-proxy.ts), and after
// the server's own 429 with its Retry-After. Every attempt of one call carries the same Idempotency-Key,
// and the server replays the first answer to a retry (src/http/plugins/idempotency.ts), so a retry after
// a lost answer creates nothing twice.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  createRapportClient,
  RapportApiError,
  RapportConnectionError,
  type RapportClient,
  type RetryEvent,
} from '@rapport/client'
import { TEST_DATABASES } from '../support/databases.js'
import { startFlakyProxy, type FlakyProxy } from '../support/flaky-proxy.js'
import { startTestServer, type TestServer } from '../support/server.js'

/** Short waits when the server names none, so the tests run quickly. */
const FAST = { minDelayMs: 5, maxDelayMs: 60_000 }
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

const isPost = (path: string) => (method: string, url: string) => method === 'POST' && url.startsWith(path)

for (const database of TEST_DATABASES) {
  describe(`${database.name}: @rapport/client retries`, () => {
    let server: TestServer
    let proxy: FlakyProxy
    let retries: RetryEvent[]
    let client: RapportClient
    let orgId: string
    before(async () => {
      server = await startTestServer(database)
      proxy = await startFlakyProxy(server.url)
      client = createRapportClient({
        baseUrl: proxy.url,
        apiKey: server.workspace.key,
        retry: { ...FAST, onRetry: (event) => retries.push(event) },
      })
      retries = []
      orgId = (await client.organizations.create({ name: 'Fremen' })).id
    })
    after(async () => {
      await proxy?.close()
      await server?.close()
    })

    /** The attempts the proxy saw of the calls made by `run`. */
    async function attemptsOf(run: () => Promise<unknown>) {
      const from = proxy.requests.length
      retries = []
      await run()
      return proxy.requests.slice(from)
    }

    it('retries after a 503, waiting as long as Retry-After says, and creates the entry once', async () => {
      const list = await client.lists.create({ name: 'After 503', process: false, entry_type: 'Organization' })
      proxy.failNext(isPost(`/v1/lists/${list.id}/entries`), { kind: '503', retryAfter: '1' })
      const attempts = await attemptsOf(() =>
        client.entries.create(list.id, { entryable_id: orgId, entryable_type: 'Organization' }),
      )
      assert.deepEqual(
        attempts.map((a) => a.outcome),
        ['503', 'passed'],
      )
      assert.match(attempts[0]!.idempotencyKey ?? '', UUID)
      assert.equal(attempts[1]!.idempotencyKey, attempts[0]!.idempotencyKey, 'one key for both attempts')
      assert.deepEqual(
        retries.map((r) => [r.attempt, r.reason, r.delayMs]),
        [[1, { status: 503 }, 1000]],
      )
      assert.equal((await client.entries.list(list.id).page()).pagination.total_count, 1)
    })

    it('retries after a connection dropped before the server saw the request, and creates the entry once', async () => {
      const list = await client.lists.create({ name: 'After a drop', process: false, entry_type: 'Organization' })
      proxy.failNext(isPost(`/v1/lists/${list.id}/entries`), { kind: 'drop-before' }, { kind: 'drop-before' })
      const attempts = await attemptsOf(() =>
        client.entries.create(list.id, { entryable_id: orgId, entryable_type: 'Organization' }),
      )
      assert.deepEqual(
        attempts.map((a) => a.outcome),
        ['drop-before', 'drop-before', 'passed'],
      )
      assert.match(attempts[0]!.idempotencyKey ?? '', UUID)
      assert.equal(new Set(attempts.map((a) => a.idempotencyKey)).size, 1, 'one key for every attempt')
      assert.deepEqual(
        retries.map((r) => 'error' in r.reason),
        [true, true],
      )
      assert.equal((await client.entries.list(list.id).page()).pagination.total_count, 1)
    })

    it('a retry after the answer was lost does not create a duplicate', async () => {
      const attempts = await attemptsOf(async () => {
        proxy.failNext(isPost('/v1/notes'), { kind: 'drop-after' })
        const note = await client.notes.create({ organization_id: orgId, body: 'Lost answer' })
        assert.equal(note.body, 'Lost answer')
      })
      // What the client does, whatever the server supports: it sent the write twice with one key.
      assert.deepEqual(
        attempts.map((a) => [a.outcome, a.upstreamStatus]),
        [
          ['drop-after', 201],
          ['passed', 201],
        ],
      )
      assert.match(attempts[0]!.idempotencyKey ?? '', UUID)
      assert.equal(attempts[1]!.idempotencyKey, attempts[0]!.idempotencyKey)
      assert.equal(attempts[1]!.replayed, 'true', 'the second answer is the replayed first')
      const notes = await client.notes.list({ organization_id: orgId }).toArray()
      assert.equal(notes.filter((n) => n.body === 'Lost answer').length, 1, 'one note, not two')
    })

    it('gives up after the last retry with the 503 as a RapportApiError', async () => {
      const limited = createRapportClient({
        baseUrl: proxy.url,
        apiKey: server.workspace.key,
        retry: { ...FAST, retries: 1 },
      })
      proxy.failNext(isPost('/v1/organizations'), { kind: '503' }, { kind: '503' })
      const attempts = await attemptsOf(async () => {
        const error = await limited.organizations.create({ name: 'Never' }).catch((e: unknown) => e)
        assert.ok(error instanceof RapportApiError)
        assert.equal(error.status, 503)
        assert.equal(error.code, 'service_unavailable')
      })
      assert.equal(attempts.length, 2)
      assert.equal((await client.organizations.list().toArray()).filter((o) => o.name === 'Never').length, 0)
    })

    it('does not wait for a Retry-After longer than maxDelayMs: the error comes at once', async () => {
      proxy.failNext(isPost('/v1/organizations'), { kind: '503', retryAfter: '3600' })
      const attempts = await attemptsOf(async () => {
        const error = await client.organizations.create({ name: 'Later' }).catch((e: unknown) => e)
        assert.ok(error instanceof RapportApiError)
        assert.equal(error.headers.get('retry-after'), '3600')
      })
      assert.equal(attempts.length, 1)
      assert.deepEqual(retries, [])
    })

    it('throws a RapportConnectionError when no attempt gets an answer', async () => {
      const limited = createRapportClient({
        baseUrl: proxy.url,
        apiKey: server.workspace.key,
        retry: { ...FAST, retries: 2 },
      })
      proxy.failNext(
        isPost('/v1/organizations'),
        { kind: 'drop-before' },
        { kind: 'drop-before' },
        { kind: 'drop-before' },
      )
      const error = await limited.organizations.create({ name: 'Unreachable' }).catch((e: unknown) => e)
      assert.ok(error instanceof RapportConnectionError, String(error))
      assert.equal(error.attempts, 3)
    })

    it('stops waiting between attempts when the call is aborted', async () => {
      proxy.failNext(isPost('/v1/organizations'), { kind: '503', retryAfter: '30' })
      const controller = new AbortController()
      const call = client.organizations.create({ name: 'Aborted' }, { signal: controller.signal })
      while (retries.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
      controller.abort()
      await assert.rejects(call, { name: 'AbortError' })
    })

    it('sends the caller’s own Idempotency-Key on every attempt when given one', async () => {
      proxy.failNext(isPost('/v1/organizations'), { kind: 'drop-before' })
      const attempts = await attemptsOf(() =>
        client.organizations.create({ name: 'Keyed' }, { idempotencyKey: 'import-row-17' }),
      )
      assert.deepEqual(
        attempts.map((a) => a.idempotencyKey),
        ['import-row-17', 'import-row-17'],
      )
    })

    it('retries after the server’s own 429, waiting as its Retry-After says', async () => {
      const limitedServer = await startTestServer(database, {
        env: { RAPPORT_RATE_LIMIT: '2', RAPPORT_RATE_LIMIT_WINDOW_S: '1' },
      })
      try {
        const seen: { status: number; retryAfter: string | null }[] = []
        const events: RetryEvent[] = []
        const limited = createRapportClient({
          baseUrl: limitedServer.url,
          apiKey: limitedServer.workspace.key,
          retry: { ...FAST, onRetry: (event) => events.push(event) },
          fetch: async (request) => {
            const response = await fetch(request)
            seen.push({ status: response.status, retryAfter: response.headers.get('retry-after') })
            return response
          },
        })
        for (let i = 0; i < 5; i++) await limited.organizations.create({ name: `Rate ${i}` })
        assert.equal((await limited.organizations.list().page()).pagination.total_count, 5)
        const refused = seen.filter((s) => s.status === 429)
        assert.ok(refused.length >= 1, JSON.stringify(seen))
        assert.deepEqual(
          events.map((e) => e.delayMs),
          refused.map((s) => Number(s.retryAfter) * 1000),
        )
      } finally {
        await limitedServer.close()
      }
    })
  })
}
