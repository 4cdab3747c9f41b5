// The soak's mixed load: a table of weighted operations, each one request with the status it must get,
// run by a few concurrent workers over keep-alive connections for a fixed time: members (list, add, read,
// refused, unknown) and entries of a process with list fields and a connected status (create, move,
// list with filters, read).
import { Agent, request } from 'node:http'
import { DEAL_STATUS_NAMES, FIRST_STATUS, TAG_OPTIONS, VALUES } from './entry-fixture.js'

export interface SoakContext {
  /** Sends one request; resolves to the status and parsed JSON body (undefined for an empty body). */
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>
  /** Ids of members made during the soak (and before it), to read back. */
  members: string[]
  /** The process entries are written to (support/entry-fixture.ts), its organizations and its entries. */
  entries: SoakEntries
  /** A number unique to this call, for unique emails. */
  next(): number
}

export interface SoakOperation {
  name: string
  /** Relative frequency. */
  weight: number
  /** Performs the operation; returns the status it got and the one it expected. */
  run(ctx: SoakContext): Promise<{ status: number; expected: number }>
}

export interface SoakEntries {
  listId: string
  orgs: string[]
  /** Ids of entries made before and during the soak. */
  ids: string[]
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!
const someTags = () => TAG_OPTIONS.filter(() => Math.random() < 0.4)

/** Filters a client of the entries list would send; each must answer 200. */
const ENTRY_FILTERS: Array<() => string> = [
  () => `status=${encodeURIComponent(pick(DEAL_STATUS_NAMES))}`,
  () => `status_type=${pick(['active', 'won', 'lost'])}&sort=-key`,
  () => `field[Tags]=${pick(TAG_OPTIONS)}`,
  () => `field[Budget]=${Math.floor(Math.random() * 100)}`,
  () => `created_after=${Math.floor(Date.now() / 1000) - 60}&sort=created_at`,
  () => `status=Won&status=Lost&sort=-closed_at`,
]

/** Reads and writes of members and entries, valid and refused, as a client of the API would mix them. */
export const SOAK_OPERATIONS: SoakOperation[] = [
  {
    name: 'list members',
    weight: 6,
    async run(ctx) {
      const res = await ctx.call(
        'GET',
        `/v1/users?first=${1 + Math.floor(Math.random() * 50)}&after=${Math.floor(Math.random() * ctx.members.length)}`,
      )
      return { status: res.status, expected: 200 }
    },
  },
  {
    name: 'add a member',
    weight: 2,
    async run(ctx) {
      const n = ctx.next()
      const res = await ctx.call('POST', '/v1/users', {
        name: `Soak ${n}`,
        email: `soak-${n}-${Date.now()}@example.com`,
      })
      if (res.status === 201) ctx.members.push(res.body.id)
      return { status: res.status, expected: 201 }
    },
  },
  {
    name: 'read a member',
    weight: 2,
    async run(ctx) {
      const res = await ctx.call('GET', `/v1/users/${pick(ctx.members)}`)
      return { status: res.status, expected: 200 }
    },
  },
  {
    name: 'refused write',
    weight: 1,
    async run(ctx) {
      const res = await ctx.call('POST', '/v1/users', { name: '', email: 'not-an-email' })
      return { status: res.status, expected: 422 }
    },
  },
  {
    name: 'create an entry',
    weight: 2,
    async run(ctx) {
      const { listId, orgs, ids } = ctx.entries
      const tags = someTags()
      const res = await ctx.call('POST', `/v1/lists/${listId}/entries`, {
        entryable_type: 'Organization',
        entryable_id: pick(orgs),
        status: FIRST_STATUS,
        ...VALUES,
        list_fields: [
          { name: 'Ref', value: `soak-${ctx.next()}` },
          { name: 'Budget', value: Math.floor(Math.random() * 100) },
          { name: 'Note', value: 'made by the soak' },
          ...(tags.length > 0 ? [{ name: 'Tags', value: tags }] : []),
        ],
      })
      if (res.status === 201) ids.push(res.body.id)
      return { status: res.status, expected: 201 }
    },
  },
  {
    name: 'move an entry',
    weight: 2,
    async run(ctx) {
      const { listId, ids } = ctx.entries
      const res = await ctx.call('PATCH', `/v1/lists/${listId}/entries/${pick(ids)}`, {
        status: pick(DEAL_STATUS_NAMES),
      })
      return { status: res.status, expected: 200 }
    },
  },
  {
    name: 'list entries with a filter',
    weight: 3,
    async run(ctx) {
      const first = 1 + Math.floor(Math.random() * 25)
      const res = await ctx.call(
        'GET',
        `/v1/lists/${ctx.entries.listId}/entries?first=${first}&${pick(ENTRY_FILTERS)()}`,
      )
      return { status: res.status, expected: 200 }
    },
  },
  {
    name: 'read an entry',
    weight: 1,
    async run(ctx) {
      const res = await ctx.call('GET', `/v1/lists/${ctx.entries.listId}/entries/${pick(ctx.entries.ids)}`)
      return { status: res.status, expected: 200 }
    },
  },
  {
    name: 'unknown member',
    weight: 1,
    async run(ctx) {
      const res = await ctx.call('GET', '/v1/users/NoSuchMember1')
      return { status: res.status, expected: 404 }
    },
  },
]

export interface LoadResult {
  requests: number
  /** Wrong statuses and failed connections, at most 20 kept as examples. */
  errors: string[]
  errorCount: number
  byOperation: Record<string, number>
}

/** Runs `operations` with `workers` concurrent loops until `durationMs` has passed. */
export async function runLoad(
  base: string,
  key: string,
  options: {
    durationMs: number
    workers: number
    members: string[]
    entries: SoakEntries
    operations?: SoakOperation[]
  },
): Promise<LoadResult> {
  const operations = options.operations ?? SOAK_OPERATIONS
  const agent = new Agent({ keepAlive: true, maxSockets: options.workers })
  const url = new URL(base)
  let counter = 0
  const ctx: SoakContext = {
    members: options.members,
    entries: options.entries,
    next: () => ++counter,
    call: (method, path, body) =>
      new Promise((resolve, reject) => {
        const text = body === undefined ? undefined : JSON.stringify(body)
        const headers: Record<string, string> = { authorization: `Bearer ${key}` }
        if (text !== undefined)
          Object.assign(headers, {
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(text)),
          })
        const req = request({ host: url.hostname, port: url.port, method, path, headers, agent }, (res) => {
          let data = ''
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => (data += chunk))
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: data === '' ? undefined : JSON.parse(data) }),
          )
          res.on('error', reject)
        })
        req.on('error', reject)
        req.end(text)
      }),
  }
  const totalWeight = operations.reduce((sum, op) => sum + op.weight, 0)
  const choose = () => {
    let r = Math.random() * totalWeight
    for (const op of operations) {
      r -= op.weight
      if (r < 0) return op
    }
    return operations[0]!
  }
  const result: LoadResult = { requests: 0, errors: [], errorCount: 0, byOperation: {} }
  const fail = (message: string) => {
    result.errorCount++
    if (result.errors.length < 20) result.errors.push(message)
  }
  const end = Date.now() + options.durationMs
  const worker = async () => {
    while (Date.now() < end) {
      const op = choose()
      try {
        const { status, expected } = await op.run(ctx)
        if (status !== expected) fail(`${op.name}: ${status}, expected ${expected}`)
      } catch (error) {
        fail(`${op.name}: ${String(error)}`)
      }
      result.requests++
      result.byOperation[op.name] = (result.byOperation[op.name] ?? 0) + 1
    }
  }
  await Promise.all(Array.from({ length: options.workers }, worker))
  agent.destroy()
  return result
}

/** Least-squares slope of `y` over `x` (units of y per unit of x). */
export function slope(points: Array<[number, number]>): number {
  const n = points.length
  if (n < 2) return 0
  const mx = points.reduce((s, [x]) => s + x, 0) / n
  const my = points.reduce((s, [, y]) => s + y, 0) / n
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0)
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0)
  return sxx === 0 ? 0 : sxy / sxx
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}
