// Webhooks: subscriptions, the transactional outbox of events (written in the transaction of the change
// they describe), per-record sequence counters, and the delivery queue the dispatcher claims from.
//
// Two indexes do not lead with workspace_id, like the API-key hash index: the dispatcher serves every
// workspace, so it finds due deliveries (`webhook_deliveries_due`) and prunes old events
// (`webhook_events_by_created`) across all of them.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('webhook_subscriptions')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    // JSON array of event names and wildcards.
    .addColumn('events', 'text', (c) => c.notNull())
    // No foreign key: a subscription outlives its list (it then receives nothing more).
    .addColumn('list_id', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('disabled_reason', 'text')
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failing_since', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('webhook_subscriptions_pk', ['workspace_id', 'id'])
    .execute()
  await db.schema
    .createIndex('webhook_subscriptions_by_updated')
    .on('webhook_subscriptions')
    .columns(['workspace_id', 'updated_at', 'id'])
    .execute()

  await db.schema
    .createTable('webhook_events')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('sequence', 'bigint', (c) => c.notNull())
    // The exact body every delivery of the event sends (and signs).
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('webhook_events_pk', ['workspace_id', 'id'])
    .execute()
  await db.schema.createIndex('webhook_events_by_created').on('webhook_events').columns(['created_at']).execute()

  await db.schema
    .createTable('webhook_record_sequences')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('last_sequence', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('webhook_record_sequences_pk', ['workspace_id', 'record_type', 'record_id'])
    .execute()

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('subscription_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    // Copied from the event: the queue is ordered and listed without reading events.
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('sequence', 'bigint', (c) => c.notNull())
    // pending | delivered | failed
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // While pending: when it is due, or, while an attempt is under way, when that attempt's lease ends.
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('last_attempt_at', 'bigint')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('last_duration_ms', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('webhook_deliveries_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint(
      'webhook_deliveries_subscription_fk',
      ['workspace_id', 'subscription_id'],
      'webhook_subscriptions',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'webhook_deliveries_event_fk',
      ['workspace_id', 'event_id'],
      'webhook_events',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute()
  // The dispatcher's queue: pending deliveries by due time (partial, so delivered rows cost it nothing).
  await db.schema
    .createIndex('webhook_deliveries_due')
    .on('webhook_deliveries')
    .columns(['next_attempt_at'])
    .where(sql.ref('state'), '=', 'pending')
    .execute()
  // Per-record order: the pending deliveries of one record to one subscription, oldest sequence first.
  await db.schema
    .createIndex('webhook_deliveries_by_record')
    .on('webhook_deliveries')
    .columns(['workspace_id', 'subscription_id', 'record_type', 'record_id', 'sequence'])
    .where(sql.ref('state'), '=', 'pending')
    .execute()
  // The delivery log of a subscription, newest first.
  await db.schema
    .createIndex('webhook_deliveries_by_subscription')
    .on('webhook_deliveries')
    .columns(['workspace_id', 'subscription_id', 'updated_at', 'id'])
    .execute()
  await db.schema
    .createIndex('webhook_deliveries_by_event')
    .on('webhook_deliveries')
    .columns(['workspace_id', 'event_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('webhook_deliveries').execute()
  await db.schema.dropTable('webhook_record_sequences').execute()
  await db.schema.dropTable('webhook_events').execute()
  await db.schema.dropTable('webhook_subscriptions').execute()
}
