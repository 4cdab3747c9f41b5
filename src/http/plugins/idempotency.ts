// Idempotency-Key on every POST and PATCH under `/v1`, with Stripe's semantics: the first request with a
// key runs and its answer is stored for IDEMPOTENCY_WINDOW_MS; a retry of the same request with the same
// key gets that answer again, marked `Idempotent-Replayed: true`, and changes nothing. The same key on a
// different request is a 422 `idempotency_key_reused`; a retry while the first still runs is a 409
// `idempotency_key_in_use`. Keys live in the database (db/idempotency-store.ts), so this holds across
// restarts and across processes sharing one PostgreSQL.
//
// "The same request": the same method, the same path and query string as sent, the same JSON body as a
// value (spacing and key order do not matter), and the same credential (API key or member). Answers a
// retry could change are not stored, and give the key back so a retry runs: 5xx (nothing was saved, see
// request-timeout.ts), 409 (a concurrent change; retry) and 429.
//
// Registered inside the `/v1` scope, after authentication: the claim runs in preValidation, so a request
// refused before it (401, 403, 429, unreadable body) neither uses nor stores the key.
import { createHash } from 'node:crypto'
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { IdempotencyStore, type StoredResponse } from '../../db/idempotency-store.js'
import { IdempotencyKeyInUseError, IdempotencyKeyReusedError, invalid } from '../../domain/errors.js'
import { actorOf } from './auth.js'

export const IDEMPOTENCY_HEADER = 'idempotency-key'
export const REPLAYED_HEADER = 'idempotent-replayed'
/** How long a key and its answer are kept: 24 hours, as Stripe does. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000
/** The longest key accepted, in characters. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255
/** Expired keys of the workspace deleted per claim at most: pruning costs each request a bounded amount. */
const PRUNE_BATCH = 100
/** Methods a key applies to; on others the header is ignored. */
const KEYED_METHODS = new Set(['POST', 'PATCH'])
/** Statuses that say "retry": their answers are not stored. */
const NOT_STORED = new Set([409, 429])
/** Headers of an answer stored with it and replayed. */
const STORED_HEADERS = ['content-type', 'location', 'etag']

export interface IdempotencyOptions {
  /**
   * How long a running request holds its key before another request may take it over (its process
   * died mid-request): longer than any request may run.
   */
  leaseMs: number
}

interface Claim {
  workspaceId: string
  key: string
  token: string
  /** Set once the answer is stored or the key released. */
  settled: boolean
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The Idempotency-Key this request holds while it runs; null without one. */
    idempotencyClaim: Claim | null
  }
}

/** The JSON value with object keys in sorted order, so key order does not make two bodies differ. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value === null || typeof value !== 'object') return value
  const sorted: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort()) sorted[key] = canonical((value as Record<string, unknown>)[key])
  return sorted
}

/** sha256 of what makes a request "the same" (see the header). */
function fingerprintOf(request: FastifyRequest): string {
  const actor = actorOf(request)
  const credential = actor.apiKeyId ?? actor.userId ?? ''
  const parts = [request.method, request.url, credential, canonical(request.body ?? null)]
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex')
}

/** The key sent, or undefined; a blank or too long key is a 422. */
function keyOf(request: FastifyRequest): string | undefined {
  const value = request.headers[IDEMPOTENCY_HEADER]
  if (value === undefined) return undefined
  const key = Array.isArray(value) ? value.join(', ') : value
  if (key.trim() === '') throw invalid('Idempotency-Key', 'blank', "can't be blank")
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH)
    throw invalid('Idempotency-Key', 'too_long', `is too long (maximum is ${MAX_IDEMPOTENCY_KEY_LENGTH} characters)`)
  return key
}

function storedHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const name of STORED_HEADERS) {
    const value = reply.getHeader(name)
    if (value !== undefined) headers[name] = String(value)
  }
  return headers
}

export default fp<IdempotencyOptions>(
  async (app, { leaseMs }) => {
    const store = new IdempotencyStore(app.db)
    app.decorateRequest('idempotencyClaim', null)

    async function release(request: FastifyRequest, claim: Claim): Promise<void> {
      claim.settled = true
      await store.release(claim.workspaceId, claim.key, claim.token).catch((error: unknown) => {
        request.log.warn({ err: error }, 'could not release an Idempotency-Key; it frees itself when its lease ends')
      })
    }

    app.addHook('preValidation', async (request, reply) => {
      if (!KEYED_METHODS.has(request.method)) return
      const key = keyOf(request)
      if (key === undefined) return
      const workspaceId = actorOf(request).workspaceId
      const now = Date.now()
      const outcome = await store.claim({
        workspaceId,
        key,
        fingerprint: fingerprintOf(request),
        now,
        windowMs: IDEMPOTENCY_WINDOW_MS,
        leaseMs,
      })
      switch (outcome.kind) {
        case 'claimed':
          request.idempotencyClaim = { workspaceId, key, token: outcome.token, settled: false }
          await store.prune(workspaceId, now, PRUNE_BATCH)
          return
        case 'mismatch':
          throw new IdempotencyKeyReusedError()
        case 'in_flight':
          throw new IdempotencyKeyInUseError()
        case 'replay':
          return replay(reply, outcome.response)
      }
    })

    // Before the answer leaves: a client that has it and retries must find it stored, not in flight.
    app.addHook('onSend', async (request, reply, payload) => {
      const claim = request.idempotencyClaim
      if (claim === null || claim.settled) return payload
      const status = reply.statusCode
      if (status >= 500 || NOT_STORED.has(status) || !(payload === null || typeof payload === 'string')) {
        await release(request, claim)
        return payload
      }
      claim.settled = true
      const response: StoredResponse = { status, headers: storedHeaders(reply), body: payload }
      await store.complete(claim.workspaceId, claim.key, claim.token, response).catch((error: unknown) => {
        // The write is done and its answer goes out; a retry within the lease gets a 409, after it runs again.
        request.log.error({ err: error }, 'could not store the answer of an Idempotency-Key request')
      })
      return payload
    })

    // A request that ended without an answer being sent (onSend failed, the socket closed) frees its key.
    app.addHook('onResponse', async (request) => {
      const claim = request.idempotencyClaim
      if (claim !== null && !claim.settled) await release(request, claim)
    })
  },
  { name: 'idempotency', dependencies: ['auth'] },
)

function replay(reply: FastifyReply, response: StoredResponse): FastifyReply {
  reply.code(response.status).headers(response.headers).header(REPLAYED_HEADER, 'true')
  return response.body === null ? reply.send() : reply.send(response.body)
}
