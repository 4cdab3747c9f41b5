// The security findings of issue 12, one `describe` per finding and database, each test written to fail
// on the code the finding was made against: what one request can make the server do is bounded (error
// bodies, schema problems, limits after a PATCH, time filters), /v1 is authenticated however its path is
// spelled, failed keys are limited per address, request ids are ours unless safe, key hints carry no
// secret, HTML pages carry security headers, and a failing shared batch fails only its culprit.
import assert from 'node:assert/strict'
import { createHash, createHmac } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { sql, type Kysely, type KyselyPlugin } from 'kysely'
import { ConfigError, loadConfig } from '../../src/config.js'
import * as keyHashes from '../../src/db/migrations/0005-api-key-hashes.js'
import { WorkspacesService } from '../../src/domain/workspaces/workspaces-service.js'
import { MAX_PROBLEMS } from '../../src/domain/errors.js'
import { createServices } from '../../src/domain/services.js'
import { MAX_ERROR_BODY_BYTES } from '../../src/http/plugins/errors.js'
import { AuthFailures, addressKey } from '../../src/http/plugins/auth-failures.js'
import { FixedWindows } from '../../src/http/plugins/limits.js'
import { client, type ApiResponse } from '../support/client.js'
import { TEST_DATABASES, byDatabase } from '../support/databases.js'
import { VALUES, createList, createOrganization, processBody } from '../support/seed.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { fetchDocument, fillPath, operations } from '../reliability/support/openapi.js'
import { closeRawClient, sendRaw, type RawResponse } from '../reliability/support/raw-client.js'

after(() => closeRawClient())

const bytes = (res: ApiResponse | RawResponse) => Buffer.byteLength(res.text)

/** A 422 within the bound, listing at most MAX_PROBLEMS problems and counting the others. */
function assertBounded422(res: ApiResponse, truncated: boolean): void {
  assert.equal(res.status, 422, res.text.slice(0, 300))
  assert.ok(bytes(res) <= MAX_ERROR_BODY_BYTES, `a 422 of ${bytes(res)} bytes`)
  assert.ok(res.body.details.length >= 1 && res.body.details.length <= MAX_PROBLEMS)
  if (truncated) assert.ok(res.body.details_truncated >= 1, 'the problems not listed are counted')
  else assert.equal(res.body.details_truncated, undefined)
}

describe('error bodies (finding 1)', () => {
  it('counts past MAX_PROBLEMS in every way a problem can be long', async () => {
    // Text that JSON makes six times longer (\u0001) and astral characters, in every field.
    const { errorBody } = await import('../../src/http/plugins/errors.js')
    const long = '\u0001😀'.repeat(5000)
    const details = Array.from({ length: 500 }, () => ({ field: long, code: long, message: long }))
    const body = errorBody({ id: 'req-x' } as never, 422, 'validation_failed', long, details, 7)
    const size = Buffer.byteLength(JSON.stringify(body))
    assert.ok(size <= MAX_ERROR_BODY_BYTES, `${size} bytes`)
    assert.ok(body.details!.length >= 1)
    assert.equal(body.details!.length + body.details_truncated!, 507)
    assert.doesNotThrow(() => new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(JSON.stringify(body))))
  })
})

