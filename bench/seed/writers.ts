// Bulk writers, one per database, each the fastest way that database takes many rows while every
// constraint, index and foreign key stays on: SQLite through better-sqlite3 prepared statements reused
// for every row inside large transactions; PostgreSQL through one `INSERT ... SELECT FROM unnest(...)`
// per table per batch (one round trip for thousands of rows, no parameter-count limit).
import BetterSqlite3 from 'better-sqlite3'
import pg from 'pg'
import { TABLES, type Row, type TableName } from './rows.js'

/** What a seed batch does inside its transaction. */
export interface BulkTransaction {
  insert(table: TableName, rows: readonly Row[]): Promise<void>
  /**
   * Counts `n` new entries into the list and takes `n` key numbers, as the entries service does for one;
   * returns the last key number handed out before (the batch's keys follow it).
   */
  takeKeys(workspaceId: string, listId: string, n: number): Promise<number>
  /** Adds `n` to a status's kept entry count. */
  countStatus(workspaceId: string, statusId: string, n: number): Promise<void>
}

export interface BulkWriter {
  transaction(work: (tx: BulkTransaction) => Promise<void>): Promise<void>
  /** Makes the database ready to be measured: WAL checkpoint (SQLite), VACUUM ANALYZE (PostgreSQL). */
  settle(): Promise<void>
  close(): Promise<void>
}

const columnsOf = (table: TableName) => Object.keys(TABLES[table])

export function sqliteWriter(file: string): BulkWriter {
  const raw = new BetterSqlite3(file)
  raw.pragma('journal_mode = WAL')
  // Durability of each seed commit does not matter (a crash means re-seeding); the server itself
  // flushes every commit before acknowledging it, as always.
  raw.pragma('synchronous = OFF')
  raw.pragma('foreign_keys = ON')
  raw.pragma('cache_size = -1048576') // 1 GiB of page cache for this connection only
  raw.pragma('busy_timeout = 5000')
  const inserts = new Map<TableName, BetterSqlite3.Statement>()
  const insertFor = (table: TableName) => {
    let statement = inserts.get(table)
    if (!statement) {
      const columns = columnsOf(table)
      statement = raw.prepare(
        `insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`,
      )
      inserts.set(table, statement)
    }
    return statement
  }
  const takeKeys = raw.prepare(
    'update lists set last_key_number = last_key_number + @n, entry_count = entry_count + @n where workspace_id = @ws and id = @list returning last_key_number',
  )
  const countStatus = raw.prepare(
    'update statuses set entry_count = entry_count + @n where workspace_id = @ws and id = @status',
  )
  const tx: BulkTransaction = {
    async insert(table, rows) {
      const statement = insertFor(table)
      for (const row of rows) statement.run(row)
    },
    async takeKeys(ws, list, n) {
      const row = takeKeys.get({ ws, list, n }) as { last_key_number: number } | undefined
      if (!row) throw new Error(`list ${list} missing`)
      return Number(row.last_key_number) - n
    },
    async countStatus(ws, status, n) {
      countStatus.run({ ws, status, n })
    },
  }
  return {
    async transaction(work) {
      raw.exec('begin immediate')
      try {
        await work(tx)
        raw.exec('commit')
      } catch (error) {
        if (raw.inTransaction) raw.exec('rollback')
        throw error
      }
    },
    async settle() {
      raw.pragma('wal_checkpoint(TRUNCATE)')
    },
    async close() {
      raw.close()
    },
  }
}

export async function postgresWriter(url: string): Promise<BulkWriter> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  // As above: a seed commit need not wait for its WAL flush.
  await client.query('set synchronous_commit = off')
  const tx: BulkTransaction = {
    async insert(table, rows) {
      if (rows.length === 0) return
      const types = TABLES[table] as Record<string, string>
      const columns = Object.keys(types)
      const arrays = columns.map((c) => rows.map((r) => r[c] ?? null))
      const unnest = columns.map((c, i) => `$${i + 1}::${types[c]}[]`).join(', ')
      await client.query(`insert into ${table} (${columns.join(', ')}) select * from unnest(${unnest})`, arrays)
    },
    async takeKeys(ws, list, n) {
      const result = await client.query(
        'update lists set last_key_number = last_key_number + $1, entry_count = entry_count + $1 where workspace_id = $2 and id = $3 returning last_key_number',
        [n, ws, list],
      )
      if (result.rowCount !== 1) throw new Error(`list ${list} missing`)
      return Number(result.rows[0].last_key_number) - n
    },
    async countStatus(ws, status, n) {
      await client.query('update statuses set entry_count = entry_count + $1 where workspace_id = $2 and id = $3', [
        n,
        ws,
        status,
      ])
    },
  }
  return {
    async transaction(work) {
      await client.query('begin')
      try {
        await work(tx)
        await client.query('commit')
      } catch (error) {
        await client.query('rollback').catch(() => {})
        throw error
      }
    },
    async settle() {
      // What autovacuum would have done to a table this size by the time anyone reads it: planner
      // statistics, and the visibility map that lets counts use index-only scans.
      for (const table of Object.keys(TABLES)) await client.query(`vacuum (analyze) ${table}`)
    },
    async close() {
      await client.end()
    },
  }
}
