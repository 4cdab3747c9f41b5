// Webhooks through crashes: the real server (`rapport serve`) with a subscription active, under a stream
// of contact writes, killed with SIGKILL at random moments (deliveries under way included) and restarted,
// on each database. Afterwards every acknowledged write's event reached the receiver at least once, and
// each record's events arrived in sequence order with none missing (support/webhook-load.ts).
//
// WEBHOOK_CRASH_KILLS sets the kills per database (default below).
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { client } from '../support/client.js'
import { TEST_DATABASES } from '../support/databases.js'
import { createTestDatabase } from '../support/server.js'
import { WebhookReceiver } from '../support/webhook-receiver.js'
import { Endpoint } from './support/endpoint.js'
import { startServerProcess, TEST_API_KEY, type ServerProcess } from './support/server-process.js'
import { missingEvents, orderProblems, startWebhookLoad, waitUntil } from './support/webhook-load.js'

const KILLS = Number(process.env.WEBHOOK_CRASH_KILLS ?? 3)
const WORKERS = 4
const RUN_MIN_MS = 800
const RUN_MAX_MS = 2000
/**
 * A short attempt timeout, so the lease of a delivery cut by a kill (2 x timeout + 5 s) ends soon and
 * the restarted server sends it again.
 */
const ENV = {
  RAPPORT_WEBHOOK_ALLOW_PRIVATE: '1',
  RAPPORT_WEBHOOK_TIMEOUT_MS: '1000',
  RAPPORT_WEBHOOK_RETRY_SCHEDULE: '200ms,500ms,1s,2s,5s',
}
/** After the last restart: the leases of cut deliveries end (7 s), then everything is sent. */
const DRAIN_MS = 45_000
const TIMEOUT_MS = 120_000 + KILLS * 5_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

for (const database of TEST_DATABASES) {
  describe(`${database.name}: webhooks through crashes`, { timeout: TIMEOUT_MS }, () => {
    let fresh: Awaited<ReturnType<typeof createTestDatabase>>
    let server: ServerProcess | undefined
    let receiver: WebhookReceiver
    before(async () => {
      fresh = await createTestDatabase(database)
      receiver = await WebhookReceiver.start()
      // Answers take a moment, so kills find deliveries under way.
      receiver.answer = () => sleep(Math.random() * 20).then(() => 200)
    })
    after(async () => {
      await server?.kill()
      await receiver?.close()
      await fresh?.drop()
    })

    it(`delivers every acknowledged write's event, in order per record, through ${KILLS} SIGKILLs`, {
      timeout: TIMEOUT_MS,
    }, async (t) => {
      const env = { ...fresh.env, ...ENV }
      server = await startServerProcess(env)
      const made = await client(server, TEST_API_KEY).post('/v1/webhooks', {
        url: `${receiver.url}/crash`,
        events: ['contact.*'],
      })
      assert.equal(made.status, 201, made.text)
      const endpoint = new Endpoint(server.url)
      const load = startWebhookLoad(() => endpoint, TEST_API_KEY, WORKERS)
      const serverErrors: string[] = []
      let receivedAtKills = 0
      try {
        for (let i = 0; i < KILLS; i++) {
          await sleep(RUN_MIN_MS + Math.random() * (RUN_MAX_MS - RUN_MIN_MS))
          endpoint.close()
          await server.kill()
          receivedAtKills += receiver.received.length
          serverErrors.push(...server.errors)
          server = await startServerProcess(env)
          endpoint.open(server.url)
        }
        // Writes after the last restart are checked too.
        await sleep(1500)
      } finally {
        await load.stop()
      }
      const complete = await waitUntil(() => missingEvents(load.acknowledged, receiver.received).length === 0, DRAIN_MS)
      const missing = missingEvents(load.acknowledged, receiver.received)
      // Whatever is still in flight settles, then the order of everything received is checked.
      await sleep(300)
      assert.equal(await server.stop(), 0, 'the last server stops cleanly on SIGTERM')
      serverErrors.push(...server.errors)

      const ids = receiver.received.map((r) => r.event.id)
      const repeats = ids.length - new Set(ids).size
      t.diagnostic(
        `${database.name}: ${KILLS} kills, ${load.acknowledged.length} writes acknowledged, ${load.unanswered} cut; ` +
          `${receiver.received.length} deliveries received (${repeats} repeats of an event), ${receivedAtKills} counted at kills; complete: ${complete}`,
      )
      const problems = [
        ...load.problems,
        ...missing.slice(0, 20).map((w) => `no ${w.type} for ${w.contactId} (title ${w.title})`),
        ...orderProblems(receiver.received),
        ...serverErrors.map((e) => `server logged: ${e.slice(0, 300)}`),
      ]
      assert.deepEqual(problems, [], problems.slice(0, 40).join('\n'))
      assert.ok(load.acknowledged.length > 20, 'the load ran')
      assert.ok(
        load.acknowledged.some((w) => w.type === 'contact.updated'),
        'updates were acknowledged',
      )
    })
  })
}
