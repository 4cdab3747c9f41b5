// Webhooks from several server processes on one PostgreSQL: every process runs a dispatcher on the same
// queue while writes arrive through all of them, and the receiver fails some attempts so retries are
// claimed too. No attempt (delivery id, attempt number) reaches the receiver twice, each delivery's
// attempts arrive as 1, 2, 3, ..., every acknowledged write's event arrives, and each record's events
// arrive in order. PostgreSQL only: SQLite is one process's embedded file.
//
// MP_PROCESSES sets the number of server processes (default 3).
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { client } from '../support/client.js'
import { TEST_DATABASES } from '../support/databases.js'
import { createTestDatabase } from '../support/server.js'
import { WebhookReceiver } from '../support/webhook-receiver.js'
import { Endpoint } from './support/endpoint.js'
import { startServerProcess, TEST_API_KEY, type ServerProcess } from './support/server-process.js'
import { missingEvents, orderProblems, startWebhookLoad, waitUntil } from './support/webhook-load.js'

const PROCESSES = Number(process.env.MP_PROCESSES ?? 3)
const LOAD_MS = 4000
const DRAIN_MS = 30_000
/** Share of attempts the receiver answers 500. */
const FAILING = 0.2
const ENV = {
  RAPPORT_WEBHOOK_ALLOW_PRIVATE: '1',
  RAPPORT_WEBHOOK_RETRY_SCHEDULE: '50ms,100ms,200ms,400ms,800ms,1s,1s,1s,1s,1s',
  RAPPORT_DB_POOL_SIZE: '8',
}

const postgres = TEST_DATABASES.find((d) => d.name === 'postgres')

if (postgres) {
  describe('postgres: webhooks from several server processes', { timeout: 120_000 }, () => {
    let fresh: Awaited<ReturnType<typeof createTestDatabase>>
    let servers: ServerProcess[] = []
    let receiver: WebhookReceiver
    before(async () => {
      fresh = await createTestDatabase(postgres)
      receiver = await WebhookReceiver.start()
      receiver.answer = () => (Math.random() < FAILING ? 500 : 200)
    })
    after(async () => {
      for (const server of servers) await server.kill()
      await receiver?.close()
      await fresh?.drop()
    })

    it(`${PROCESSES} processes share the queue: no attempt is delivered twice, none is lost, order holds`, async (t) => {
      servers = await Promise.all(Array.from({ length: PROCESSES }, () => startServerProcess({ ...fresh.env, ...ENV })))
      const made = await client(servers[0]!, TEST_API_KEY).post('/v1/webhooks', {
        url: `${receiver.url}/shared`,
        events: ['contact.*'],
      })
      assert.equal(made.status, 201, made.text)
      const endpoints = servers.map((s) => new Endpoint(s.url))
      let turn = 0
      const load = startWebhookLoad(() => endpoints[turn++ % endpoints.length]!, TEST_API_KEY, 2 * PROCESSES)
      await new Promise((resolve) => setTimeout(resolve, LOAD_MS))
      await load.stop()
      const complete = await waitUntil(() => missingEvents(load.acknowledged, receiver.received).length === 0, DRAIN_MS)
      // Retries of the last failures settle before the log is read.
      await new Promise((resolve) => setTimeout(resolve, 1000))

      const attempts = new Map<string, number[]>()
      for (const r of receiver.received) {
        const id = String(r.headers['rapport-delivery-id'])
        attempts.set(id, [...(attempts.get(id) ?? []), Number(r.headers['rapport-delivery-attempt'])])
      }
      const twice: string[] = []
      for (const [id, numbers] of attempts) {
        if (numbers.some((n, i) => n !== i + 1)) twice.push(`delivery ${id}: attempts arrived as ${numbers.join(',')}`)
      }
      const stopped = await Promise.all(servers.map((s) => s.stop()))
      t.diagnostic(
        `${PROCESSES} processes: ${load.acknowledged.length} writes acknowledged, ${receiver.received.length} attempts received for ${attempts.size} deliveries; complete: ${complete}`,
      )
      const problems = [
        ...load.problems,
        ...twice.slice(0, 20),
        ...missingEvents(load.acknowledged, receiver.received)
          .slice(0, 20)
          .map((w) => `no ${w.type} for ${w.contactId} (title ${w.title})`),
        ...orderProblems(receiver.received),
        ...servers.flatMap((s) => s.errors.map((e) => `server logged: ${e.slice(0, 300)}`)),
      ]
      assert.deepEqual(problems, [], problems.slice(0, 40).join('\n'))
      assert.deepEqual(
        stopped,
        servers.map(() => 0),
        'every process stops cleanly',
      )
      assert.ok(receiver.received.length > attempts.size, 'some attempts failed and were retried')
      assert.ok(load.acknowledged.length > 50, 'the load ran')
    })
  })
}
