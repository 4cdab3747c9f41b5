// Keeps the benchmark code working: the whole suite (seed, bare baseline, every scenario, invariant
// checks, report rendering) at a tiny size for a fraction of a second per scenario, on each test
// database. It asserts that the run happened, that every request of it was answered 2xx (a scenario
// whose requests fail would otherwise report a throughput of failures), and that it produced numbers;
// never how fast anything was.
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
      // Every targeted cell counts as near its target here, so the repeat-and-median path runs too.
      nearTarget: 1000,
      repeats: 2,
    }
    const results = await runBench(options, () => {})
    assert.equal(results.sizes.length, options.databases.length)
    for (const size of results.sizes) {
      assert.ok(size.bare.ok > 0, `${size.database}: the bare baseline answered`)
      assert.equal(size.bare.failures, 0, `${size.database}: the bare baseline failed requests`)
      const of = (variant: string) => size.scenarios.filter((s) => s.variant === variant).map((s) => s.scenario)
      assert.deepEqual(
        of('standard'),
        SCENARIOS.map((s) => s.name),
      )
      assert.deepEqual(of('no-vacuum'), options.unsettledScenarios, 'measured before the post-seed VACUUM')
      assert.deepEqual(of('defaults'), options.defaultsScenarios, "measured with the server's default configuration")
      for (const s of size.scenarios) {
        const targeted = s.variant === 'standard' && ['get', 'list-first', 'create'].includes(s.scenario)
        assert.equal(s.runs?.length, targeted ? 2 : 1, `${s.scenario} ${s.variant}: runs kept`)
      }
      for (const s of size.scenarios) {
        assert.ok(s.ok > 0, `${size.database} ${s.scenario}: no request was answered 2xx`)
        assert.equal(s.failures, 0, `${size.database} ${s.scenario}: ${s.failures} requests failed or were not 2xx`)
        assert.ok(Number.isFinite(s.rps) && s.rps > 0, `${size.database} ${s.scenario}: throughput is a number`)
        assert.ok(Number.isFinite(s.ratio.rps), `${size.database} ${s.scenario}: throughput ratio is a number`)
        assert.ok(
          Number.isFinite(s.p50) && Number.isFinite(s.p99),
          `${size.database} ${s.scenario}: latencies are numbers`,
        )
      }
      for (const s of size.scenarios.filter((s) => s.scenario === 'create' || s.scenario === 'mixed'))
        assert.equal(s.keysGapFree, true)
    }
    assert.match(renderTable(results), /bare Fastify/)
    const markdown = renderMarkdown(results, '')
    assert.match(markdown, /## Results[\s\S]*\| get \|/)
    assert.match(markdown, /\| get \(defaults\) \|/)
    assert.match(markdown, /\| list-first \(no VACUUM\) \|/)
    // Facts come from the databases, not from constants.
    for (const name of options.databases) assert.ok(Object.keys(results.facts?.[name] ?? {}).length > 3, name)
    if (options.databases.includes('sqlite')) assert.match(markdown, /journal_mode=wal/)
  })
})
