// The database deadline (src/db/deadline.ts) on every database: a transaction under a passed deadline
// does not begin, and one whose deadline passes while it runs does not commit, so nothing is written
// after its caller gave up. The HTTP side (503 request_timeout) is in test/app/limits.test.ts.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { DeadlineExceededError, deadlineIn, isPast, type Deadline } from '../../src/db/deadline.js'
import { newId } from '../../src/domain/ids.js'
import { TEST_DATABASES } from '../support/databases.js'
import { startTestServer, type TestServer } from '../support/server.js'

/** Resolves once the deadline has passed by the clock (checked every millisecond or so). */
async function passed(deadline: Deadline): Promise<void> {
  while (!isPast(deadline)) await new Promise((resolve) => setTimeout(resolve, 1))
}

for (const database of TEST_DATABASES) {
  describe(`${database.name}: database deadlines`, () => {
    let server: TestServer
    before(async () => {
      server = await startTestServer(database)
    })
    after(async () => server?.close())

    const member = () => {
      const id = newId()
      const now = Date.now()
      return {
        workspace_id: server.workspace.id,
        id,
        name: 'M',
        email: `${id}@example.com`,
        email_key: `${id}@example.com`,
        created_at: now,
        updated_at: now,
      }
    }
    const exists = async (id: string) =>
      (await server.db.kysely.selectFrom('users').select('id').where('id', '=', id).execute()).length === 1

    it('lets work within its deadline run and commit', async () => {
      const row = member()
      await server.db.transaction((trx) => trx.insertInto('users').values(row).execute(), deadlineIn(5000))
      assert.ok(await exists(row.id))
    })
    it('does not begin a transaction once the deadline has passed', async () => {
      const row = member()
      const deadline = deadlineIn(30)
      await passed(deadline)
      let ran = false
      await assert.rejects(
        server.db.transaction(async (trx) => {
          ran = true
          await trx.insertInto('users').values(row).execute()
        }, deadline),
        DeadlineExceededError,
      )
      assert.equal(ran, false)
      assert.equal(await exists(row.id), false)
    })
    it('rolls back, instead of committing, a transaction whose deadline passed after its last statement', async () => {
      const first = member()
      const second = member()
      // Generous, so the transaction surely begins within it on a busy machine; the work then waits it out.
      const deadline = deadlineIn(1000)
      let wrote = false
      await assert.rejects(
        server.db.transaction(async (trx) => {
          await trx.insertInto('users').values(first).execute()
          await trx.insertInto('users').values(second).execute()
          wrote = true
          await passed(deadline)
        }, deadline),
        DeadlineExceededError,
      )
      assert.ok(wrote, 'the work ran: the refusal was at the commit')
      assert.equal(await exists(first.id), false)
      assert.equal(await exists(second.id), false)
      // The connection is usable afterwards (SQLite has only one).
      const third = member()
      await server.db.transaction((trx) => trx.insertInto('users').values(third).execute())
      assert.ok(await exists(third.id))
    })
    it('refuses once the owner marks the deadline expired, whatever the clock says', async () => {
      const deadline = deadlineIn(60_000)
      deadline.expired = true
      const row = member()
      await assert.rejects(
        server.db.transaction((trx) => trx.insertInto('users').values(row).execute(), deadline),
        DeadlineExceededError,
      )
      assert.equal(await exists(row.id), false)
    })
    it('leaves work outside any deadline alone', async () => {
      const row = member()
      await server.db.transaction((trx) => trx.insertInto('users').values(row).execute())
      assert.ok(await exists(row.id))
    })
    it('counts a write as in flight while it runs, so a timed-out request waits for its outcome', async () => {
      const deadline = deadlineIn(60_000)
      let started!: () => void
      const running = new Promise<void>((resolve) => (started = resolve))
      let finish!: () => void
      const gate = new Promise<void>((resolve) => (finish = resolve))
      const write = server.db.transaction(async (trx) => {
        await sql`select 1`.execute(trx)
        started()
        await gate
        await trx.insertInto('users').values(member()).execute()
      }, deadline)
      await running
      assert.equal(deadline.inFlight, 1, 'in flight while its transaction runs')
      finish()
      await write
      assert.equal(deadline.inFlight, 0)
    })
  })
}
