// Limits over real HTTP on every database: per-key rate limiting with the IETF RateLimit fields, and the
// request timeout (503 `request_timeout`, nothing saved). The body-size limit (413) is in errors.test.ts
// and the page-size cap (first>100 served as 100) in pagination.test.ts. Nothing here is decided by a
// short window of time on a busy machine: the database is held until the answer arrives, and the tests
// wait for the server's work to end (settled) rather than sleeping.
import assert from 'node:assert/strict'
import { connect } from 'node:net'
import { after, before, describe, it } from 'node:test'
import pg from 'pg'
import { deadlineIn, isPast } from '../../src/db/deadline.js'
import { FixedWindows } from '../../src/http/plugins/limits.js'
import { TEST_DATABASES, type TestDatabase } from '../support/databases.js'
import { client, type ApiResponse } from '../support/client.js'
import { startTestServer, type TestServer } from '../support/server.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function assertErrorShape(res: ApiResponse, status: number, code: string): void {
  assert.equal(res.status, status, res.text)
  assert.equal(res.body.status, status)
  assert.equal(res.body.code, code)
  assert.equal(typeof res.body.message, 'string')
  assert.match(res.body.request_id, /^req-/)
}

/** `"default";r=3;t=60` → { r: 3, t: 60 } */
function rateLimitField(res: ApiResponse): { r: number; t: number } {
  const value = res.headers.get('ratelimit') ?? ''
  const match = /^"default";r=(\d+);t=(\d+)$/.exec(value)
  assert.ok(match, `RateLimit field: ${JSON.stringify(value)}`)
  return { r: Number(match[1]), t: Number(match[2]) }
}

describe('rate-limit windows', () => {
  it('counts per key, refuses past the limit and starts a new window after one has passed', () => {
    const windows = new FixedWindows(2, 1000)
    assert.deepEqual(windows.take('a', 0), { remaining: 1, resetMs: 1000 })
    assert.deepEqual(windows.take('a', 400), { remaining: 0, resetMs: 600 })
    assert.equal(windows.take('a', 500), null)
    assert.equal(windows.resetMs('a', 500), 500)
    assert.deepEqual(windows.take('b', 500), { remaining: 1, resetMs: 1000 })
    assert.deepEqual(windows.take('a', 1000), { remaining: 1, resetMs: 1000 })
  })
  it('forgets idle keys, so memory follows the keys active within one window', () => {
    const windows = new FixedWindows(10, 1000)
    for (let i = 0; i < 5000; i++) windows.take(`key-${i}`, i % 900)
    assert.equal(windows.size, 5000)
    windows.take('late', 1950)
    // Every window that started before 950 has ended; those that started at 950..899 can't exist.
    assert.equal(windows.size, 1)
  })
  it('starts a new window for a key whose window ended behind a newer one (the clock stepped back)', () => {
    const windows = new FixedWindows(1, 1000)
    windows.take('x', 5000)
    assert.deepEqual(windows.take('a', 1000), { remaining: 0, resetMs: 1000 })
    assert.deepEqual(windows.take('a', 2500), { remaining: 0, resetMs: 1000 })
  })
})

