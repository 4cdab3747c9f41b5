// Row locks are stated by the queries and kept by PostgreSQL's compiler; SQLite's compiler drops them
// (its IMMEDIATE transactions hold the whole file), so a locking query runs on both as written.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { Kysely, PostgresDialect, type PostgresPool } from 'kysely'
import type { Db } from '../../src/db/dialect.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { lockList } from '../../src/db/queries/lists.js'
import type { Database } from '../../src/db/schema.js'
import { openSqlite } from '../../src/db/sqlite.js'

/** A PostgreSQL Kysely that compiles but never connects. */
const postgres = new Kysely<Database>({
  dialect: new PostgresDialect({ pool: {} as PostgresPool }),
})

describe('row locks', () => {
  let sqlite: Db
  const dir = mkdtempSync(join(tmpdir(), 'rapport-locks-'))
  before(async () => {
    sqlite = openSqlite(join(dir, 'rapport.db'))
    await migrateToLatest(sqlite)
  })
  after(async () => {
    await sqlite?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const locked = (db: Kysely<Database>) =>
    db
      .selectFrom('lists')
      .select('id')
      .where('id', 'in', db.selectFrom('statuses').select('list_id').forShare())
      .forNoKeyUpdate()
      .skipLocked()

  it('keeps every row-lock clause on PostgreSQL', () => {
    const text = locked(postgres).compile().sql
    assert.match(text, /for share\)/)
    assert.match(text, /for no key update skip locked$/)
  })

  it('drops every row-lock clause on SQLite, in subqueries too', () => {
    const text = locked(sqlite.kysely).compile().sql
    assert.doesNotMatch(text, /\bfor\b|skip locked/)
    assert.match(text, /^select "id" from "lists" where "id" in \(select "list_id" from "statuses"\)$/)
  })

  it('keeps other modifiers on SQLite', () => {
    const text = sqlite.kysely.selectFrom('lists').select('id').distinct().forUpdate().compile().sql
    assert.equal(text, 'select distinct "id" from "lists"')
  })

  it('runs a locking query on SQLite inside a transaction', async () => {
    const row = await sqlite.transaction((trx) => lockList(trx, 'no-workspace', 'no-list'))
    assert.equal(row, undefined)
  })
})
