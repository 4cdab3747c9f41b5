// `npm run bench`: runs the suite with the knobs from the environment (see config.ts and the report's
// "How to reproduce"), prints the table, and writes docs/benchmarks.md and the raw figures beside it
// (docs/bench/results.json). BENCH_RENDER=<results.json> re-renders the report from saved figures.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { loadBenchOptions } from './config.js'
import { renderMarkdown } from './report/markdown.js'
import { renderTable } from './report/table.js'
import { runBench, type BenchResults } from './suite.js'

const options = loadBenchOptions()
const rendering = process.env.BENCH_RENDER
const results: BenchResults = rendering ? JSON.parse(readFileSync(rendering, 'utf8')) : await runBench(options)
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
