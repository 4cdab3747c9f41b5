// The hostile-input fuzzer: for every operation in the running server's OpenAPI document, property-based
// requests (fast-check) with malformed JSON, wrong types, huge and deep bodies, odd Unicode, SQL and
// script fragments, bad path ids, bad query parameters, odd headers and bad keys. Properties:
//   1. no 5xx, ever;
//   2. every 4xx has the error shape {status, code, message, request_id} with status = the HTTP status;
//   3. a rejected (4xx) request changes nothing stored (fingerprint of every table before and after);
//   4. what a successful create or update answers is what reading the record back returns (text the
//      database would alter, such as unpaired surrogates, must not be acknowledged as stored).
// Valid requests may succeed; their writes are kept. FUZZ_RUNS (cases per database, default below) and
// FUZZ_SEED (replay a failure) tune it; see docs/reliability.md.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import { TEST_DATABASES } from '../support/databases.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { fingerprint, describeChange, type Fingerprint } from './support/fingerprint.js'
import { FuzzCase, fuzzCases, type Known } from './support/fuzz-cases.js'
import { fetchDocument, fillPath, operations, type Operation } from './support/openapi.js'
import { closeRawClient, sendRaw, type RawResponse } from './support/raw-client.js'
import { paramCollections, Records } from './support/records.js'

/** Cases per database in a normal run, spread over the operations. */
const DEFAULT_RUNS = 2000
/** No operation gets fewer, however many there are. */
const MIN_RUNS_PER_OPERATION = 40
const RUNS = Number(process.env.FUZZ_RUNS ?? DEFAULT_RUNS)
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED)
/** A path id that has the form of an id and names nothing, for operations whose records can't be made. */
const UNKNOWN_ID = 'NoSuchRecord1'

after(() => closeRawClient())

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

