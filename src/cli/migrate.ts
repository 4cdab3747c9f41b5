// `rapport migrate`: bring the database schema to the newest version (serve does this too).
import { migrateToLatest } from '../db/migrate.js'
import { withDatabase } from './shared.js'

export const MIGRATE_HELP = `Usage: rapport migrate

Applies every pending migration to the database the environment names (DATABASE_URL, or the SQLite
file in RAPPORT_DATA_DIR), then exits. Safe to run again: applied migrations are skipped.`

export async function migrate(): Promise<void> {
  await withDatabase(
    async ({ db }) => {
      const applied = await migrateToLatest(db)
      for (const name of applied) console.log(`applied ${name}`)
      console.log(`Database (${db.traits.name}) is up to date.`)
    },
    { migrate: false },
  )
}