for (const database of TEST_DATABASES) {
  describe(`${database.name}: finding 1, a 422 costs at most 16 KB`, () => {
    let server: TestServer
    let tagged: { id: string }
    const options = Array.from({ length: 500 }, (_, i) => `${String(i).padStart(3, '0')} ${'option '.repeat(27)}`)
    before(async () => {
      server = await startTestServer(database)
      tagged = await createList(client(server, server.workspace.key), {
        name: 'Tagged',
        process: false,
        entry_type: 'Organization',
        fields: [{ name: 'Tags', data_type: 'select', options, accepts_multiple_values: true }],
      })
    })
    after(async () => server?.close())
    const api = () => client(server, server.workspace.key)

    it('answers a 3 KB request of bad select values against 500 long options in at most 16 KB', async () => {
      const org = await createOrganization(api())
      const bad = Array.from({ length: 100 }, () => 'x')
      const body = {
        entryable_id: org.id,
        entryable_type: 'Organization',
        list_fields: Array.from({ length: 6 }, () => ({ name: 'Tags', value: bad })),
      }
      assert.ok(JSON.stringify(body).length < 3500)
      const res = await api().post(`/v1/lists/${tagged.id}/entries`, body)
      assertBounded422(res, true)
      assert.ok(!res.text.includes('option option'), 'no option is listed in a message')
      // 100 bad values and one repeated name; the repetitions are not checked again.
      assert.equal(res.body.details.length + res.body.details_truncated, 101)
    })
    it('names a repeated field once, without checking its values again', async () => {
      const org = await createOrganization(api())
      const res = await api().post(`/v1/lists/${tagged.id}/entries`, {
        entryable_id: org.id,
        entryable_type: 'Organization',
        list_fields: [
          { name: 'Tags', value: ['x'] },
          { name: 'Tags', value: ['y'] },
          { name: 'Tags', value: ['z'] },
          { name: 'Nope', value: 1 },
          { name: 'Nope', value: 2 },
        ],
      })
      assertBounded422(res, false)
      assert.deepEqual(
        res.body.details.map((d: { field: string; code: string }) => `${d.field} ${d.code}`),
        ['list_fields[0].value[0] inclusion', 'list_fields[1].name taken', 'list_fields[3].name unknown'],
      )
    })
    it('names a repeated custom field once too', async () => {
      const made = await api().post('/v1/custom_fields', {
        model: 'contact',
        name: 'Size',
        data_type: 'number',
      })
      assert.equal(made.status, 201, made.text)
      const res = await api().post('/v1/contacts', {
        first_name: 'A',
        custom_fields: Array.from({ length: 150 }, () => ({ name: 'Size', value: 'big' })),
      })
      assertBounded422(res, false)
      assert.deepEqual(
        res.body.details.map((d: { field: string; code: string }) => `${d.field} ${d.code}`),
        ['custom_fields[0].value invalid', 'custom_fields[1].name duplicate'],
      )
    })
    it('keeps a schema 422 of a 200 KB body within 16 KB (every problem of small bodies, the first of large ones)', async () => {
      const huge = await api().post('/v1/contacts', { emails: Array.from({ length: 100_000 }, () => 1) })
      assertBounded422(huge, false)
      const small = await api().post('/v1/contacts', { emails: Array.from({ length: 100 }, () => 1) })
      assertBounded422(small, true)
      assert.equal(small.body.details.length, MAX_PROBLEMS)
    })
    it('runs the checks of a create refused against the list as it is once, not again on the retry path', async () => {
      // Counts the member lookups of the assignee check through the services' own database.
      let lookups = 0
      const counter: KyselyPlugin = {
        transformQuery(args) {
          const node = args.node as {
            kind: string
            from?: { froms: Array<{ table?: { identifier?: { name?: string } } }> }
          }
          if (node.kind === 'SelectQueryNode' && node.from?.froms.some((f) => f.table?.identifier?.name === 'users'))
            lookups++
          return args.node
        },
        async transformResult(args) {
          return args.result
        },
      }
      const db = { ...server.db, kysely: server.db.kysely.withPlugin(counter) }
      const services = createServices(db, { defaultCountryCode: '82' })
      const actor = { workspaceId: server.workspace.id, apiKeyId: null, userId: null }
      const deals = await createList(api(), processBody({ name: 'Checked once', identifier: 'ONCE' }))
      const entry = (org: { id: string }, extra: Record<string, unknown> = {}) => ({
        entryable_id: org.id,
        entryable_type: 'Organization' as const,
        status: 'Started',
        ...VALUES,
        ...extra,
      })
      // A first create loads the list, so the next one is checked against the definition in memory.
      await services.entries.create(actor, deals.id, entry(await createOrganization(api())))
      lookups = 0
      await assert.rejects(
        services.entries.create(
          actor,
          deals.id,
          entry(await createOrganization(api()), { assignee_email: 'no@one.zz' }),
        ),
        (error: Error & { status?: number }) => error.status === 422,
      )
      assert.equal(lookups, 1, 'the assignee was looked up once')
    })
  })
}

