// `rapport serve`: migrate, make sure a workspace and a key exist, listen, and on SIGTERM or SIGINT
// finish in-flight requests and close the database before exiting.
import { buildApp } from '../app.js'
import { loadConfig } from '../config.js'
import { openDatabase } from '../db/dialect.js'
import { migrateToLatest } from '../db/migrate.js'
import { WorkspacesService } from '../domain/workspaces/workspaces-service.js'

export const SERVE_HELP = `Usage: rapport serve

Starts the HTTP server. On an empty database it creates a workspace and an API key and prints the key
once. RAPPORT_API_KEY seeds that exact key instead. Configuration comes from the environment:
PORT, HOST, DATABASE_URL, RAPPORT_DATA_DIR, RAPPORT_API_KEY, RAPPORT_KEY_PEPPER, LOG_LEVEL and the
limits (see the README).`

export async function serve(): Promise<void> {
  const config = loadConfig()
  const where = { databaseUrl: config.DATABASE_URL, dataDir: config.RAPPORT_DATA_DIR }
  // Migrations and the first-start bootstrap run on their own connection, free of the statement timeout
  // that bounds requests: a migration on a large table may rightly take longer than a request.
  const setup = await openDatabase({ ...where, poolSize: 1 })
  let boot: Awaited<ReturnType<WorkspacesService['bootstrap']>>
  try {
    await migrateToLatest(setup)
    boot = await new WorkspacesService(setup, config.RAPPORT_KEY_PEPPER).bootstrap(config.RAPPORT_API_KEY)
  } finally {
    await setup.close()
  }
  const { workspace, newKey } = boot
  const db = await openDatabase({
    ...where,
    poolSize: config.RAPPORT_DB_POOL_SIZE,
    statementTimeoutMs: config.RAPPORT_REQUEST_TIMEOUT_MS,
  })
  if (newKey) {
    const seeded = config.RAPPORT_API_KEY !== undefined
    console.log(
      [
        '',
        `  Rapport workspace "${workspace.name}" (${workspace.id})`,
        seeded ? '  Seeded the API key from RAPPORT_API_KEY.' : '  API key (shown once; store it now):',
        seeded ? '' : `    ${newKey.key}`,
        '',
      ].join('\n'),
    )
  }

  const app = await buildApp({ db, config })
  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down: draining in-flight requests')
    try {
      await app.close()
    } finally {
      await db.close()
      app.log.info('stopped')
      process.exit(0)
    }
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))

  await app.listen({ port: config.PORT, host: config.HOST })
  app.log.info({ database: db.traits.name }, `Rapport listening; API reference at /docs`)
}
