// Entries (a contact or organization in a list or process), the lookup table for list-field filters and
// the history of status changes.
import { SqliteAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely'

/**
 * On SQLite, a table whose primary key is its whole purpose is stored as that key's B-tree alone
 * (WITHOUT ROWID) instead of a rowid table plus the key's index: one B-tree write per row instead of
 * two. PostgreSQL has no such option (and needs none: it writes the heap and one index either way).
 */
function withoutRowid(db: Kysely<unknown>) {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter
  return <T extends string, C extends string>(table: CreateTableBuilder<T, C>) =>
    sqlite ? table.modifyEnd(sql`without rowid`) : table
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('entries')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('list_id', 'text', (c) => c.notNull())
    .addColumn('entryable_type', 'text', (c) => c.notNull())
    .addColumn('entryable_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text')
    .addColumn('key', 'text')
    .addColumn('key_number', 'bigint')
    .addColumn('status_id', 'text')
    .addColumn('assignee_id', 'text')
    .addColumn('one_time_value_cents', 'bigint')
    .addColumn('recurring_value_cents', 'bigint')
    .addColumn('recurring_value_period', 'text')
    .addColumn('closed_at', 'bigint')
    .addColumn('next_entry_id', 'text')
    .addColumn('list_fields', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('entries_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint('entries_list_fk', ['workspace_id', 'list_id'], 'lists', ['workspace_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    // Statuses that hold entries cannot be removed (the list service checks first; this is the backstop).
    .addForeignKeyConstraint('entries_status_fk', ['workspace_id', 'status_id'], 'statuses', ['workspace_id', 'id'])
    .execute()
  // The default order of the list endpoint: updated_at desc, id desc.
  await db.schema
    .createIndex('entries_by_list_updated')
    .on('entries')
    .columns(['workspace_id', 'list_id', 'updated_at', 'id'])
    .execute()
  await db.schema
    .createIndex('entries_by_status_updated')
    .on('entries')
    .columns(['workspace_id', 'list_id', 'status_id', 'updated_at', 'id'])
    .execute()
  await db.schema
    .createIndex('entries_by_key')
    .unique()
    .on('entries')
    .columns(['workspace_id', 'list_id', 'key_number'])
    .execute()
  // Duplicate checks, and the cascade when a contact or organization is deleted.
  await db.schema
    .createIndex('entries_by_entryable')
    .on('entries')
    .columns(['workspace_id', 'entryable_id', 'list_id'])
    .execute()
  await db.schema.createIndex('entries_by_contact').on('entries').columns(['workspace_id', 'contact_id']).execute()

  await db.schema
    .createTable('entry_field_values')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('field_id', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('entry_field_values_pk', ['workspace_id', 'field_id', 'value', 'entry_id'])
    .addForeignKeyConstraint(
      'entry_field_values_entry_fk',
      ['workspace_id', 'entry_id'],
      'entries',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    // Removing a list field removes its values from the lookup table at once.
    .addForeignKeyConstraint(
      'entry_field_values_field_fk',
      ['workspace_id', 'field_id'],
      'list_fields',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .$call(withoutRowid(db))
    .execute()
  await db.schema
    .createIndex('entry_field_values_by_entry')
    .on('entry_field_values')
    .columns(['workspace_id', 'entry_id'])
    .execute()

  await db.schema
    .createTable('entry_status_changes')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('list_id', 'text', (c) => c.notNull())
    .addColumn('from_status_id', 'text')
    .addColumn('from_status_name', 'text')
    .addColumn('to_status_id', 'text', (c) => c.notNull())
    .addColumn('to_status_name', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'bigint', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('api_key_id', 'text')
    // Keyed by entry and time, which is how history is read (and what the cascade from entries needs):
    // one B-tree per row written rather than a key on the id plus an index by entry.
    .addPrimaryKeyConstraint('entry_status_changes_pk', ['workspace_id', 'entry_id', 'changed_at', 'id'])
    .addForeignKeyConstraint(
      'entry_status_changes_entry_fk',
      ['workspace_id', 'entry_id'],
      'entries',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .$call(withoutRowid(db))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['entry_status_changes', 'entry_field_values', 'entries']) {
    await db.schema.dropTable(table).execute()
  }
}
