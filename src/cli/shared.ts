// What the CLI commands share: opening the configured database (migrated), choosing the workspace a
// command acts on, and printing.
import { loadConfig, type Config } from '../config.js'
import { openDatabase, type Db } from '../db/dialect.js'
import { migrateToLatest } from '../db/migrate.js'
import type { WorkspaceRow } from '../db/schema.js'
import { WorkspacesService } from '../domain/workspaces/workspaces-service.js'

/** A mistake in how the command was called: printed without a stack, exit code 2. */
export class UsageError extends Error {}

export interface CommandContext {
  config: Config
  db: Db
}

/**
 * Opens the database the environment names, brings its schema up to date (unless `migrate` is false),
 * runs `work`, closes it.
 */
export async function withDatabase<T>(
  work: (context: CommandContext) => Promise<T>,
  options = { migrate: true },
): Promise<T> {
  const config = loadConfig()
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.RAPPORT_DATA_DIR, poolSize: 2 })
  try {
    if (options.migrate) await migrateToLatest(db)
    return await work({ config, db })
  } finally {
    await db.close()
  }
}

/**
 * The workspace a command acts on: the one named by `--workspace`, or the only one there is. With
 * several and none named, the command must say which.
 */
export async function chooseWorkspace(db: Db, workspaceId: string | undefined): Promise<WorkspaceRow> {
  const service = new WorkspacesService(db)
  if (workspaceId !== undefined) return service.get(workspaceId)
  const all = await service.list()
  if (all.length === 1) return all[0]!
  if (all.length === 0)
    throw new UsageError('No workspace yet: run `rapport serve` once, or `rapport workspaces create --name <name>`')
  throw new UsageError(
    `There are ${all.length} workspaces: name one with --workspace <id> (see \`rapport workspaces list\`)`,
  )
}

/** Prints rows as aligned columns. */
export function printTable(rows: Array<Record<string, string>>): void {
  if (rows.length === 0) {
    console.log('(none)')
    return
  }
  const columns = Object.keys(rows[0]!)
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => (r[c] ?? '').length)))
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd()
  console.log(line(columns))
  for (const row of rows) console.log(line(columns.map((c) => row[c] ?? '')))
}
