// Exports (`GET /v1/lists/:list_id/export`, `rapport export`): every entry of a list that the list
// filters keep, as CSV (the columns of export-columns.ts, which import back as they are) or as JSON
// lines (each entry as the API shows it, with its organization and contact). Streamed from one snapshot
// (db.snapshot()) a page at a time: the export is consistent and its memory does not grow with the list.
import { Readable } from 'node:stream'
import { stringify } from 'csv-stringify'
import type { Db } from '../../db/dialect.js'
import { findUserByEmail } from '../../db/queries/workspaces.js'
import type { Actor } from '../actor.js'
import { emailKey } from '../email-address.js'
import { parseEntryFilter, type EntryListQuery } from '../entries/entry-filters.js'
import { toEntryResource } from '../entries/entry-resource.js'
import { loadListDefinition, type ListDefinition } from '../lists/lists-service.js'
import { exportColumns, type ExportRecord } from './export-columns.js'
import { readExportPages } from './export-reader.js'

export const EXPORT_FORMATS = ['csv', 'jsonl'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
}

/**
 * Exports streaming at once per process. Each holds a snapshot (on PostgreSQL a pooled connection) for
 * as long as its client reads; more wait their turn.
 */
const MAX_CONCURRENT_EXPORTS = 3

/** An export ready to stream: its name and its bytes. */
export interface ListExport {
  filename: string
  contentType: string
  stream: Readable
}

export class ExportsService {
  #running = 0
  readonly #waiting: Array<() => void> = []

  constructor(private readonly db: Db) {}

  /**
   * Checks the list and the filters (a 404 or 422 is thrown here, before any byte is sent) and returns
   * the export as a stream that reads the database only as it is consumed.
   */
  async open(actor: Actor, listId: string, query: EntryListQuery, format: ExportFormat): Promise<ListExport> {
    const db = this.db.kysely
    const def = await loadListDefinition(db, actor.workspaceId, listId)
    const assignee =
      query.assignee_email === undefined
        ? undefined
        : ((await findUserByEmail(db, actor.workspaceId, emailKey(query.assignee_email))) ?? null)
    const filter = parseEntryFilter(def, query, assignee)
    const records = this.#records(def, filter)
    const stream = format === 'csv' ? csvStream(def, records) : jsonlStream(def, records)
    return { filename: `${slug(def.list.name)}.${format}`, contentType: EXPORT_CONTENT_TYPES[format], stream }
  }

  async *#records(def: ListDefinition, filter: ReturnType<typeof parseEntryFilter>): AsyncGenerator<ExportRecord[]> {
    await this.#acquire()
    try {
      const snapshot = await this.db.snapshot()
      try {
        yield* readExportPages(snapshot.kysely, def, filter)
      } finally {
        await snapshot.close()
      }
    } finally {
      this.#release()
    }
  }

  async #acquire(): Promise<void> {
    if (this.#running < MAX_CONCURRENT_EXPORTS) {
      this.#running++
      return
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve))
  }

  #release(): void {
    const next = this.#waiting.shift()
    if (next) next()
    else this.#running--
  }
}

/** A file name from a list name: letters, digits, `-` and `_`. */
function slug(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'export'
}

function csvStream(def: ListDefinition, pages: AsyncIterable<ExportRecord[]>): Readable {
  const columns = exportColumns(def)
  async function* rows(): AsyncGenerator<string[]> {
    for await (const page of pages) for (const record of page) yield columns.map((c) => c.cell(record))
  }
  // The header is written even when no entry matches: the file still says what its columns are.
  const csv = stringify({ header: true, columns: columns.map((c) => c.header) })
  const source = Readable.from(rows())
  source.on('error', (error) => csv.destroy(error))
  csv.on('close', () => source.destroy())
  return source.pipe(csv)
}

function jsonlStream(def: ListDefinition, pages: AsyncIterable<ExportRecord[]>): Readable {
  async function* lines(): AsyncGenerator<string> {
    for await (const page of pages) {
      const text = page.map((record) => `${JSON.stringify(jsonRecord(def, record))}\n`).join('')
      yield text
    }
  }
  return Readable.from(lines())
}

/** One JSON line: the entry as the API shows it, with its organization and contact. */
function jsonRecord(def: ListDefinition, record: ExportRecord) {
  const members = new Map(record.assignee ? [[record.assignee.id, record.assignee]] : [])
  return {
    ...toEntryResource(record.entry, def, members),
    organization: record.organization && {
      id: record.organization.row.id,
      name: record.organization.row.name,
      domains: record.organization.domains,
    },
    contact: record.contact && {
      id: record.contact.row.id,
      name: record.contact.row.name,
      emails: record.contact.emails,
      phone_numbers: record.contact.phones,
    },
  }
}