for (const database of TEST_DATABASES) {
  describe(`${database.name}: finding 2, /v1 is authenticated however its path is spelled`, () => {
    let server: TestServer
    before(async () => {
      server = await startTestServer(database)
    })
    after(async () => server?.close())

    it('answers 401, before reading the body, to every spelling of a /v1 route without a key', async () => {
      const body = JSON.stringify({ emails: Array.from({ length: 100_000 }, () => 1) })
      const host = new URL(server.url).host
      const spellings = [
        '/v1/contacts',
        '/%761/contacts',
        '/v%31/contacts',
        '/%76%31/%63ontacts',
        '/v1//contacts',
        '/v1/contacts/',
        `http://${host}/v1/contacts`,
        'http://elsewhere.example/v1/contacts',
        `http://${host}/%761/contacts`,
      ]
      for (const path of spellings) {
        const res = await sendRaw(server.url, {
          method: 'POST',
          path,
          headers: { 'content-type': 'application/json' },
          body,
        })
        assert.equal(res.status, 401, `${path}: ${res.status} ${res.text.slice(0, 200)}`)
        assert.ok(bytes(res) < 1024)
      }
    })
    it('authenticates every operation of the document when its prefix is percent-encoded', async () => {
      const ops = operations(await fetchDocument(server)).filter((op) => op.authenticated)
      assert.ok(ops.length > 20)
      for (const op of ops) {
        const path = fillPath(op.path, Object.fromEntries(op.pathParams.map((p) => [p.name, 'NoSuchRecord1'])))
        const res = await sendRaw(server.url, {
          method: op.method,
          path: path.replace(/^\/v1/, '/%761'),
          headers: { 'content-type': 'application/json' },
          body: '{"emails": [1, 1, 1], "name": 7}',
        })
        assert.equal(res.status, 401, `${op.method} ${op.path}: ${res.status} ${res.text.slice(0, 200)}`)
      }
    })
    it('authenticates unknown paths under /v1 too, and counts them against the key', async () => {
      const res = await sendRaw(server.url, { method: 'GET', path: '/%761/nothing-here', headers: {} })
      assert.equal(res.status, 401)
      const known = await client(server, server.workspace.key).get('/%761/nothing-here')
      assert.equal(known.status, 404)
    })
  })
}

describe('client addresses (finding 3)', () => {
  it('counts IPv4 as is, IPv6 by its /64, and IPv4-mapped IPv6 as IPv4', () => {
    assert.equal(addressKey('203.0.113.5'), '203.0.113.5')
    assert.equal(addressKey('::ffff:203.0.113.5'), '203.0.113.5')
    assert.equal(addressKey('2001:db8::1'), addressKey('2001:db8:0:0:ffff::2'))
    assert.notEqual(addressKey('2001:db8::1'), addressKey('2001:db8:0:1::1'))
  })
  it('blocks an address once it failed `limit` times, until its window ends', () => {
    const failures = new AuthFailures(2, 1000)
    assert.equal(failures.blockedMs('203.0.113.5', 0), 0)
    failures.record('203.0.113.5', 0)
    assert.equal(failures.blockedMs('203.0.113.5', 100), 0)
    failures.record('203.0.113.5', 100)
    assert.equal(failures.blockedMs('203.0.113.5', 400), 600)
    assert.equal(failures.blockedMs('203.0.113.6', 400), 0)
    assert.equal(failures.blockedMs('203.0.113.5', 1000), 0)
  })
  it('tracks a bounded number of addresses, forgetting the oldest', () => {
    const windows = new FixedWindows(1, 1000, 3)
    for (const key of ['a', 'b', 'c', 'd']) windows.take(key, 0)
    assert.equal(windows.size, 3)
    assert.equal(windows.spentMs('a', 1), 0, 'the oldest was forgotten')
    assert.equal(windows.spentMs('d', 1), 999)
  })
})

