// Several server processes (`rapport serve`) on one PostgreSQL database, as a scaled-out deployment runs
// them: they start at once, then take creates, list-field writes and status moves of the same lists and
// entries in parallel. Keys stay unique and gap-free, no list-field write is lost, a connected-list rule
// fires exactly once, the kept counters stay true, and PostgreSQL never had to break a deadlock.
// PostgreSQL only: SQLite is one process's embedded file.
//
// MP_PROCESSES sets the number of server processes (default 3); MP_SCALE multiplies the work.
import assert from 'node:assert/strict'
import { after, before, describe, it, type TestContext } from 'node:test'
import { openDatabase } from '../../src/db/dialect.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { WorkspacesService } from '../../src/domain/workspaces/workspaces-service.js'
import { client } from '../support/client.js'
import { TEST_DATABASES } from '../support/databases.js'
import { createPostgresDatabase, createTestDatabase } from '../support/server.js'
import { Endpoint, send } from './support/endpoint.js'
import {
  CONNECTED_STATUS,
  FIRST_STATUS,
  VALUES,
  fieldsByName,
  keyNumber,
  makeEntryFixture,
  randomValues,
  type EntryFixture,
} from './support/entry-fixture.js'
import { verifyEntries } from './support/entry-verify.js'
import { differencesFromSent, modelOf, type ModelEntry, type SentCreate } from './support/entry-workload.js'
import { startServerProcess, TEST_API_KEY, type ServerProcess } from './support/server-process.js'
import { deadlocksOf } from './support/pg-stats.js'
import { checkStore } from './support/store-check.js'

const PROCESSES = Number(process.env.MP_PROCESSES ?? 3)
const SCALE = Number(process.env.MP_SCALE ?? 1)
/** Creates spread over the processes, all in flight together. */
const CREATES = 120 * SCALE
/** Entries whose list fields two processes write at once, and rounds of such pairs per entry. */
const FIELD_ENTRIES = 20 * SCALE
const FIELD_ROUNDS = 5
/** Entries moved into the connected status by every process at once. */
const RACED_ENTRIES = 30 * SCALE
/** Pairs of entries moved in opposite directions between two statuses at once. */
const CROSSING_PAIRS = 30 * SCALE
const TIMEOUT_MS = 120_000 * SCALE

const postgres = TEST_DATABASES.find((d) => d.name === 'postgres')

