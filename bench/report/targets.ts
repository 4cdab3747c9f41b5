// The targets, judged against one run's figures. A target that the run did not measure (a
// scenario or size left out) is reported as such, never as met. Throughput targets are judged on
// ratios measured in the same block (a scenario against the bare Fastify baseline measured just before
// it, or two scenarios of one block against each other), never on raw req/s compared across blocks,
// which drift with whatever else the machine runs. The one absolute target (creates per second) is
// judged within each block.
import type { DatabaseName } from '../../src/db/dialect.js'
import type { BenchResults, ScenarioResult, SizeResult } from '../suite.js'

export interface TargetCheck {
  database: DatabaseName
  target: string
  reached: string
  met: boolean | null
}

/** A target one measured cell (database, size, scenario) is held to at every size. */
export interface CellTarget {
  scenario: string
  /** Absent: both databases. */
  database?: DatabaseName
  /** `ratio`: throughput over bare Fastify in the same block; `rps`: 2xx responses per second. */
  metric: 'ratio' | 'rps'
  min: number
}

export const CELL_TARGETS: readonly CellTarget[] = [
  { scenario: 'get', metric: 'ratio', min: 0.5 },
  { scenario: 'list-first', metric: 'ratio', min: 0.2 },
  { scenario: 'create', database: 'sqlite', metric: 'rps', min: 3000 },
  { scenario: 'create', database: 'postgres', metric: 'rps', min: 1500 },
]

/**
 * Whether a measured figure lies within `within` (a fraction) of a target it is held to: such a cell is
 * measured several times and reported as the median run, since one run could land on either side.
 */
export function nearTarget(
  database: DatabaseName,
  scenario: string,
  figures: { rps: number; ratio: number },
  within: number,
): boolean {
  return CELL_TARGETS.some((t) => {
    if (t.scenario !== scenario || (t.database !== undefined && t.database !== database)) return false
    const value = t.metric === 'ratio' ? figures.ratio : figures.rps
    return Number.isFinite(value) && Math.abs(value / t.min - 1) <= within
  })
}

const MB = 1_000_000 / 2 ** 20 // the target says MB; RSS is measured in MiB

function find(scenario: string, size: SizeResult | undefined): ScenarioResult | undefined {
  return size?.scenarios.find((s) => s.scenario === scenario && (s.variant ?? 'standard') === 'standard')
}

export function checkTargets(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = []
  for (const database of results.options.databases) {
    const sizes = results.sizes.filter((s) => s.database === database)
    const smallest = sizes[0]
    const largest = sizes[sizes.length - 1]
    const at = (size: SizeResult | undefined) => (size ? `at ${size.size.toLocaleString('en-US')}` : '')
    const add = (
      target: string,
      value: number | undefined,
      reached: (v: number) => string,
      ok: (v: number) => boolean,
    ) =>
      checks.push({
        database,
        target,
        reached: typeof value !== 'number' || Number.isNaN(value) ? 'not measured' : reached(value),
        met: typeof value !== 'number' || Number.isNaN(value) ? null : ok(value),
      })

    for (const t of CELL_TARGETS.filter((t) => t.database === undefined || t.database === database)) {
      const cells = sizes.map((s) => find(t.scenario, s)).filter((c): c is ScenarioResult => c !== undefined)
      const values = cells
        .map((c) => (t.metric === 'ratio' ? c.ratio.rps : c.rps))
        .filter((v) => typeof v === 'number' && !Number.isNaN(v))
      const lowest = values.length === 0 ? undefined : Math.min(...values)
      const gapFree = t.scenario === 'create' ? cells.every((c) => c.keysGapFree) : true
      add(
        t.metric === 'ratio'
          ? `${t.scenario} >= ${t.min}x bare throughput in the same block (every size)`
          : `${t.scenario} >= ${t.min.toLocaleString('en-US')}/s${t.scenario === 'create' ? ' with gap-free keys' : ''} (every size)`,
        lowest,
        (v) =>
          (t.metric === 'ratio' ? `${v.toFixed(2)}x` : `${Math.round(v)}/s`) +
          ' lowest over sizes' +
          (t.scenario === 'create' ? `; keys gap-free: ${gapFree ? 'yes' : 'NO'}` : ''),
        (v) => v >= t.min && gapFree,
      )
    }
    const first = find('list-first', largest)
    const deep = find('list-deep', largest)
    add(
      `deep page <= 2x the cost of the first page, same block ${at(largest)}`,
      first && deep ? first.rps / deep.rps : undefined,
      (v) => `${v.toFixed(2)}x (first ${Math.round(first!.rps)}/s, deep ${Math.round(deep!.rps)}/s)`,
      (v) => v <= 2,
    )
    // Across sizes: each block's ratio to its own baseline, so machine drift between blocks cancels.
    const firstSmall = find('list-first', smallest)
    add(
      `first page ${at(largest)} <= 1.5x its cost ${at(smallest)} (ratios to each block's bare baseline)`,
      sizes.length > 1 && first && firstSmall ? firstSmall.ratio.rps / first.ratio.rps : undefined,
      (v) => `${v.toFixed(2)}x (${firstSmall!.ratio.rps.toFixed(2)}x bare -> ${first!.ratio.rps.toFixed(2)}x bare)`,
      (v) => v <= 1.5,
    )
    const rss = largest?.scenarios.map((s) => s.rssMiB).filter((r): r is number => r !== null)
    add(
      `server RSS < 300 MB ${at(largest)}`,
      rss && rss.length > 0 ? Math.max(...rss) : undefined,
      (v) => `${v.toFixed(0)} MiB peak (${(v / MB).toFixed(0)} MB)`,
      (v) => v / MB < 300,
    )
  }
  return checks
}