for (const database of TEST_DATABASES) {
  describe(`${database.name}: hostile-input fuzzer`, () => {
    let server: TestServer
    let ops: Operation[]
    let records: Records
    /** Real path values per operation; refreshed after a DELETE succeeds on them. */
    const realParams = new Map<Operation, Record<string, string>>()
    const stats = { cases: 0, byStatus: new Map<number, number>(), byKind: new Map<string, number>(), serverErrors: 0 }

    before(async () => {
      server = await startTestServer(database)
      ops = operations(await fetchDocument(server))
      records = new Records(server, server.workspace.key, ops)
      // Real records first: every collection that can be made, and the ids every path needs.
      for (const op of ops.filter((o) => o.method === 'POST' && o.path.startsWith('/v1'))) {
        await records.paramsFor(op.path).then((params) => records.shared(op.path, params)).catch(() => {})
      }
      for (const op of ops.filter((o) => o.pathParams.length > 0)) {
        const params = await records.paramsFor(op.path, { fresh: op.method === 'DELETE' }).catch(() => undefined)
        if (params) realParams.set(op, params)
      }
    })
    after(async () => server?.close())

    const known: Known = {
      idFor(field) {
        const thing = /^(.+)_id$/.exec(field)?.[1]
        if (thing === undefined) return undefined
        for (const [id, collection] of records.made) if (collection === `/v1/${thing}s`) return id
        return undefined
      },
    }

    /** Sends a case; returns the answer and the path values used. */
    async function send(c: FuzzCase): Promise<{ res: RawResponse; values: Record<string, string> }> {
      const real = realParams.get(c.op) ?? {}
      const values = Object.fromEntries(Object.entries(c.pathValues).map(([name, v]) => [name, 'real' in v ? (real[name] ?? UNKNOWN_ID) : v.raw]))
      const headers: Record<string, string> = { ...c.headers }
      if (c.auth === 'key') headers.authorization = `Bearer ${server.workspace.key}`
      else if (c.auth !== null) headers.authorization = c.auth
      if (c.body?.contentType) headers['content-type'] = c.body.contentType
      const path = fillPath(c.op.path, values) + (c.query === '' ? '' : `?${c.query}`)
      return { res: await sendRaw(server.url, { method: c.method, path, headers, body: c.body?.text }), values }
    }

    /** Property 4: a 200/201 from POST or PATCH is what GET of that record returns now. */
    async function readBackProblem(c: FuzzCase, res: RawResponse, values: Record<string, string>): Promise<string | undefined> {
      if ((res.status !== 200 && res.status !== 201) || (c.method !== 'POST' && c.method !== 'PATCH') || c.method !== c.op.method) return undefined
      const written = JSON.parse(res.text)
      if (typeof written?.id !== 'string') return undefined
      const item = c.method === 'PATCH' ? c.op.path : ops.find((o) => o.method === 'GET' && new RegExp(`^${escape(c.op.path)}/\\{[^}/]+\\}$`).test(o.path))?.path
      const itemGet = ops.find((o) => o.method === 'GET' && o.path === item)
      if (item === undefined || itemGet === undefined) return undefined
      const last = itemGet.pathParams.at(-1)!.name
      const path = fillPath(item, c.method === 'PATCH' ? values : { ...values, [last]: written.id })
      const read = await sendRaw(server.url, { method: 'GET', path, headers: { authorization: `Bearer ${server.workspace.key}` } })
      if (read.status !== 200) return `GET ${path} after a ${res.status} ${c.method} answered ${read.status}: ${read.text.slice(0, 200)}`
      if (!isDeepStrictEqual(JSON.parse(read.text), written)) return `GET ${path} returns ${read.text.slice(0, 300)} but the ${c.method} answered ${res.text.slice(0, 300)}`
      return undefined
    }

    /** Checks one answer against the three properties; returns a message for the first broken one. */
    function problem(c: FuzzCase, res: RawResponse, before: Fingerprint, after: Fingerprint | undefined): string | undefined {
      if (res.status >= 500) return `answered ${res.status}: ${res.text.slice(0, 300)}`
      if (res.status < 400) return undefined
      if (!String(res.headers['content-type'] ?? '').includes('application/json')) return `${res.status} is not JSON: ${res.text.slice(0, 200)}`
      let body: Record<string, unknown>
      try {
        body = JSON.parse(res.text)
      } catch {
        return `${res.status} body is not JSON: ${res.text.slice(0, 200)}`
      }
      if (body.status !== res.status) return `body status ${String(body.status)} differs from HTTP ${res.status}`
      if (typeof body.code !== 'string' || body.code === '') return `no code: ${res.text.slice(0, 200)}`
      if (typeof body.message !== 'string') return `no message: ${res.text.slice(0, 200)}`
      if (typeof body.request_id !== 'string' || body.request_id === '') return `no request_id: ${res.text.slice(0, 200)}`
      if (after !== undefined && after.hash !== before.hash) return `a rejected ${res.status} ${String(body.code)} changed the database: ${describeChange(before, after)}`
      return undefined
    }

    it('finds no 5xx, only well-formed 4xx, and no write from a rejected request, on every operation', async (t) => {
      assert.ok(ops.some((op) => op.path.startsWith('/v1')), 'the document lists /v1 operations')
      const perOperation = Math.max(MIN_RUNS_PER_OPERATION, Math.floor(RUNS / ops.length))
      let current = await fingerprint(server.db)
      for (const op of ops) {
        await t.test(`${op.method} ${op.path}`, async () => {
          const property = fc.asyncProperty(fuzzCases(op, known), async (c) => {
            let res: RawResponse
            let values: Record<string, string>
            try {
              ;({ res, values } = await send(c))
            } catch (error) {
              throw new Error(`the connection failed instead of an answer: ${String(error)}`)
            }
            stats.cases++
            stats.byStatus.set(res.status, (stats.byStatus.get(res.status) ?? 0) + 1)
            stats.byKind.set(c.kind, (stats.byKind.get(c.kind) ?? 0) + 1)
            if (res.status >= 500) stats.serverErrors++
            const rejected = res.status >= 400 && res.status < 500
            const after = rejected || c.method !== 'GET' ? await fingerprint(server.db) : undefined
            const found = problem(c, res, current, rejected ? after : undefined) ?? (await readBackProblem(c, res, values))
            if (after !== undefined) current = after
            if (res.status < 300 && c.method === 'DELETE' && Object.values(c.pathValues).some((v) => 'real' in v)) {
              // The record is gone: make another so later cases still reach a real one.
              const fresh = await records.paramsFor(op.path, { fresh: true }).catch(() => undefined)
              if (fresh) realParams.set(op, fresh)
              current = await fingerprint(server.db)
            }
            if (found !== undefined) throw new Error(found)
          })
          await fc.assert(property, { numRuns: perOperation, ...(SEED === undefined ? {} : { seed: SEED }) })
        })
      }
      const unresolved = ops.filter((op) => op.pathParams.length > 0 && !realParams.has(op)).map((op) => `${op.method} ${op.path}`)
      const summary = [
        `${database.name}: ${stats.cases} cases over ${ops.length} operations (${perOperation} each), ${stats.serverErrors} 5xx`,
        `statuses ${JSON.stringify(Object.fromEntries([...stats.byStatus].sort(([a], [b]) => a - b)))}`,
        `kinds ${JSON.stringify(Object.fromEntries(stats.byKind))}`,
        unresolved.length > 0 ? `no real ids for: ${unresolved.join(', ')} (${paramCollections(unresolved[0]!.split(' ')[1]!).map(([, c]) => c).join(', ')})` : 'real ids for every path',
      ]
      for (const line of summary) t.diagnostic(line)
      assert.equal(stats.serverErrors, 0)
    })
  })
}
