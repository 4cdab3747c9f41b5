// The server under soak, as its own process (`node --import tsx --expose-gc soak-server.ts`), so its
// memory and handles are measured apart from the load generator. It starts as `rapport serve` would
// (migrate, bootstrap a workspace and key, buildApp, listen on port 0) from the environment it is given,
// reports `{ url, key }` over IPC, answers `sample` messages with its memory and handles after a full
// garbage collection, and exits cleanly on `stop`.
//
// SOAK_LEAK makes it leak on purpose, for the detector's self-test (soak-self.test.ts): `heap` keeps
// 16 KB or more of numbers per request, `handles` starts a timer never stopped every 10th request.
import { readdirSync } from 'node:fs'
import { buildApp } from '../../../src/app.js'
import { loadConfig } from '../../../src/config.js'
import { openDatabase } from '../../../src/db/dialect.js'
import { migrateToLatest } from '../../../src/db/migrate.js'
import { WorkspacesService } from '../../../src/domain/workspaces/workspaces-service.js'

export interface SoakSample {
  /** Milliseconds since the server started. */
  at: number
  rss: number
  heapUsed: number
  external: number
  /** process.getActiveResourcesInfo(), counted by kind (TCPSocketWrap, Timeout, ...). */
  resources: Record<string, number>
  /** Open file descriptors (sockets, files), from /proc/self/fd; -1 where there is no /proc. */
  fds: number
}

export type SoakMessage = { type: 'ready'; url: string; key: string } | { type: 'sample'; sample: SoakSample }

const gc = (globalThis as { gc?: () => void }).gc

function sample(startedAt: number): SoakSample {
  // Twice: the first pass can leave garbage that only the second frees (weak references, finalizers).
  gc?.()
  gc?.()
  const memory = process.memoryUsage()
  const resources: Record<string, number> = {}
  for (const kind of process.getActiveResourcesInfo()) resources[kind] = (resources[kind] ?? 0) + 1
  let fds = -1
  try {
    fds = readdirSync('/proc/self/fd').length
  } catch {
    // Not Linux: no descriptor count.
  }
  return {
    at: Date.now() - startedAt,
    rss: memory.rss,
    heapUsed: memory.heapUsed,
    external: memory.external,
    resources,
    fds,
  }
}

const startedAt = Date.now()
const config = loadConfig()
const where = { databaseUrl: config.DATABASE_URL, dataDir: config.RAPPORT_DATA_DIR }
const setup = await openDatabase({ ...where, poolSize: 1 })
await migrateToLatest(setup)
const { newKey } = await new WorkspacesService(setup).bootstrap()
await setup.close()
const db = await openDatabase({
  ...where,
  poolSize: config.RAPPORT_DB_POOL_SIZE,
  statementTimeoutMs: config.RAPPORT_REQUEST_TIMEOUT_MS,
})
const app = await buildApp({ db, config })
await app.listen({ port: 0, host: '127.0.0.1' })
const leak = process.env.SOAK_LEAK
const kept: number[][] = []
let requests = 0
// An array of 4,096 numbers: on the heap (a long string would be a rope of shared pieces, a buffer off it).
if (leak === 'heap') app.server.on('request', () => kept.push(Array.from({ length: 4096 }, (_, i) => i + ++requests)))
if (leak === 'handles') app.server.on('request', () => ++requests % 10 === 0 && setInterval(() => {}, 60_000))
const address = app.server.address()
if (address === null || typeof address === 'string' || !newKey || !process.send)
  throw new Error('soak server: no TCP address, key or IPC channel')

process.on('message', (message: { type: string }) => {
  if (message.type === 'sample') process.send!({ type: 'sample', sample: sample(startedAt) } satisfies SoakMessage)
  if (message.type === 'stop') {
    void app
      .close()
      .then(() => db.close())
      .then(() => process.exit(0))
  }
})
process.send({ type: 'ready', url: `http://127.0.0.1:${address.port}`, key: newKey.key } satisfies SoakMessage)
