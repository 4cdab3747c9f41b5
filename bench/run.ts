// `npm run bench`: runs the suite with the knobs from the environment (see config.ts and the report's
// "How to reproduce"), prints the table, and writes docs/benchmarks.md and the raw output beside it:
// every figure (docs/bench/results.json) and the run's log, line by line with the time of each
// (docs/bench/run.log). BENCH_RENDER=<results.json> re-renders the report from saved figures.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { loadBenchOptions } from './config.js'
import { renderMarkdown } from './report/markdown.js'
import { renderTable } from './report/table.js'
import { runBench, type BenchResults } from './suite.js'

const options = loadBenchOptions()
const rendering = process.env.BENCH_RENDER
const logLines: string[] = []
const log = (message: string) => {
  console.error(message)
  logLines.push(`${new Date().toISOString()} ${message}`)
}
const results: BenchResults = rendering ? JSON.parse(readFileSync(rendering, 'utf8')) : await runBench(options, log)
console.log(renderTable(results))
if (options.reportPath) {
  const path = options.reportPath
  writeFileSync(path, renderMarkdown(results, path))
  if (!rendering) {
    const json = join(dirname(path), 'bench', 'results.json')
    mkdirSync(dirname(json), { recursive: true })
    // NaN (a scenario with no 2xx response) is written as null by JSON; the renderers print it as '-'.
    writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`)
    const raw = join(dirname(path), 'bench', 'run.log')
    writeFileSync(raw, `${logLines.join('\n')}\n\n${renderTable(results)}\n`)
    console.log(`wrote ${path}, ${json} and ${raw}`)
  } else console.log(`wrote ${path}`)
}
