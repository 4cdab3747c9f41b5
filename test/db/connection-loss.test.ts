// PostgreSQL ending a session while a transaction holds it between two statements (a shutdown, a
// failover, pg_terminate_backend). The process must live on: the transaction fails as "unavailable"
// (answered 503), nothing of it is stored, and the pool serves the next transaction on a new session.
// Found by test/reliability/outage.test.ts, where `pg_ctl stop -m fast` crashed the server.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { FastifyRequest } from 'fastify'
import { sql } from 'kysely'
import pg from 'pg'
import { isUnavailable } from '../../src/db/errors.js'
import { newId } from '../../src/domain/ids.js'
import { toErrorResponse } from '../../src/http/plugins/errors.js'
import { POSTGRES_ADMIN_URL, TEST_DATABASES } from '../support/databases.js'
import { startTestServer, type TestServer } from '../support/server.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const postgres = TEST_DATABASES.find((d) => d.name === 'postgres')
if (postgres) {
  describe('postgres: a session ended inside a transaction', () => {
    let server: TestServer
    before(async () => {
      server = await startTestServer(postgres)
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

    it('fails the transaction as unavailable, stores nothing of it, and the next one runs on a new session', async () => {
      const row = member()
      const failure = await server.db
        .transaction(async (trx) => {
          await trx.insertInto('users').values(row).execute()
          const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)
          const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
          await admin.connect()
          await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid])
          // The server's FATAL arrives while no statement of ours runs: the session is gone once its
          // backend has left pg_stat_activity.
          while ((await admin.query('select 1 from pg_stat_activity where pid = $1', [rows[0]!.pid])).rowCount! > 0)
            await sleep(5)
          await admin.end()
          await sleep(0)
          await trx.selectFrom('users').select('id').execute()
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        )
      assert.ok(failure !== undefined, 'the transaction fails')
      assert.ok(isUnavailable(failure), `read as "database unavailable": ${String(failure)}`)
      assert.equal(toErrorResponse(failure, { id: 'req-test' } as FastifyRequest).status, 503)
      assert.equal(await exists(row.id), false, 'nothing of it is stored')

      const next = member()
      await server.db.transaction((trx) => trx.insertInto('users').values(next).execute())
      assert.ok(await exists(next.id), 'the pool serves the next transaction')
    })
  })
}