if (postgres) {
  describe('postgres: several server processes on one database', { timeout: TIMEOUT_MS }, () => {
    let fresh: Awaited<ReturnType<typeof createTestDatabase>>
    let servers: ServerProcess[] = []
    let endpoints: Endpoint[] = []
    before(async () => {
      fresh = await createTestDatabase(postgres)
    })
    after(async () => {
      for (const server of servers) await server.kill()
      await fresh?.drop()
    })

    /** The i-th request goes to the i-th process, round robin. */
    const via = (i: number) => endpoints[i % endpoints.length]!
    const create = async (fixture: EntryFixture, i: number) => {
      const ref = `mp-${i}-${Math.random().toString(36).slice(2, 8)}`
      const sent: SentCreate = {
        ref,
        entryableId: fixture.orgs[i % fixture.orgs.length]!,
        status: FIRST_STATUS,
        values: randomValues(),
        fields: { Ref: ref, Budget: i },
      }
      const outcome = await send(via(i), TEST_API_KEY, 'POST', `/v1/lists/${fixture.deals.id}/entries`, {
        entryable_type: 'Organization',
        entryable_id: sent.entryableId,
        status: sent.status,
        ...sent.values,
        list_fields: Object.entries(sent.fields).map(([name, value]) => ({ name, value })),
      })
      assert.ok(outcome.kind === 'answered' && outcome.status === 201, `create ${i}: ${JSON.stringify(outcome)}`)
      assert.deepEqual(differencesFromSent(outcome.body, sent), [], `create ${i} answered what was not sent`)
      return modelOf(sent, outcome.body, true)
    }
    const patch = async (fixture: EntryFixture, i: number, entry: ModelEntry, body: unknown) => {
      const outcome = await send(
        via(i),
        TEST_API_KEY,
        'PATCH',
        `/v1/lists/${fixture.deals.id}/entries/${entry.id}`,
        body,
      )
      assert.ok(
        outcome.kind === 'answered' && outcome.status === 200,
        `PATCH ${entry.key} ${JSON.stringify(body)} via process ${i % endpoints.length}: ${JSON.stringify(outcome)}`,
      )
      return outcome.body
    }
    const verify = async (t: TestContext, fixture: EntryFixture, model: ModelEntry[]) => {
      const { problems, figures } = await verifyEntries(client({ url: servers[0]!.url }, TEST_API_KEY), fixture, model)
      t.diagnostic(
        `${figures.deals} Deals entries, ${figures.accounts} Accounts entries, ${figures.historyRows} history rows, ${figures.keys} keys unique and gap-free`,
      )
      assert.deepEqual(problems, [], problems.slice(0, 30).join('\n'))
    }

    it(`${PROCESSES} processes started at once on an empty database: all serve, one workspace, the seeded key works on each`, async () => {
      const started = await Promise.allSettled(
        Array.from({ length: PROCESSES }, () => startServerProcess({ ...fresh.env, RAPPORT_DB_POOL_SIZE: '8' })),
      )
      servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
      endpoints = servers.map((s) => new Endpoint(s.url))
      const failed = started.flatMap((s) => (s.status === 'rejected' ? [String(s.reason).slice(0, 600)] : []))
      assert.deepEqual(failed, [], 'every process starts')
      for (const server of servers) assert.equal((await client(server, TEST_API_KEY).get('/v1/users')).status, 200)
      const db = await openDatabase({ databaseUrl: fresh.env.DATABASE_URL, dataDir: '.', poolSize: 1 })
      try {
        assert.equal((await db.kysely.selectFrom('workspaces').selectAll().execute()).length, 1, 'one workspace')
        assert.equal((await db.kysely.selectFrom('api_keys').selectAll().execute()).length, 1, 'one key')
      } finally {
        await db.close()
      }
    })

    it('bootstraps racing on one empty database (one connection each, as processes) make one workspace and seed the key once', async () => {
      const other = await createPostgresDatabase()
      const dbs = await Promise.all(
        Array.from({ length: 4 }, () => openDatabase({ databaseUrl: other.url, dataDir: '.', poolSize: 1 })),
      )
      try {
        await migrateToLatest(dbs[0]!)
        const seeded = await Promise.allSettled(dbs.map((db) => new WorkspacesService(db).bootstrap(TEST_API_KEY)))
        const refused = seeded
          .filter((r) => r.status === 'rejected')
          .map((r) => String((r as PromiseRejectedResult).reason))
        assert.deepEqual(refused, [], 'every start succeeds')
        const workspaces = new Set(
          seeded.map((r) => (r as PromiseFulfilledResult<{ workspace: { id: string } }>).value.workspace.id),
        )
        assert.equal(workspaces.size, 1, 'all starts agree on one workspace')
        assert.equal((await dbs[0]!.kysely.selectFrom('workspaces').selectAll().execute()).length, 1)
        assert.equal((await dbs[0]!.kysely.selectFrom('api_keys').selectAll().execute()).length, 1)
      } finally {
        for (const db of dbs) await db.close()
        await other.drop()
      }
    })

    it(`${CREATES} creates in one process, sent to all processes at once: keys unique and gap-free`, async (t) => {
      const fixture = await makeEntryFixture(client({ url: servers[0]!.url }, TEST_API_KEY))
      const model = await Promise.all(Array.from({ length: CREATES }, (_, i) => create(fixture, i)))
      await verify(t, fixture, model)
    })

    it(`${FIELD_ENTRIES} entries, ${FIELD_ROUNDS} rounds of two processes writing different list fields of one entry at once: no update lost`, async (t) => {
      const fixture = await makeEntryFixture(client({ url: servers[0]!.url }, TEST_API_KEY))
      const model = await Promise.all(Array.from({ length: FIELD_ENTRIES }, (_, i) => create(fixture, i)))
      await Promise.all(
        model.map(async (entry, i) => {
          for (let round = 1; round <= FIELD_ROUNDS; round++) {
            const budget = 1000 * round + i
            const note = `round ${round} of ${entry.ref}`
            await Promise.all([
              patch(fixture, i, entry, { list_fields: [{ name: 'Budget', value: budget }] }),
              patch(fixture, i + 1, entry, { list_fields: [{ name: 'Note', value: note }] }),
            ])
            entry.fields = { ...entry.fields, Budget: budget, Note: note }
          }
        }),
      )
      await verify(t, fixture, model)
    })

    it(`${RACED_ENTRIES} entries moved into the connected status by every process at once: the rule fires exactly once each`, async (t) => {
      const fixture = await makeEntryFixture(client({ url: servers[0]!.url }, TEST_API_KEY))
      const model = await Promise.all(Array.from({ length: RACED_ENTRIES }, (_, i) => create(fixture, i)))
      await Promise.all(
        model.flatMap((entry, i) =>
          endpoints.map(async (_, p) => {
            const answer = await patch(fixture, i + p, entry, { status: CONNECTED_STATUS })
            assert.equal(answer.status, CONNECTED_STATUS)
            assert.ok(answer.next_entry_id, `${entry.key}: next_entry_id in the answer`)
          }),
        ),
      )
      for (const entry of model) {
        entry.status = CONNECTED_STATUS
        entry.history.push(CONNECTED_STATUS)
        entry.carried = { Ref: entry.fields.Ref, Budget: entry.fields.Budget }
      }
      await verify(t, fixture, model)
    })

    it(`${CROSSING_PAIRS} pairs of entries moved in opposite directions between two statuses at once, from different processes`, async (t) => {
      const fixture = await makeEntryFixture(client({ url: servers[0]!.url }, TEST_API_KEY))
      const model = await Promise.all(Array.from({ length: 2 * CROSSING_PAIRS }, (_, i) => create(fixture, i)))
      // Half start in Contacted, so each pair crosses: one Lead -> Contacted while the other goes back.
      const back = model.filter((_, i) => i % 2 === 1)
      await Promise.all(back.map((entry, i) => patch(fixture, i, entry, { status: 'Contacted' })))
      for (const entry of back) {
        entry.status = 'Contacted'
        entry.history.push(entry.status)
      }
      for (let round = 0; round < 3; round++) {
        await Promise.all(
          model.map(async (entry, i) => {
            const to = entry.status === 'Lead' ? 'Contacted' : 'Lead'
            await patch(fixture, i, entry, { status: to })
            entry.status = to
            entry.history.push(to)
          }),
        )
      }
      await verify(t, fixture, model)
    })

    it('a list changed through one process is what the others use from the next request on', async () => {
      const fixture = await makeEntryFixture(client({ url: servers[0]!.url }, TEST_API_KEY))
      const entry = await create(fixture, 0)
      // Every process has read the list once, so each holds its definition in its cache.
      for (const server of servers)
        assert.equal(
          (await client(server, TEST_API_KEY).get(`/v1/lists/${fixture.deals.id}/entries/${entry.id}`)).status,
          200,
        )
      const changed = await client(servers[0]!, TEST_API_KEY).patch(`/v1/lists/${fixture.deals.id}`, {
        fields: [
          { name: 'Note', new_name: 'Memo' },
          { name: 'Extra', data_type: 'text' },
        ],
        statuses: [{ name: 'Paused', type: 'active' }],
      })
      assert.equal(changed.status, 200, changed.text)
      for (const [i, server] of servers.entries()) {
        const api = client(server, TEST_API_KEY)
        const made = await api.post(`/v1/lists/${fixture.deals.id}/entries`, {
          entryable_type: 'Organization',
          entryable_id: fixture.orgs[0],
          status: 'Paused',
          ...VALUES,
          list_fields: [
            { name: 'Memo', value: `memo ${i}` },
            { name: 'Extra', value: `extra ${i}` },
          ],
        })
        assert.equal(made.status, 201, `process ${i}: ${made.text}`)
        assert.deepEqual(
          Object.keys(fieldsByName(made.body)),
          ['Ref', 'Budget', 'Memo', 'Tags', 'Extra'],
          `process ${i}`,
        )
        const stale = await api.patch(`/v1/lists/${fixture.deals.id}/entries/${entry.id}`, {
          list_fields: [{ name: 'Note', value: 'old name' }],
        })
        assert.equal(stale.status, 422, `process ${i} still knows the old field name: ${stale.text}`)
        const found = await api.get(
          `/v1/lists/${fixture.deals.id}/entries?field[Memo]=${encodeURIComponent(`memo ${i}`)}`,
        )
        assert.deepEqual(
          found.body.data.map((e: { id: string }) => e.id),
          [made.body.id],
          `process ${i}`,
        )
      }
    })

    it('a create that only an outdated definition would accept is refused by a process that has not seen the change', async () => {
      const fixture = await makeEntryFixture(client({ url: servers[0]!.url }, TEST_API_KEY))
      const at = (i: number, body: Record<string, unknown>) =>
        client(servers[i]!, TEST_API_KEY).post(`/v1/lists/${fixture.deals.id}/entries`, {
          entryable_type: 'Organization',
          entryable_id: fixture.orgs[0],
          status: FIRST_STATUS,
          ...VALUES,
          ...body,
        })
      // Process 0 creates, so it holds the list's definition; process 1 then drops an option and adds a field.
      const first = await at(0, { list_fields: [{ name: 'Tags', value: ['violet'] }] })
      assert.equal(first.status, 201, first.text)
      const changed = await client(servers[1]!, TEST_API_KEY).patch(`/v1/lists/${fixture.deals.id}`, {
        fields: [
          {
            name: 'Tags',
            data_type: 'select',
            options: ['red', 'green', 'amber', 'violet'],
            accepts_multiple_values: true,
          },
          { name: 'Region', data_type: 'text' },
        ],
      })
      assert.equal(changed.status, 200, changed.text)
      // The option is gone: what process 0 last knew would take it, the list as stored does not (so the
      // 422 itself shows the create was checked against the list as stored).
      const refused = await at(0, { list_fields: [{ name: 'Tags', value: ['blue'] }] })
      assert.equal(refused.status, 422, refused.text)
      assert.deepEqual(refused.body.details, [
        { field: 'list_fields[0].value[0]', code: 'inclusion', message: "is not one of the field's options" },
      ])
      // Checked against the current list, a create that does not use the change still goes through.
      const plain = await at(0, { list_fields: [{ name: 'Ref', value: 'after the change' }] })
      assert.equal(plain.status, 201, plain.text)
      assert.ok('Region' in fieldsByName(plain.body), 'answered with the list as it is now')
      const again = await client(servers[1]!, TEST_API_KEY).patch(`/v1/lists/${fixture.deals.id}`, {
        fields: [{ name: 'Segment', data_type: 'text' }],
      })
      assert.equal(again.status, 200, again.text)
      const later = await at(0, {})
      assert.equal(later.status, 201, later.text)
      assert.ok('Segment' in fieldsByName(later.body), 'answered with the list as it is now')
      // The refused create took no key.
      assert.deepEqual(
        [first, plain, later].map((r) => keyNumber(r.body.key)),
        [1, 2, 3],
      )
    })

    it('every process stops cleanly, the stored rows agree, and PostgreSQL broke no deadlock in all of the above', async () => {
      assert.equal(servers.length, PROCESSES, 'all processes ran')
      for (const server of servers) assert.equal(await server.stop(), 0, server.output())
      const errors = servers.flatMap((s) => s.errors)
      assert.equal(
        errors.length,
        0,
        `errors logged by the processes:\n${errors
          .slice(0, 5)
          .map((e) => e.slice(0, 400))
          .join('\n')}`,
      )
      const deadlocks = await deadlocksOf(fresh.env.DATABASE_URL!)
      const store = await checkStore(fresh.env)
      assert.deepEqual(store.problems, [], store.problems.slice(0, 30).join('\n'))
      assert.equal(
        deadlocks,
        0,
        'deadlocks PostgreSQL detected (each stalls its transactions for deadlock_timeout and is retried)',
      )
    })
  })
}
