// Running one import job: make the list fields it was asked to make, count the rows, then write them in
// chunks of CHUNK_ROWS, each chunk in one transaction together with the job's progress and refused rows.
// So the progress stored is always what was written: a job whose process stopped is resumed after its
// last chunk by whichever process claims it next (see jobs/import-runner.ts), and a canceled job, or one
// another process has taken over, stops at its next chunk, writing nothing of it.
import type { Transaction } from 'kysely'
import type { Db } from '../../db/dialect.js'
import { isUnavailable } from '../../db/errors.js'
import * as q from '../../db/queries/imports.js'
import type { Database, ImportRow } from '../../db/schema.js'
import type { Actor } from '../actor.js'
import type { EntriesService } from '../entries/entries-service.js'
import { RapportError } from '../errors.js'
import { loadListDefinition, type ListsService } from '../lists/lists-service.js'
import { nowMs } from '../time.js'
import { csvRows, fileText } from './csv-source.js'
import { parseTargetName, type ColumnPlan } from './import-columns.js'
import { planRow } from './import-rows.js'
import { writeRows, type RowOutcome } from './import-writer.js'

/** Rows per transaction: small enough that other writers wait little, large enough to batch well. */
export const CHUNK_ROWS = 500
/** How long a claim on a job holds without news from its runner; every chunk renews it. */
export const LEASE_MS = 60_000

export interface ImportJobDeps {
  db: Db
  entries: EntriesService
  lists: ListsService
  defaultCountryCode: string
}

export interface ImportProgress {
  rowsDone: number
  rowsTotal: number | null
  created: number
  updated: number
  unchanged: number
  rejected: number
}

/** The job was canceled or another runner holds it: stop without writing. */
class Stopped extends Error {}
/** Carries a dry run's outcomes out of the transaction it rolls back. */
class DryRun extends Error {
  constructor(readonly outcomes: RowOutcome[]) {
    super('dry run')
  }
}

/**
 * Runs the job `id` that `runner` has claimed, to its end (succeeded or failed), or until it is canceled
 * or taken over. `shouldStop` is asked between chunks (a server shutting down); the job is then left to
 * be resumed.
 */
