// The isolation walk, generated from the running server's OpenAPI document: two workspaces, A and B,
// each get records of every collection through the API, then A's key is pointed at B's ids everywhere.
// Each check throws an AssertionError naming the route at fault and returns how much it covered.
// Used by isolation.test.ts (the real routes) and isolation-self.test.ts (proof that it catches leaks).
import assert from 'node:assert/strict'
import type { TestServer, Workspace } from '../../support/server.js'
import { BODY_PROBES, type BodyProbe, makeReferenceWorld, uncoveredReferenceFields } from './body-references.js'
import { describeChange, fingerprint } from './fingerprint.js'
import { fetchDocument, fillPath, operations, type Operation } from './openapi.js'
import { sendRaw, type RawResponse } from './raw-client.js'
import { collectionForField, Records } from './records.js'

/** A list endpoint: its path ends in a collection, not in a parameter. */
export const isList = (op: Operation) => op.method === 'GET' && !op.path.endsWith('}')

export class IsolationWalk {
  /** Routes (`GET /v1/x/{id}`) for which no real id could be made, in either workspace. */
  readonly unreachable: string[] = []

  private constructor(
    readonly server: TestServer,
    readonly ops: Operation[],
    readonly b: Workspace,
    readonly a: Records,
    readonly bRecords: Records,
  ) {}

  /** Reads the document, makes workspace B, and gives both workspaces a record of every collection. */
  static async prepare(server: TestServer): Promise<IsolationWalk> {
    const ops = operations(await fetchDocument(server)).filter((op) => op.path.startsWith('/v1'))
    const b = await server.createWorkspace('Workspace B')
    const walk = new IsolationWalk(
      server,
      ops,
      b,
      new Records(server, server.workspace.key, ops),
      new Records(server, b.key, ops),
    )
    for (const records of [walk.a, walk.bRecords]) {
      for (const op of ops.filter((o) => o.method === 'POST')) {
        await records
          .paramsFor(op.path)
          .then((params) => records.shared(op.path, params))
          .catch(() => {})
      }
      for (const op of ops.filter((o) => o.pathParams.length > 0)) {
        await records.paramsFor(op.path).catch(() => walk.unreachable.push(`${op.method} ${op.path}`))
      }
    }
    return walk
  }

  /** Why records could not be made, for the failure message. */
  failures(): string {
    return [...this.a.failures, ...this.bRecords.failures]
      .map(([collection, why]) => `${collection}:\n  ${why}`)
      .join('\n')
  }

  #request(key: string, method: string, path: string, body?: unknown): Promise<RawResponse> {
    return sendRaw(this.server.url, {
      method,
      path,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  }

  /** The ids of B in `text`, except those the request itself named. */
  #leaked(text: string, named: string[]): string[] {
    return [this.b.id, ...this.bRecords.made.keys()].filter((id) => !named.includes(id) && text.includes(id))
  }

