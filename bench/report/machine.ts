// What the run ran on, for the report: CPU, cores, memory, kernel, Node, and each database's version;
// and, read from each database during the run rather than written down here, its durability and memory
// settings (databaseFacts).
import os from 'node:os'
import BetterSqlite3 from 'better-sqlite3'
import { sql } from 'kysely'
import pg from 'pg'
import type { DatabaseName, Db } from '../../src/db/dialect.js'

export interface MachineInfo {
  cpu: string
  cores: number
  memoryGiB: number
  kernel: string
  node: string
  databases: Partial<Record<DatabaseName, string>>
  /** 1-minute load average when the run started: other work on a shared machine shows here. */
  loadAtStart: number
}

async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const result = await client.query('show server_version')
    return `PostgreSQL ${String(result.rows[0].server_version).split(' ')[0]}`
  } finally {
    await client.end()
  }
}

export async function machineInfo(databases: readonly DatabaseName[], postgresAdminUrl: string): Promise<MachineInfo> {
  const versions: MachineInfo['databases'] = {}
  if (databases.includes('sqlite')) {
    const db = new BetterSqlite3(':memory:')
    versions.sqlite = `SQLite ${(db.prepare('select sqlite_version() as v').get() as { v: string }).v} (better-sqlite3)`
    db.close()
  }
  if (databases.includes('postgres'))
    versions.postgres = `${await postgresVersion(postgresAdminUrl)} at ${new URL(postgresAdminUrl).hostname}`
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    databases: versions,
    loadAtStart: Math.round(os.loadavg()[0]! * 100) / 100,
  }
}

/** SQLite settings of a connection, by pragma; PostgreSQL settings of the server, by `show`. */
const SQLITE_PRAGMAS = ['journal_mode', 'synchronous', 'cache_size', 'wal_autocheckpoint', 'foreign_keys', 'page_size']
const POSTGRES_SETTINGS = [
  'fsync',
  'synchronous_commit',
  'full_page_writes',
  'wal_sync_method',
  'shared_buffers',
  'effective_cache_size',
  'work_mem',
  'max_connections',
  'random_page_cost',
  'autovacuum',
  'data_checksums',
]

/**
 * The database's durability and memory settings, read from it. On PostgreSQL, from the server the
 * benchmark's databases live on (`show`). On SQLite, per-connection settings cannot be read from
 * another process, so they are read from a connection opened by Rapport's own openSqlite, the function
 * `rapport serve` opens its connection with: what it reports is what the server runs with.
 */
export async function databaseFacts(db: Db): Promise<Record<string, string>> {
  const facts: Record<string, string> = {}
  if (db.traits.name === 'sqlite') {
    for (const pragma of SQLITE_PRAGMAS) {
      const { rows } = await sql<Record<string, unknown>>`pragma ${sql.raw(pragma)}`.execute(db.kysely)
      facts[pragma] = String(Object.values(rows[0] ?? {})[0])
    }
    return facts
  }
  for (const setting of POSTGRES_SETTINGS) {
    const { rows } = await sql<Record<string, unknown>>`show ${sql.raw(setting)}`.execute(db.kysely)
    facts[setting] = String(Object.values(rows[0] ?? {})[0])
  }
  return facts
}