for (const database of TEST_DATABASES) {
  describe(`${database.name}: finding 3, failed authentications are limited per address`, () => {
    const LIMIT = 3
    let server: TestServer
    before(async () => {
      server = await startTestServer(database, {
        env: { RAPPORT_RATE_LIMIT: '1000', RAPPORT_AUTH_FAILURE_LIMIT: String(LIMIT), RAPPORT_TRUST_PROXY: 'true' },
      })
    })
    after(async () => server?.close())
    const from =
      (address: string, key: string | null) =>
      (path = '/v1/users') =>
        client(server, key).get(path, { headers: { 'x-forwarded-for': address } })

    it('answers 429 with Retry-After once an address has failed LIMIT times, whatever it sends then', async () => {
      const failures = [
        from('203.0.113.5', null),
        from('203.0.113.5', 'rpk_thisKeyDoesNotExistAnywhere000'),
        from('203.0.113.5', 'short'),
      ]
      for (const attempt of failures) assert.equal((await attempt()).status, 401)
      const refused = await from('203.0.113.5', 'rpk_thisKeyDoesNotExistAnywhere000')()
      assert.equal(refused.status, 429, refused.text)
      assert.equal(refused.body.code, 'rate_limited')
      const retryAfter = Number(refused.headers.get('retry-after'))
      assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`)
      // The address is refused before any key is looked up, so a good key waits too.
      assert.equal((await from('203.0.113.5', server.workspace.key)()).status, 429)
      assert.equal((await from('203.0.113.5', server.workspace.key)('/%761/users')).status, 429)
      // Other addresses are not affected.
      assert.equal((await from('203.0.113.6', server.workspace.key)()).status, 200)
      assert.equal((await from('203.0.113.6', 'rpk_thisKeyDoesNotExistAnywhere000')()).status, 401)
      // Public routes are not behind the limit.
      assert.equal((await from('203.0.113.5', null)('/healthz')).status, 200)
    })
    it('counts an IPv6 client by its /64', async () => {
      for (let i = 1; i <= LIMIT; i++) assert.equal((await from(`2001:db8::${i}`, null)()).status, 401)
      assert.equal((await from('2001:db8::ffff', server.workspace.key)()).status, 429)
      assert.equal((await from('2001:db8:0:1::1', server.workspace.key)()).status, 200)
    })
  })

  describe(`${database.name}: finding 3, the address is the socket's unless a proxy is trusted`, () => {
    let server: TestServer
    before(async () => {
      server = await startTestServer(database, { env: { RAPPORT_RATE_LIMIT: '1000', RAPPORT_AUTH_FAILURE_LIMIT: '2' } })
    })
    after(async () => server?.close())

    it('ignores X-Forwarded-For, so rotating it gains an attacker nothing', async () => {
      const attempt = (i: number) =>
        client(server, null).get('/v1/users', { headers: { 'x-forwarded-for': `198.51.100.${i}` } })
      assert.equal((await attempt(1)).status, 401)
      assert.equal((await attempt(2)).status, 401)
      assert.equal((await attempt(3)).status, 429)
    })
  })

  describe(`${database.name}: finding 3, no limit with rate limiting off`, () => {
    let server: TestServer
    before(async () => {
      server = await startTestServer(database, { env: { RAPPORT_RATE_LIMIT: '0', RAPPORT_AUTH_FAILURE_LIMIT: '2' } })
    })
    after(async () => server?.close())

    it('answers every failed attempt 401', async () => {
      for (let i = 0; i < 6; i++) assert.equal((await client(server, null).get('/v1/users')).status, 401)
      assert.equal((await client(server, server.workspace.key).get('/v1/users')).status, 200)
    })
  })
}

for (const database of TEST_DATABASES) {
  describe(`${database.name}: finding 4, limits hold after a PATCH, on chains and on lists`, () => {
    let server: TestServer
    before(async () => {
      server = await startTestServer(database)
    })
    after(async () => server?.close())
    const api = () => client(server, server.workspace.key)

    it('refuses a PATCH that would take a process past 100 statuses, and a list past 200 fields', async () => {
      const deals = await createList(api(), processBody({ name: 'Many statuses', identifier: 'MANY' }))
      const statuses = Array.from({ length: 100 }, (_, i) => ({ name: `Step ${i}`, type: 'active' }))
      const tooMany = await api().patch(`/v1/lists/${deals.id}`, { statuses })
      assert.equal(tooMany.status, 422, tooMany.text.slice(0, 200))
      assert.equal(tooMany.body.details[0].field, 'statuses')
      assert.equal((await api().patch(`/v1/lists/${deals.id}`, { statuses: statuses.slice(0, 96) })).status, 200)

      const fields = Array.from({ length: 200 }, (_, i) => ({ name: `Field ${i}`, data_type: 'text' }))
      const wide = await createList(api(), { name: 'Wide', process: false, entry_type: 'Contact', fields })
      const oneMore = await api().patch(`/v1/lists/${wide.id}`, { fields: [{ name: 'One more', data_type: 'text' }] })
      assert.equal(oneMore.status, 422, oneMore.text.slice(0, 200))
      assert.equal(oneMore.body.details[0].field, 'fields')
      // Renaming and removing stay possible at the limit.
      const swap = await api().patch(`/v1/lists/${wide.id}`, {
        fields: [
          { name: 'Field 0', remove: true },
          { name: 'Replacement', data_type: 'number' },
        ],
      })
      assert.equal(swap.status, 200, swap.text.slice(0, 200))
      assert.equal(swap.body.fields.length, 200)
    })

    it('refuses a connection that would make a chain of more than 10 rules, however it joins', async () => {
      const processes: Array<{ id: string }> = []
      for (let i = 0; i < 19; i++)
        processes.push(await createList(api(), processBody({ name: `Chain ${i}`, identifier: `CH${i}` })))
      const connect = (from: number, to: number) =>
        api().post(`/v1/lists/${processes[from]!.id}/connections`, {
          from_status: 'Started',
          to_list_id: processes[to]!.id,
          to_status: 'Started',
        })
      const refused = async (from: number, to: number) => {
        const res = await connect(from, to)
        assert.equal(res.status, 422, `${from}→${to}: ${res.text}`)
        assert.equal(res.body.details[0].code, 'too_long')
      }
      // 0→1→…→5 (5 rules) and 6→7→…→10 (4 rules); joined by 5→6 they make exactly 10.
      for (const i of [0, 1, 2, 3, 4, 6, 7, 8, 9]) assert.equal((await connect(i, i + 1)).status, 201)
      assert.equal((await connect(5, 6)).status, 201)
      await refused(10, 11) // an eleventh rule at the end
      await refused(11, 0) // or at the start
      // 12→…→18 (6 rules), closed into a cycle of 7 by 18→12: the cycle is counted once.
      for (let i = 12; i < 18; i++) assert.equal((await connect(i, i + 1)).status, 201)
      const cycle = await connect(18, 12)
      assert.equal(cycle.status, 201, cycle.text)
    })

    it('refuses a custom field past 200 of one model in one workspace', async () => {
      const other = await server.createWorkspace('Many fields')
      const actor = { workspaceId: other.id, apiKeyId: null, userId: null }
      for (let made = 0; made < 200; made += 50)
        await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            server.services.customFields.create(actor, { name: `F${made + i}`, model: 'contact' }),
          ),
        )
      const api = client(server, other.key)
      const refused = await api.post('/v1/custom_fields', { name: 'One too many', model: 'contact' })
      assert.equal(refused.status, 422, refused.text)
      assert.equal(refused.body.details[0].code, 'limit_reached')
      assert.equal((await api.post('/v1/custom_fields', { name: 'Elsewhere', model: 'organization' })).status, 201)
    })
    it('refuses a list past 1000 in one workspace', async () => {
      const other = await server.createWorkspace('Many lists')
      const actor = { workspaceId: other.id, apiKeyId: null, userId: null }
      for (let made = 0; made < 1000; made += 50)
        await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            server.services.lists.create(actor, { name: `L${made + i}`, process: false, entry_type: 'Contact' }),
          ),
        )
      const refused = await client(server, other.key).post('/v1/lists', {
        name: 'One too many',
        process: false,
        entry_type: 'Contact',
      })
      assert.equal(refused.status, 422, refused.text)
      assert.equal(refused.body.details[0].code, 'limit_reached')
      // Other workspaces are not affected.
      const mine = await api().post('/v1/lists', { name: 'Mine', process: false, entry_type: 'Contact' })
      assert.equal(mine.status, 201)
    })
  })
}

