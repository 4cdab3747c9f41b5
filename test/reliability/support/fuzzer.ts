// The fuzzer's engine: seeds real records, then runs fast-check over the hostile requests of one
// operation (support/fuzz-cases.ts) and checks every answer against these properties:
//   1. no 5xx, ever;
//   2. every 4xx has the error shape {status, code, message, request_id} with status = the HTTP status;
//   3. a rejected (4xx) request changes nothing stored (fingerprint of every table before and after);
//   4. what a successful create or update answers is what reading the record back returns (text the
//      database would alter, such as unpaired surrogates, must not be acknowledged as stored);
//   5. no amplification: a 4xx is at most max(16 KB, 4 x the request's bytes);
//   6. a case that decides its answer gets it: a /v1 path spelled another way without a key is a 401 or
//      a 404 (never a 422, which would mean it was read unauthenticated), a number past its
//      documented bound is a 422.
// Used by fuzz.test.ts (the real routes) and fuzz-self.test.ts (proof that each property can fail).
import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import type { TestServer } from '../../support/server.js'
import { describeChange, fingerprint, type Fingerprint } from './fingerprint.js'
import { type FuzzCase, fuzzCases, type Known, spell } from './fuzz-cases.js'
import { fetchDocument, fillPath, operations, type Operation } from './openapi.js'
import { sendRaw, type RawResponse } from './raw-client.js'
import { collectionForField, Records } from './records.js'

/** A path id that has the form of an id and names nothing, for operations whose records can't be made. */
const UNKNOWN_ID = 'NoSuchRecord1'
/** Property 5: a 4xx may always be this large, and larger only up to AMPLIFICATION x the request. */
const SMALL_ANSWER_BYTES = 16 * 1024
const AMPLIFICATION = 4
/**
 * Keys a create answers once and a read never shows (a webhook's signing secret): property 4 compares
 * the rest.
 */
const ANSWERED_ONCE = ['secret']

