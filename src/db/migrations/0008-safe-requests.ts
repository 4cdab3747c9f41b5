// Safe retries and narrow keys (issue 16). `idempotency_keys` holds, per (workspace, Idempotency-Key),
// the claim of the request that first used the key and then its answer, for 24 hours (see
// db/idempotency-store.ts). API keys get a scope (`read` or `read_write`; existing keys keep
// `read_write`) and an optional set of lists they may touch (null: every list).
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('claim_token', 'text', (c) => c.notNull())
    .addColumn('lease_expires_at', 'bigint')
    .addColumn('status', 'integer')
    .addColumn('response_headers', 'text')
    .addColumn('response_body', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['workspace_id', 'key'])
    .execute()
  await db.schema
    .createIndex('idempotency_keys_by_expiry')
    .on('idempotency_keys')
    .columns(['workspace_id', 'expires_at'])
    .execute()

  await db.schema
    .alterTable('api_keys')
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo('read_write'))
    .execute()
  await db.schema.alterTable('api_keys').addColumn('list_ids', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('api_keys').dropColumn('list_ids').execute()
  await db.schema.alterTable('api_keys').dropColumn('scope').execute()
  await db.schema.dropTable('idempotency_keys').execute()
}
