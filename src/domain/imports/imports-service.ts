// Imports (`/v1/lists/:list_id/imports`, `/v1/imports/:id`, `rapport import`): a CSV file becomes a job.
// The file is stored in the database as it arrives (so any server process can run the job, and resume
// it after a restart) and its header checked before the 202; the job itself runs in the background
// (import-job.ts, driven by jobs/import-runner.ts).
import type { Db } from '../../db/dialect.js'
import * as q from '../../db/queries/imports.js'
import type { ImportRow } from '../../db/schema.js'
import type { Actor } from '../actor.js'
import { NotFoundError, PayloadTooLargeError, invalid } from '../errors.js'
import { newId } from '../ids.js'
import { loadListDefinition } from '../lists/lists-service.js'
import { pageRequest, toPage, type Page } from '../pagination.js'
import { nowMs } from '../time.js'
import { readHeader } from './csv-source.js'
import { planColumns, targetName, type ColumnMapping } from './import-columns.js'
import { toImportResource, type ImportResource } from './import-resource.js'

/** Characters per stored piece of a file. */
const CHUNK_CHARS = 1 << 20

export interface ImportOptions {
  mapping: ColumnMapping
  createFields: boolean
  dryRun: boolean
}

export class ImportsService {
  /** Told when a job is ready to run (the runner of this process picks it up at once). */
  onQueued: () => void = () => {}

  constructor(
    private readonly db: Db,
    /** The largest file taken, in bytes. */
    readonly maxBytes: number,
  ) {}

  /**
   * Stores the file (UTF-8, with or without BOM) for a new job on the list, checks its header and the
   * options, and queues the job. `open` gives the file and the options once the list is known to exist
   * (the list's 404 comes first). A 413 past the size limit, a 422 for a file that is not CSV text or
   * options that do not fit it; nothing is kept then.
   */
  async create(
    actor: Actor,
    listId: string,
    open: () => Promise<{ body: AsyncIterable<Uint8Array | string>; options: ImportOptions }>,
  ): Promise<ImportResource> {
    const ws = actor.workspaceId
    const def = await loadListDefinition(this.db.kysely, ws, listId)
    const { body, options } = await open()
    const now = nowMs()
    const row: ImportRow = {
      workspace_id: ws,
      id: newId(),
      list_id: listId,
      status: 'uploading',
      dry_run: options.dryRun ? 1 : 0,
      create_fields: options.createFields ? 1 : 0,
      mapping: JSON.stringify(options.mapping),
      columns: null,
      source_bytes: 0,
      rows_total: null,
      rows_done: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      error: null,
      api_key_id: actor.apiKeyId,
      user_id: actor.userId,
      runner: null,
      lease_until: null,
      created_at: now,
      started_at: null,
      finished_at: null,
      updated_at: now,
    }
    await q.insertImport(this.db.kysely, row)
    try {
      const { first, bytes } = await this.#store(ws, row.id, body)
      const columns = planColumns(readHeader(first), def, options.mapping, options.createFields)
      const changes = {
        status: 'queued',
        source_bytes: bytes,
        columns: JSON.stringify(
          columns.map((c) => ({
            name: c.name,
            target: targetName(c.target),
            ...(c.newField ? { new_field: true } : {}),
          })),
        ),
        updated_at: nowMs(),
      }
      await q.updateImport(this.db.kysely, ws, row.id, changes)
      Object.assign(row, changes)
    } catch (error) {
      await q.deleteImport(this.db.kysely, ws, row.id)
      throw error
    }
    this.onQueued()
    return toImportResource(row)
  }

  /** Streams `body` into the job's pieces; returns the first piece and the size in bytes. */
  async #store(ws: string, importId: string, body: AsyncIterable<Uint8Array | string>) {
    const decoder = new TextDecoder('utf-8', { fatal: true })
    let bytes = 0
    let pending = ''
    let first: string | undefined
    let seq = 0
    const flush = async () => {
      if (pending.includes('\u0000'))
        throw invalid('file', 'not_csv', 'is not a CSV file: it holds NUL characters (a binary file?)')
      first ??= pending
      await q.insertChunk(this.db.kysely, ws, importId, seq++, pending)
      pending = ''
    }
    try {
      for await (const piece of body) {
        const data = typeof piece === 'string' ? Buffer.from(piece) : piece
        bytes += data.byteLength
        if (bytes > this.maxBytes)
          throw new PayloadTooLargeError(`The file is larger than this server takes (${this.maxBytes} bytes)`)
        pending += decoder.decode(data, { stream: true })
        if (pending.length >= CHUNK_CHARS) await flush()
      }
      pending += decoder.decode()
    } catch (error) {
      if (error instanceof TypeError)
        throw invalid('file', 'not_utf8', 'is not a CSV file in UTF-8: save it as CSV UTF-8 and send it again')
      throw error
    }
    if (pending.length > 0 || first === undefined) await flush()
    if ((first ?? '').trim() === '') throw invalid('file', 'not_csv', 'is empty: a CSV file needs a header row')
    return { first: first!, bytes }
  }

  async get(actor: Actor, id: string): Promise<ImportResource> {
    return toImportResource(await this.#find(actor, id))
  }

  async list(actor: Actor, query: { first?: number; after?: number }): Promise<Page<ImportResource>> {
    const page = pageRequest(query)
    const { rows, total } = await q.listImports(this.db.kysely, actor.workspaceId, page)
    return toPage(rows.map(toImportResource), page, total)
  }

  /**
   * Cancels a queued or running job: it stops after the chunk of rows it is writing (the rows written
   * before stay). A job that has ended is returned as it is.
   */
  async cancel(actor: Actor, id: string): Promise<ImportResource> {
    const row = await this.#find(actor, id)
    if (row.status === 'queued' || row.status === 'running') {
      const now = nowMs()
      const changes = { status: 'canceled', finished_at: now, updated_at: now, lease_until: null }
      if (await q.updateImport(this.db.kysely, actor.workspaceId, id, changes, { status: ['queued', 'running'] })) {
        await q.deleteChunks(this.db.kysely, actor.workspaceId, id)
        return toImportResource({ ...row, ...changes })
      }
      return toImportResource(await this.#find(actor, id))
    }
    return toImportResource(row)
  }

  /** The header of the job's file and its refused rows, `after` a row number, for rejected.csv. */
  async *rejected(
    actor: Actor,
    id: string,
  ): AsyncGenerator<{ header: string[] } | { cells: string[]; reason: string }> {
    const row = await this.#find(actor, id)
    yield {
      header: row.columns === null ? [] : (JSON.parse(row.columns) as Array<{ name: string }>).map((c) => c.name),
    }
    for (let after = 0; ; ) {
      const page = await q.rejectionsAfter(this.db.kysely, actor.workspaceId, id, after, 1000)
      for (const r of page) yield { cells: JSON.parse(r.cells), reason: r.reason }
      if (page.length < 1000) return
      after = page[page.length - 1]!.row_number
    }
  }

  /** Checks the job exists (a 404 before any byte of rejected.csv). */
  async require(actor: Actor, id: string): Promise<void> {
    await this.#find(actor, id)
  }

  async #find(actor: Actor, id: string): Promise<ImportRow> {
    const row = await q.findImport(this.db.kysely, actor.workspaceId, id)
    if (!row || row.status === 'uploading') throw new NotFoundError('import', id)
    return row
  }
}
