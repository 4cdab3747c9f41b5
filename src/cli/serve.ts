// `rapport serve`: migrate, make sure a workspace and a key exist, listen (printing a new key and setup
// link once), and on SIGTERM or SIGINT
// finish in-flight requests and close the database before exiting.
import { buildApp } from '../app.js'
import { type Config, loadConfig, publicBaseUrl } from '../config.js'
import { openDatabase } from '../db/dialect.js'
import { migrateToLatest } from '../db/migrate.js'
import { type BootstrapResult, WorkspacesService } from '../domain/workspaces/workspaces-service.js'

export const SERVE_HELP = `Usage: rapport serve

Starts the HTTP server. On an empty database it creates a workspace and an API key and prints the key
once, with a one-time link (24 h) to the web app's setup page where the owner chooses a password. RAPPORT_API_KEY seeds that exact key instead. Configuration comes from the environment:
PORT, HOST, DATABASE_URL, RAPPORT_DATA_DIR, RAPPORT_API_KEY, RAPPORT_KEY_PEPPER, LOG_LEVEL and the
limits (see the README).`

/**
 * What a start that made something prints once: the new API key and, on first start, the one-time link
 * with which the owner chooses their name, email and password. Undefined when there is nothing new.
 */
function firstStartBanner(boot: BootstrapResult, config: Config, port: number): string | undefined {
  const { workspace, newKey, setupToken } = boot
  if (!newKey && !setupToken) return undefined
  const lines = ['', `  Rapport workspace "${workspace.name}" (${workspace.id})`]
  if (newKey) {
    if (config.RAPPORT_API_KEY !== undefined) lines.push('  Seeded the API key from RAPPORT_API_KEY.')
    else lines.push('  API key (shown once; store it now):', `    ${newKey.key}`)
  }
  if (setupToken)
    lines.push(
      '  Open this link to choose your name, email and password (works once, for 24 hours):',
      `    ${publicBaseUrl(config, port)}/setup#${setupToken}`,
    )
  lines.push('')
  return lines.join('\n')
}

export async function serve(): Promise<void> {
  const config = loadConfig()
  const where = { databaseUrl: config.DATABASE_URL, dataDir: config.RAPPORT_DATA_DIR }
  // Migrations and the first-start bootstrap run on their own connection, free of the statement timeout
  // that bounds requests: a migration on a large table may rightly take longer than a request.
  const setup = await openDatabase({ ...where, poolSize: 1 })
  let boot: BootstrapResult
  try {
    await migrateToLatest(setup)
    boot = await new WorkspacesService(setup, config.RAPPORT_KEY_PEPPER).bootstrap(config.RAPPORT_API_KEY)
  } finally {
    await setup.close()
  }
  const db = await openDatabase({
    ...where,
    poolSize: config.RAPPORT_DB_POOL_SIZE,
    statementTimeoutMs: config.RAPPORT_REQUEST_TIMEOUT_MS,
  })

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
  const address = app.server.address()
  const port = address !== null && typeof address === 'object' ? address.port : config.PORT
  const banner = firstStartBanner(boot, config, port)
  if (banner !== undefined) console.log(banner)
  app.log.info({ database: db.traits.name }, `Rapport listening; API reference at /docs`)
}
