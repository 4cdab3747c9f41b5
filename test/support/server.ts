// startTestServer: a real Rapport server (the same buildApp as production) on a fresh database, listening
// on a random port. SQLite gets a temporary file; PostgreSQL a new database that close() drops.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyBaseLogger, FastifyInstance, FastifyPluginAsync } from 'fastify'
import pg from 'pg'
import { buildApp } from '../../src/app.js'
import { loadConfig, type Config } from '../../src/config.js'
import { openDatabase, type Db } from '../../src/db/dialect.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { newId } from '../../src/domain/ids.js'
import { createServices, type Services } from '../../src/domain/services.js'
import { POSTGRES_ADMIN_URL, type TestDatabase } from './databases.js'

export interface Workspace {
  id: string
  /** An API key of the workspace. */
  key: string
}

export interface TestServer {
  database: TestDatabase
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string
  app: FastifyInstance
  db: Db
  config: Config
  /** The domain services over the same database, for setup that has no HTTP route (keys, workspaces). */
  services: Services
  /** The workspace made at start, as `rapport serve` makes it. */
  workspace: Workspace
  /** Makes another workspace with a key of its own. */
  createWorkspace(name?: string): Promise<Workspace>
  close(): Promise<void>
}

export interface TestServerOptions {
  /** Environment overrides, as strings, exactly as a deployment would set them. */
  env?: Record<string, string>
  /**
   * Extra routes mounted under `/v1` before listening, behind the same plugins (auth, limits, errors,
   * OpenAPI). Only for suites that must prove they catch a broken route (test/reliability).
   */
  extraV1Routes?: FastifyPluginAsync
  /**
   * Extra routes mounted at the root, outside `/v1` and its authentication. Only for the suite that must
   * prove the fuzzer catches a route under a /v1 path that is read without a key.
   */
  extraRoutes?: FastifyPluginAsync
  /** The server's logger (a pino logger writing where the test reads), instead of one at LOG_LEVEL. */
  logger?: FastifyBaseLogger
}

/** A fresh, empty PostgreSQL database on the test server; returns its URL and how to drop it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `rapport_t_${newId(12).toLowerCase()}`
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
  await admin.connect()
  try {
    await admin.query(`create database ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(POSTGRES_ADMIN_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
      await client.connect()
      try {
        await client.query(`drop database if exists ${name} with (force)`)
      } finally {
        await client.end()
      }
    },
  }
}

/** A fresh database of the given kind; returns the environment that points Rapport at it. */
export async function createTestDatabase(
  database: TestDatabase,
): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (database.name === 'postgres') {
    const pgDb = await createPostgresDatabase()
    return { env: { DATABASE_URL: pgDb.url }, drop: pgDb.drop }
  }
  const dir = mkdtempSync(join(tmpdir(), 'rapport-test-'))
  return { env: { RAPPORT_DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) }
}

export async function startTestServer(database: TestDatabase, options: TestServerOptions = {}): Promise<TestServer> {
  const fresh = await createTestDatabase(database)
  const config = loadConfig({
    LOG_LEVEL: process.env.RAPPORT_TEST_LOG_LEVEL ?? 'silent',
    RAPPORT_RATE_LIMIT: '0',
    ...fresh.env,
    ...options.env,
  })
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.RAPPORT_DATA_DIR,
    poolSize: config.RAPPORT_DB_POOL_SIZE,
    statementTimeoutMs: config.RAPPORT_REQUEST_TIMEOUT_MS,
  })
  await migrateToLatest(db)
  const services = createServices(db, {
    defaultCountryCode: config.RAPPORT_DEFAULT_COUNTRY_CODE,
    keyPepper: config.RAPPORT_KEY_PEPPER,
  })
  const boot = await services.workspaces.bootstrap()
  const app = await buildApp({
    db,
    config,
    ...(options.extraV1Routes ? { extraV1Routes: options.extraV1Routes } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  })
  if (options.extraRoutes) await app.register(options.extraRoutes)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address')

  return {
    database,
    url: `http://127.0.0.1:${address.port}`,
    app,
    db,
    config,
    services,
    workspace: { id: boot.workspace.id, key: boot.newKey!.key },
    async createWorkspace(name = 'Other workspace') {
      const workspace = await services.workspaces.create(name)
      const { key } = await services.workspaces.createKey(workspace.id)
      return { id: workspace.id, key }
    },
    async close() {
      await app.close()
      await db.close()
      await fresh.drop()
    },
  }
}
