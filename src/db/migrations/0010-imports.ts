// CSV imports: the job (options, progress, counts), the uploaded file (kept in the database, so any
// server process can run or resume the job and none keeps local files), and the rows it refused with
// their reasons. Also the look-up by exact organization name that imports and batches match on.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('imports')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('list_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('dry_run', 'integer', (c) => c.notNull())
    .addColumn('create_fields', 'integer', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('columns', 'text')
    .addColumn('source_bytes', 'bigint', (c) => c.notNull())
    .addColumn('rows_total', 'bigint')
    .addColumn('rows_done', 'bigint', (c) => c.notNull())
    .addColumn('created', 'bigint', (c) => c.notNull())
    .addColumn('updated', 'bigint', (c) => c.notNull())
    .addColumn('unchanged', 'bigint', (c) => c.notNull())
    .addColumn('rejected', 'bigint', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('api_key_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('runner', 'text')
    .addColumn('lease_until', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('started_at', 'bigint')
    .addColumn('finished_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('imports_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint('imports_list_fk', ['workspace_id', 'list_id'], 'lists', ['workspace_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute()
  await db.schema
    .createIndex('imports_by_updated')
    .on('imports')
    .columns(['workspace_id', 'updated_at', 'id'])
    .execute()
  await db.schema.createIndex('imports_by_list').on('imports').columns(['workspace_id', 'list_id']).execute()
  // The runners' look-up of work to claim spans workspaces, like the API key look-up.
  await db.schema.createIndex('imports_by_status').on('imports').columns(['status', 'lease_until']).execute()

  await db.schema
    .createTable('import_chunks')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_chunks_pk', ['workspace_id', 'import_id', 'seq'])
    .addForeignKeyConstraint(
      'import_chunks_import_fk',
      ['workspace_id', 'import_id'],
      'imports',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute()

  await db.schema
    .createTable('import_rejections')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addColumn('row_number', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('cells', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_rejections_pk', ['workspace_id', 'import_id', 'row_number'])
    .addForeignKeyConstraint(
      'import_rejections_import_fk',
      ['workspace_id', 'import_id'],
      'imports',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute()

  await db.schema.createIndex('organizations_by_name').on('organizations').columns(['workspace_id', 'name']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('organizations_by_name').execute()
  for (const table of ['import_rejections', 'import_chunks', 'imports']) await db.schema.dropTable(table).execute()
}
