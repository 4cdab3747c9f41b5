// `rapport export --list <id or name>`: the same export as `GET /v1/lists/:list_id/export`, written to a
// file or to standard output.
import { createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { operator } from '../domain/actor.js'
import { EXPORT_FORMATS, ExportsService, type ExportFormat } from '../domain/exports/exports-service.js'
import { resolveList } from './list-by-name.js'
import { UsageError, chooseWorkspace, withDatabase } from './shared.js'

export const EXPORT_HELP = `Usage: rapport export --list <id or name> [--format csv|jsonl] [--out <file>]

Writes every entry of a list or process: CSV (default; the columns \`rapport import\` reads back) or
JSON lines, from one consistent snapshot, to <file> or to standard output.

Options:
  --list <id or name>   The list or process
  --format csv|jsonl    The format (default csv)
  --out <file>          Where to write (default: standard output)
  --workspace <id>      The workspace (needed when there are several)`

export interface ExportOptions {
  workspace?: string | undefined
  list?: string | undefined
  format?: string | undefined
  out?: string | undefined
}

export async function exportList(options: ExportOptions): Promise<void> {
  const format = (options.format ?? 'csv') as ExportFormat
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`)
  await withDatabase(async ({ db }) => {
    const workspace = await chooseWorkspace(db, options.workspace)
    const listId = await resolveList(db, workspace.id, options.list)
    const found = await new ExportsService(db).open(operator(workspace.id), listId, {}, format)
    await pipeline(found.stream, options.out === undefined ? process.stdout : createWriteStream(options.out))
    if (options.out !== undefined) console.error(`Wrote ${options.out}`)
  })
}
