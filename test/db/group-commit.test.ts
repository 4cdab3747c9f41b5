// Group commit (SQLite): writes that arrive together share one COMMIT, and each still stands or falls
// alone, even when one of them ends the shared transaction.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import BetterSqlite3 from 'better-sqlite3'
import { sql } from 'kysely'
import { openSqlite } from '../../src/db/sqlite.js'
import type { Db } from '../../src/db/dialect.js'
import { migrateToLatest } from '../../src/db/migrate.js'

describe('sqlite: group commit', () => {
  let dir: string
  let db: Db
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-gc-'))
    db = openSqlite(join(dir, 'rapport.db'))
    await migrateToLatest(db)
  })
  after(async () => {
    await db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const insert = (trx: Parameters<Parameters<Db['transaction']>[0]>[0], id: string) =>
    trx.insertInto('workspaces').values({ id, name: id, created_at: 1, updated_at: 1 }).execute()

  it('commits concurrent units together, rolling back only the one that failed', async () => {
    // data_version, read on another connection, goes up once per commit made elsewhere.
    const watcher = new BetterSqlite3(join(dir, 'rapport.db'), { readonly: true })
    const version = () => watcher.pragma('data_version', { simple: true }) as number
    const before = version()
    const results = await Promise.allSettled([
      db.transaction(async (trx) => insert(trx, 'a1')),
      db.transaction(async (trx) => {
        await insert(trx, 'b1')
        throw new Error('unit b fails after writing')
      }),
      db.transaction(async (trx) => {
        await insert(trx, 'c1')
        await insert(trx, 'c2')
        return 'c done'
      }),
    ])
    const commits = version() - before
    watcher.close()
    assert.equal(commits, 1, 'three units, one COMMIT')
    assert.equal(results[0]!.status, 'fulfilled')
    assert.equal(results[1]!.status, 'rejected')
    assert.deepEqual(results[2], { status: 'fulfilled', value: 'c done' })
    const ids = (await db.kysely.selectFrom('workspaces').select('id').orderBy('id').execute()).map((r) => r.id)
    assert.deepEqual(ids, ['a1', 'c1', 'c2'])
  })

  it('answers nothing before the data is committed and visible to another connection', async () => {
    const reader = new BetterSqlite3(join(dir, 'rapport.db'), { readonly: true })
    const seen: number[] = []
    await Promise.all(
      ['d1', 'd2', 'd3'].map((id) =>
        db
          .transaction((trx) => insert(trx, id))
          .then(() => {
            seen.push((reader.prepare('select count(*) as n from workspaces where id = ?').get(id) as { n: number }).n)
          }),
      ),
    )
    reader.close()
    assert.deepEqual(seen, [1, 1, 1])
  })
})

describe('sqlite: group commit when the shared transaction fails', () => {
  let dir: string
  let db: Db
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-gc-'))
    db = openSqlite(join(dir, 'rapport.db'))
    await migrateToLatest(db)
    // A write no unit can roll back alone: SQLite ends the whole transaction.
    await sql`create trigger poison before insert on workspaces when new.name = 'poison'
      begin select raise(rollback, 'poisoned'); end`.execute(db.kysely)
  })
  after(async () => {
    await db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const insert = (trx: Parameters<Parameters<Db['transaction']>[0]>[0], id: string, name = id) =>
    trx.insertInto('workspaces').values({ id, name, created_at: 1, updated_at: 1 }).execute()

  it('runs the other units again alone, so only the unit at fault fails, with its own error', async () => {
    const results = await Promise.allSettled([
      db.transaction(async (trx) => insert(trx, 'e1')),
      db.transaction(async (trx) => insert(trx, 'f1', 'poison')),
      db.transaction(async (trx) => {
        await insert(trx, 'g1')
        return 'g done'
      }),
    ])
    assert.equal(results[0]!.status, 'fulfilled')
    assert.equal(results[1]!.status, 'rejected')
    assert.match(String((results[1] as PromiseRejectedResult).reason), /poisoned/)
    assert.deepEqual(results[2], { status: 'fulfilled', value: 'g done' })
    const ids = (await db.kysely.selectFrom('workspaces').select('id').orderBy('id').execute()).map((r) => r.id)
    assert.deepEqual(ids, ['e1', 'g1'])
  })
})