  /**
   * Every operation with path parameters, with all of B's ids and (nested paths) each of B's ids among
   * A's: 404 (403 where documented) in the error shape, no id of B in the answer, nothing stored changed.
   * Then B's own key on the same request must not be a 404, or the probe proved nothing.
   */
  async probePathIds(): Promise<{ operations: number; probes: number }> {
    // Deletes last: their control request (B's key) removes the record.
    const routes = this.ops
      .filter((op) => op.pathParams.length > 0)
      .sort((x, y) => Number(x.method === 'DELETE') - Number(y.method === 'DELETE'))
    let probes = 0
    for (const op of routes) {
      const valuesB = await this.bRecords.paramsFor(op.path, { fresh: true })
      const valuesA = await this.a.paramsFor(op.path)
      const variants = [valuesB]
      if (op.pathParams.length > 1)
        for (const p of op.pathParams) variants.push({ ...valuesA, [p.name]: valuesB[p.name]! })
      const allowed = op.statuses.includes('403') ? [404, 403] : [404]
      for (const values of variants) {
        const path = fillPath(op.path, values)
        const before = await fingerprint(this.server.db)
        const res = await this.#request(this.server.workspace.key, op.method, path, await this.a.bodyFor(op, values))
        probes++
        assert.ok(
          allowed.includes(res.status),
          `${op.method} ${path} with A's key answered ${res.status}, not ${allowed.join('/')}: ${res.text.slice(0, 300)}`,
        )
        assert.equal(JSON.parse(res.text).status, res.status, `${op.method} ${path}: not in the error shape`)
        assert.deepEqual(
          this.#leaked(res.text, Object.values(values)),
          [],
          `${op.method} ${path} leaked ids of B: ${res.text.slice(0, 300)}`,
        )
        const after = await fingerprint(this.server.db)
        assert.equal(
          after.hash,
          before.hash,
          `${op.method} ${path} with A's key changed the database: ${describeChange(before, after)}`,
        )
      }
      const control = await this.#request(
        this.b.key,
        op.method,
        fillPath(op.path, valuesB),
        await this.bRecords.bodyFor(op, valuesB),
      )
      assert.ok(
        control.status !== 404 && control.status < 500,
        `${op.method} ${op.path} with B's own key and ids answered ${control.status}: ${control.text.slice(0, 300)}; the probe proves nothing`,
      )
    }
    return { operations: routes.length, probes }
  }

  /** Every `*_id` query parameter of a GET, given an id of B: an empty list or a 404/422, never B's rows. */
  async probeFilters(): Promise<number> {
    let checked = 0
    for (const op of this.ops.filter((o) => o.method === 'GET')) {
      for (const param of op.queryParams.filter((p) => /(^|_)ids?$/.test(p.name))) {
        const collection = collectionForField(this.ops, param.name)
        // A field named after a collection gets B's record of it; any other (`entryable_id`) one id of each.
        const ids =
          collection !== undefined ? [await this.bRecords.shared(collection)] : this.#oneIdPerCollection(this.bRecords)
        const base = fillPath(op.path, await this.a.paramsFor(op.path))
        for (const id of ids) {
          const path = `${base}?${encodeURIComponent(param.name)}=${encodeURIComponent(id)}`
          const res = await this.#request(this.server.workspace.key, 'GET', path)
          checked++
          assert.ok(
            [200, 404, 422].includes(res.status),
            `GET ${path} answered ${res.status}: ${res.text.slice(0, 300)}`,
          )
          const data = res.status === 200 ? JSON.parse(res.text).data : undefined
          if (Array.isArray(data))
            assert.equal(data.length, 0, `GET ${path} returned rows for an id of B: ${res.text.slice(0, 300)}`)
          assert.deepEqual(this.#leaked(res.text, [id]), [], `GET ${path} leaked ids of B: ${res.text.slice(0, 300)}`)
        }
      }
    }
    return checked
  }

  /** Every GET with A's own ids: 200, no id of B; lists of collections A has records in are not empty. */
  async probeLists(): Promise<{ lists: number; reads: number }> {
    let lists = 0
    let reads = 0
    for (const op of this.ops.filter((o) => o.method === 'GET')) {
      const path = fillPath(op.path, await this.a.paramsFor(op.path))
      const res = await this.#request(this.server.workspace.key, 'GET', isList(op) ? `${path}?first=100` : path)
      assert.equal(
        res.status,
        200,
        `GET ${path} with A's key and ids answered ${res.status}: ${res.text.slice(0, 300)}`,
      )
      assert.deepEqual(this.#leaked(res.text, []), [], `GET ${path} shows ids of B: ${res.text.slice(0, 300)}`)
      if (!isList(op)) {
        reads++
        continue
      }
      lists++
      // A has records of this collection, so an empty list would make the check vacuous.
      if ([...this.a.made.values()].includes(op.path))
        assert.ok(JSON.parse(res.text).data.length > 0, `GET ${path} is empty though A has records there`)
    }
    return { lists, reads }
  }

  /**
   * Every body field that names a record (body-references.ts), given B's record (an id, a member's
   * email) with A's key and A's ids everywhere else: 422 in the error shape, no other id of B in the
   * answer, nothing stored changed; then the same request with A's own record must succeed, or the
   * probe proved nothing. Fails first when the document has such a field that no probe covers.
   */
  async probeBodyReferences(
    probes: readonly BodyProbe[] = BODY_PROBES,
  ): Promise<{ probes: number; operations: number }> {
    const uncovered = uncoveredReferenceFields(this.ops, probes)
    assert.deepEqual(uncovered, [], `body fields naming records with no probe; add one in support/body-references.ts`)
    let n = 0
    const tag = () => `r${Date.now().toString(36)}${(n++).toString(36)}`
    const a = await makeReferenceWorld(this.a.api, tag())
    const b = await makeReferenceWorld(this.bRecords.api, tag())
    const key = this.server.workspace.key
    for (const probe of probes) {
      const bad = probe.request(a, b, tag())
      const what = `${probe.operation} with ${probe.field} of workspace B`
      const before = await fingerprint(this.server.db)
      const res = await this.#request(key, bad.method, bad.path, bad.body)
      assert.equal(res.status, 422, `${what} answered ${res.status}, not 422: ${res.text.slice(0, 300)}`)
      assert.equal(JSON.parse(res.text).status, 422, `${what}: not in the error shape`)
      const sent = JSON.stringify(bad.body)
      const leaked = b.ids.filter((id) => !sent.includes(id) && res.text.includes(id))
      assert.deepEqual(leaked, [], `${what} leaked ids of B: ${res.text.slice(0, 300)}`)
      const after = await fingerprint(this.server.db)
      assert.equal(after.hash, before.hash, `${what} changed the database: ${describeChange(before, after)}`)
      const good = probe.request(a, a, tag())
      const control = await this.#request(key, good.method, good.path, good.body)
      assert.ok(
        control.status >= 200 && control.status < 300,
        `${probe.operation} with ${probe.field} of A's own answered ${control.status}: ${control.text.slice(0, 300)}; the probe proves nothing`,
      )
    }
    return { probes: probes.length, operations: new Set(probes.map((p) => p.operation)).size }
  }

  #oneIdPerCollection(records: Records): string[] {
    const first = new Map<string, string>()
    for (const [id, collection] of records.made) if (!first.has(collection)) first.set(collection, id)
    return [...first.values()]
  }
}