for (const database of TEST_DATABASES) {
  describe(`${database.name}: rate limiting`, () => {
    const LIMIT = 5
    let server: TestServer
    before(async () => {
      server = await startTestServer(database, {
        env: { RAPPORT_RATE_LIMIT: String(LIMIT), RAPPORT_RATE_LIMIT_WINDOW_S: '60' },
      })
    })
    after(async () => server?.close())

    it('tells the policy and what is left on every response, then answers 429 with Retry-After', async () => {
      const { key } = await server.services.workspaces.createKey(server.workspace.id)
      const api = client(server, key)
      for (let i = 1; i <= LIMIT; i++) {
        // Errors count too: a 404 route and a 422 spend the budget like a 200.
        const res =
          i === 2
            ? await api.get('/v1/nothing-here')
            : i === 3
              ? await api.post('/v1/users', {})
              : await api.get('/v1/users')
        assert.equal(res.headers.get('ratelimit-policy'), `"default";q=${LIMIT};w=60`)
        const field = rateLimitField(res)
        assert.equal(field.r, LIMIT - i)
        assert.ok(field.t >= 1 && field.t <= 60, `t=${field.t}`)
      }
      const refused = await api.get('/v1/users')
      assertErrorShape(refused, 429, 'rate_limited')
      const retryAfter = Number(refused.headers.get('retry-after'))
      assert.ok(
        Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60,
        `Retry-After: ${refused.headers.get('retry-after')}`,
      )
      assert.equal(rateLimitField(refused).r, 0)
      assert.equal(rateLimitField(refused).t, retryAfter)
      // A refused write changes nothing.
      const write = await api.post('/v1/users', { name: 'Late', email: 'late@example.com' })
      assertErrorShape(write, 429, 'rate_limited')
      const members = await server.db.kysely
        .selectFrom('users')
        .select('email')
        .where('email', '=', 'late@example.com')
        .execute()
      assert.deepEqual(members, [])
    })
    it('counts each key on its own, in every workspace', async () => {
      const spent = await server.services.workspaces.createKey(server.workspace.id)
      for (let i = 0; i < LIMIT; i++) await client(server, spent.key).get('/v1/users')
      assert.equal((await client(server, spent.key).get('/v1/users')).status, 429)
      const sibling = await server.services.workspaces.createKey(server.workspace.id)
      assert.equal((await client(server, sibling.key).get('/v1/users')).status, 200)
      const other = await server.createWorkspace()
      const res = await client(server, other.key).get('/v1/users')
      assert.equal(res.status, 200)
      assert.equal(rateLimitField(res).r, LIMIT - 1)
    })
    it('does not count requests without a valid key, nor public routes', async () => {
      for (let i = 0; i < LIMIT + 2; i++) {
        const res = await client(server, 'rpk_thisKeyDoesNotExistAnywhere000').get('/v1/users')
        assertErrorShape(res, 401, 'unauthorized')
        assert.equal(res.headers.get('ratelimit'), null)
      }
      // The docs come from plugins registered before auth: a regression once made them 500 here.
      for (const path of ['/healthz', '/openapi.json', '/docs/', '/docs/static/index.css']) {
        for (let i = 0; i < LIMIT + 2; i++) {
          const res = await client(server, server.workspace.key).get(path)
          assert.equal(res.status, 200, `${path}: ${res.text.slice(0, 200)}`)
          assert.equal(res.headers.get('ratelimit'), null)
        }
      }
    })
  })

  describe(`${database.name}: rate-limit window`, () => {
    let server: TestServer
    before(async () => {
      server = await startTestServer(database, { env: { RAPPORT_RATE_LIMIT: '2', RAPPORT_RATE_LIMIT_WINDOW_S: '1' } })
    })
    after(async () => server?.close())

    it('gives a spent key a new budget once its window has passed', async () => {
      const api = client(server, server.workspace.key)
      // Until refused: on a busy machine three requests may span two one-second windows.
      let refused: ApiResponse | undefined
      for (let i = 0; i < 20 && refused === undefined; i++) {
        const res = await api.get('/v1/users')
        if (res.status === 429) refused = res
        else assert.equal(res.status, 200)
      }
      assert.ok(refused, 'a key over its budget is refused')
      // Retry-After is whole seconds, rounded up: after it the window has surely passed.
      await sleep(Number(refused.headers.get('retry-after')) * 1000 + 50)
      const res = await api.get('/v1/users')
      assert.equal(res.status, 200)
      assert.equal(rateLimitField(res).r, 1)
    })
  })

  describe(`${database.name}: rate limiting off (RAPPORT_RATE_LIMIT=0)`, () => {
    let server: TestServer
    before(async () => {
      server = await startTestServer(database, { env: { RAPPORT_RATE_LIMIT: '0' } })
    })
    after(async () => server?.close())

    it('sends no RateLimit fields and never 429', async () => {
      const api = client(server, server.workspace.key)
      for (let i = 0; i < 50; i++) {
        const res = await api.get('/v1/users?first=1')
        assert.equal(res.status, 200)
        assert.equal(res.headers.get('ratelimit'), null)
        assert.equal(res.headers.get('ratelimit-policy'), null)
      }
    })
  })

  describe(`${database.name}: request timeout`, () => {
    /** Long enough that a quick request answers well within it on a busy machine. */
    const TIMEOUT_MS = 1500
    let server: TestServer
    before(async () => {
      server = await startTestServer(database, { env: { RAPPORT_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS) } })
    })
    after(async () => server?.close())

    const memberCount = async () =>
      Number(
        (
          await server.db.kysely
            .selectFrom('users')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )

    it('answers a quick request as usual', async () => {
      const res = await client(server, server.workspace.key).post('/v1/users', {
        name: 'Quick',
        email: 'quick@example.com',
      })
      assert.equal(res.status, 201)
    })
    it('answers 503 request_timeout for a write stuck behind the database, and saves nothing', async () => {
      const before = await memberCount()
      const release = await blockMembers(server, database)
      let res: ApiResponse
      try {
        res = await client(server, server.workspace.key).post('/v1/users', {
          name: 'Stuck',
          email: 'stuck@example.com',
        })
      } finally {
        await release()
      }
      assertErrorShape(res, 503, 'request_timeout')
      // The stuck work resumes once the database is free: it must not write now.
      await settled(server, database)
      assert.equal(await memberCount(), before)
      assert.equal(
        (await client(server, server.workspace.key).get('/v1/users?first=100')).body.data.some(
          (m: { email: string }) => m.email === 'stuck@example.com',
        ),
        false,
      )
    })
    it('answers 503 request_timeout for a read stuck behind the database', async () => {
      const release = await blockMembers(server, database)
      let res: ApiResponse
      try {
        res = await client(server, server.workspace.key).get('/v1/users')
      } finally {
        await release()
      }
      assertErrorShape(res, 503, 'request_timeout')
      assert.equal((await client(server, server.workspace.key).get('/v1/users')).status, 200)
    })
    it('answers a client that sends its body too slowly, and runs nothing when the body arrives late', async () => {
      const before = await memberCount()
      const { url } = server
      const { port } = new URL(url)
      const body = JSON.stringify({ name: 'Slow', email: 'slow@example.com' })
      const socket = connect(Number(port), '127.0.0.1')
      let received = ''
      /** Resolves once what the socket received matches `pattern` (or it closes, or a generous bound passes). */
      const receive = (pattern: RegExp) =>
        new Promise<void>((resolve) => {
          const check = () => {
            if (!pattern.test(received) && !socket.destroyed) return
            clearTimeout(timer)
            socket.off('data', check)
            socket.off('close', check)
            resolve()
          }
          const timer = setTimeout(() => {
            socket.off('data', check)
            resolve()
          }, 60_000)
          socket.on('data', check)
          socket.on('close', check)
          check()
        })
      socket.on('data', (chunk) => (received += chunk.toString()))
      socket.write(
        `POST /v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${server.workspace.key}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
      )
      await receive(/\r\n\r\n[0-9a-f]*\r?\n?\{.*\}/s)
      assert.match(received, /^HTTP\/1\.1 503 /)
      const json = JSON.parse(
        received
          .slice(received.indexOf('\r\n\r\n') + 4)
          .replace(/^[0-9a-f]+\r\n/, '')
          .split('\r\n')[0]!,
      )
      assert.equal(json.code, 'request_timeout')
      // The rest of the body, then a second request on the same connection: its answer (or the connection
      // closing) means the server has read the first request to its end and taken it as far as it goes.
      socket.write(`${body.slice(10)}GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`)
      await receive(/HTTP\/1\.1 \d{3} .*HTTP\/1\.1 \d{3} .*\r\n\r\n/s)
      socket.destroy()
      await settled(server, database)
      assert.equal(await memberCount(), before)
    })
    it('answers batched creates truthfully past the deadline: 201 only for what is stored, 503 only for what is not', async () => {
      const api = client(server, server.workspace.key)
      const list = (
        await api.post('/v1/lists', {
          name: 'Timed',
          process: true,
          entry_type: 'Organization',
          identifier: 'TIME',
          duplicates_allowed: true,
          fields: [{ name: 'Ref', data_type: 'text' }],
        })
      ).body
      const org = (await api.post('/v1/organizations', { name: 'Timed Inc' })).body
      const create = (ref: string) =>
        api.post(`/v1/lists/${list.id}/entries`, {
          entryable_id: org.id,
          entryable_type: 'Organization',
          status: 'Started',
          one_time_value_cents: 0,
          recurring_value_cents: 0,
          recurring_value_period: 'annual',
          list_fields: [{ name: 'Ref', value: ref }],
        })
      assert.equal((await create('warm')).status, 201)
      // SQLite: the creates wait for the one connection (already to authenticate); PostgreSQL: the batch
      // waits on the list's row, which every batch of the list updates first, until statement_timeout.
      const release = await blockMembers(server, database, {
        text: 'select id from lists where id = $1 for update',
        values: [list.id],
      })
      const sentAt = Date.now()
      const refs = ['t1', 't2', 't3', 't4', 't5']
      const answers = refs.map((ref) => create(ref).then((res) => ({ ref, res, at: Date.now() })))
      try {
        // Held well past the deadline (by the clock), unless every answer came first (PostgreSQL's
        // statement_timeout, equal to the request timeout, cancels a statement waiting on a lock).
        let answered = false
        void Promise.all(answers).then(() => (answered = true))
        while (!answered && Date.now() < sentAt + TIMEOUT_MS * 2) await sleep(20)
      } finally {
        await release()
      }
      const done = await Promise.all(answers)
      await settled(server, database)
      const stored = new Set(
        (await api.all(`/v1/lists/${list.id}/entries`)).map(
          (e: { list_fields: Record<string, { value: unknown }> }) => Object.values(e.list_fields)[0]!.value,
        ),
      )
      for (const { ref, res } of done) {
        if (res.status === 201) assert.ok(stored.has(ref), `${ref} answered 201 but is not stored`)
        else {
          assertErrorShape(res, 503, 'request_timeout')
          assert.ok(!stored.has(ref), `${ref} answered 503 but is stored`)
        }
        if (res.status === 503)
          assert.ok(
            done.every((d) => d.at - sentAt >= TIMEOUT_MS - 50),
            `${ref} answered 503 before its deadline`,
          )
      }
      const keys = (await api.all(`/v1/lists/${list.id}/entries`)).map((e: { key: string }) =>
        Number(e.key.split('-')[1]),
      )
      assert.deepEqual(
        keys.sort((a: number, b: number) => a - b),
        Array.from({ length: keys.length }, (_, i) => i + 1),
        'keys gap-free',
      )
    })
    if (database.name === 'sqlite')
      it('keeps a create waiting in a batch in flight past its deadline, and commits it: its outcome is the answer', async () => {
        // Through the server's own services, so the create needs no key lookup (which would wait for the
        // held connection too) and goes straight into the batch, where it waits for the connection.
        const api = client(server, server.workspace.key)
        const list = (
          await api.post('/v1/lists', {
            name: 'In flight',
            process: true,
            entry_type: 'Organization',
            identifier: 'FLY',
            duplicates_allowed: true,
          })
        ).body
        const org = (await api.post('/v1/organizations', { name: 'In flight Inc' })).body
        const body = {
          entryable_id: org.id,
          entryable_type: 'Organization' as const,
          status: 'Started',
          one_time_value_cents: 0,
          recurring_value_cents: 0,
          recurring_value_period: 'annual' as const,
        }
        const actor = { workspaceId: server.workspace.id, apiKeyId: null, userId: null }
        await server.app.services.entries.create(actor, list.id, body) // the definition is now known
        const deadline = deadlineIn(200)
        const release = await blockMembers(server, database)
        let created: Promise<{ id: string }>
        try {
          created = server.app.services.entries.create({ ...actor, deadline }, list.id, body)
          while (!isPast(deadline)) await sleep(5)
          assert.equal(deadline.inFlight, 1, 'past its deadline, the create is still in flight (the 503 waits)')
        } finally {
          await release()
        }
        const made = await created!
        assert.equal((await api.get(`/v1/lists/${list.id}/entries/${made.id}`)).status, 200, 'and it is stored')
        assert.equal(deadline.inFlight, 0)
      })
  })
}

/** A hold is let go after this even if the test never releases it (a failing test must not hang). */
const HOLD_LIMIT_MS = 60_000

/**
 * Keeps every request that touches members waiting, as a long transaction of another client would,
 * until the returned function is called (after the answer the test waits for has arrived). SQLite: the
 * test holds the one connection. PostgreSQL: another session locks the table.
 */
async function blockMembers(
  server: TestServer,
  database: TestDatabase,
  /** PostgreSQL: what the other session locks (default: the members table, reads included). */
  lock: { text: string; values?: unknown[] } = { text: 'lock table users in access exclusive mode' },
): Promise<() => Promise<void>> {
  if (database.name === 'sqlite') {
    let letGo!: () => void
    const released = new Promise<void>((resolve) => (letGo = resolve))
    let held!: () => void
    const holding = new Promise<void>((resolve) => (held = resolve))
    const hold = server.db.kysely.connection().execute(async () => {
      held()
      await Promise.race([released, sleep(HOLD_LIMIT_MS)])
    })
    await holding
    return async () => {
      letGo()
      await hold
    }
  }
  const session = new pg.Client({ connectionString: server.config.DATABASE_URL })
  await session.connect()
  await session.query('begin')
  await session.query(lock.text, lock.values)
  const timer = setTimeout(() => void session.query('rollback').catch(() => {}), HOLD_LIMIT_MS)
  return async () => {
    clearTimeout(timer)
    await session.query('rollback').catch(() => {})
    await session.end()
  }
}

/**
 * Resolves once the server has no database work left: SQLite hands its one connection out in order, so
 * taking it means everything queued before ran; on PostgreSQL, no other session of the database is in a
 * statement or a transaction.
 */
async function settled(server: TestServer, database: TestDatabase): Promise<void> {
  if (database.name === 'sqlite') {
    await server.db.kysely.connection().execute(async () => {})
    return
  }
  const session = new pg.Client({ connectionString: server.config.DATABASE_URL })
  await session.connect()
  try {
    const limit = Date.now() + HOLD_LIMIT_MS
    for (;;) {
      const { rows } = await session.query(
        "select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state not in ('idle')",
      )
      if (rows[0].n === 0) return
      if (Date.now() > limit) throw new Error('the server kept working on the database')
      await sleep(10)
    }
  } finally {
    await session.end()
  }
}
