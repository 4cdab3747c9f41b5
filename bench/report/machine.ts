// What the run ran on, for the report: CPU, cores, memory, kernel, Node, and each database's version.
import os from 'node:os'
import BetterSqlite3 from 'better-sqlite3'
import pg from 'pg'
import type { DatabaseName } from '../../src/db/dialect.js'

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
    versions.sqlite = `SQLite ${(db.prepare('select sqlite_version() as v').get() as { v: string }).v} (better-sqlite3, WAL; every commit flushed to disk before it is acknowledged)`
    db.close()
  }
  if (databases.includes('postgres'))
    versions.postgres = `${await postgresVersion(postgresAdminUrl)} (same machine, default settings)`
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
