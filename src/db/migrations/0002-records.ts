// Organizations, contacts (with their emails and phone numbers), custom fields and notes.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    // Always set: an organization created from a domain alone is named after it.
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('custom_fields', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('organizations_pk', ['workspace_id', 'id'])
    .execute()
  await db.schema
    .createIndex('organizations_by_updated')
    .on('organizations')
    .columns(['workspace_id', 'updated_at', 'id'])
    .execute()

  await db.schema
    .createTable('organization_domains')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('organization_domains_pk', ['workspace_id', 'domain'])
    .addForeignKeyConstraint(
      'organization_domains_organization_fk',
      ['workspace_id', 'organization_id'],
      'organizations',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute()
  await db.schema
    .createIndex('organization_domains_by_organization')
    .on('organization_domains')
    .columns(['workspace_id', 'organization_id'])
    .execute()

  await db.schema
    .createTable('contacts')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('name', 'text')
    .addColumn('title', 'text')
    // No foreign key: a composite ON DELETE SET NULL would also null workspace_id on SQLite. The
    // organization service clears this column before it deletes an organization, in one transaction.
    .addColumn('organization_id', 'text')
    .addColumn('custom_fields', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('contacts_pk', ['workspace_id', 'id'])
    .execute()
  await db.schema
    .createIndex('contacts_by_updated')
    .on('contacts')
    .columns(['workspace_id', 'updated_at', 'id'])
    .execute()
  await db.schema
    .createIndex('contacts_by_organization')
    .on('contacts')
    .columns(['workspace_id', 'organization_id', 'updated_at', 'id'])
    .execute()

  await db.schema
    .createTable('contact_emails')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('email_key', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_emails_pk', ['workspace_id', 'email_key'])
    .addForeignKeyConstraint(
      'contact_emails_contact_fk',
      ['workspace_id', 'contact_id'],
      'contacts',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute()
  await db.schema
    .createIndex('contact_emails_by_contact')
    .on('contact_emails')
    .columns(['workspace_id', 'contact_id'])
    .execute()

  await db.schema
    .createTable('contact_phones')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('number_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_phones_pk', ['workspace_id', 'contact_id', 'position'])
    .addForeignKeyConstraint(
      'contact_phones_contact_fk',
      ['workspace_id', 'contact_id'],
      'contacts',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute()
  await db.schema
    .createIndex('contact_phones_by_number')
    .on('contact_phones')
    .columns(['workspace_id', 'number_key'])
    .execute()

  await db.schema
    .createTable('custom_fields')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // Lower-cased name: values are written by name, so `House` and `house` must not both exist.
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('data_type', 'text', (c) => c.notNull())
    .addColumn('options', 'text')
    .addColumn('accepts_multiple_values', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('custom_fields_pk', ['workspace_id', 'id'])
    .addUniqueConstraint('custom_fields_name_key', ['workspace_id', 'model', 'name_key'])
    .execute()
  await db.schema
    .createIndex('custom_fields_by_updated')
    .on('custom_fields')
    .columns(['workspace_id', 'updated_at', 'id'])
    .execute()

  await db.schema
    .createTable('notes')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    // A process entry's id. No foreign key (entries come later and a composite SET NULL is not portable);
    // the entry service clears it when it deletes an entry.
    .addColumn('deal_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('notes_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint(
      'notes_organization_fk',
      ['workspace_id', 'organization_id'],
      'organizations',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute()
  await db.schema.createIndex('notes_by_updated').on('notes').columns(['workspace_id', 'updated_at', 'id']).execute()
  await db.schema
    .createIndex('notes_by_organization')
    .on('notes')
    .columns(['workspace_id', 'organization_id', 'updated_at', 'id'])
    .execute()
  await db.schema.createIndex('notes_by_deal').on('notes').columns(['workspace_id', 'deal_id']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'notes',
    'custom_fields',
    'contact_phones',
    'contact_emails',
    'contacts',
    'organization_domains',
    'organizations',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
