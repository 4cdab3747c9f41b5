// Reads a V8 .cpuprofile (from `node --cpu-prof`) and says where the time went: self time grouped by
// package or source file, the top functions by self time, and the inclusive time of named functions
// (time spent in them or anything they called).
import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

export interface ProfileSummary {
  /** Milliseconds of samples that were not idle. */
  busyMs: number
  /** Self time per group (package, or rapport source folder), ms, largest first. */
  groups: Array<[string, number]>
  /** Self time per function, ms, largest first. */
  functions: Array<[string, number]>
  /** Inclusive time per function, ms, largest first. */
  inclusive: Array<[string, number]>
}

/** `node_modules/kysely/...` -> `kysely`; `dist/db/queries/entry-writes.js` -> `rapport db/queries`. */
export function groupOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : `native: ${functionName || '(anonymous)'}`
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (pkg) return pkg[1]!
  if (url.startsWith('node:')) return `node: ${url.slice(5).split('/')[0]}`
  const own = /\/dist\/(.*)\/[^/]+\.js$/.exec(url) ?? /\/src\/(.*)\/[^/]+\.ts$/.exec(url)
  if (own) return `rapport ${own[1]}`
  return url.split('/').slice(-2).join('/')
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame
  const where =
    url === '' ? '' : ` ${url.replace(/^.*node_modules\//, '').replace(/^.*\/(dist|src)\//, '$1/')}:${lineNumber + 1}`
  return `${functionName || '(anonymous)'}${where}`
}

const top = (map: Map<string, number>, n: number) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => [k, Math.round(v * 10) / 10] as [string, number])

export function summarise(path: string, topN = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const groups = new Map<string, number>()
  const functions = new Map<string, number>()
  const inclusive = new Map<string, number>()
  let busy = 0
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000
    const node = byId.get(id)!
    if (node.callFrame.functionName === '(idle)') return
    busy += ms
    const group = groupOf(node.callFrame.url, node.callFrame.functionName)
    groups.set(group, (groups.get(group) ?? 0) + ms)
    functions.set(label(node), (functions.get(label(node)) ?? 0) + ms)
    // Each function on the stack once, however often it recurs.
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = label(byId.get(at)!)
      if (seen.has(name)) continue
      seen.add(name)
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms)
    }
  })
  return {
    busyMs: busy,
    groups: top(groups, topN),
    functions: top(functions, topN),
    inclusive: top(inclusive, topN * 3),
  }
}
