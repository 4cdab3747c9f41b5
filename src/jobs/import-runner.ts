// The background runner of import jobs, one per server process, started and stopped by app.ts. It
// claims a job (a lease in the job's row, renewed by every chunk the job writes), runs it, and looks for
// the next: jobs queued in this process start at once, others (queued by another process, or left by a
// process that stopped: its lease runs out) within POLL_MS. One job at a time per process. A server
// that shuts down stops its job between two chunks and gives up the lease, so the next start (or another
// process) resumes it where it stopped.
import * as q from '../db/queries/imports.js'
import { newId } from '../domain/ids.js'
import { LEASE_MS, runImport, type ImportJobDeps, type ImportProgress } from '../domain/imports/import-job.js'
import { nowMs } from '../domain/time.js'

/** How often the runner looks for work it was not told about. */
const POLL_MS = 5000
/** An upload still arriving after this long died with its request (the process stopped): it is removed. */
const ABANDONED_UPLOAD_MS = 60 * 60 * 1000

/** Where the runner reports a failure it could not give a job (a pino logger, or the CLI's console). */
export interface RunnerLog {
  error(details: object, message: string): void
}

export class ImportRunner {
  /** This process's name in the jobs it claims. */
  readonly id = newId()
  #timer: NodeJS.Timeout | undefined
  #busy: Promise<void> | undefined
  #again = false
  #stopping = false

  constructor(
    private readonly deps: ImportJobDeps,
    private readonly log: RunnerLog,
  ) {}

  start(): void {
    this.#timer = setInterval(() => this.kick(), POLL_MS)
    this.#timer.unref()
    this.kick()
  }

  /** Looks for work now. */
  kick(): void {
    if (this.#stopping) return
    if (this.#busy) {
      this.#again = true
      return
    }
    this.#busy = this.#drain().finally(() => {
      this.#busy = undefined
      if (this.#again) {
        this.#again = false
        this.kick()
      }
    })
  }

  /** Resolves once no claimable job is left (tests wait on it before comparing what is stored). */
  async idle(): Promise<void> {
    for (;;) {
      if (this.#busy) await this.#busy
      const waiting = await q.findClaimableImports(this.deps.db.kysely, nowMs(), 1)
      if (waiting.length === 0 && !this.#busy) return
      this.kick()
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }

  /** Stops after the chunk under way; the job's lease is given up so it resumes on the next start. */
  async stop(): Promise<void> {
    this.#stopping = true
    if (this.#timer) clearInterval(this.#timer)
    await this.#busy
  }

  /**
   * Claims and runs one job now, in this process (`rapport import`); false when another runner holds it.
   */
  async runNow(workspaceId: string, id: string, onProgress?: (p: ImportProgress) => void): Promise<boolean> {
    const now = nowMs()
    if (!(await q.claimImport(this.deps.db.kysely, workspaceId, id, this.id, now, now + LEASE_MS))) return false
    await runImport(this.deps, workspaceId, id, this.id, onProgress ? { onProgress } : {})
    return true
  }

  async #drain(): Promise<void> {
    const db = this.deps.db.kysely
    try {
      for (const upload of await q.findAbandonedUploads(db, nowMs() - ABANDONED_UPLOAD_MS))
        await q.deleteImport(db, upload.workspace_id, upload.id)
      while (!this.#stopping) {
        const now = nowMs()
        let claimed: { workspace_id: string; id: string } | undefined
        for (const job of await q.findClaimableImports(db, now, 5)) {
          if (await q.claimImport(db, job.workspace_id, job.id, this.id, now, now + LEASE_MS)) {
            claimed = job
            break
          }
        }
        if (claimed === undefined) return
        await runImport(this.deps, claimed.workspace_id, claimed.id, this.id, { shouldStop: () => this.#stopping })
        if (this.#stopping)
          await q.updateImport(
            db,
            claimed.workspace_id,
            claimed.id,
            { lease_until: null },
            { status: 'running', runner: this.id },
          )
      }
    } catch (error) {
      this.log.error({ err: error }, 'import runner')
    }
  }
}
