// The results as a plain-text table for the terminal: one block per database and size, the bare
// Fastify baseline first, then each scenario with its absolute figures and its ratios to the baseline.
import type { BenchResults } from '../suite.js'
import { checkTargets } from './targets.js'

export const fmt = {
  rps: (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '-'),
  ms: (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n.toFixed(1)) : '-'),
  x: (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '-'),
  size: (n: number) => n.toLocaleString('en-US'),
}

export interface TableRow {
  cells: string[]
}

export const HEADER = [
  'db',
  'entries',
  'scenario',
  'req/s',
  'x bare',
  'p50 ms',
  'x bare',
  'p99 ms',
  'x bare',
  'RSS MiB',
  'non-2xx',
  'runs',
]

/** `1`, or `3: 980–1,050/s` for a cell measured several times (the median run is the one shown). */
function runsCell(runs: readonly number[] | undefined): string {
  if (!runs || runs.length <= 1) return '1'
  const lo = Math.min(...runs)
  const hi = Math.max(...runs)
  return `${runs.length}: ${fmt.rps(lo)}–${fmt.rps(hi)}/s`
}

/** The row's scenario cell: the name, the variant, and whether keys were checked afterwards. */
function scenarioCell(s: { scenario: string; variant?: string; keysGapFree?: boolean }): string {
  const variant = s.variant === 'no-vacuum' ? ' (no VACUUM)' : s.variant === 'defaults' ? ' (defaults)' : ''
  return s.scenario + variant + (s.keysGapFree ? ' (gap-free)' : '')
}

/** The rows of the results table, shared by the terminal and Markdown renderings. */
export function resultRows(results: BenchResults): string[][] {
  const rows: string[][] = []
  for (const size of results.sizes) {
    const b = size.bare
    rows.push([
      size.database,
      fmt.size(size.size),
      'bare Fastify',
      fmt.rps(b.rps),
      '1.00',
      fmt.ms(b.p50),
      '1.00',
      fmt.ms(b.p99),
      '1.00',
      '',
      String(b.failures),
      '1',
    ])
    for (const s of size.scenarios) {
      rows.push([
        size.database,
        fmt.size(size.size),
        scenarioCell(s),
        fmt.rps(s.rps),
        fmt.x(s.ratio.rps),
        fmt.ms(s.p50),
        fmt.x(s.ratio.p50),
        fmt.ms(s.p99),
        fmt.x(s.ratio.p99),
        s.rssMiB === null ? '?' : s.rssMiB.toFixed(0),
        String(s.failures),
        runsCell(s.runs),
      ])
    }
  }
  return rows
}

export function renderTable(results: BenchResults): string {
  const rows = [HEADER, ...resultRows(results)]
  const widths = HEADER.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  const line = (r: string[]) => r.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  const out = [line(HEADER), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)]
  out.push('', 'targets:')
  for (const t of checkTargets(results))
    out.push(`  ${t.met === null ? '?   ' : t.met ? 'met ' : 'MISS'} ${t.database.padEnd(8)} ${t.target}: ${t.reached}`)
  out.push('', `total wall time ${(results.wallS / 60).toFixed(1)} min`)
  return out.join('\n')
}