for (const database of TEST_DATABASES) {
  describe(`${database.name}: finding 5, time filters are bounded`, () => {
    let server: TestServer
    before(async () => {
      server = await startTestServer(database)
    })
    after(async () => server?.close())

    it('answers 422 to a time filter past the last instant a date can hold, and 200 at it', async () => {
      const api = client(server, server.workspace.key)
      const deals = await createList(api, processBody({ name: 'Filtered', identifier: 'FLT' }))
      const filters = [
        'created_after',
        'created_before',
        'updated_after',
        'updated_before',
        'closed_after',
        'closed_before',
      ]
      for (const filter of filters) {
        for (const value of ['1e23', '8640000000001', '1e308']) {
          const res = await api.get(`/v1/lists/${deals.id}/entries?${filter}=${value}`)
          assert.equal(res.status, 422, `${filter}=${value}: ${res.status} ${res.text.slice(0, 200)}`)
          assert.equal(res.body.details[0].field, filter)
        }
        const edge = await api.get(`/v1/lists/${deals.id}/entries?${filter}=8640000000000`)
        assert.equal(edge.status, 200, `${filter} at the bound: ${edge.text.slice(0, 200)}`)
      }
    })
  })
}

for (const database of TEST_DATABASES) {
  describe(`${database.name}: finding 6, request ids from clients`, () => {
    let server: TestServer
    before(async () => {
      server = await startTestServer(database)
    })
    after(async () => server?.close())

    it('uses a short plain X-Request-Id as given, and replaces any other with one of ours', async () => {
      const api = client(server, server.workspace.key)
      for (const given of ['trace-0af7651916cd43dd8448eb211c80319c', 'Root=1-67891233-abcdef012345678912345678']) {
        const res = await api.get('/v1/users', { headers: { 'x-request-id': given } })
        assert.equal(res.headers.get('x-request-id'), given)
        const refused = await api.get('/v1/users/NoSuchUser1', { headers: { 'x-request-id': given } })
        assert.equal(refused.body.request_id, given)
      }
      for (const given of [
        '"><script>alert(1)</script>',
        'a'.repeat(129),
        'a b',
        '-leading',
        'x'.repeat(20_000),
        'é',
      ]) {
        for (const res of [
          await api.get('/v1/users', { headers: { 'x-request-id': given } }),
          await client(server, null).get('/v1/users', { headers: { 'x-request-id': given } }),
        ]) {
          const id = res.headers.get('x-request-id') ?? ''
          assert.match(id, /^req-[A-Za-z0-9]{12}$/, `${given.slice(0, 40)} came back as ${id.slice(0, 40)}`)
          assert.ok(!res.text.includes(given), 'the client id is not in the body')
          if (res.status >= 400) assert.equal(res.body.request_id, id)
        }
      }
    })
  })
}

