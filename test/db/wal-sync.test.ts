// The WAL flush behind every SQLite acknowledgement (src/db/wal-sync.ts and the driver's commit path in
// src/db/sqlite.ts), observed through a fake fdatasync that records when each flush starts, what was
// committed at that moment, and holds it until the test lets it finish. A commit must be answered only
// after a flush of the WAL file that started after the commit; flushes are shared by the commits that
// wait together; a failed flush fails its callers (without running their work again) and every write
// after it. Removing the flush from the commit path fails the first test here.
import assert from 'node:assert/strict'
import { fstatSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, afterEach, beforeEach, describe, it } from 'node:test'
import BetterSqlite3 from 'better-sqlite3'
import type { Transaction } from 'kysely'
import type { Db } from '../../src/db/dialect.js'
import { isUnavailable } from '../../src/db/errors.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import type { Database } from '../../src/db/schema.js'
import { openSqlite } from '../../src/db/sqlite.js'
import { WalFlushError, WalSync, type SyncFile } from '../../src/db/wal-sync.js'

/** Generous: only reached when something is broken (a flush that never comes), never on a pass. */
const EVENT_TIMEOUT_MS = 20_000

interface FlushCall {
  fd: number
  /** Workspace ids committed (visible to another connection) when the flush started. */
  committedAtStart: string[]
  finish(error?: NodeJS.ErrnoException): void
}

/** A fake fdatasync: every call is recorded and held until the test finishes it. */
class FakeSync {
  readonly calls: FlushCall[] = []
  readonly #waiters: Array<{ n: number; resolve: (call: FlushCall) => void }> = []
  constructor(private readonly committed: () => string[] = () => []) {}

  readonly sync: SyncFile = (fd, callback) => {
    const call: FlushCall = { fd, committedAtStart: this.committed(), finish: (error) => callback(error ?? null) }
    this.calls.push(call)
    for (const w of this.#waiters.filter((w) => w.n < this.calls.length)) w.resolve(this.calls[w.n]!)
  }

  /** The n-th flush (0-based), once it has started. */
  call(n: number): Promise<FlushCall> {
    if (this.calls[n]) return Promise.resolve(this.calls[n])
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`flush ${n} never started`)), EVENT_TIMEOUT_MS)
      this.#waiters.push({
        n,
        resolve: (call) => {
          clearTimeout(timer)
          resolve(call)
        },
      })
    })
  }
}

/** Tracks whether a promise has settled, without awaiting it. */
function track<T>(promise: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let done = false
  promise.then(
    () => (done = true),
    () => (done = true),
  )
  return { promise, settled: () => done }
}

/** A few turns of the event loop: enough for anything already able to settle to do so. */
async function turns(n = 10): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve))
}

/** Resolves when `condition` holds, checking on every turn; throws after EVENT_TIMEOUT_MS. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const limit = Date.now() + EVENT_TIMEOUT_MS
  while (!condition()) {
    if (Date.now() > limit) throw new Error(`never happened: ${what}`)
    await new Promise((resolve) => setImmediate(resolve))
  }
}

/** Whichever comes first: the flush starting, or the write being answered (a defect). */
async function flushBeforeAnswer(fake: FakeSync, n: number, write: { promise: Promise<unknown> }): Promise<FlushCall> {
  const answered = write.promise.then(
    () => 'answered' as const,
    () => 'answered' as const,
  )
  const first = await Promise.race([fake.call(n), answered])
  if (first === 'answered') throw new assert.AssertionError({ message: `a write was answered before flush ${n}` })
  return first
}

