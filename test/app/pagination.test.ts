// Pagination math over a real list endpoint (members), shared by every resource.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { TEST_DATABASES } from '../support/databases.js'
import { client, type ApiClient } from '../support/client.js'
import { idRanks } from '../support/collation.js'
import { startTestServer, type TestServer } from '../support/server.js'

const COUNT = 130

for (const database of TEST_DATABASES) {
  describe(`${database.name}: pagination`, () => {
    let server: TestServer
    let api: ApiClient
    before(async () => {
      server = await startTestServer(database)
      api = client(server, server.workspace.key)
      for (let i = 0; i < COUNT; i++) {
        const res = await api.post('/v1/users', { name: `Member ${i}`, email: `m${i}@example.com` })
        assert.equal(res.status, 201)
      }
    })
    after(async () => server?.close())

    it('defaults to 25 from offset 0', async () => {
      const res = await api.get('/v1/users')
      assert.equal(res.body.data.length, 25)
      assert.deepEqual(res.body.pagination, { end_cursor: 25, has_next_page: true, total_count: COUNT })
    })
    it('takes first and after, and end_cursor = after + len(data)', async () => {
      const res = await api.get('/v1/users?first=30&after=20')
      assert.equal(res.body.data.length, 30)
      assert.deepEqual(res.body.pagination, { end_cursor: 50, has_next_page: true, total_count: COUNT })
    })
    it('serves first=1000 as 100', async () => {
      const res = await api.get('/v1/users?first=1000&after=0')
      assert.equal(res.body.data.length, 100)
      assert.deepEqual(res.body.pagination, { end_cursor: 100, has_next_page: true, total_count: COUNT })
    })
    it('has no next page on the last one', async () => {
      const res = await api.get('/v1/users?first=100&after=100')
      assert.equal(res.body.data.length, 30)
      assert.deepEqual(res.body.pagination, { end_cursor: 130, has_next_page: false, total_count: COUNT })
    })
    it('answers an empty page past the end, with pagination', async () => {
      const res = await api.get('/v1/users?first=10&after=500')
      assert.deepEqual(res.body, {
        data: [],
        pagination: { end_cursor: 500, has_next_page: false, total_count: COUNT },
      })
    })
    it('answers first=0 with no items and a true total', async () => {
      const res = await api.get('/v1/users?first=0')
      assert.deepEqual(res.body.pagination, { end_cursor: 0, has_next_page: true, total_count: COUNT })
    })
    it('pages through everything with no duplicate and no gap, newest first', async () => {
      const seen: Array<{ id: string; updated_at: string }> = []
      let after = 0
      for (;;) {
        const res = await api.get(`/v1/users?first=7&after=${after}`)
        seen.push(...res.body.data)
        if (!res.body.pagination.has_next_page) break
        after = res.body.pagination.end_cursor
      }
      assert.equal(seen.length, COUNT)
      assert.equal(new Set(seen.map((u) => u.id)).size, COUNT)
      // Ties on updated_at are broken by id in the database's own order (its collation), not JavaScript's.
      const rank = await idRanks(
        server.db,
        'users',
        seen.map((u) => u.id),
      )
      for (let i = 1; i < seen.length; i++) {
        const [a, b] = [seen[i - 1]!, seen[i]!]
        assert.ok(
          a.updated_at > b.updated_at || (a.updated_at === b.updated_at && rank.get(a.id)! > rank.get(b.id)!),
          `order is updated_at desc, id desc: ${a.id} then ${b.id}`,
        )
      }
    })
    it('filters by updated_after (Unix seconds)', async () => {
      const all = await api.all('/v1/users')
      const future = Math.ceil(Date.now() / 1000) + 60
      const res = await api.get(`/v1/users?updated_after=${future}`)
      assert.deepEqual(res.body.pagination, { end_cursor: 0, has_next_page: false, total_count: 0 })
      const oldest = Math.min(...all.map((u: { updated_at: string }) => Date.parse(u.updated_at)))
      const res2 = await api.get(`/v1/users?updated_after=${Math.floor(oldest / 1000) - 1}`)
      assert.equal(res2.body.pagination.total_count, COUNT)
    })
    it('answers 422 for bad values', async () => {
      // Huge values were 500s on PostgreSQL (found by the fuzzer): they must be refused before the database.
      const huge = [
        'after=1e308',
        'after=99999999999999999999',
        'updated_after=1e308',
        'updated_after=1e20',
        'updated_after=Infinity',
      ]
      for (const query of [
        'first=-1',
        'first=abc',
        'after=-5',
        'after=1.5',
        'first=2.5',
        'updated_after=yesterday',
        'updated_after=-1',
        ...huge,
      ]) {
        const res = await api.get(`/v1/users?${query}`)
        assert.equal(res.status, 422, query)
        assert.equal(res.body.code, 'validation_failed')
        assert.ok(res.body.details.length > 0, query)
      }
    })
  })
}
