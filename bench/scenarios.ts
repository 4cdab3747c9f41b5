// The measured scenarios: what each sends, request by request. Reads by id pick any seeded entry (all
// ids, not a sample: a sample small enough to stay in the caches would flatter a large database);
// status changes walk each entry of a sample drawn after seeding to its next status so every PATCH is
// a real change; creates name a random organization and carry all three list fields; pages are read at
// the start, the middle and the end of the list; the Tier filter asks for the value most entries hold
// and for the one fewest hold.
import { sql } from 'kysely'
import type { Db } from '../src/db/dialect.js'
import type { Request, RequestSource } from './load/drive.js'
import { COMMON_TIER, RARE_TIER, pickTier } from './seed/rows.js'
import type { Fixture } from './seed/workspace.js'

/** Random entries drawn from the list, with where each stands now. */
export interface SampledEntry {
  id: string
  statusIndex: number
}

export interface ScenarioContext {
  fixture: Fixture
  /** Entries in the list when the scenario starts. */
  total: number
  sample: SampledEntry[]
  /** Every seeded entry's id. */
  entryIds: readonly string[]
  orgIds: readonly string[]
  random: () => number
}

export interface Scenario {
  name: string
  /** How the report describes it. */
  title: string
  /** Whether it creates entries (the key invariants are checked after it). */
  creates: boolean
  requests(ctx: ScenarioContext): RequestSource
  /** Whether one response is what the scenario expects (checked once before measuring). */
  expect?(body: unknown, ctx: ScenarioContext): string | undefined
}

export const SAMPLE_SIZE = 20_000
const PAGE = 100

/** A random sample of the list's entries (ids and statuses), read directly from the database. */
export async function sampleEntries(db: Db, fixture: Fixture, size = SAMPLE_SIZE): Promise<SampledEntry[]> {
  const rows = await db.kysely
    .selectFrom('entries')
    .select(['id', 'status_id'])
    .where('workspace_id', '=', fixture.workspaceId)
    .where('list_id', '=', fixture.listId)
    .orderBy(sql`random()`)
    .limit(size)
    .execute()
  return rows.map((r) => ({ id: r.id, statusIndex: fixture.statuses.findIndex((s) => s.id === r.status_id) }))
}

const entriesPath = (ctx: ScenarioContext) => `/v1/lists/${ctx.fixture.listId}/entries`
const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!

function pageOf(size: number) {
  return (body: unknown) => {
    const data = (body as { data?: unknown[] }).data
    return Array.isArray(data) && data.length === size
      ? undefined
      : `expected a page of ${size}, got ${Array.isArray(data) ? data.length : 'no data'}`
  }
}

function getById(ctx: ScenarioContext): Request {
  return { method: 'GET', path: `${entriesPath(ctx)}/${pick(ctx.entryIds, ctx.random)}` }
}

/** Moves sampled entries one status on, in turn, so no PATCH is a no-op. */
function statusWalker(ctx: ScenarioContext): () => Request {
  let turn = 0
  return () => {
    const entry = ctx.sample[turn++ % ctx.sample.length]!
    entry.statusIndex = (entry.statusIndex + 1) % ctx.fixture.statuses.length
    return {
      method: 'PATCH',
      path: `${entriesPath(ctx)}/${entry.id}`,
      body: JSON.stringify({ status: ctx.fixture.statuses[entry.statusIndex]!.name }),
    }
  }
}

function tierFilter(ctx: ScenarioContext, tier: string): Request {
  const name = encodeURIComponent(`field[${ctx.fixture.fields.tier.name}]`)
  return { method: 'GET', path: `${entriesPath(ctx)}?first=${PAGE}&${name}=${encodeURIComponent(tier)}` }
}

function createEntry(ctx: ScenarioContext): Request {
  const { fields } = ctx.fixture
  const body = {
    entryable_type: 'Organization',
    entryable_id: pick(ctx.orgIds, ctx.random),
    status: ctx.fixture.statuses[0]!.name,
    one_time_value_cents: Math.floor(ctx.random() * 10_000_000),
    recurring_value_cents: 0,
    recurring_value_period: 'annual',
    list_fields: [
      { name: fields.tier.name, value: pickTier(ctx.random) },
      { name: fields.score.name, value: Math.floor(ctx.random() * 10_000) },
      {
        name: fields.closeDate.name,
        value: `2026-0${1 + Math.floor(ctx.random() * 9)}-1${Math.floor(ctx.random() * 10)}`,
      },
    ],
  }
  return { method: 'POST', path: entriesPath(ctx), body: JSON.stringify(body) }
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'get',
    title: 'retrieve one entry by id (any seeded entry, at random)',
    creates: false,
    requests: (ctx) => () => getById(ctx),
  },
  {
    name: 'list-first',
    title: 'list first=100, after=0',
    creates: false,
    requests: (ctx) => () => ({ method: 'GET', path: `${entriesPath(ctx)}?first=${PAGE}&after=0` }),
    expect: pageOf(PAGE),
  },
  {
    name: 'list-mid',
    title: 'list first=100, after=total/2',
    creates: false,
    requests: (ctx) => () => ({
      method: 'GET',
      path: `${entriesPath(ctx)}?first=${PAGE}&after=${Math.floor(ctx.total / 2)}`,
    }),
    expect: (body, ctx) => pageOf(Math.min(PAGE, ctx.total - Math.floor(ctx.total / 2)))(body),
  },
  {
    name: 'list-deep',
    title: 'list first=100, after=total-100',
    creates: false,
    requests: (ctx) => () => ({
      method: 'GET',
      path: `${entriesPath(ctx)}?first=${PAGE}&after=${Math.max(0, ctx.total - PAGE)}`,
    }),
    expect: (body, ctx) => pageOf(Math.min(PAGE, ctx.total))(body),
  },
  {
    name: 'filter-status',
    title: 'list first=100, status=<one of five>',
    creates: false,
    requests: (ctx) => () => ({
      method: 'GET',
      path: `${entriesPath(ctx)}?first=${PAGE}&status=${encodeURIComponent(ctx.fixture.statuses[1]!.name)}`,
    }),
  },
  {
    name: 'filter-field',
    title: `list first=100, field[Tier]=${COMMON_TIER} (the value about half the entries hold)`,
    creates: false,
    requests: (ctx) => () => tierFilter(ctx, COMMON_TIER),
  },
  {
    name: 'filter-field-rare',
    title: `list first=100, field[Tier]=${RARE_TIER} (the value under 2 % of the entries hold)`,
    creates: false,
    requests: (ctx) => () => tierFilter(ctx, RARE_TIER),
  },
  { name: 'patch-status', title: 'PATCH status (to the next of five)', creates: false, requests: statusWalker },
  {
    name: 'mixed',
    title: 'mixed: 80% retrieve, 10% create, 10% PATCH status',
    creates: true,
    requests: (ctx) => {
      const patch = statusWalker(ctx)
      return () => {
        const roll = ctx.random()
        return roll < 0.8 ? getById(ctx) : roll < 0.9 ? createEntry(ctx) : patch()
      }
    },
  },
  {
    name: 'create',
    title: 'create an entry with three list fields',
    creates: true,
    requests: (ctx) => () => createEntry(ctx),
  },
]
