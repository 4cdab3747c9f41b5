// WAL checkpoints off the JavaScript thread. SQLite copies the WAL back into the database file (a
// checkpoint, with two disk flushes) when the WAL grows past a threshold, and it does so inside the
// COMMIT that crossed it, on whatever thread committed: for us, the one thread that serves every
// request. So the serving connection's automatic checkpoint is set high (a backstop only), and a worker
// thread with a connection of its own runs PASSIVE checkpoints, which never block readers or writers.
import { Worker } from 'node:worker_threads'

/** How often the worker checkpoints. */
const INTERVAL_MS = 250

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file)
db.pragma('busy_timeout = 1000')
db.pragma('synchronous = NORMAL') // in WAL mode: the WAL is flushed before, the database after, each checkpoint
let stopped = false
const tick = () => {
  if (stopped) return
  try { db.pragma('wal_checkpoint(PASSIVE)') } catch {}
  setTimeout(tick, workerData.interval)
}
parentPort.on('message', () => { stopped = true; try { db.close() } catch {} ; process.exit(0) })
tick()
`

export class Checkpointer {
  readonly #worker: Worker

  constructor(file: string, driverPath: string) {
    this.#worker = new Worker(WORKER, { eval: true, workerData: { file, driver: driverPath, interval: INTERVAL_MS } })
    // A failing checkpointer must not take the server down; the serving connection's own threshold
    // still bounds the WAL.
    this.#worker.on('error', () => {})
    this.#worker.unref()
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.#worker.once('exit', resolve))
    this.#worker.postMessage('stop')
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))])
    await this.#worker.terminate()
  }
}
