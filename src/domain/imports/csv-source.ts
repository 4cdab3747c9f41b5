// Reading an import's file: its text pieces from the database, parsed incrementally (csv-parse) into
// rows, so a file of any size is read with the memory of one piece. A row the parser cannot read (a
// stray quote) is given as broken, with the parser's reason, and the rows after it go on.
import { parse } from 'csv-parse'
import { parse as parseSync } from 'csv-parse/sync'
import type { Executor } from '../../db/dialect.js'
import { nextChunk } from '../../db/queries/imports.js'
import { invalid } from '../errors.js'

export type SourceRow = { cells: string[] } | { broken: string; raw: string }

/** The file's pieces, in order. */
export async function* fileText(db: Executor, workspaceId: string, importId: string): AsyncGenerator<string> {
  for (let seq = -1; ; ) {
    const chunk = await nextChunk(db, workspaceId, importId, seq)
    if (chunk === undefined) return
    seq = chunk.seq
    yield chunk.text
  }
}

/** The rows of a CSV text stream, the header first. */
export async function* csvRows(text: AsyncIterable<string>): AsyncGenerator<SourceRow> {
  // The parser reads ahead of the loop below: each broken row remembers how many rows came before it.
  const broken: Array<{ after: number; row: SourceRow }> = []
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    raw: true,
    on_skip: (error, raw) => {
      broken.push({
        after: parser.info.records,
        row: { broken: error?.message ?? 'cannot be read as CSV', raw: raw ?? '' },
      })
      return undefined
    },
  })
  const feeding = (async () => {
    try {
      for await (const piece of text) if (!parser.write(piece)) await new Promise((r) => parser.once('drain', r))
      parser.end()
    } catch (error) {
      parser.destroy(error as Error)
    }
  })()
  let records = 0
  for await (const { record } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
    while (broken.length > 0 && broken[0]!.after <= records) yield broken.shift()!.row
    records++
    yield { cells: record }
  }
  while (broken.length > 0) yield broken.shift()!.row
  await feeding
}

/** The header row at the start of `text`; a 422 when it cannot be read as CSV. */
export function readHeader(text: string): string[] {
  try {
    const [header] = parseSync(text, { bom: true, to_line: 1, relax_column_count: true }) as string[][]
    return header ?? []
  } catch {
    throw invalid('file', 'not_csv', 'is not a CSV file: its first line cannot be read as a header row')
  }
}
