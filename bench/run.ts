// `npm run bench`: runs the suite with the knobs from the environment (see config.ts and the report's
// "How to reproduce"), prints the table and writes docs/benchmarks.md.
import { writeFileSync } from 'node:fs'
import { loadBenchOptions } from './config.js'
import { renderMarkdown } from './report/markdown.js'
import { renderTable } from './report/table.js'
import { runBench } from './suite.js'

const options = loadBenchOptions()
const results = await runBench(options)
console.log(renderTable(results))
if (options.reportPath) {
  writeFileSync(options.reportPath, renderMarkdown(results))
  console.log(`wrote ${options.reportPath}`)
}
