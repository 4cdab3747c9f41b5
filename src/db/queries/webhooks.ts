// SQL for webhooks: subscriptions, the outbox (events and per-record sequence numbers), and the delivery
// queue. Every query a request makes is scoped by workspace; the dispatcher's claim and the pruning serve
// all workspaces (see migration 0009).
import { sql } from 'kysely'
import type { DialectTraits, Executor } from '../dialect.js'
import type {
  WebhookDeliveriesTable,
  WebhookDeliveryRow,
  WebhookEventRow,
  WebhookSubscriptionRow,
  WebhookSubscriptionsTable,
} from '../schema.js'
import type { PageRequest } from '../../domain/pagination.js'
import { newestFirst, selectPage } from './page.js'
import type { Updateable } from 'kysely'

/** `state = 'pending'` written as a literal, so both databases use the partial indexes of migration 0009. */
const PENDING = sql.lit('pending')

// Subscriptions

export async function insertSubscription(db: Executor, row: WebhookSubscriptionRow): Promise<void> {
  await db.insertInto('webhook_subscriptions').values(row).execute()
}

export async function findSubscription(
  db: Executor,
  workspaceId: string,
  id: string,
  lock?: 'update',
): Promise<WebhookSubscriptionRow | undefined> {
  let query = db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
  if (lock === 'update') query = query.forUpdate()
  return query.executeTakeFirst()
}

export async function listSubscriptions(
  db: Executor,
  workspaceId: string,
  filter: { updatedAfterMs?: number | undefined },
  page: PageRequest,
) {
  let query = db.selectFrom('webhook_subscriptions').selectAll().where('workspace_id', '=', workspaceId)
  if (filter.updatedAfterMs !== undefined) query = query.where('updated_at', '>', filter.updatedAfterMs)
  return selectPage(query, page, newestFirst('webhook_subscriptions'))
}

export async function countSubscriptions(db: Executor, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('webhook_subscriptions')
    .select(sql<number>`count(*)`.as('count'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst()
  return Number(row?.count ?? 0)
}

export async function updateSubscription(
  db: Executor,
  workspaceId: string,
  id: string,
  changes: Updateable<WebhookSubscriptionsTable>,
): Promise<void> {
  await db
    .updateTable('webhook_subscriptions')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}

/** Deletes a subscription; its deliveries go with it (foreign key cascade). */
export async function deleteSubscription(db: Executor, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('webhook_subscriptions').where('workspace_id', '=', workspaceId).where('id', '=', id).execute()
}

/** The active subscriptions of a workspace, with what they listen for: read by every write that records an event. */
export async function activeSubscriptions(db: Executor, workspaceId: string) {
  return db
    .selectFrom('webhook_subscriptions')
    .select(['id', 'events', 'list_id'])
    .where('workspace_id', '=', workspaceId)
    .where('active', '=', 1)
    .execute()
}

// The outbox

/**
 * The next sequence number of a record's events: 1 for its first. The counter row stays locked (on
 * PostgreSQL) until the transaction ends, so two transactions writing events of one record number them
 * in the order they commit.
 *
 * ```sql
 * insert into webhook_record_sequences (...) values (:ws, :type, :id, 1)
 * on conflict (workspace_id, record_type, record_id) do update set last_sequence = last_sequence + 1
 * returning last_sequence
 * ```
 */
export async function nextSequence(
  db: Executor,
  workspaceId: string,
  recordType: string,
  recordId: string,
): Promise<number> {
  const row = await db
    .insertInto('webhook_record_sequences')
    .values({ workspace_id: workspaceId, record_type: recordType, record_id: recordId, last_sequence: 1 })
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'record_type', 'record_id'])
        .doUpdateSet({ last_sequence: sql<number>`webhook_record_sequences.last_sequence + 1` }),
    )
    .returning('last_sequence')
    .executeTakeFirstOrThrow()
  return Number(row.last_sequence)
}

export async function insertEvent(db: Executor, row: WebhookEventRow): Promise<void> {
  await db.insertInto('webhook_events').values(row).execute()
}

