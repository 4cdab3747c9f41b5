// Proof that each property of the fuzzer can fail: made-up routes, each broken in one way, mounted under
// /v1 behind the real plugins, must each make the fuzzer report that property. Runs on one database: the
// fuzz over the real routes is fuzz.test.ts.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { FastifyPluginAsync } from 'fastify'
import { actorOf } from '../../src/http/plugins/auth.js'
import { ValidationError } from '../../src/domain/errors.js'
import { newId } from '../../src/domain/ids.js'
import { TEST_DATABASES } from '../support/databases.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { Fuzzer } from './support/fuzzer.js'
import { closeRawClient } from './support/raw-client.js'
import { WALK_SERVER_ENV } from './support/records.js'

const error = { $ref: 'ErrorBody#' }
const object = { type: 'object', additionalProperties: true }
const label = {
  type: 'object',
  required: ['label'],
  properties: { label: { type: 'string', minLength: 1, maxLength: 20 } },
  examples: [{ label: 'abc' }],
}
const meta = { tags: ['Made up'], summary: 'made up' }

const brokenRoutes: FastifyPluginAsync = async (app) => {
  // Writes first, validates after: a 422 that leaves a member behind.
  app.post(
    '/writes-then-refuses',
    { schema: { ...meta, body: label, response: { 201: object, 422: error } } },
    async (request, reply) => {
      const text = (request.body as { label: string }).label
      await app.services.members.create(actorOf(request), { name: 'Left behind', email: `${newId()}@example.com` })
      if (/[^a-z]/.test(text))
        throw new ValidationError([{ field: 'label', code: 'invalid', message: 'must be lower-case letters' }])
      return reply.code(201).send({ label: text })
    },
  )
  // A valid parameter that crashes the handler.
  app.get(
    '/crashes',
    {
      schema: {
        ...meta,
        querystring: { type: 'object', properties: { n: { type: 'integer', minimum: 0, maximum: 1000 } } },
        response: { 200: object },
      },
    },
    async (request) => {
      if (((request.query as { n?: number }).n ?? 0) > 300) throw new Error('boom')
      return { ok: true }
    },
  )
  // An error sent by hand, not in the error shape.
  app.get(
    '/odd-errors/:id',
    {
      schema: {
        ...meta,
        params: { type: 'object', properties: { id: { type: 'string' } } },
        response: { 200: object, 404: object },
      },
    },
    async (_request, reply) => reply.code(404).send({ error: 'nope' }),
  )
  // Answers a create with what was sent, but stores something else.
  const stored = new Map<string, string>()
  app.post('/forgetful', { schema: { ...meta, body: label, response: { 201: object } } }, async (request, reply) => {
    const id = newId()
    const text = (request.body as { label: string }).label
    stored.set(id, text.toUpperCase())
    return reply.code(201).send({ id, label: text })
  })
  // Answers every request with a 422 far larger than the request.
  app.post('/amplifies', { schema: { ...meta, body: label, response: { 422: error } } }, async (request, reply) =>
    reply.code(422).send({ status: 422, code: 'loud', message: 'x'.repeat(20_000), request_id: String(request.id) }),
  )
  app.get(
    '/forgetful/:id',
    {
      schema: {
        ...meta,
        params: { type: 'object', properties: { id: { type: 'string' } } },
        response: { 200: object, 404: error },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string }
      return { id, label: stored.get(id) ?? '' }
    },
  )
}

/** A route with a /v1 path mounted outside the /v1 scope: read, and refused 422, without any key. */
const unguardedRoutes: FastifyPluginAsync = async (app) => {
  app.post(
    '/v1/unguarded',
    { schema: { ...meta, body: label, response: { 201: object, 422: error } } },
    async (request, reply) => reply.code(201).send({ label: (request.body as { label: string }).label }),
  )
}

after(() => closeRawClient())

const database = TEST_DATABASES[0]
if (database) {
  describe(`${database.name}: the fuzzer on broken made-up routes`, () => {
    let server: TestServer
    let fuzzer: Fuzzer
    before(async () => {
      server = await startTestServer(database, {
        env: WALK_SERVER_ENV,
        extraV1Routes: brokenRoutes,
        extraRoutes: unguardedRoutes,
      })
      fuzzer = await Fuzzer.prepare(server)
    })
    after(async () => server?.close())

    /** fast-check reports the broken property as the cause of its own error. */
    const failsWith = (run: Promise<void>, expected: RegExp) =>
      assert.rejects(run, (error: Error) => {
        assert.match(`${error.message}\n${String((error.cause as Error | undefined)?.message)}`, expected)
        return true
      })
    const fuzz = (method: string, path: string, only?: string[]) => {
      const op = fuzzer.ops.find((o) => o.method === method && o.path === path)
      assert.ok(op, `${method} ${path} is in the document`)
      return fuzzer.fuzzOperation(op, 300, undefined, only)
    }

    it('reports a rejected request that changed the database', async () => {
      await failsWith(
        fuzz('POST', '/v1/writes-then-refuses'),
        /a rejected 422 validation_failed changed the database: users \d+→\d+/,
      )
    })
    it('reports a 5xx', async () => {
      await failsWith(fuzz('GET', '/v1/crashes'), /answered 500/)
    })
    it('reports a 4xx not in the error shape', async () => {
      await failsWith(fuzz('GET', '/v1/odd-errors/{id}'), /body status undefined differs from HTTP 404/)
    })
    it('reports a write that does not read back as answered', async () => {
      await failsWith(fuzz('POST', '/v1/forgetful'), /GET \/v1\/forgetful\/\w+ returns .* but the POST answered/)
    })
    it('reports a 4xx much larger than its request', async () => {
      await failsWith(fuzz('POST', '/v1/amplifies'), /a 422 of \d+ bytes answered a request of \d+ bytes/)
    })
    it('reports a /v1 path that, spelled another way, is read without a key', async () => {
      await failsWith(
        fuzz('POST', '/v1/unguarded', ['path-spelling']),
        /answered (201|422) where only 401 or 404 will do/,
      )
    })
    it('reports a 5xx at a documented bound of a query number', async () => {
      await failsWith(fuzz('GET', '/v1/crashes', ['query-bounds']), /answered 500/)
    })
    it('passes a route that does none of these (the real members route)', async () => {
      await fuzz('POST', '/v1/users')
      await fuzz('GET', '/v1/users/{id}')
    })
  })
}