describe('sqlite: the commit path flushes the WAL before answering', () => {
  let dir: string
  let file: string
  let fake: FakeSync
  let db: Db
  let reader: BetterSqlite3.Database
  const committed = () =>
    (reader.prepare("select id from workspaces where id like 'w%' order by id").all() as Array<{ id: string }>).map(
      (r) => r.id,
    )

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-walsync-'))
    file = join(dir, 'rapport.db')
    // Migrations run on a connection of their own with the real fdatasync: the fake sees only the test's writes.
    const setup = openSqlite(file)
    await migrateToLatest(setup)
    fake = new FakeSync(() => committed())
    db = openSqlite(file, { syncFile: fake.sync })
    reader = new BetterSqlite3(file, { readonly: true })
    await setup.close()
  })
  afterEach(async () => {
    // Let anything still held finish, so the database closes cleanly.
    for (const call of fake.calls) call.finish()
    reader.close()
    await db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const insert = (trx: Transaction<Database> | Db['kysely'], id: string) =>
    trx.insertInto('workspaces').values({ id, name: id, created_at: 1, updated_at: 1 }).execute()

  it('answers a commit only after a flush of the WAL file that started after the commit', async () => {
    const write = track(db.transaction((trx) => insert(trx, 'w1')))
    const flush = await flushBeforeAnswer(fake, 0, write)
    assert.deepEqual(flush.committedAtStart, ['w1'], 'the flush started once the row was committed')
    assert.equal(fstatSync(flush.fd).ino, statSync(`${file}-wal`).ino, 'the file flushed is the WAL')
    await turns()
    assert.equal(write.settled(), false, 'the write is not answered while its flush runs')
    flush.finish()
    await write.promise
  })

  it('flushes a write made outside a transaction before answering it', async () => {
    const write = track(insert(db.kysely, 'w2'))
    const flush = await flushBeforeAnswer(fake, 0, write)
    assert.deepEqual(flush.committedAtStart, ['w2'])
    await turns()
    assert.equal(write.settled(), false)
    flush.finish()
    await write.promise
  })

  it('makes a commit that lands during a flush wait for the next flush, and shares it with the others', async () => {
    // Writes outside a transaction hand the connection on before their flush, so these commit while flush 0 runs.
    const first = track(insert(db.kysely, 'w1'))
    const flush0 = await flushBeforeAnswer(fake, 0, first)
    const later = ['w2', 'w3', 'w4', 'w5'].map((id) => track(insert(db.kysely, id)))
    await until(() => committed().length === 5, 'the four later writes committed')
    await turns()
    assert.ok(
      later.every((w) => !w.settled()),
      'no write is answered by a flush that started before it committed',
    )
    flush0.finish()
    await first.promise
    const flush1 = await fake.call(1)
    assert.deepEqual(flush1.committedAtStart, ['w1', 'w2', 'w3', 'w4', 'w5'])
    await turns()
    assert.ok(
      later.every((w) => !w.settled()),
      'the later writes wait for the flush that covers them',
    )
    flush1.finish()
    await Promise.all(later.map((w) => w.promise))
    await turns()
    assert.equal(fake.calls.length, 2, 'five commits, two flushes: the four waiting shared one')
  })

  it('answers transactions submitted during a flush after a later flush that covers them', async () => {
    const first = track(db.transaction((trx) => insert(trx, 'w1')))
    const flush0 = await flushBeforeAnswer(fake, 0, first)
    const later = ['w2', 'w3', 'w4', 'w5'].map((id) => track(db.transaction((trx) => insert(trx, id))))
    await turns()
    assert.ok(later.every((w) => !w.settled()))
    flush0.finish()
    await first.promise
    const flush1 = await flushBeforeAnswer(fake, 1, later[0]!)
    assert.deepEqual(flush1.committedAtStart, ['w1', 'w2', 'w3', 'w4', 'w5'], 'the four share one COMMIT and one flush')
    await turns()
    assert.ok(
      later.every((w) => !w.settled()),
      'none is answered before the flush that covers it',
    )
    flush1.finish()
    await Promise.all(later.map((w) => w.promise))
    await turns()
    assert.equal(fake.calls.length, 2)
  })

  it('fails the writes of a failed flush without running them again, and every write after it', async () => {
    let runs = 0
    // Three units submitted together share one COMMIT (group commit) and so one flush.
    const writes = ['w1', 'w2', 'w3'].map((id) =>
      track(
        db.transaction(async (trx) => {
          runs++
          await insert(trx, id)
        }),
      ),
    )
    const flush = await flushBeforeAnswer(fake, 0, writes[0]!)
    flush.finish(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }))
    const outcomes = await Promise.allSettled(writes.map((w) => w.promise))
    for (const outcome of outcomes) {
      assert.equal(outcome.status, 'rejected')
      const reason = (outcome as PromiseRejectedResult).reason
      assert.ok(reason instanceof WalFlushError, `a flush error, not ${String(reason)}`)
      assert.ok(isUnavailable(reason), 'answered as the database being unavailable (503)')
    }
    assert.equal(runs, 3, 'a unit whose COMMIT happened is not run again')
    assert.deepEqual(committed(), ['w1', 'w2', 'w3'])
    // After a failed flush nothing is vouched for any more: the next write fails without a flush.
    await assert.rejects(
      db.transaction((trx) => insert(trx, 'w4')),
      WalFlushError,
    )
    assert.equal(fake.calls.length, 1, 'no flush was attempted after the failure')
  })
})

