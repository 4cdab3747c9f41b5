// PostgreSQL taken away under load: the real server (`rapport serve`) runs an entry load and a reader
// while its PostgreSQL is stopped for a few seconds and started again, twice: once with `-m fast` (the
// server ends every session) and once with `-m immediate` (a crash; recovery on start). Every request
// during an outage is answered 503 in the error shape, never a 500 and never later than the request
// timeout allows; the server recovers by itself (same process) once PostgreSQL is back; nothing that
// was acknowledged is lost, and writes whose answer was a 503 are stored whole or not at all.
//
// PostgreSQL only. It stops a PostgreSQL of its own (support/private-postgres.ts: initdb in a temporary
// folder, another port), never the shared one that test files running at the same time depend on.
// `pg_ctl` runs as a child process while this process's event loop goes on, so the writers and the
// reader keep sending requests while PostgreSQL shuts down and while it recovers; the test checks that
// requests were indeed sent in both transitions.
// OUTAGE_MS sets the length of each outage (default below).
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import pg from 'pg'
import { client } from '../support/client.js'
import { TEST_DATABASES } from '../support/databases.js'
import { Endpoint, isErrorShape, send } from './support/endpoint.js'
import { makeEntryFixture } from './support/entry-fixture.js'
import { verifyEntries } from './support/entry-verify.js'
import { startWorkload } from './support/entry-workload.js'
import { startPrivatePostgres, type PrivatePostgres } from './support/private-postgres.js'
import { startServerProcess, TEST_API_KEY, type ServerProcess } from './support/server-process.js'
import { checkStore } from './support/store-check.js'

const OUTAGE_MS = Number(process.env.OUTAGE_MS ?? 2500)
/** Short, so the bound on answer time (this plus slack) means something within a short outage. */
const REQUEST_TIMEOUT_MS = 2000
/** Slack over the request timeout for an answer to count as in time (scheduling on a busy machine). */
const ANSWER_SLACK_MS = 1000
/** Load before the first outage. */
const STEADY_MS = 1200
/** After each recovery, the load runs until this many more writes are acknowledged (or the bound below). */
const ACKED_AFTER = 10
const RECOVERY_LOAD_LIMIT_MS = 30_000
const WORKERS = 3
const READ_EVERY_MS = 25

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface Reading {
  at: number
  path: string
  status: number | string
  ms: number
  body: unknown
}

