// Moving in and out, measured on a real `rapport serve` per database: an import of BENCH_IMPORT_ROWS rows
// (organizations with a contact each, into a process with three list fields) with the server's peak
// RSS, the export of the result (rows/s), and batch creates (entries/s through
// POST /v1/lists/:list_id/entries/batch, 1,000 per request). `npm run bench:transfer`; BENCH_DBS,
// BENCH_IMPORT_ROWS (default 750000), BENCH_BATCH_ENTRIES (default 100000), BENCH_REPORT (a file, default
// docs/bench/transfer.md; 0 for none). The figures go into docs/benchmarks.md by hand.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import type { DatabaseName } from '../src/db/dialect.js'
import { createBenchDatabase } from './databases.js'
import { watchRss } from './load/rss.js'
import { spawnRapport } from './servers/spawn.js'

const KEY = 'rpk_benchtransferkey0000000000000000000000'
const env = process.env
const ROWS = Number(env.BENCH_IMPORT_ROWS ?? 750_000)
const BATCH_ENTRIES = Number(env.BENCH_BATCH_ENTRIES ?? 100_000)
const DBS = (env.BENCH_DBS ?? 'sqlite,postgres').split(',').map((s) => s.trim()) as DatabaseName[]
const ADMIN_URL = env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
const REPORT = env.BENCH_REPORT === '0' ? null : (env.BENCH_REPORT ?? 'docs/bench/transfer.md')
const TIERS = ['Bronze', 'Silver', 'Gold']

interface Result {
  database: DatabaseName
  importRowsPerS: number
  importRssMiB: number | null
  exportRowsPerS: number
  batchEntriesPerS: number
}

/** Writes the import file: one organization with a domain and a contact per row, and three field values. */
async function writeCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file)
  out.write('Organization name,Domain,Contact name,Email,Status,One time value,Tier,Score,Close date\n')
  for (let i = 0; i < rows; i++) {
    const line = `Org ${i},org${i}.example,Person ${i},p${i}@org${i}.example,Lead,${i % 10000}.50,${TIERS[i % 3]},${i % 997},2026-0${1 + (i % 9)}-1${i % 10}\n`
    if (!out.write(line)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

async function api(url: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${KEY}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`)
  return text === '' ? undefined : JSON.parse(text)
}

const processBody = (name: string) => ({
  name,
  process: true,
  entry_type: 'Organization',
  identifier: name.slice(0, 3).toUpperCase(),
  duplicates_allowed: false,
  statuses: [
    { name: 'Lead', type: 'active' },
    { name: 'Won', type: 'won' },
  ],
  fields: [
    { name: 'Tier', data_type: 'select', options: TIERS, accepts_multiple_values: false },
    { name: 'Score', data_type: 'number' },
    { name: 'Close date', data_type: 'date' },
  ],
})

async function measure(database: DatabaseName, file: string): Promise<Result> {
  const db = await createBenchDatabase(database, ADMIN_URL)
  const server = await spawnRapport({
    env: { ...db.env, RAPPORT_API_KEY: KEY, RAPPORT_RATE_LIMIT: '0', LOG_LEVEL: 'warn' },
  })
  try {
    const list = await api(server.url, 'POST', '/v1/lists', processBody('Imported'))
    const rss = watchRss(server.pid)
    const started = performance.now()
    const posted = await fetch(`${server.url}/v1/lists/${list.id}/imports`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${KEY}`,
        'content-type': 'text/csv',
        'content-length': String(statSync(file).size),
      },
      body: createReadStream(file) as unknown as ReadableStream,
      duplex: 'half',
    } as RequestInit)
    const job = (await posted.json()) as any
    if (posted.status !== 202) throw new Error(`import answered ${posted.status}: ${JSON.stringify(job)}`)
    let seen = job
    while (seen.status === 'queued' || seen.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 500))
      seen = await api(server.url, 'GET', `/v1/imports/${job.id}`)
    }
    const importS = (performance.now() - started) / 1000
    const importRssMiB = rss.stop()
    if (seen.status !== 'succeeded' || seen.created !== ROWS)
      throw new Error(`import ended ${seen.status}: ${JSON.stringify(seen).slice(0, 400)}`)

    const exportStarted = performance.now()
    const res = await fetch(`${server.url}/v1/lists/${list.id}/export`, { headers: { authorization: `Bearer ${KEY}` } })
    let lines = 0
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>)
      for (const byte of chunk) if (byte === 10) lines++
    const exportS = (performance.now() - exportStarted) / 1000
    if (lines - 1 !== ROWS) throw new Error(`export gave ${lines - 1} rows, not ${ROWS}`)

    const target = await api(server.url, 'POST', '/v1/lists', processBody('Batched'))
    const orgs: string[] = []
    for (let i = 0; orgs.length < BATCH_ENTRIES; i++) {
      const made = await api(server.url, 'POST', '/v1/organizations/batch', {
        organizations: Array.from({ length: Math.min(1000, BATCH_ENTRIES - orgs.length) }, (_, k) => ({
          name: `Batch org ${i}-${k}`,
        })),
      })
      orgs.push(...made.data.map((d: any) => d.organization.id))
    }
    const batchStarted = performance.now()
    const requests: Array<Promise<unknown>> = []
    for (let at = 0; at < orgs.length; at += 1000) {
      const entries = orgs.slice(at, at + 1000).map((id, k) => ({
        entryable_id: id,
        entryable_type: 'Organization',
        status: 'Lead',
        one_time_value_cents: k,
        recurring_value_cents: 0,
        recurring_value_period: 'annual',
        list_fields: [
          { name: 'Tier', value: TIERS[k % 3] },
          { name: 'Score', value: k },
          { name: 'Close date', value: '2026-05-17' },
        ],
      }))
      requests.push(api(server.url, 'POST', `/v1/lists/${target.id}/entries/batch`, { entries }))
      // Two requests in flight: one is written while the next is read and checked.
      if (requests.length >= 2) await requests.shift()
    }
    await Promise.all(requests)
    const batchS = (performance.now() - batchStarted) / 1000
    return {
      database,
      importRowsPerS: Math.round(ROWS / importS),
      importRssMiB,
      exportRowsPerS: Math.round(ROWS / exportS),
      batchEntriesPerS: Math.round(orgs.length / batchS),
    }
  } finally {
    await server.stop()
    await db.drop()
  }
}

const dir = mkdtempSync(join(tmpdir(), 'rapport-transfer-'))
try {
  const file = join(dir, 'import.csv')
  await writeCsv(file, ROWS)
  const results: Result[] = []
  for (const database of DBS) {
    console.error(`${database}: importing ${ROWS} rows...`)
    results.push(await measure(database, file))
  }
  const table = [
    `Import of ${ROWS.toLocaleString('en')} rows (an organization, a domain, a contact and three list fields each), export of them, batch creates of ${BATCH_ENTRIES.toLocaleString('en')} entries (1,000 per request).`,
    '',
    '| database | import rows/s | server peak RSS during import (MiB) | export rows/s | batch creates entries/s |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.database} | ${r.importRowsPerS} | ${r.importRssMiB ?? 'n/a'} | ${r.exportRowsPerS} | ${r.batchEntriesPerS} |`,
    ),
  ].join('\n')
  console.log(table)
  if (REPORT) writeFileSync(REPORT, `# Import, export and batch creates\n\n${table}\n`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