export async function runImport(
  deps: ImportJobDeps,
  workspaceId: string,
  id: string,
  runner: string,
  options: { onProgress?: (progress: ImportProgress) => void; shouldStop?: () => boolean } = {},
): Promise<void> {
  const { db } = deps
  const job = await q.findImport(db.kysely, workspaceId, id)
  if (job?.status !== 'running' || job.runner !== runner) return
  const actor: Actor = { workspaceId, apiKeyId: job.api_key_id, userId: job.user_id }
  const stored = JSON.parse(job.columns ?? '[]') as Array<{ name: string; target: string | null; new_field?: boolean }>
  const progress: ImportProgress = {
    rowsDone: job.rows_done,
    rowsTotal: job.rows_total,
    created: job.created,
    updated: job.updated,
    unchanged: job.unchanged,
    rejected: job.rejected,
  }
  const guard = { status: 'running', runner }
  try {
    let def = await loadListDefinition(db.kysely, workspaceId, job.list_id)
    const missing = stored.filter((c) => c.new_field && !def.fields.some((f) => f.name === c.name))
    if (job.create_fields === 1 && job.dry_run === 0 && missing.length > 0) {
      await deps.lists.update(actor, job.list_id, {
        fields: missing.map((c) => ({ name: c.name, data_type: 'text' })),
      })
      def = await loadListDefinition(db.kysely, workspaceId, job.list_id)
    }
    const columns: ColumnPlan[] = stored.map((c, index) => ({ index, name: c.name, target: parseTargetName(c.target) }))
    if (progress.rowsTotal === null) {
      let rows = -1
      for await (const _ of csvRows(fileText(db.kysely, workspaceId, id))) rows++
      progress.rowsTotal = Math.max(rows, 0)
      if (
        !(await q.updateImport(
          db.kysely,
          workspaceId,
          id,
          { rows_total: progress.rowsTotal, lease_until: nowMs() + LEASE_MS },
          guard,
        ))
      )
        return
      options.onProgress?.({ ...progress })
    }
    const ctx = {
      entries: deps.entries,
      actor,
      def,
      defaultCountryCode: deps.defaultCountryCode,
      locks: db.traits.supportsForUpdate,
    }
    const writeChunk = async (
      chunk: Array<{ n: number; row: { cells: string[] } | { broken: string; raw: string } }>,
    ) => {
      const plans = chunk.map(({ row }) =>
        'broken' in row ? `cannot be read as CSV: ${row.broken}` : planRow(ctx.def, columns, row.cells),
      )
      const record = async (trx: Transaction<Database>, outcomes: RowOutcome[]) => {
        const next = { ...progress, rowsDone: chunk[chunk.length - 1]!.n }
        const rejections: Array<{ row_number: number; reason: string; cells: string }> = []
        outcomes.forEach((o, k) => {
          if (typeof o === 'object') {
            next.rejected++
            const row = chunk[k]!.row
            rejections.push({
              row_number: chunk[k]!.n,
              reason: o.rejected,
              cells: JSON.stringify('broken' in row ? [row.raw.replace(/\r?\n$/, '')] : row.cells),
            })
          } else next[o]++
        })
        const changes = {
          rows_done: next.rowsDone,
          created: next.created,
          updated: next.updated,
          unchanged: next.unchanged,
          rejected: next.rejected,
          lease_until: nowMs() + LEASE_MS,
          updated_at: nowMs(),
        }
        if (!(await q.updateImport(trx, workspaceId, id, changes, guard))) throw new Stopped()
        await q.insertRejections(trx, workspaceId, id, rejections)
        return next
      }
      let next: ImportProgress
      if (job.dry_run === 1) {
        let outcomes: RowOutcome[]
        try {
          await db.transaction(async (trx) => {
            throw new DryRun(await writeRows(trx, ctx, plans))
          })
          throw new Error('a dry run committed')
        } catch (error) {
          if (!(error instanceof DryRun)) throw error
          outcomes = error.outcomes
        }
        next = await db.transaction((trx) => record(trx, outcomes))
      } else next = await db.transaction(async (trx) => record(trx, await writeRows(trx, ctx, plans)))
      Object.assign(progress, next)
      options.onProgress?.({ ...progress })
    }
    let n = -1
    let chunk: Array<{ n: number; row: { cells: string[] } | { broken: string; raw: string } }> = []
    for await (const row of csvRows(fileText(db.kysely, workspaceId, id))) {
      n++
      if (n === 0 || n <= progress.rowsDone) continue
      chunk.push({ n, row })
      if (chunk.length >= CHUNK_ROWS) {
        await writeChunk(chunk)
        chunk = []
        if (options.shouldStop?.()) return
      }
    }
    if (chunk.length > 0) await writeChunk(chunk)
    await finish(db, workspaceId, id, guard, { status: 'succeeded', error: null })
  } catch (error) {
    if (error instanceof Stopped) return
    // The database is away: the claim runs out and the job is resumed later, where it stopped.
    if (isUnavailable(error)) return
    const message = error instanceof RapportError ? error.message : 'The import stopped on an internal error'
    await finish(db, workspaceId, id, guard, { status: 'failed', error: message }).catch(() => {})
    if (!(error instanceof RapportError)) throw error
  }
}

async function finish(
  db: Db,
  workspaceId: string,
  id: string,
  guard: { status: string; runner: string },
  end: Pick<ImportRow, 'status' | 'error'>,
): Promise<void> {
  const now = nowMs()
  if (
    await q.updateImport(
      db.kysely,
      workspaceId,
      id,
      { ...end, finished_at: now, updated_at: now, lease_until: null },
      guard,
    )
  )
    await q.deleteChunks(db.kysely, workspaceId, id)
}
