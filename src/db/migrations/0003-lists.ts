// Lists and processes, their typed fields, their statuses and the connections between processes.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('lists')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('process', 'integer', (c) => c.notNull())
    .addColumn('entry_type', 'text', (c) => c.notNull())
    .addColumn('identifier', 'text')
    .addColumn('duplicates_allowed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('entry_label', 'text')
    .addColumn('status_label', 'text')
    .addColumn('last_key_number', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('entry_count', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('definition_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('archived_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('lists_pk', ['workspace_id', 'id'])
    .execute()
  await db.schema.createIndex('lists_by_updated').on('lists').columns(['workspace_id', 'updated_at', 'id']).execute()

  await db.schema
    .createTable('list_fields')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('list_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('data_type', 'text', (c) => c.notNull())
    .addColumn('options', 'text')
    .addColumn('accepts_multiple_values', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('list_fields_pk', ['workspace_id', 'id'])
    .addUniqueConstraint('list_fields_name_key', ['workspace_id', 'list_id', 'name'])
    .addForeignKeyConstraint(
      'list_fields_list_fk',
      ['workspace_id', 'list_id'],
      'lists',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute()

  await db.schema
    .createTable('statuses')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('list_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('entry_count', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('statuses_pk', ['workspace_id', 'id'])
    .addUniqueConstraint('statuses_name_key', ['workspace_id', 'list_id', 'name'])
    .addForeignKeyConstraint('statuses_list_fk', ['workspace_id', 'list_id'], 'lists', ['workspace_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute()

  await db.schema
    .createTable('list_connections')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('from_list_id', 'text', (c) => c.notNull())
    .addColumn('from_status_id', 'text', (c) => c.notNull())
    .addColumn('to_list_id', 'text', (c) => c.notNull())
    .addColumn('to_status_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('list_connections_pk', ['workspace_id', 'id'])
    // The product's rule, kept by the database too: a status starts at most one connection and is the
    // target of at most one.
    .addUniqueConstraint('list_connections_from_key', ['workspace_id', 'from_status_id'])
    .addUniqueConstraint('list_connections_to_key', ['workspace_id', 'to_status_id'])
    .addForeignKeyConstraint(
      'list_connections_from_status_fk',
      ['workspace_id', 'from_status_id'],
      'statuses',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'list_connections_to_status_fk',
      ['workspace_id', 'to_status_id'],
      'statuses',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute()
  await db.schema
    .createIndex('list_connections_by_from_list')
    .on('list_connections')
    .columns(['workspace_id', 'from_list_id'])
    .execute()
  await db.schema
    .createIndex('list_connections_by_to_list')
    .on('list_connections')
    .columns(['workspace_id', 'to_list_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['list_connections', 'statuses', 'list_fields', 'lists']) {
    await db.schema.dropTable(table).execute()
  }
}
