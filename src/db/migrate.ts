// Versioned migrations, applied in order on start and by `rapport migrate`. The list is static (imports,
// not a folder scan) so it works the same from TypeScript sources and from the built JavaScript.
import { Migrator, type Migration, type MigrationProvider, type MigrationResult } from 'kysely'
import type { Db, Executor } from './dialect.js'
import * as m0001 from './migrations/0001-workspaces.js'
import * as m0002 from './migrations/0002-records.js'
import * as m0003 from './migrations/0003-lists.js'
import * as m0004 from './migrations/0004-entries.js'
import * as m0005 from './migrations/0005-api-key-hashes.js'

const MIGRATIONS: Record<string, Migration> = {
  '0001-workspaces': m0001,
  '0002-records': m0002,
  '0003-lists': m0003,
  '0004-entries': m0004,
  '0005-api-key-hashes': m0005,
}

const MIGRATION_TABLE = 'rapport_migrations'
const LOCK_TABLE = 'rapport_migrations_lock'

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS }

/** Brings the schema to the newest version; returns the names of the migrations it applied. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db: db.kysely,
    provider,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: LOCK_TABLE,
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error(String(error))
  return (results ?? []).filter((r: MigrationResult) => r.status === 'Success').map((r) => r.migrationName)
}

/**
 * Takes the row the migrator locks (its lock table holds one) until `trx` ends, so that start-up work
 * meant to happen once per database (the bootstrap's first workspace and seeded key) runs in one
 * process at a time when several start together. Call after migrateToLatest, inside a transaction.
 * (SQLite: the IMMEDIATE transaction already excludes other writers; the compiler drops the clause.)
 *
 * ```sql
 * select id from rapport_migrations_lock for update
 * ```
 */
export async function holdMigrationLock(trx: Executor): Promise<void> {
  await trx.withTables<{ [LOCK_TABLE]: { id: string } }>().selectFrom(LOCK_TABLE).select('id').forUpdate().execute()
}
