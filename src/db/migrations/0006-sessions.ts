// Signing in to the web app: a password hash per member, server-side sessions (revocable, with idle and
// absolute expiry) and one-time setup links (first start, invitations, password resets). Session tokens
// and link tokens are stored as hashes only; see domain/sessions/.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  // null: the member cannot sign in (no password set yet).
  await db.schema.alterTable('users').addColumn('password_hash', 'text').execute()
  // Like api_keys_by_hash, an index that does not lead with workspace_id: a sign-in arrives with an email
  // and nothing else, so the email is how its member (and so its workspace) is found.
  await db.schema.createIndex('users_by_email_key').on('users').column('email_key').execute()

  await db.schema
    .createTable('sessions')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .addPrimaryKeyConstraint('sessions_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint('sessions_user_fk', ['workspace_id', 'user_id'], 'users', ['workspace_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute()
  // A request arrives with a session token and nothing else (see api_keys_by_hash).
  await db.schema.createIndex('sessions_by_token_hash').unique().on('sessions').column('token_hash').execute()
  await db.schema.createIndex('sessions_by_user').on('sessions').columns(['workspace_id', 'user_id']).execute()

  await db.schema
    .createTable('setup_links')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('user_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addPrimaryKeyConstraint('setup_links_pk', ['workspace_id', 'id'])
    .execute()
  await db.schema.createIndex('setup_links_by_token_hash').unique().on('setup_links').column('token_hash').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('setup_links').execute()
  await db.schema.dropTable('sessions').execute()
  await db.schema.dropIndex('users_by_email_key').execute()
  await db.schema.alterTable('users').dropColumn('password_hash').execute()
}
