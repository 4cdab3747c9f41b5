// `npm run bench`: runs the suite with the knobs from the environment (see config.ts and the report's
// "How to reproduce"), prints the table, and writes docs/benchmarks.md and the raw figures beside it
// (docs/bench/results.json). BENCH_RENDER=<results.json> re-renders the report from saved figures;
// BENCH_BLOCKS=web runs the web block alone and keeps the API figures of the saved run.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { loadBenchOptions } from './config.js'
import { renderMarkdown } from './report/markdown.js'
import { renderTable } from './report/table.js'
import { runBench, type BenchResults } from './suite.js'

const options = loadBenchOptions()
const rendering = process.env.BENCH_RENDER
let results: BenchResults = rendering ? JSON.parse(readFileSync(rendering, 'utf8')) : await runBench(options)
// The web block alone (BENCH_BLOCKS=web) keeps the API figures of the last full run in the report.
const saved = options.reportPath ? join(dirname(options.reportPath), 'bench', 'results.json') : null
if (!rendering && !options.blocks.includes('api') && saved && existsSync(saved)) {
  const previous: BenchResults = JSON.parse(readFileSync(saved, 'utf8'))
  results = {
    ...previous,
    options: { ...previous.options, web: options.web },
    ...(results.web ? { web: results.web } : {}),
  }
}
console.log(renderTable(results))
if (options.reportPath) {
  const path = options.reportPath
  writeFileSync(path, renderMarkdown(results, path))
  if (!rendering) {
    const json = join(dirname(path), 'bench', 'results.json')
    mkdirSync(dirname(json), { recursive: true })
    // NaN (a scenario with no 2xx response) is written as null by JSON; the renderers print it as '-'.
    writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`)
    console.log(`wrote ${path} and ${json}`)
  } else console.log(`wrote ${path}`)
}