export interface FuzzStats {
  cases: number
  serverErrors: number
  byStatus: Map<number, number>
  byKind: Map<string, number>
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export class Fuzzer {
  readonly stats: FuzzStats = { cases: 0, serverErrors: 0, byStatus: new Map(), byKind: new Map() }
  /** Real path values per operation; refreshed after a DELETE succeeds on them. */
  readonly realParams = new Map<Operation, Record<string, string>>()
  #current: Fingerprint | undefined

  private constructor(
    readonly server: TestServer,
    readonly ops: Operation[],
    readonly records: Records,
  ) {}

  /** Reads the document and makes real records: one of every collection, and the ids every path needs. */
  static async prepare(server: TestServer): Promise<Fuzzer> {
    const ops = operations(await fetchDocument(server))
    const fuzzer = new Fuzzer(server, ops, new Records(server, server.workspace.key, ops))
    const { records } = fuzzer
    for (const op of ops.filter((o) => o.method === 'POST' && o.path.startsWith('/v1'))) {
      await records
        .paramsFor(op.path)
        .then((params) => records.shared(op.path, params))
        .catch(() => {})
    }
    for (const op of ops.filter((o) => o.pathParams.length > 0)) {
      const params = await records.paramsFor(op.path, { fresh: op.method === 'DELETE' }).catch(() => undefined)
      if (params) fuzzer.realParams.set(op, params)
    }
    return fuzzer
  }

  /** Operations whose path ids could not be made real (they are fuzzed with bad ids only). */
  unresolved(): string[] {
    return this.ops
      .filter((op) => op.pathParams.length > 0 && !this.realParams.has(op))
      .map((op) => `${op.method} ${op.path}`)
  }

  readonly #queryNames = new Set<string>()
  readonly #known: Known = {
    idFor: (field) => {
      const wanted = collectionForField(this.ops, field)
      for (const [id, collection] of this.records.made) if (collection === wanted) return id
      return undefined
    },
    queryNames: () => {
      if (this.#queryNames.size === 0)
        for (const op of this.ops) for (const p of op.queryParams) this.#queryNames.add(p.name)
      return [...this.#queryNames]
    },
  }

  /**
   * Runs `numRuns` cases on `op` (of the kinds named in `only`, or all); rejects with fast-check's report
   * (seed, shrunk case, broken property).
   */
  async fuzzOperation(op: Operation, numRuns: number, seed?: number, only?: readonly string[]): Promise<void> {
    this.#current ??= await fingerprint(this.server.db)
    const cases = fuzzCases(op, this.#known)
    const chosen = only === undefined ? cases : cases.filter((c) => only.includes(c.kind))
    const property = fc.asyncProperty(chosen, (c) => this.#check(c))
    await fc.assert(property, { numRuns, ...(seed === undefined ? {} : { seed }) })
  }

  async #check(c: FuzzCase): Promise<void> {
    let sent: { res: RawResponse; values: Record<string, string>; requestBytes: number }
    try {
      sent = await this.#send(c)
    } catch (error) {
      throw new Error(`the connection failed instead of an answer: ${String(error)}`)
    }
    const { res, values, requestBytes } = sent
    this.#count(c, res)
    const rejected = res.status >= 400 && res.status < 500
    const after = rejected || c.method !== 'GET' ? await fingerprint(this.server.db) : undefined
    const found =
      this.#problem(res, this.#current!, rejected ? after : undefined) ??
      this.#answerProblem(c, res, requestBytes) ??
      (await this.#readBackProblem(c, res, values))
    if (after !== undefined) this.#current = after
    if (res.status < 300 && c.method === 'DELETE' && Object.values(c.pathValues).some((v) => 'real' in v)) {
      // The record is gone: make another so later cases still reach a real one.
      const fresh = await this.records.paramsFor(c.op.path, { fresh: true }).catch(() => undefined)
      if (fresh) this.realParams.set(c.op, fresh)
      this.#current = await fingerprint(this.server.db)
    }
    if (found !== undefined) throw new Error(found)
  }

  #count(c: FuzzCase, res: RawResponse): void {
    const { stats } = this
    stats.cases++
    stats.byStatus.set(res.status, (stats.byStatus.get(res.status) ?? 0) + 1)
    stats.byKind.set(c.kind, (stats.byKind.get(c.kind) ?? 0) + 1)
    if (res.status >= 500) stats.serverErrors++
  }

  /** Sends a case; returns the answer, the path values used and the bytes of the request. */
  async #send(c: FuzzCase): Promise<{ res: RawResponse; values: Record<string, string>; requestBytes: number }> {
    const real = this.realParams.get(c.op) ?? {}
    const values = Object.fromEntries(
      Object.entries(c.pathValues).map(([name, v]) => [name, 'real' in v ? (real[name] ?? UNKNOWN_ID) : v.raw]),
    )
    const headers: Record<string, string> = { ...c.headers }
    if (c.auth === 'key') headers.authorization = `Bearer ${this.server.workspace.key}`
    else if (c.auth !== null) headers.authorization = c.auth
    if (c.body?.contentType) headers['content-type'] = c.body.contentType
    const filled = fillPath(c.op.path, values)
    const spelled = c.spelling === undefined ? filled : spell(filled, c.spelling, new URL(this.server.url).host)
    const path = spelled + (c.query === '' ? '' : `?${c.query}`)
    const body = c.body?.text
    const requestBytes =
      `${c.method} ${path} HTTP/1.1\r\n`.length +
      Object.entries(headers).reduce((n, [k, v]) => n + Buffer.byteLength(`${k}: ${v}\r\n`), 0) +
      (body === undefined ? 0 : Buffer.byteLength(body))
    return { res: await sendRaw(this.server.url, { method: c.method, path, headers, body }), values, requestBytes }
  }

  /** Properties 5 and 6 for one answer. */
  #answerProblem(c: FuzzCase, res: RawResponse, requestBytes: number): string | undefined {
    const bytes = Buffer.byteLength(res.text)
    if (res.status >= 400 && res.status < 500 && bytes > Math.max(SMALL_ANSWER_BYTES, AMPLIFICATION * requestBytes))
      return `a ${res.status} of ${bytes} bytes answered a request of ${requestBytes} bytes: ${res.text.slice(0, 200)}`
    if (c.expect !== undefined && !c.expect.includes(res.status))
      return `answered ${res.status} where only ${c.expect.join(' or ')} will do: ${res.text.slice(0, 200)}`
    return undefined
  }

  /** Properties 1 to 3 for one answer; a message for the first broken one. */
  #problem(res: RawResponse, before: Fingerprint, after: Fingerprint | undefined): string | undefined {
    if (res.status >= 500) return `answered ${res.status}: ${res.text.slice(0, 300)}`
    if (res.status < 400) return undefined
    if (!String(res.headers['content-type'] ?? '').includes('application/json'))
      return `${res.status} is not JSON: ${res.text.slice(0, 200)}`
    let body: Record<string, unknown>
    try {
      body = JSON.parse(res.text)
    } catch {
      return `${res.status} body is not JSON: ${res.text.slice(0, 200)}`
    }
    if (body.status !== res.status)
      return `body status ${String(body.status)} differs from HTTP ${res.status}: ${res.text.slice(0, 200)}`
    if (typeof body.code !== 'string' || body.code === '') return `no code: ${res.text.slice(0, 200)}`
    if (typeof body.message !== 'string') return `no message: ${res.text.slice(0, 200)}`
    if (typeof body.request_id !== 'string' || body.request_id === '') return `no request_id: ${res.text.slice(0, 200)}`
    if (after !== undefined && after.hash !== before.hash)
      return `a rejected ${res.status} ${String(body.code)} changed the database: ${describeChange(before, after)}`
    return undefined
  }

  /** Property 4: a 200/201 from POST or PATCH is what GET of that record returns now. */
  async #readBackProblem(c: FuzzCase, res: RawResponse, values: Record<string, string>): Promise<string | undefined> {
    if (
      (res.status !== 200 && res.status !== 201) ||
      (c.method !== 'POST' && c.method !== 'PATCH') ||
      c.method !== c.op.method
    )
      return undefined
    const written = JSON.parse(res.text)
    if (typeof written?.id !== 'string') return undefined
    for (const key of ANSWERED_ONCE) delete written[key]
    const itemPath = new RegExp(`^${escapeRegExp(c.op.path)}/\\{[^}/]+\\}$`)
    const item =
      c.method === 'PATCH' ? c.op.path : this.ops.find((o) => o.method === 'GET' && itemPath.test(o.path))?.path
    const itemGet = this.ops.find((o) => o.method === 'GET' && o.path === item)
    if (item === undefined || itemGet === undefined) return undefined
    const last = itemGet.pathParams.at(-1)!.name
    const path = fillPath(item, c.method === 'PATCH' ? values : { ...values, [last]: written.id })
    const read = await sendRaw(this.server.url, {
      method: 'GET',
      path,
      headers: { authorization: `Bearer ${this.server.workspace.key}` },
    })
    if (read.status !== 200)
      return `GET ${path} after a ${res.status} ${c.method} answered ${read.status}: ${read.text.slice(0, 200)}`
    if (!isDeepStrictEqual(JSON.parse(read.text), written))
      return `GET ${path} returns ${read.text.slice(0, 300)} but the ${c.method} answered ${res.text.slice(0, 300)}`
    return undefined
  }
}
