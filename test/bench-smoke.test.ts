// Keeps the benchmark code working: the whole suite (seed, bare baseline, every scenario, invariant
// checks, report rendering) at a tiny size for a fraction of a second per scenario, on each test
// database. It asserts that the run happened and produced numbers, never how fast anything was.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { loadBenchOptions } from '../bench/config.js'
import { renderMarkdown } from '../bench/report/markdown.js'
import { renderTable } from '../bench/report/table.js'
import { SCENARIOS } from '../bench/scenarios.js'
import { runBench } from '../bench/suite.js'
import { POSTGRES_ADMIN_URL, TEST_DATABASES } from './support/databases.js'

describe('bench smoke run', () => {
  it('runs every scenario at 200 entries and reports numbers with ratios', async () => {
    const options = {
      ...loadBenchOptions({}),
      sizes: [200],
      databases: TEST_DATABASES.map((d) => d.name),
      durationS: 0.2,
      warmupS: 0,
      connections: 4,
      reportPath: null,
      postgresAdminUrl: POSTGRES_ADMIN_URL,
      // The web block at toy sizes: one board load, a short scroll.
      web: { boardEntries: 30, tableEntries: 250, boardLoads: 1, scrollMs: 300 },
    }
    const results = await runBench(options, () => {})
    assert.equal(results.sizes.length, options.databases.length)
    for (const size of results.sizes) {
      assert.ok(size.bare.ok > 0, `${size.database}: the bare baseline answered`)
      assert.deepEqual(
        size.scenarios.map((s) => s.scenario),
        SCENARIOS.map((s) => s.name),
      )
      for (const s of size.scenarios) {
        assert.ok(Number.isFinite(s.rps) && s.rps >= 0, `${size.database} ${s.scenario}: throughput is a number`)
        assert.ok(Number.isFinite(s.ratio.rps), `${size.database} ${s.scenario}: throughput ratio is a number`)
        if (s.ok > 0)
          assert.ok(
            Number.isFinite(s.p50) && Number.isFinite(s.p99),
            `${size.database} ${s.scenario}: latencies are numbers`,
          )
      }
      for (const s of size.scenarios.filter((s) => s.scenario === 'create' || s.scenario === 'mixed'))
        assert.equal(s.keysGapFree, true)
    }
    assert.match(renderTable(results), /bare Fastify/)
    assert.match(renderMarkdown(results, ''), /## Results[\s\S]*\| get \|/)
    assert.deepEqual(
      results.web?.map((w) => w.database),
      options.databases,
    )
    for (const w of results.web ?? []) {
      assert.ok(w.board.medianMs > 0 && w.table.frames > 0, `${w.database}: the web block measured`)
      assert.ok(w.table.jumpFillMs >= 0)
    }
    assert.match(renderMarkdown(results, ''), /## Web app \(Chromium\)/)
  })
})