export async function findEvent(db: Executor, workspaceId: string, id: string): Promise<WebhookEventRow | undefined> {
  return db
    .selectFrom('webhook_events')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function insertDeliveries(db: Executor, rows: WebhookDeliveryRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('webhook_deliveries').values(rows).execute()
}

// The delivery log

export interface DeliveryFilter {
  updatedAfterMs?: number | undefined
  state?: string | undefined
}

export async function listDeliveries(
  db: Executor,
  workspaceId: string,
  subscriptionId: string,
  filter: DeliveryFilter,
  page: PageRequest,
) {
  let query = db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('subscription_id', '=', subscriptionId)
  if (filter.updatedAfterMs !== undefined) query = query.where('updated_at', '>', filter.updatedAfterMs)
  if (filter.state !== undefined) query = query.where('state', '=', filter.state)
  return selectPage(query, page, newestFirst('webhook_deliveries'))
}

export async function findDelivery(
  db: Executor,
  workspaceId: string,
  subscriptionId: string,
  id: string,
): Promise<WebhookDeliveryRow | undefined> {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('subscription_id', '=', subscriptionId)
    .where('id', '=', id)
    .executeTakeFirst()
}

// The dispatcher's queue (every workspace)

/** Whether any pending delivery is due at `now` (a cheap look before a claiming transaction). */
export async function anyDue(db: Executor, now: number): Promise<boolean> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('state', '=', PENDING)
    .where('next_attempt_at', '<=', now)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

/** A delivery the dispatcher claimed, with what sending it needs. */
export interface ClaimedDelivery {
  workspace_id: string
  id: string
  subscription_id: string
  event_id: string
  event_type: string
  /** Attempts begun before this one. */
  attempts: number
  url: string
  secret: string
  payload: string
}

/**
 * Claims up to `limit` due deliveries of active subscriptions, each the oldest pending one of its record
 * for its subscription (so one record's events reach a receiver in order), and leases them until
 * `leaseUntil`: another claim passes them over until then, and after it (the claimer died) they are due
 * again. On PostgreSQL the rows are read `FOR UPDATE SKIP LOCKED`, so processes claiming at the same
 * moment take different rows; SQLite's single writer makes the claim exclusive by itself.
 *
 * ```sql
 * select d.*, s.url, s.secret, e.payload from webhook_deliveries d join webhook_subscriptions s ... join webhook_events e ...
 * where d.state = 'pending' and d.next_attempt_at <= :now and s.active = 1
 *   and not exists (an earlier pending delivery of the same record to the same subscription)
 * order by d.next_attempt_at limit :limit
 * for update of d skip locked                                                -- PostgreSQL
 * update webhook_deliveries set next_attempt_at = :leaseUntil, attempts = attempts + 1 where (claimed)
 * ```
 */
export async function claimDue(
  trx: Executor,
  traits: DialectTraits,
  now: number,
  limit: number,
  leaseUntil: number,
): Promise<ClaimedDelivery[]> {
  let query = trx
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_subscriptions as s', (join) =>
      join.onRef('s.workspace_id', '=', 'd.workspace_id').onRef('s.id', '=', 'd.subscription_id'),
    )
    .innerJoin('webhook_events as e', (join) =>
      join.onRef('e.workspace_id', '=', 'd.workspace_id').onRef('e.id', '=', 'd.event_id'),
    )
    .select([
      'd.workspace_id',
      'd.id',
      'd.subscription_id',
      'd.event_id',
      'd.event_type',
      'd.attempts',
      's.url',
      's.secret',
      'e.payload',
    ])
    .where('d.state', '=', PENDING)
    .where('d.next_attempt_at', '<=', now)
    .where('s.active', '=', 1)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('webhook_deliveries as p')
            .select(sql.lit(1).as('one'))
            .whereRef('p.workspace_id', '=', 'd.workspace_id')
            .whereRef('p.subscription_id', '=', 'd.subscription_id')
            .whereRef('p.record_type', '=', 'd.record_type')
            .whereRef('p.record_id', '=', 'd.record_id')
            .where('p.state', '=', PENDING)
            .where(({ or, and, eb }) =>
              or([
                eb('p.sequence', '<', eb.ref('d.sequence')),
                and([eb('p.sequence', '=', eb.ref('d.sequence')), eb('p.id', '<', eb.ref('d.id'))]),
              ]),
            ),
        ),
      ),
    )
    .orderBy('d.next_attempt_at')
    .limit(limit)
  if (traits.supportsForUpdate) query = query.forUpdate(['d']).skipLocked()
  const rows = await query.execute()
  if (rows.length === 0) return []
  await trx
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: leaseUntil, attempts: sql<number>`attempts + 1` })
    .where(({ or, and, eb }) =>
      or(rows.map((r) => and([eb('workspace_id', '=', r.workspace_id), eb('id', '=', r.id)]))),
    )
    .execute()
  return rows.map((r) => ({ ...r, attempts: Number(r.attempts) }))
}

/** Writes the outcome of an attempt on a pending delivery (a delivery no longer pending is left alone). */
export async function settleDelivery(
  db: Executor,
  workspaceId: string,
  id: string,
  changes: Pick<
    Updateable<WebhookDeliveriesTable>,
    | 'state'
    | 'next_attempt_at'
    | 'last_attempt_at'
    | 'last_status_code'
    | 'last_error'
    | 'last_duration_ms'
    | 'updated_at'
  >,
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('state', '=', PENDING)
    .execute()
}

/** Ends a subscription's run of failures (written only when there is one). */
export async function clearFailures(db: Executor, workspaceId: string, id: string): Promise<void> {
  await db
    .updateTable('webhook_subscriptions')
    .set({ consecutive_failures: 0, failing_since: null })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('consecutive_failures', '>', 0)
    .execute()
}

/**
 * Adds `failures` to a subscription's run of failures (which began at `firstAt` if none was running);
 * returns the run as it now is, or undefined when the subscription is gone.
 */
export async function addFailures(
  db: Executor,
  workspaceId: string,
  id: string,
  failures: number,
  firstAt: number,
): Promise<{ consecutive_failures: number; failing_since: number | null; active: number } | undefined> {
  const row = await db
    .updateTable('webhook_subscriptions')
    .set({
      consecutive_failures: sql<number>`consecutive_failures + ${failures}`,
      failing_since: sql<number>`coalesce(failing_since, ${firstAt})`,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returning(['consecutive_failures', 'failing_since', 'active'])
    .executeTakeFirst()
  return row && { ...row, consecutive_failures: Number(row.consecutive_failures) }
}

/**
 * Deletes up to `limit` events created before `before` (their deliveries go by cascade); returns how
 * many. Called in a loop, so no single statement holds locks for long.
 */
export async function pruneEvents(db: Executor, before: number, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('webhook_events')
    .where(({ eb, refTuple, selectFrom }) =>
      eb(
        refTuple('workspace_id', 'id'),
        'in',
        selectFrom('webhook_events')
          .select(['workspace_id', 'id'])
          .where('created_at', '<', before)
          .limit(limit)
          .$asTuple('workspace_id', 'id'),
      ),
    )
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