if (TEST_DATABASES.some((d) => d.name === 'postgres')) {
  describe('postgres: outage', { timeout: 120_000 }, () => {
    let postgres: PrivatePostgres | undefined
    let server: ServerProcess | undefined
    let env: Record<string, string>
    before(async () => {
      postgres = await startPrivatePostgres()
      const admin = new pg.Client({ connectionString: postgres.adminUrl })
      await admin.connect()
      await admin.query('create database rapport')
      await admin.end()
      env = { DATABASE_URL: postgres.urlOf('rapport'), RAPPORT_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) }
    })
    after(async () => {
      await server?.kill()
      postgres?.destroy()
    })

    it(`answers 503 during two ${OUTAGE_MS} ms outages, recovers by itself, and loses nothing acknowledged`, async (t) => {
      server = await startServerProcess(env)
      const pid = server.child.pid
      const fixture = await makeEntryFixture(client(server, TEST_API_KEY))
      const endpoint = new Endpoint(server.url)
      const load = startWorkload(endpoint, TEST_API_KEY, fixture, {
        workers: WORKERS,
        allowUnavailable: true,
        deferCreates: true,
        createShare: 0.5,
      })
      const readings: Reading[] = []
      let reading = true
      const reader = (async () => {
        const paths = [
          '/healthz',
          `/v1/lists/${fixture.deals.id}/entries?first=5&status=Lead`,
          '/v1/organizations?first=5',
        ]
        for (let i = 0; reading; i++) {
          const path = paths[i % paths.length]!
          const outcome = await send(endpoint, TEST_API_KEY, 'GET', path)
          const status =
            outcome.kind === 'answered'
              ? outcome.status
              : outcome.kind === 'failed'
                ? `failed ${outcome.error}`
                : 'hung'
          readings.push({
            at: Date.now(),
            path,
            status,
            ms: outcome.ms,
            body: outcome.kind === 'answered' ? outcome.body : undefined,
          })
          await sleep(READ_EVERY_MS)
        }
      })()

      // from: stop sent; stopped: pg_ctl says it is down; restart: start sent; to: it takes connections again.
      const outages: Array<{
        mode: string
        from: number
        stopped: number
        restart: number
        to: number
        recoveredAfterMs: number
      }> = []
      const acknowledged = () =>
        load.figures.creates.acknowledged + load.figures.moves.acknowledged + load.figures.fieldWrites.acknowledged
      const ackedAfter: number[] = []
      try {
        await sleep(STEADY_MS)
        for (const mode of ['fast', 'immediate'] as const) {
          const from = Date.now()
          await postgres!.stop(mode)
          const stopped = Date.now()
          await sleep(OUTAGE_MS)
          const restart = Date.now()
          await postgres!.start()
          const to = Date.now()
          // Recovered: the server's own health check answers 200 again, with no restart.
          let recoveredAfterMs = -1
          while (Date.now() - to < 15_000) {
            const health = await send(endpoint, TEST_API_KEY, 'GET', '/healthz')
            if (health.kind === 'answered' && health.status === 200) {
              recoveredAfterMs = Date.now() - to
              break
            }
            await sleep(20)
          }
          outages.push({ mode, from, stopped, restart, to, recoveredAfterMs })
          // Writes go through again: wait for some to be acknowledged (not for a fixed time).
          const before = acknowledged()
          const until = Date.now() + RECOVERY_LOAD_LIMIT_MS
          while (acknowledged() - before < ACKED_AFTER && Date.now() < until) await sleep(20)
          ackedAfter.push(acknowledged() - before)
        }
      } finally {
        reading = false
        await reader
        await load.stop()
      }

      // Reads sent while PostgreSQL was surely down: after pg_ctl said it stopped, before the restart.
      const sentAt = (r: Reading) => r.at - r.ms
      const during = readings.filter((r) => outages.some((o) => sentAt(r) > o.stopped && sentAt(r) < o.restart))
      // Reads sent while pg_ctl was stopping it, and while it was starting it: the load did not pause.
      const stopping = readings.filter((r) => outages.some((o) => sentAt(r) >= o.from && sentAt(r) < o.stopped))
      const starting = readings.filter((r) => outages.some((o) => sentAt(r) >= o.restart && sentAt(r) < o.to))
      const byStatus = (rs: Reading[]) => {
        const counts: Record<string, number> = {}
        for (const r of rs) counts[String(r.status)] = (counts[String(r.status)] ?? 0) + 1
        return counts
      }
      const codes = readings
        .filter((r) => r.status === 503)
        .reduce<Record<string, number>>((acc, r) => {
          const code = String((r.body as { code?: string })?.code)
          acc[code] = (acc[code] ?? 0) + 1
          return acc
        }, {})
      const verified = await verifyEntries(client(server, TEST_API_KEY), fixture, load.entries)
      const stillSame = server.child.pid === pid && server.child.exitCode === null
      assert.equal(await server.stop(), 0, 'the server stops cleanly on SIGTERM')
      const store = await checkStore(env, verified.stored)

      const f = load.figures
      const lines = [
        `outages ${outages.map((o) => `${o.mode} ${o.to - o.from} ms (stopping ${o.stopped - o.from} ms, starting ${o.to - o.restart} ms), healthy again ${o.recoveredAfterMs} ms after PostgreSQL`).join('; ')}`,
        `reads sent while pg_ctl stopped PostgreSQL ${stopping.length} ${JSON.stringify(byStatus(stopping))}, while it started it ${starting.length} ${JSON.stringify(byStatus(starting))}`,
        `reader: ${readings.length} requests ${JSON.stringify(byStatus(readings))}; during the outages ${during.length} ${JSON.stringify(byStatus(during))}; 503 codes ${JSON.stringify(codes)}`,
        `writes: ${JSON.stringify(f.outcomes)}; slowest answer ${Math.round(Math.max(f.slowestAnswerMs, ...readings.map((r) => r.ms)))} ms (bound ${REQUEST_TIMEOUT_MS + ANSWER_SLACK_MS} ms)`,
        `acknowledged creates ${f.creates.acknowledged}, moves ${f.moves.acknowledged}, field writes ${f.fieldWrites.acknowledged}; acknowledged after each recovery ${JSON.stringify(ackedAfter)}`,
        `503 then found applied / not applied: creates ${f.creates.unknownApplied}/${f.creates.unknownNotApplied}, moves ${f.moves.unknownApplied}/${f.moves.unknownNotApplied}, field writes ${f.fieldWrites.unknownApplied}/${f.fieldWrites.unknownNotApplied}`,
        `found: ${verified.figures.deals} Deals entries (${load.entries.length} expected), ${verified.figures.accounts} Accounts, ${verified.figures.keys} keys unique and gap-free; store ${store.figures.entries} entries checked`,
      ]
      for (const line of lines) t.diagnostic(line)
      const context = `\n${lines.join('\n')}`

      assert.deepEqual([...load.problems, ...verified.problems, ...store.problems], [], context)
      assert.ok(stillSame, 'the same server process served throughout')
      for (const o of outages)
        assert.ok(o.recoveredAfterMs >= 0, `the server did not recover after the ${o.mode} outage${context}`)
      for (const n of ackedAfter)
        assert.ok(n >= ACKED_AFTER, `only ${n} writes acknowledged after a recovery${context}`)
      assert.ok(stopping.length > 0 && starting.length > 0, `requests paused while pg_ctl ran${context}`)
      // Every answer is 200 or a 503 in the error shape; nothing failed, hung or took too long.
      const wrong = readings.filter((r) => !(r.status === 200 || (r.status === 503 && isErrorShape(r.body, 503))))
      assert.deepEqual(
        wrong.map((r) => `${r.path}: ${r.status} ${JSON.stringify(r.body)}`.slice(0, 300)),
        [],
        context,
      )
      const kinds = Object.keys(f.outcomes).filter(
        (k) => !/^(200|201|503 (service_unavailable|request_timeout))$/.test(k),
      )
      assert.deepEqual(kinds, [], `writes got other answers${context}`)
      const slowest = Math.max(f.slowestAnswerMs, ...readings.map((r) => r.ms))
      assert.ok(slowest <= REQUEST_TIMEOUT_MS + ANSWER_SLACK_MS, `an answer took ${Math.round(slowest)} ms${context}`)
      // The outages were felt: reads during them were refused, and so were writes.
      assert.ok(
        during.length > 0 && during.every((r) => r.status === 503),
        `reads during the outages: ${JSON.stringify(byStatus(during))}${context}`,
      )
      assert.ok(
        Object.keys(f.outcomes).some((k) => k.startsWith('503')),
        `no write was refused during the outages${context}`,
      )
    })
  })
}
