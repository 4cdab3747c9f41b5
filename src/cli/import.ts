// `rapport import <file.csv> --list <id or name>`: the same job as `POST /v1/lists/:list_id/imports`, run
// in this process, with a progress bar on a terminal (plain lines otherwise) and a summary. Refused rows
// are written beside the file as <file>.rejected.csv.
import { createReadStream, createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import cliProgress from 'cli-progress'
import { stringify } from 'csv-stringify'
import { operator } from '../domain/actor.js'
import { EntriesService } from '../domain/entries/entries-service.js'
import type { ImportProgress } from '../domain/imports/import-job.js'
import { ImportsService } from '../domain/imports/imports-service.js'
import { ListsService } from '../domain/lists/lists-service.js'
import { ImportRunner } from '../jobs/import-runner.js'
import { resolveList } from './list-by-name.js'
import { UsageError, chooseWorkspace, withDatabase } from './shared.js'

export const IMPORT_HELP = `Usage: rapport import <file.csv> --list <id or name> [--map "Column=target" ...] [--create-fields] [--dry-run]

Imports a CSV file (UTF-8, a header row first) into a list or process, as POST /v1/lists/:list_id/imports
does: organizations matched by domain then name, contacts by email then phone, entries by their record
where the list holds each record once. Rows it refuses are written to <file.csv>.rejected.csv with a reason.

Options:
  --list <id or name>        The list or process
  --map "Column=target"      Import a column as a target (organization name, domain, contact name, email,
                             phone, status, assignee email, one time value, recurring value, recurring
                             period, or a list field by name); "Column=" skips it. Repeatable.
  --create-fields            Columns that map to nothing become text list fields
  --dry-run                  Check and count every row, write nothing
  --workspace <id>           The workspace (needed when there are several)`

export interface ImportCliOptions {
  workspace?: string | undefined
  list?: string | undefined
  map?: string[] | undefined
  'create-fields'?: boolean | undefined
  'dry-run'?: boolean | undefined
}

function mappingOf(pairs: readonly string[]): Record<string, string | null> {
  const mapping: Record<string, string | null> = {}
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=')
    if (at <= 0) throw new UsageError(`--map takes "Column=target", not ${JSON.stringify(pair)}`)
    const target = pair.slice(at + 1).trim()
    mapping[pair.slice(0, at).trim()] = target === '' ? null : target
  }
  return mapping
}

/** Progress on stderr: a bar with rows/s and ETA on a terminal, a line every few seconds otherwise. */
function progressReporter(): { update(p: ImportProgress): void; stop(): void } {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: '{bar} {percentage}% | {value}/{total} rows | {speed} rows/s | ETA {eta_formatted}',
        stream: process.stderr,
      },
      cliProgress.Presets.shades_classic,
    )
    const started = Date.now()
    let begun = false
    return {
      update(p) {
        const speed = Math.round(p.rowsDone / Math.max((Date.now() - started) / 1000, 0.001))
        if (!begun) bar.start(p.rowsTotal ?? 0, p.rowsDone, { speed })
        begun = true
        bar.setTotal(p.rowsTotal ?? 0)
        bar.update(p.rowsDone, { speed })
      },
      stop: () => bar.stop(),
    }
  }
  let last = 0
  return {
    update(p) {
      if (Date.now() - last < 2000 && p.rowsDone !== p.rowsTotal) return
      last = Date.now()
      console.error(`${p.rowsDone}/${p.rowsTotal ?? '?'} rows`)
    },
    stop() {},
  }
}

export async function importFile(file: string | undefined, options: ImportCliOptions): Promise<boolean> {
  if (file === undefined) throw new UsageError('Which file? rapport import <file.csv> --list <id or name>')
  return withDatabase(async ({ config, db }) => {
    const workspace = await chooseWorkspace(db, options.workspace)
    const listId = await resolveList(db, workspace.id, options.list)
    const actor = operator(workspace.id)
    const imports = new ImportsService(db, Number.MAX_SAFE_INTEGER)
    const job = await imports.create(actor, listId, async () => ({
      body: createReadStream(file),
      options: {
        mapping: mappingOf(options.map ?? []),
        createFields: options['create-fields'] ?? false,
        dryRun: options['dry-run'] ?? false,
      },
    }))
    const runner = new ImportRunner(
      {
        db,
        entries: new EntriesService(db),
        lists: new ListsService(db),
        defaultCountryCode: config.RAPPORT_DEFAULT_COUNTRY_CODE,
      },
      { error: (details, message) => console.error(message, details) },
    )
    const progress = progressReporter()
    // A server on the same database may claim the job first: then this command follows it.
    if (!(await runner.runNow(workspace.id, job.id, (p) => progress.update(p)))) {
      for (;;) {
        const seen = await imports.get(actor, job.id)
        progress.update({ ...seen, rowsDone: seen.rows_done, rowsTotal: seen.rows_total })
        if (seen.status !== 'queued' && seen.status !== 'running') break
        await new Promise((resolve) => setTimeout(resolve, 1000))
      }
    }
    progress.stop()
    const done = await imports.get(actor, job.id)
    console.log(
      `Import ${done.id} ${done.status}${done.dry_run ? ' (dry run: nothing written)' : ''}: ${done.rows_done} rows, ` +
        `${done.created} created, ${done.updated} updated, ${done.unchanged} unchanged, ${done.rejected} rejected`,
    )
    if (done.error) console.log(`Error: ${done.error}`)
    if (done.rejected > 0) {
      const out = `${file}.rejected.csv`
      async function* lines(): AsyncGenerator<string[]> {
        let width = 0
        for await (const row of imports.rejected(actor, job.id)) {
          if ('header' in row) {
            width = row.header.length
            yield [...row.header, 'reason']
          } else yield [...row.cells, ...Array(Math.max(0, width - row.cells.length)).fill(''), row.reason]
        }
      }
      await pipeline(Readable.from(lines()), stringify(), createWriteStream(out))
      console.log(`Rejected rows, with the reason of each: ${out}`)
    }
    return done.status === 'succeeded'
  })
}
