// Creates that arrive together are stored as one batch (one lock, multi-row INSERTs, one COMMIT). These
// call the service directly and all at once, which is what makes batches form in one process; the
// results are then read back over HTTP. The services run over the test server's database through a
// handle that only counts the transactions it is asked for (and passes each on unchanged), which is how
// the tests see that a batch formed: thirty-odd creates, a transaction or two.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Db } from '../../src/db/dialect.js'
import type { Actor } from '../../src/domain/actor.js'
import { createServices, type Services } from '../../src/domain/services.js'
import { TEST_DATABASES } from '../support/databases.js'
import { client, type ApiClient } from '../support/client.js'
import { VALUES, createList, createOrganization } from '../support/seed.js'
import { startTestServer, type TestServer } from '../support/server.js'

/**
 * Creates sent in one turn of the event loop reach the batcher within a turn or two (each reads its
 * references first): at most this many transactions, where one create each would take 20 or 32.
 */
const MOST_TRANSACTIONS = 3

for (const database of TEST_DATABASES) {
  describe(`${database.name}: batched creates`, () => {
    let server: TestServer
    let api: ApiClient
    let actor: Actor
    let services: Services
    /** Transactions the services began. */
    let transactions = 0
    before(async () => {
      server = await startTestServer(database)
      api = client(server, server.workspace.key)
      actor = { workspaceId: server.workspace.id, apiKeyId: null, userId: null }
      const counting: Db = {
        kysely: server.db.kysely,
        traits: server.db.traits,
        transaction: (work, deadline) => {
          transactions++
          return server.db.transaction(work, deadline)
        },
        ping: () => server.db.ping(),
        close: async () => {},
      }
      services = createServices(counting, {
        defaultCountryCode: server.config.RAPPORT_DEFAULT_COUNTRY_CODE,
        keyPepper: server.config.RAPPORT_KEY_PEPPER,
      })
    })
    after(async () => server?.close())

    const create = (listId: string, entryableId: string, extra: Record<string, unknown> = {}) =>
      services.entries.create(actor, listId, {
        entryable_id: entryableId,
        entryable_type: 'Organization',
        status: 'Started',
        ...VALUES,
        ...extra,
      })

    it('numbers a batch gap-free, lets the first of two entries of one record win, and fails only the bad ones', async () => {
      const p = await createList(api, {
        name: 'Once',
        process: true,
        entry_type: 'Organization',
        identifier: 'B',
        duplicates_allowed: false,
        fields: [{ name: 'N', data_type: 'number' }],
      })
      const orgs = await Promise.all(Array.from({ length: 30 }, () => createOrganization(api)))
      const doomed = await createOrganization(api)
      await api.delete(`/v1/organizations/${doomed.id}`)
      transactions = 0
      const results = await Promise.allSettled([
        ...orgs.map((org, i) => create(p.id, org.id, { list_fields: [{ name: 'N', value: i }] })),
        create(p.id, orgs[0]!.id), // the same record again
        create(p.id, doomed.id), // a record deleted before its create runs
      ])
      assert.ok(transactions >= 1 && transactions <= MOST_TRANSACTIONS, `32 creates took ${transactions} transactions`)
      const ok = results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<any>).value)
      const failed = results
        .filter((r) => r.status === 'rejected')
        .map((r) => String((r as PromiseRejectedResult).reason))
      assert.equal(ok.length, 30)
      assert.equal(failed.length, 2)
      assert.ok(
        failed.some((m) => m.includes('has already been taken')),
        failed.join('\n'),
      )
      assert.ok(
        failed.some((m) => m.includes('entryable_id')),
        failed.join('\n'),
      )
      assert.deepEqual(
        ok.map((e) => Number(e.key.split('-')[1])).sort((a, b) => a - b),
        Array.from({ length: 30 }, (_, i) => i + 1),
      )
      const listed = await api.all(`/v1/lists/${p.id}/entries`)
      assert.equal(listed.length, 30)
      assert.equal((await api.get(`/v1/lists/${p.id}/entries?first=0&created_after=0`)).body.pagination.total_count, 30)
      assert.equal((await api.get(`/v1/lists/${p.id}/entries?first=0&status=Started`)).body.pagination.total_count, 30)
      assert.equal((await api.get(`/v1/lists/${p.id}/entries?field[N]=7`)).body.data[0].entryable_id, orgs[7]!.id)
      for (const e of listed.slice(0, 3)) {
        const history = (await api.get(`/v1/lists/${p.id}/entries/${e.id}/status_changes`)).body.data
        assert.deepEqual(
          history.map((h: any) => [h.from_status, h.to_status]),
          [[null, 'Started']],
        )
      }
    })

    it('stores a batch that spans lists, each numbered on its own', async () => {
      const a = await createList(api, {
        name: 'A',
        process: true,
        entry_type: 'Organization',
        identifier: 'A',
        duplicates_allowed: true,
      })
      const b = await createList(api, {
        name: 'B',
        process: true,
        entry_type: 'Organization',
        identifier: 'BB',
        duplicates_allowed: true,
      })
      const org = await createOrganization(api)
      transactions = 0
      const made = await Promise.all(Array.from({ length: 20 }, (_, i) => create(i % 2 === 0 ? a.id : b.id, org.id)))
      assert.ok(transactions >= 1 && transactions <= MOST_TRANSACTIONS, `20 creates took ${transactions} transactions`)
      const keys = made.map((e: any) => e.key)
      assert.deepEqual(
        keys.filter((k: string) => k.startsWith('A-')).sort(),
        Array.from({ length: 10 }, (_, i) => `A-${i + 1}`).sort(),
      )
      assert.deepEqual(
        keys.filter((k: string) => k.startsWith('BB-')).sort(),
        Array.from({ length: 10 }, (_, i) => `BB-${i + 1}`).sort(),
      )
    })
  })
}
