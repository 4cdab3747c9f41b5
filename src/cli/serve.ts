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
PORT, HOST, DATABASE_URL, RAPPORT_DATA_DIR, RAPPORT_API_KEY, LOG_LEVEL (see the README).`

export async function serve(): Promise<void> {
  const config = loadConfig()
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.RAPPORT_DATA_DIR,
    poolSize: config.RAPPORT_DB_POOL_SIZE,
  })
  await migrateToLatest(db)
  const { workspace, newKey } = await new WorkspacesService(db).bootstrap(config.RAPPORT_API_KEY)
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