describe('finding 7: seeded keys', () => {
  it('refuses to seed a key shorter than 32 characters', () => {
    assert.throws(() => loadConfig({ RAPPORT_API_KEY: 'my-ci-key-0123456789' }), ConfigError)
    assert.equal(loadConfig({ RAPPORT_API_KEY: 'k'.repeat(32) }).RAPPORT_API_KEY, 'k'.repeat(32))
    assert.throws(() => loadConfig({ RAPPORT_KEY_PEPPER: 'too short' }), ConfigError)
  })
})

/** A key row as the code before finding 7 stored it: plain sha256, hint of the first 8 characters. */
async function storeOldStyleKey(db: Kysely<any>, workspaceId: string, id: string, key: string): Promise<void> {
  await db
    .insertInto('api_keys')
    .values({
      workspace_id: workspaceId,
      id,
      name: 'Old key',
      key_hash: createHash('sha256').update(key).digest('hex'),
      key_hint: `${key.slice(0, 8)}…`,
      user_id: null,
      created_at: 1,
      revoked_at: null,
    })
    .execute()
}

for (const database of TEST_DATABASES) {
  describe(`${database.name}: finding 7, key hints and hashes`, () => {
    let server: TestServer
    before(async () => {
      server = await startTestServer(database)
    })
    after(async () => server?.close())

    it('hints at a key with rpk_ and its last 4 characters only, and makes no key shorter than 32', async () => {
      const { key, record } = await server.services.workspaces.createKey(server.workspace.id)
      assert.equal(record.key_hint, `rpk_…${key.slice(-4)}`)
      const [listed] = (await server.services.workspaces.listKeys(server.workspace.id)).filter(
        (k) => k.id === record.id,
      )
      assert.equal(listed!.key_hint, record.key_hint)
      await assert.rejects(
        server.services.workspaces.createKey(server.workspace.id, { key: 'seeded-key-of-20-ch' }),
        /must be 32 to 256/,
      )
      const seeded = await server.services.workspaces.createKey(server.workspace.id, { key: `ci-${'s'.repeat(29)}` })
      assert.equal(seeded.record.key_hint, '…ssss')
    })
    it('keeps a key stored before (short, plain sha256) working, and rewrites its hint without the secret', async () => {
      const key = 'old-ci-key-01234567'
      const db = server.db.kysely as Kysely<any>
      await keyHashes.down(db)
      await storeOldStyleKey(db, server.workspace.id, 'OldKey1', key)
      await keyHashes.up(db)
      const row = await db.selectFrom('api_keys').selectAll().where('id', '=', 'OldKey1').executeTakeFirstOrThrow()
      assert.equal(row.key_hint, '…')
      assert.equal(row.key_hash_scheme, 'sha256')
      assert.equal((await client(server, key).get('/v1/users')).status, 200)
    })
  })

  describe(`${database.name}: finding 7, keys hashed under RAPPORT_KEY_PEPPER`, () => {
    const pepper = 'pepper-0123456789-0123456789-0123456789'
    let server: TestServer
    before(async () => {
      server = await startTestServer(database, { env: { RAPPORT_KEY_PEPPER: pepper } })
    })
    after(async () => server?.close())
    const stored = (id: string) =>
      server.db.kysely.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

    it('stores HMAC-SHA-256 of new keys under the pepper, and verifies them', async () => {
      const { key, record } = await server.services.workspaces.createKey(server.workspace.id)
      const row = await stored(record.id)
      assert.equal(row.key_hash, createHmac('sha256', pepper).update(key).digest('hex'))
      assert.notEqual(row.key_hash, createHash('sha256').update(key).digest('hex'))
      assert.equal(row.key_hash_scheme, 'hmac-sha256')
      assert.equal((await client(server, key).get('/v1/users')).status, 200)
      // The pepper is what verifies it: a server without it does not know the key.
      assert.equal(await new WorkspacesService(server.db).authenticate(key), undefined)
    })
    it('verifies a key stored without the pepper and re-stores it under the pepper on that first use', async () => {
      const key = 'key-stored-before-the-pepper-0123456789'
      await storeOldStyleKey(server.db.kysely as Kysely<any>, server.workspace.id, 'PlainKey1', key)
      assert.equal((await stored('PlainKey1')).key_hash_scheme, 'sha256')
      assert.equal((await client(server, key).get('/v1/users')).status, 200)
      const row = await stored('PlainKey1')
      assert.equal(row.key_hash_scheme, 'hmac-sha256')
      assert.equal(row.key_hash, createHmac('sha256', pepper).update(key).digest('hex'))
      assert.equal((await client(server, key).get('/v1/users')).status, 200)
      // Revoked keys stay revoked whichever way they are stored.
      await server.services.workspaces.revokeKey(server.workspace.id, 'PlainKey1')
      assert.equal((await client(server, key).get('/v1/users')).status, 401)
      // A seeded key that exists in either form is not seeded twice.
      const again = 'key-stored-before-the-pepper-abcdefghij'
      await storeOldStyleKey(server.db.kysely as Kysely<any>, server.workspace.id, 'PlainKey2', again)
      await assert.rejects(
        server.services.workspaces.createKey(server.workspace.id, { key: again }),
        /already been taken/,
      )
      assert.equal((await server.services.workspaces.bootstrap(again)).newKey, undefined)
    })
  })
}

