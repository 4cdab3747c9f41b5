// @rapport/client's paged lists against a real server on each database: 250 entries walked by the async
// iterator, filtered (`{ status: 'Won' }`), at the default and a small page size, page by page, and cut
// short; each item seen once, and no more requests than pages.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createRapportClient, type Entry, type RapportClient } from '@rapport/client'
import { TEST_DATABASES } from '../support/databases.js'
import { startTestServer, type TestServer } from '../support/server.js'

const ENTRIES = 250
/** Every third entry is Won: 84 of them. */
const WON = Math.ceil(ENTRIES / 3)
/** Creates at a time while seeding. */
const SEED_CONCURRENCY = 5

for (const database of TEST_DATABASES) {
  describe(`${database.name}: @rapport/client paged lists`, () => {
    let server: TestServer
    let client: RapportClient
    let listId: string
    /** GET requests sent to the entries of the list, counted by a wrapping fetch. */
    let pageRequests = 0
    before(async () => {
      server = await startTestServer(database)
      client = createRapportClient({
        baseUrl: server.url,
        apiKey: server.workspace.key,
        fetch: (request) => {
          if (request.method === 'GET' && new URL(request.url).pathname === `/v1/lists/${listId}/entries`)
            pageRequests++
          return fetch(request)
        },
      })
      const org = await client.organizations.create({ name: 'Spacing Guild' })
      const list = await client.lists.create({
        name: 'Deals',
        process: true,
        entry_type: 'Organization',
        identifier: 'DEAL',
        duplicates_allowed: true,
        statuses: [
          { name: 'Open', type: 'active' },
          { name: 'Won', type: 'won' },
          { name: 'Lost', type: 'lost' },
        ],
      })
      listId = list.id
      const values = { one_time_value_cents: 0, recurring_value_cents: 0, recurring_value_period: 'annual' as const }
      for (let i = 0; i < ENTRIES; i += SEED_CONCURRENCY) {
        await Promise.all(
          Array.from({ length: Math.min(SEED_CONCURRENCY, ENTRIES - i) }, (_, j) =>
            client.entries.create(listId, {
              entryable_id: org.id,
              entryable_type: 'Organization',
              status: (i + j) % 3 === 0 ? 'Won' : 'Open',
              ...values,
            }),
          ),
        )
      }
    })
    after(async () => server?.close())

    /** Every item of `list`, with the number of page requests it took. */
    async function walk(list: AsyncIterable<Entry>): Promise<{ entries: Entry[]; requests: number }> {
      const before = pageRequests
      const entries: Entry[] = []
      for await (const entry of list) entries.push(entry)
      return { entries, requests: pageRequests - before }
    }

    it(`walks all ${ENTRIES} entries, each once, a page of 100 per request`, async () => {
      const { entries, requests } = await walk(client.entries.list(listId))
      assert.equal(entries.length, ENTRIES)
      assert.equal(new Set(entries.map((e) => e.id)).size, ENTRIES)
      assert.equal(new Set(entries.map((e) => e.key)).size, ENTRIES)
      assert.equal(requests, 3)
    })

    it('walks a filtered list: for await (const entry of client.entries.list(listId, { status: "Won" }))', async () => {
      const { entries } = await walk(client.entries.list(listId, { status: 'Won' }))
      assert.equal(entries.length, WON)
      assert.ok(entries.every((e) => e.status === 'Won'))
      assert.equal(new Set(entries.map((e) => e.id)).size, WON)
    })

    it('takes the page size from `first`, and a sort', async () => {
      const { entries, requests } = await walk(client.entries.list(listId, { first: 30, sort: 'key' }))
      assert.equal(entries.length, ENTRIES)
      assert.equal(requests, Math.ceil(ENTRIES / 30))
      const numbers = entries.map((e) => Number((e.key ?? '').split('-')[1]))
      assert.deepEqual(
        numbers,
        [...numbers].sort((a, b) => a - b),
      )
      assert.equal(new Set(numbers).size, ENTRIES)
    })

    it('gives pages with their totals, and one page on request', async () => {
      const totals: number[] = []
      const sizes: number[] = []
      for await (const page of client.entries.list(listId, { first: 100 }).pages()) {
        totals.push(page.pagination.total_count)
        sizes.push(page.data.length)
      }
      assert.deepEqual(totals, [ENTRIES, ENTRIES, ENTRIES])
      assert.deepEqual(sizes, [100, 100, 50])
      const third = await client.entries.list(listId, { first: 100 }).page(200)
      assert.equal(third.data.length, 50)
      assert.equal(third.pagination.has_next_page, false)
    })

    it('stops fetching when the loop stops', async () => {
      const before = pageRequests
      const firstFive = await client.entries.list(listId, { first: 10 }).toArray(5)
      assert.equal(firstFive.length, 5)
      assert.equal(pageRequests - before, 1)
    })
  })
}
