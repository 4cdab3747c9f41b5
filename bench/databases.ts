// Throw-away databases for one benchmark run: a temporary SQLite file, or a new PostgreSQL database on
// the configured server (dropped at the end). Each gives the environment that points Rapport at it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { DatabaseName, Db } from '../src/db/dialect.js'
import { openDatabase } from '../src/db/dialect.js'
import { newId } from '../src/domain/ids.js'
import { postgresWriter, sqliteWriter, type BulkWriter } from './seed/writers.js'

export interface BenchDatabase {
  name: DatabaseName
  /** The PostgreSQL database's name (PostgreSQL only). */
  postgresDatabase?: string
  /** Environment for the Rapport server process. */
  env: Record<string, string>
  /** Opens Rapport's own handle on it (migrations, fixtures, checks). */
  open(): Promise<Db>
  /** Opens the bulk seed writer on it. */
  writer(): Promise<BulkWriter>
  drop(): Promise<void>
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

export async function createBenchDatabase(name: DatabaseName, postgresAdminUrl: string): Promise<BenchDatabase> {
  if (name === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-'))
    const file = join(dir, 'rapport.db')
    return {
      name,
      env: { RAPPORT_DATA_DIR: dir },
      open: () => openDatabase({ dataDir: dir }),
      writer: async () => sqliteWriter(file),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    }
  }
  const dbName = `rapport_bench_${newId(12).toLowerCase()}`
  await adminQuery(postgresAdminUrl, `create database ${dbName}`)
  const url = new URL(postgresAdminUrl)
  url.pathname = `/${dbName}`
  return {
    name,
    postgresDatabase: dbName,
    env: { DATABASE_URL: url.toString() },
    open: () => openDatabase({ databaseUrl: url.toString(), dataDir: '' }),
    writer: () => postgresWriter(url.toString()),
    drop: () => adminQuery(postgresAdminUrl, `drop database if exists ${dbName} with (force)`),
  }
}
