// Webhook delivery against a real receiver on the loopback: a 500 is retried until a 200, a receiver that
// hangs is cut at the timeout, one record's events arrive in order through retries, a receiver that keeps
// failing gets its webhook turned off (after the schedule, or after a run of failures), redeliver and
// ping, the delivery log, the address check at delivery, and pruning past the retention. The schedule,
// timeout and retention are shortened through their configuration variables.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { verifySignature } from '../../src/domain/webhooks/signature.js'
import { client, type ApiClient } from '../support/client.js'
import { TEST_DATABASES } from '../support/databases.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { WebhookReceiver } from '../support/webhook-receiver.js'

const TIMEOUT_MS = 1000
/** Three retries, 100 ms apart (±20%). */
const SHORT_SCHEDULE = '100ms,100ms,100ms'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `read` until `done` holds for its value; fails after `timeoutMs` with the last value. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (done(value)) return value
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms; last: ${JSON.stringify(value)}`)
    await sleep(50)
  }
}

async function hook(api: ApiClient, url: string, events: string[] = ['organization.*']) {
  const res = await api.post('/v1/webhooks', { url, events })
  assert.equal(res.status, 201, res.text)
  return res.body as { id: string; secret: string }
}

const deliveriesOf = async (api: ApiClient, id: string, query = '') =>
  (await api.get(`/v1/webhooks/${id}/deliveries${query}`)).body

for (const database of TEST_DATABASES) {
  describe(`${database.name}: webhook delivery`, () => {
    let server: TestServer
    let api: ApiClient
    let receiver: WebhookReceiver
    before(async () => {
      server = await startTestServer(database, {
        env: {
          RAPPORT_WEBHOOK_ALLOW_PRIVATE: '1',
          RAPPORT_WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
          RAPPORT_WEBHOOK_RETRY_SCHEDULE: SHORT_SCHEDULE,
        },
      })
      api = client(server, server.workspace.key)
      receiver = await WebhookReceiver.start()
    })
    after(async () => {
      await receiver?.close()
      await server?.close()
    })
    const at = (path: string) => receiver.events((_, r) => r.path === path)

    it('retries a 500 until the receiver answers 200, with the same event and the next attempt number', async () => {
      const sub = await hook(api, `${receiver.url}/flaky`)
      receiver.answer = (r) => (r.path === '/flaky' && at('/flaky').length === 1 ? 500 : 200)
      const org = (await api.post('/v1/organizations', { name: 'Flaky' })).body
      const [first, second] = await receiver.waitFor((_, r) => r.path === '/flaky', 2)
      assert.equal(first!.event.data.object.id, org.id)
      assert.equal(second!.raw, first!.raw, 'the same body')
      assert.equal(second!.headers['rapport-webhook-id'], first!.headers['rapport-webhook-id'])
      assert.equal(second!.headers['rapport-delivery-id'], first!.headers['rapport-delivery-id'])
      assert.deepEqual(
        [first!.headers['rapport-delivery-attempt'], second!.headers['rapport-delivery-attempt']],
        ['1', '2'],
      )
      assert.ok(second!.at - first!.at >= 80, 'the retry waited its step (100 ms, -20% at most)')
      assert.ok(
        verifySignature(sub.secret, String(second!.headers['rapport-signature']), second!.raw, Date.now() / 1000),
      )
      const log = await until(
        () => deliveriesOf(api, sub.id),
        (page) => page.data[0]?.state === 'delivered',
      )
      assert.equal(log.data.length, 1)
      assert.deepEqual(
        {
          event_type: log.data[0].event_type,
          record_id: log.data[0].record_id,
          attempts: log.data[0].attempts,
          status_code: log.data[0].status_code,
          error: log.data[0].error,
          next_attempt_at: log.data[0].next_attempt_at,
        },
        {
          event_type: 'organization.created',
          record_id: org.id,
          attempts: 2,
          status_code: 200,
          error: null,
          next_attempt_at: null,
        },
      )
      assert.equal(log.data[0].event_id, first!.event.id)
      assert.equal(typeof log.data[0].duration_ms, 'number')
    })

    it('cuts a receiver that does not answer at the timeout and tries again', async () => {
      const sub = await hook(api, `${receiver.url}/hang`)
      receiver.answer = (r) => (r.path === '/hang' && at('/hang').length <= 1 ? 'hang' : 200)
      const org = (await api.post('/v1/organizations', { name: 'Hanging' })).body
      await receiver.waitFor((_, r) => r.path === '/hang')
      const failed = await until(
        () => deliveriesOf(api, sub.id),
        (page) => page.data[0]?.error !== null && page.data[0]?.error !== undefined,
      )
      const attempt = failed.data[0]
      assert.equal(attempt.state, 'pending')
      assert.equal(attempt.status_code, null)
      assert.match(attempt.error, new RegExp(`timed out after ${TIMEOUT_MS} ms without an answer`))
      assert.ok(
        attempt.duration_ms >= TIMEOUT_MS - 5 && attempt.duration_ms < 3 * TIMEOUT_MS,
        `${attempt.duration_ms} ms`,
      )
      const [first, second] = await receiver.waitFor((_, r) => r.path === '/hang', 2)
      assert.equal(second!.event.data.object.id, org.id)
      assert.ok(second!.at - first!.at >= TIMEOUT_MS, 'the second attempt came after the first was cut')
      await until(
        () => deliveriesOf(api, sub.id),
        (page) => page.data[0]?.state === 'delivered',
      )
    })

    it("keeps one record's events in order through retries", async () => {
      await hook(api, `${receiver.url}/ordered`)
      // The first attempt of every event fails: each must be retried before the record's next is sent.
      const seen = new Set<string>()
      receiver.answer = (r) => {
        if (r.path !== '/ordered') return 200
        const id = String(r.headers['rapport-delivery-id'])
        if (seen.has(id)) return 200
        seen.add(id)
        return 500
      }
      const org = (await api.post('/v1/organizations', { name: 'Ordered 0' })).body
      for (let i = 1; i <= 3; i++) await api.patch(`/v1/organizations/${org.id}`, { name: `Ordered ${i}` })
      const got = await receiver.waitFor((e, r) => r.path === '/ordered' && e.data.object.id === org.id, 8)
      assert.deepEqual(
        got.map((r) => r.event.sequence),
        [1, 1, 2, 2, 3, 3, 4, 4],
      )
      assert.deepEqual(
        got.filter((_, i) => i % 2 === 1).map((r) => r.event.data.object.name),
        ['Ordered 0', 'Ordered 1', 'Ordered 2', 'Ordered 3'],
      )
    })

    it('turns a webhook off once a delivery spent the retry schedule; active: true turns it on again', async () => {
      const sub = await hook(api, `${receiver.url}/down`)
      receiver.answer = (r) => (r.path === '/down' ? 503 : 200)
      await api.post('/v1/organizations', { name: 'Unlucky' })
      const off = await until(
        () => api.get(`/v1/webhooks/${sub.id}`),
        (res) => res.body.active === false,
      )
      assert.match(off.body.disabled_reason, /failed 4 attempts, the whole retry schedule; last: HTTP 503/)
      assert.equal(at('/down').length, 4, 'the first attempt and three retries')
      const log = await deliveriesOf(api, sub.id)
      assert.equal(log.data[0].state, 'failed')
      assert.equal(log.data[0].status_code, 503)
      assert.equal(log.data[0].next_attempt_at, null)
      // Nothing is queued for a webhook that is off.
      await api.post('/v1/organizations', { name: 'While off' })
      assert.equal((await deliveriesOf(api, sub.id)).pagination.total_count, 1)

      receiver.answer = () => 200
      const on = await api.patch(`/v1/webhooks/${sub.id}`, { active: true })
      assert.equal(on.status, 200)
      assert.equal(on.body.active, true)
      assert.equal(on.body.disabled_reason, null)
      const later = (await api.post('/v1/organizations', { name: 'After' })).body
      await receiver.waitFor((e, r) => r.path === '/down' && e.data.object.id === later.id)
    })

    it('redelivers a delivery as a new one with the same event, and pings', async () => {
      const sub = await hook(api, `${receiver.url}/replay`)
      receiver.answer = () => 200
      const org = (await api.post('/v1/organizations', { name: 'Replayed' })).body
      const [original] = await receiver.waitFor((_, r) => r.path === '/replay')
      const delivered = await until(
        () => deliveriesOf(api, sub.id),
        (page) => page.data[0]?.state === 'delivered',
      )
      const again = await api.post(`/v1/webhooks/${sub.id}/deliveries/${delivered.data[0].id}/redeliver`)
      assert.equal(again.status, 201, again.text)
      assert.equal(again.body.state, 'pending')
      assert.equal(again.body.event_id, original!.event.id)
      assert.notEqual(again.body.id, delivered.data[0].id)
      const [, copy] = await receiver.waitFor((_, r) => r.path === '/replay', 2)
      assert.equal(copy!.raw, original!.raw)
      assert.equal(copy!.headers['rapport-delivery-id'], again.body.id)
      assert.equal(copy!.event.data.object.id, org.id)
      assert.equal((await api.post(`/v1/webhooks/${sub.id}/deliveries/NoSuchDelivery/redeliver`)).status, 404)

      const ping = await api.post(`/v1/webhooks/${sub.id}/ping`)
      assert.equal(ping.status, 201, ping.text)
      assert.equal(ping.body.event_type, 'ping')
      const [pinged] = await receiver.waitFor((e, r) => r.path === '/replay' && e.type === 'ping')
      assert.deepEqual(pinged!.event.data, { object: (await api.get(`/v1/webhooks/${sub.id}`)).body })
      assert.equal(pinged!.headers['rapport-event-type'], 'ping')
      assert.ok(
        verifySignature(sub.secret, String(pinged!.headers['rapport-signature']), pinged!.raw, Date.now() / 1000),
      )

      const log = await until(
        () => deliveriesOf(api, sub.id, '?state=delivered'),
        (page) => page.pagination.total_count === 3,
      )
      assert.deepEqual(log.data.map((d: { event_type: string }) => d.event_type).sort(), [
        'organization.created',
        'organization.created',
        'ping',
      ])
      const paged = await deliveriesOf(api, sub.id, '?first=2')
      assert.deepEqual(paged.pagination, { end_cursor: 2, has_next_page: true, total_count: 3 })
      assert.equal((await deliveriesOf(api, sub.id, '?state=failed')).pagination.total_count, 0)

      assert.equal((await api.patch(`/v1/webhooks/${sub.id}`, { active: false })).status, 200)
      const refused = await api.post(`/v1/webhooks/${sub.id}/ping`)
      assert.equal(refused.status, 422)
      assert.equal(refused.body.details[0].code, 'inactive')
    })
  })

  describe(`${database.name}: the address check at delivery`, () => {
    let server: TestServer
    let api: ApiClient
    let receiver: WebhookReceiver
    before(async () => {
      // This server saves loopback receivers and delivers nothing; a second one on the same database,
      // which does not allow them, delivers.
      server = await startTestServer(database, {
        env: { RAPPORT_WEBHOOK_ALLOW_PRIVATE: '1', RAPPORT_WEBHOOK_DISPATCH: '0' },
      })
      api = client(server, server.workspace.key)
      receiver = await WebhookReceiver.start()
    })
    after(async () => {
      await receiver?.close()
      await server?.close()
    })

    it('refuses loopback receivers at delivery, after DNS, in a server that does not allow them', async () => {
      const byAddress = await hook(api, `${receiver.url}/refused-ip`)
      const port = new URL(receiver.url).port
      const byName = await hook(api, `http://localhost:${port}/refused-name`)
      await api.post('/v1/organizations', { name: 'Not for the loopback' })
      const strict = await buildApp({
        db: server.db,
        config: loadConfig({
          LOG_LEVEL: 'silent',
          RAPPORT_RATE_LIMIT: '0',
          RAPPORT_WEBHOOK_RETRY_SCHEDULE: '1h',
          ...(server.config.DATABASE_URL
            ? { DATABASE_URL: server.config.DATABASE_URL }
            : { RAPPORT_DATA_DIR: server.config.RAPPORT_DATA_DIR }),
        }),
      })
      try {
        await strict.listen({ port: 0, host: '127.0.0.1' })
        for (const [id, expected] of [
          [byAddress.id, /^refused: 127\.0\.0\.1 is not a public address$/],
          [byName.id, /^refused: localhost resolves to (127\.0\.0\.1|::1), not a public address/],
        ] as const) {
          const log = await until(
            () => deliveriesOf(api, id),
            (page) => page.data[0]?.error != null,
          )
          assert.match(log.data[0].error, expected)
          assert.equal(log.data[0].status_code, null)
          assert.equal(log.data[0].state, 'pending', 'retried later: the name may resolve elsewhere then')
        }
        assert.equal(receiver.received.length, 0, 'nothing reached the receiver')
      } finally {
        await strict.close()
      }
    })
  })

  describe(`${database.name}: webhooks turned off by a run of failures, and pruned`, () => {
    let server: TestServer
    let api: ApiClient
    let receiver: WebhookReceiver
    before(async () => {
      server = await startTestServer(database, {
        env: {
          RAPPORT_WEBHOOK_ALLOW_PRIVATE: '1',
          RAPPORT_WEBHOOK_RETRY_SCHEDULE: '1h',
          RAPPORT_WEBHOOK_FAILURE_RUN: '3',
          RAPPORT_WEBHOOK_FAILURE_RUN_SPAN: '0ms',
          RAPPORT_WEBHOOK_RETENTION: '1s',
        },
      })
      api = client(server, server.workspace.key)
      receiver = await WebhookReceiver.start()
    })
    after(async () => {
      await receiver?.close()
      await server?.close()
    })

    it('turns a webhook off after RAPPORT_WEBHOOK_FAILURE_RUN failed attempts in a row', async () => {
      const sub = await hook(api, `${receiver.url}/failing`)
      receiver.answer = () => 500
      for (let i = 0; i < 3; i++) await api.post('/v1/organizations', { name: `Failing ${i}` })
      const off = await until(
        () => api.get(`/v1/webhooks/${sub.id}`),
        (res) => res.body.active === false,
      )
      assert.match(off.body.disabled_reason, /^3 delivery attempts in a row failed over \d+ s; last: HTTP 500$/)
      const log = await deliveriesOf(api, sub.id)
      assert.deepEqual(
        log.data.map((d: { state: string; attempts: number }) => [d.state, d.attempts]),
        [
          ['pending', 1],
          ['pending', 1],
          ['pending', 1],
        ],
      )
    })

    it('deletes events and their deliveries past the retention', async () => {
      const sub = await hook(api, `${receiver.url}/pruned`)
      receiver.answer = () => 200
      await api.post('/v1/organizations', { name: 'Short-lived' })
      await receiver.waitFor((_, r) => r.path === '/pruned')
      await until(
        () => deliveriesOf(api, sub.id),
        (page) => page.pagination.total_count === 0,
      )
      const events = await server.db.kysely.selectFrom('webhook_events').select('id').execute()
      const fresh = await server.db.kysely
        .selectFrom('webhook_events')
        .select('id')
        .where('created_at', '<', Date.now() - 3000)
        .execute()
      assert.deepEqual(fresh, [], `events older than the retention are gone (${events.length} newer remain)`)
    })
  })
}
