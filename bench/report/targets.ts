// The targets, judged against one run's figures. A target that the run did not measure (a
// scenario or size left out) is reported as such, never as met.
import type { DatabaseName } from '../../src/db/dialect.js'
import type { BenchResults, ScenarioResult, SizeResult } from '../suite.js'

export interface TargetCheck {
  database: DatabaseName
  target: string
  reached: string
  met: boolean | null
}

const MB = 1_000_000 / 2 ** 20 // the target says MB; RSS is measured in MiB

function find(scenario: string, size: SizeResult | undefined): ScenarioResult | undefined {
  return size?.scenarios.find((s) => s.scenario === scenario)
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

    const worst = (scenario: string) => {
      const ratios = sizes
        .map((s) => find(scenario, s)?.ratio.rps)
        .filter((r): r is number => typeof r === 'number' && !Number.isNaN(r))
      return ratios.length === 0 ? undefined : Math.min(...ratios)
    }
    add(
      'retrieve by id >= 0.5x bare throughput (every size)',
      worst('get'),
      (v) => `${v.toFixed(2)}x (lowest over sizes)`,
      (v) => v >= 0.5,
    )
    add(
      'list page of 100 >= 0.2x bare throughput (every size)',
      worst('list-first'),
      (v) => `${v.toFixed(2)}x (lowest over sizes)`,
      (v) => v >= 0.2,
    )
    const first = find('list-first', largest)
    const deep = find('list-deep', largest)
    add(
      `deep page <= 2x the cost of the first page ${at(largest)}`,
      first && deep ? first.rps / deep.rps : undefined,
      (v) => `${v.toFixed(2)}x (first ${Math.round(first!.rps)}/s, deep ${Math.round(deep!.rps)}/s)`,
      (v) => v <= 2,
    )
    const firstSmall = find('list-first', smallest)
    add(
      `first page ${at(largest)} <= 1.5x its cost ${at(smallest)}`,
      sizes.length > 1 && first && firstSmall ? firstSmall.rps / first.rps : undefined,
      (v) => `${v.toFixed(2)}x (${Math.round(firstSmall!.rps)}/s -> ${Math.round(first!.rps)}/s)`,
      (v) => v <= 1.5,
    )
    const goal = database === 'sqlite' ? 3000 : 1500
    const creates = sizes.map((s) => find('create', s)).filter((s): s is ScenarioResult => s !== undefined)
    add(
      `creates >= ${goal.toLocaleString('en-US')}/s with gap-free keys (every size)`,
      creates.length === 0 ? undefined : Math.min(...creates.map((c) => c.rps)),
      (v) => `${Math.round(v)}/s lowest; keys gap-free: ${creates.every((c) => c.keysGapFree) ? 'yes' : 'NO'}`,
      (v) => v >= goal && creates.every((c) => c.keysGapFree),
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
