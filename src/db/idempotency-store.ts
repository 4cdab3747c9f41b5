// Where Idempotency-Keys live: one row per (workspace, key), first as the claim of the request running
// under the key, then as its stored answer. The row is the claim: it is inserted under the table's
// primary key, so of two requests with one key, on one process or on several sharing a PostgreSQL, one
// inserts it and the other finds it. Every later change is guarded by the claim's random token, so a
// request whose claim was taken over (it outlived its lease) can neither store nor release the new one.
//
// Each statement stands alone (no transaction): the claim must be visible to other processes at once,
// and must outlive the write it guards if that write fails.
import { randomUUID } from 'node:crypto'
import type { Db } from './dialect.js'
import type { IdempotencyKeyRow } from './schema.js'

/** An answer as stored and replayed. */
export interface StoredResponse {
  status: number
  headers: Record<string, string>
  body: string | null
}

export type ClaimOutcome =
  /** The request runs; it holds the claim under `token` until it completes or releases it. */
  | { kind: 'claimed'; token: string }
  /** The key's first request finished: answer with what it answered. */
  | { kind: 'replay'; response: StoredResponse }
  /** The key was used for a different request. */
  | { kind: 'mismatch' }
  /** The key's first request is still running (its lease has not run out). */
  | { kind: 'in_flight' }

export interface ClaimRequest {
  workspaceId: string
  key: string
  fingerprint: string
  now: number
  /** How long the key and its answer are kept. */
  windowMs: number
  /** How long the claim holds while the request runs, before another request may take it over. */
  leaseMs: number
}

/** Rounds of insert-or-inspect before a claim gives up (each lost round means a concurrent change). */
const CLAIM_ROUNDS = 3

export class IdempotencyStore {
  constructor(private readonly db: Db) {}

  /**
   * Claims the key for a request, or says why not. An expired key, and a claim whose lease ran out (its
   * request's process died), are taken over as if absent.
   *
   * ```sql
   * insert into idempotency_keys (...) values (...) on conflict (workspace_id, key) do nothing
   * ```
   */
  async claim(request: ClaimRequest): Promise<ClaimOutcome> {
    const { workspaceId, key, fingerprint, now } = request
    const kysely = this.db.kysely
    for (let round = 0; round < CLAIM_ROUNDS; round++) {
      const token = randomUUID()
      const fresh = {
        fingerprint,
        claim_token: token,
        lease_expires_at: now + request.leaseMs,
        status: null,
        response_headers: null,
        response_body: null,
        created_at: now,
        expires_at: now + request.windowMs,
      }
      const inserted = await kysely
        .insertInto('idempotency_keys')
        .values({ workspace_id: workspaceId, key, ...fresh })
        .onConflict((oc) => oc.columns(['workspace_id', 'key']).doNothing())
        .executeTakeFirst()
      if ((inserted.numInsertedOrUpdatedRows ?? 0n) > 0n) return { kind: 'claimed', token }
      const row = await this.#find(workspaceId, key)
      if (row === undefined) continue // released or pruned meanwhile: insert again
      const stale = row.expires_at <= now || (row.status === null && (row.lease_expires_at ?? 0) <= now)
      if (!stale) return outcomeOf(row, fingerprint)
      const taken = await kysely
        .updateTable('idempotency_keys')
        .set(fresh)
        .where('workspace_id', '=', workspaceId)
        .where('key', '=', key)
        .where('claim_token', '=', row.claim_token)
        .executeTakeFirst()
      if (taken.numUpdatedRows > 0n) return { kind: 'claimed', token }
    }
    // Three rounds each lost to another request with this key: it is in use right now.
    return { kind: 'in_flight' }
  }

  /** Stores the answer of the request holding `token`; false when its claim was taken over meanwhile. */
  async complete(workspaceId: string, key: string, token: string, response: StoredResponse): Promise<boolean> {
    const result = await this.db.kysely
      .updateTable('idempotency_keys')
      .set({
        status: response.status,
        response_headers: JSON.stringify(response.headers),
        response_body: response.body,
        lease_expires_at: null,
      })
      .where('workspace_id', '=', workspaceId)
      .where('key', '=', key)
      .where('claim_token', '=', token)
      .where('status', 'is', null)
      .executeTakeFirst()
    return result.numUpdatedRows > 0n
  }

  /** Gives the key up (the request failed in a way a retry may fix), if `token` still holds it. */
  async release(workspaceId: string, key: string, token: string): Promise<void> {
    await this.db.kysely
      .deleteFrom('idempotency_keys')
      .where('workspace_id', '=', workspaceId)
      .where('key', '=', key)
      .where('claim_token', '=', token)
      .where('status', 'is', null)
      .execute()
  }

  /**
   * Deletes at most `limit` of the workspace's expired keys, so each call costs a bounded amount.
   *
   * ```sql
   * delete from idempotency_keys where workspace_id = $1 and key in
   *   (select key from idempotency_keys where workspace_id = $1 and expires_at <= $2 limit $3)
   * ```
   */
  async prune(workspaceId: string, now: number, limit: number): Promise<number> {
    const kysely = this.db.kysely
    const result = await kysely
      .deleteFrom('idempotency_keys')
      .where('workspace_id', '=', workspaceId)
      .where(
        'key',
        'in',
        kysely
          .selectFrom('idempotency_keys')
          .select('key')
          .where('workspace_id', '=', workspaceId)
          .where('expires_at', '<=', now)
          .limit(limit),
      )
      .executeTakeFirst()
    return Number(result.numDeletedRows)
  }

  async #find(workspaceId: string, key: string): Promise<IdempotencyKeyRow | undefined> {
    return this.db.kysely
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('key', '=', key)
      .executeTakeFirst()
  }
}

/** What a live row says to a request with the same key. */
function outcomeOf(row: IdempotencyKeyRow, fingerprint: string): ClaimOutcome {
  if (row.fingerprint !== fingerprint) return { kind: 'mismatch' }
  if (row.status === null) return { kind: 'in_flight' }
  return {
    kind: 'replay',
    response: {
      status: row.status,
      headers: JSON.parse(row.response_headers ?? '{}') as Record<string, string>,
      body: row.response_body,
    },
  }
}