for (const database of TEST_DATABASES) {
  describe(`${database.name}: finding 8, security headers and JSON charsets`, () => {
    let server: TestServer
    before(async () => {
      server = await startTestServer(database)
    })
    after(async () => server?.close())

    it('sends a page policy, nosniff, DENY and no-referrer with /docs and every HTML page', async () => {
      for (const path of ['/docs', '/docs/', '/docs/static/index.html']) {
        const res = await sendRaw(server.url, { method: 'GET', path, headers: {} })
        if (res.status >= 300 && res.status < 400) continue
        assert.equal(res.status, 200, `${path}: ${res.status}`)
        assert.match(String(res.headers['content-type']), /^text\/html/)
        const csp = String(res.headers['content-security-policy'])
        assert.match(csp, /default-src 'self'/)
        assert.match(csp, /script-src 'self'(;|$)/, 'no inline scripts')
        assert.match(csp, /frame-ancestors 'none'/)
        assert.equal(res.headers['x-content-type-options'], 'nosniff')
        assert.equal(res.headers['x-frame-options'], 'DENY')
        assert.equal(res.headers['referrer-policy'], 'no-referrer')
      }
    })
    it('sends a policy that allows nothing with JSON, errors included', async () => {
      for (const res of [
        await client(server, server.workspace.key).get('/v1/users'),
        await client(server, null).get('/v1/users'),
        await client(server, null).get('/openapi.json'),
        await client(server, null).get('/nothing-here'),
        await client(server, null).get('/v1/users/%zz'),
        await client(server, null).request('GET', '/v1/users', { headers: { 'x-big': 'x'.repeat(20_000) } }),
      ]) {
        assert.equal(res.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'")
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff')
        assert.equal(res.headers.get('x-frame-options'), 'DENY')
      }
    })
    it('answers 415 to JSON in a charset other than UTF-8, and reads UTF-8 however it is written', async () => {
      const api = client(server, server.workspace.key)
      const body = JSON.stringify({ name: 'Zoë', email: `zoe-${Date.now()}@example.com` })
      for (const type of [
        'application/json; charset=utf-16',
        'application/json; charset=latin1',
        'application/json; charset=ISO-8859-1',
        'application/json; charset="us-ascii"',
      ]) {
        const res = await api.request('POST', '/v1/users', { raw: body, headers: { 'content-type': type } })
        assert.equal(res.status, 415, `${type}: ${res.status} ${res.text}`)
        assert.equal(res.body.code, 'unsupported_media_type')
      }
      const before = await api.all('/v1/users')
      for (const [i, type] of [
        'application/json; charset=UTF-8',
        'application/json;charset="utf-8"',
        'application/json; charset=utf8',
      ].entries()) {
        const res = await api.request('POST', '/v1/users', {
          raw: JSON.stringify({ name: 'Zoë', email: `zoe-${i}-${Date.now()}@example.com` }),
          headers: { 'content-type': type },
        })
        assert.equal(res.status, 201, `${type}: ${res.text}`)
        assert.equal(res.body.name, 'Zoë')
      }
      assert.equal((await api.all('/v1/users')).length, before.length + 3)
    })
  })
}

for (const database of TEST_DATABASES) {
  describe(`${database.name}: finding 9, a failing shared batch fails only its culprit`, () => {
    let server: TestServer
    before(async () => {
      server = await startTestServer(database)
    })
    after(async () => server?.close())

    it("answers other workspaces' creates that shared a batch with a write failing the whole transaction", async () => {
      const a = client(server, server.workspace.key)
      const other = await server.createWorkspace('Bystander')
      const b = client(server, other.key)
      const listA = await createList(a, { name: 'A', process: false, entry_type: 'Organization' })
      const listB = await createList(b, { name: 'B', process: false, entry_type: 'Organization' })
      const poisoned = await createOrganization(a)
      // A fault of the batch, not of one item: the database refuses the statement (PostgreSQL then
      // refuses the rest of the transaction) or ends the transaction itself (SQLite's RAISE(ROLLBACK)).
      const faults = byDatabase(database, {
        sqlite: [
          sql`create trigger poison before insert on entries when new.entryable_id = ${sql.lit(poisoned.id)}
            begin select raise(rollback, 'poisoned'); end`,
        ],
        postgres: [
          sql`create function poison() returns trigger language plpgsql as $$
            begin raise exception 'poisoned'; end $$`,
          sql`create trigger poison before insert on entries for each row
            when (new.entryable_id = ${sql.lit(poisoned.id)}) execute function poison()`,
        ],
      })
      for (const statement of faults) await statement.execute(server.db.kysely)
      for (let round = 0; round < 3; round++) {
        const orgs = await Promise.all(Array.from({ length: 20 }, () => createOrganization(b)))
        const [culprit, ...bystanders] = await Promise.all([
          a.post(`/v1/lists/${listA.id}/entries`, { entryable_id: poisoned.id, entryable_type: 'Organization' }),
          ...orgs.map((org) =>
            b.post(`/v1/lists/${listB.id}/entries`, { entryable_id: org.id, entryable_type: 'Organization' }),
          ),
          // Other writes of the bystander workspace, which share SQLite's group commit.
          ...orgs.slice(0, 5).map((_, i) => b.post('/v1/users', { name: 'B', email: `b${round}-${i}@example.com` })),
        ])
        assert.equal(culprit!.status, 500, culprit!.text)
        for (const res of bystanders) assert.equal(res.status, 201, `round ${round}: ${res.status} ${res.text}`)
      }
      const stored = await b.all(`/v1/lists/${listB.id}/entries`)
      assert.equal(stored.length, 60)
    })
  })
}