describe('sqlite: WalSync on its own', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-walsync-unit-'))
  const wal = join(dir, 'x.db-wal')
  writeFileSync(wal, 'frames')
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('starts a flush at once when none runs, and one more for all who arrive while it runs', async () => {
    const fake = new FakeSync()
    const sync = new WalSync(wal, fake.sync)
    const a = track(sync.flush())
    const call0 = await fake.call(0)
    const rest = [track(sync.flush()), track(sync.flush()), track(sync.flush())]
    await turns()
    assert.equal(fake.calls.length, 1, 'callers arriving during a flush do not start one of their own')
    call0.finish()
    await a.promise
    const call1 = await fake.call(1)
    await turns()
    assert.ok(
      rest.every((r) => !r.settled()),
      'they are answered by the next flush, not the running one',
    )
    call1.finish()
    await Promise.all(rest.map((r) => r.promise))
    assert.equal(fake.calls.length, 2)
    // Idle again: the next caller starts a flush at once.
    const c = track(sync.flush())
    ;(await fake.call(2)).finish()
    await c.promise
    sync.close()
  })

  it('refuses to vouch for a commit when the WAL file is missing (ENOENT), and stays failed', async () => {
    const fake = new FakeSync()
    const sync = new WalSync(join(dir, 'gone.db-wal'), fake.sync)
    await assert.rejects(sync.flush(), (error: Error) => {
      assert.ok(error instanceof WalFlushError)
      assert.match(error.message, /is missing after a commit/)
      return true
    })
    await assert.rejects(sync.flush(), WalFlushError)
    assert.equal(fake.calls.length, 0, 'nothing was flushed, and nothing was acknowledged')
  })

  it('fails the callers waiting for the next flush when the running one fails', async () => {
    const fake = new FakeSync()
    const sync = new WalSync(wal, fake.sync)
    const a = sync.flush()
    const waiting = sync.flush()
    ;(await fake.call(0)).finish(Object.assign(new Error('EIO'), { code: 'EIO' }))
    await assert.rejects(a, WalFlushError)
    await assert.rejects(waiting, WalFlushError)
    assert.equal(fake.calls.length, 1)
    sync.close()
  })
})

describe('sqlite: an in-memory database', () => {
  it('has no WAL to flush and commits without one', async () => {
    const db = openSqlite(':memory:')
    try {
      await migrateToLatest(db)
      await db.transaction((trx) =>
        trx.insertInto('workspaces').values({ id: 'm1', name: 'm1', created_at: 1, updated_at: 1 }).execute(),
      )
      const rows = await db.kysely.selectFrom('workspaces').select('id').where('id', '=', 'm1').execute()
      assert.equal(rows.length, 1)
    } finally {
      await db.close()
    }
  })
})
