// Making real records through the API, for any path of the OpenAPI document: what the fuzzer needs for
// real ids in path parameters and what the isolation walker needs for ids of another workspace.
//
// A path parameter names a record of the collection just before it: in `/v1/lists/{list_id}/entries/{id}`,
// `list_id` is a record of `/v1/lists` and `id` one of `/v1/lists/{list_id}/entries`. A record is made by
// POSTing to its collection (parents first) with, in order: each documented request example (unique
// strings made unique, `<thing>_id` fields pointed at real records), then the recipe below. Only when no
// POST exists is an id read from the collection's list.
import { client, type ApiClient } from '../../support/client.js'
import { fillPath, type Operation } from './openapi.js'

/** What a recipe may use: the workspace's client, ids of other collections, the parent path values, a unique tag. */
export interface RecipeContext {
  api: ApiClient
  /** An id of a record of `collection` (made if needed) in the same workspace. */
  idOf(collection: string): Promise<string>
  /** Values of the collection's own path parameters (`{ list_id }` for entries). */
  params: Record<string, string>
  /** Letters and digits, unique per record made. */
  tag: string
}

/**
 * Create bodies for resources whose documented examples are not enough to create a record (they name
 * records that must exist, or rules the example does not show), keyed by the collection path as the
 * OpenAPI document writes it. A resource whose example POSTs as is needs no entry. When a new resource
 * can be made neither way, the isolation walker fails and names it: add a recipe here.
 */
export const CREATE_RECIPES: Record<string, (ctx: RecipeContext) => Promise<unknown>> = {
  '/v1/users': async ({ tag }) => ({ name: `Member ${tag}`, email: `member-${tag}@example.com` }),
  '/v1/organizations': async ({ tag }) => ({
    name: `Organization ${tag}`,
    domains: [`${tag.toLowerCase()}.example.com`],
  }),
  '/v1/contacts': async ({ tag, idOf }) => ({
    first_name: 'Paul',
    last_name: tag,
    emails: [`contact-${tag.toLowerCase()}@example.com`],
    organization_id: await idOf('/v1/organizations'),
  }),
  // Event names look like domain names to the example adapter, which makes them unknown events.
  '/v1/webhooks': async ({ tag }) => ({ url: `http://127.0.0.1:9/${tag}`, events: ['*'] }),
  '/v1/custom_fields': async ({ tag }) => ({ name: `Field ${tag}`, model: 'contact', data_type: 'text' }),
  '/v1/notes': async ({ tag, idOf }) => ({ organization_id: await idOf('/v1/organizations'), body: `Note ${tag}` }),
  '/v1/lists': async ({ tag }) => ({
    name: `Process ${tag}`,
    process: true,
    entry_type: 'Organization',
    identifier: `P${tag.toUpperCase()}`.slice(0, 10),
    duplicates_allowed: true,
    statuses: [
      { name: 'Open', type: 'active' },
      { name: 'Won', type: 'won' },
    ],
    fields: [{ name: 'Notes', data_type: 'text' }],
  }),
  // Follows whatever list it is made in: its entry type and, in a process, its first status and values.
  // A fresh record each time: a list may hold a record only once.
  '/v1/lists/{list_id}/entries': async ({ api, params, tag }) => {
    const list = (await api.get(`/v1/lists/${params.list_id}`)).body ?? {}
    const type = list.entry_type === 'Contact' ? 'Contact' : 'Organization'
    const record =
      type === 'Contact'
        ? await api.post('/v1/contacts', { first_name: 'Entry', emails: [`entry-${tag.toLowerCase()}@example.com`] })
        : await api.post('/v1/organizations', { name: `Entry ${tag}` })
    const processFields =
      Array.isArray(list.statuses) && list.statuses[0]
        ? {
            status: list.statuses[0].name,
            one_time_value_cents: 0,
            recurring_value_cents: 0,
            recurring_value_period: 'annual',
          }
        : {}
    return { entryable_id: record.body?.id, entryable_type: type, ...processFields }
  },
  // A status starts one connection and a target status is the goal of one: each connection gets a new
  // status on the list it starts from and a new process to go to.
  '/v1/lists/{id}/connections': async ({ api, params, tag }) => {
    const list = (await api.get(`/v1/lists/${params.id}`)).body ?? {}
    const from = `From ${tag}`
    await api.patch(`/v1/lists/${params.id}`, { statuses: [{ name: from, type: 'active' }] })
    const target = (
      await api.post('/v1/lists', {
        name: `Target ${tag}`,
        process: true,
        entry_type: list.entry_type ?? 'Organization',
        identifier: 'TGT',
        duplicates_allowed: true,
        statuses: [{ name: 'Arrived', type: 'active' }],
      })
    ).body
    return { from_status: from, to_list_id: target?.id, to_status: 'Arrived' }
  },
}

/**
 * Collections without a POST whose records another request makes, keyed like CREATE_RECIPES: the walk
 * runs it before reading an id from the collection's list. A webhook's deliveries: a ping makes one.
 */
export const LIST_SEEDS: Record<string, (ctx: RecipeContext) => Promise<unknown>> = {
  '/v1/webhooks/{id}/deliveries': ({ api, params }) => api.post(`/v1/webhooks/${params.id}/ping`),
}

/**
 * What the servers of the walks (fuzzer, isolation walker) are started with: webhooks may point at the
 * loopback (the documented examples and recipes do, and nothing else would pass the address check
 * here), and nothing is delivered, so no background write changes what the walks fingerprint.
 */
export const WALK_SERVER_ENV = { RAPPORT_WEBHOOK_ALLOW_PRIVATE: '1', RAPPORT_WEBHOOK_DISPATCH: '0' }

/**
 * Fields that name a record of a collection their name does not spell: Relate's `deal_id` is a process
 * entry, an assignee is a member. Add one when a new field names records of another name.
 */
export const FIELD_COLLECTIONS: Record<string, string> = {
  deal_id: '/v1/lists/{list_id}/entries',
  assignee_id: '/v1/users',
  user_id: '/v1/users',
}

/**
 * The collection whose ids a field or query parameter holds: `organization_id` → `/v1/organizations`,
 * `entry_id` → `/v1/lists/{list_id}/entries`, `status_ids` → `.../statuses`; undefined when no
 * collection with a POST matches.
 */
export function collectionForField(ops: Operation[], field: string): string | undefined {
  const alias = FIELD_COLLECTIONS[field]
  const creatable = (path: string) => ops.some((op) => op.method === 'POST' && op.path === path)
  if (alias !== undefined) return creatable(alias) ? alias : undefined
  const stem = /^(.+?)_ids?$/.exec(field)?.[1]
  if (stem === undefined) return undefined
  const names = [`${stem}s`, `${stem}es`, stem.replace(/y$/, 'ies')]
  const collections = ops
    .filter((op) => op.method === 'POST' && names.includes(op.path.split('/').at(-1)!))
    .map((op) => op.path)
  // Prefer the top-level collection (`/v1/contacts`) over a nested one of the same name.
  return collections.sort((x, y) => x.split('/').length - y.split('/').length)[0]
}

/** `/v1/lists/{list_id}/entries/{id}` → [['list_id', '/v1/lists'], ['id', '/v1/lists/{list_id}/entries']] */
export function paramCollections(path: string): Array<[string, string]> {
  const segments = path.split('/')
  const out: Array<[string, string]> = []
  segments.forEach((segment, i) => {
    const match = /^\{(.+)\}$/.exec(segment)
    if (match) out.push([match[1]!, segments.slice(0, i).join('/')])
  })
  return out
}

let counter = 0
function nextTag(): string {
  counter++
  return `t${Date.now().toString(36).slice(-4)}${counter.toString(36)}${Math.random().toString(36).slice(2, 5)}`.replace(
    /[^a-z0-9]/gi,
    '',
  )
}

/** Makes records in one workspace and remembers them. */
export class Records {
  readonly api: ApiClient
  /** Every id this factory made or read, with the collection it belongs to. */
  readonly made = new Map<string, string>()
  /** Per collection (filled path), one record reused as a parent. */
  readonly #shared = new Map<string, Promise<string>>()
  /** Why a collection could not be made, by collection template. */
  readonly failures = new Map<string, string>()

  constructor(
    server: { url: string },
    key: string,
    readonly ops: Operation[],
  ) {
    this.api = client(server, key)
  }

  /** Values for every path parameter of `path`: parents shared, the last one a new record when `fresh`. */
  async paramsFor(path: string, options: { fresh?: boolean } = {}): Promise<Record<string, string>> {
    const values: Record<string, string> = {}
    const pairs = paramCollections(path)
    for (const [index, [name, collection]] of pairs.entries()) {
      const parentValues = { ...values }
      const last = index === pairs.length - 1
      values[name] =
        last && options.fresh
          ? await this.create(collection, parentValues)
          : await this.shared(collection, parentValues)
    }
    return values
  }

  /** An id in `collection` (template) under `parentValues` (missing parents: shared ones), made once and then reused. */
  async shared(collection: string, parentValues: Record<string, string> = {}): Promise<string> {
    const params = await this.#withParents(collection, parentValues)
    const key = fillPath(collection, params)
    let id = this.#shared.get(key)
    if (id === undefined) {
      id = this.create(collection, params)
      this.#shared.set(key, id)
      id.catch(() => this.#shared.delete(key))
    }
    return id
  }

  /** `values` plus a shared record for each path parameter of `collection` it lacks. */
  async #withParents(collection: string, values: Record<string, string>): Promise<Record<string, string>> {
    const params = { ...values }
    for (const [name, parent] of paramCollections(collection))
      if (params[name] === undefined) params[name] = await this.shared(parent, params)
    return params
  }

  /** Makes a new record in `collection` (template), making its parents as needed; returns its id. */
  async create(collection: string, parentValues: Record<string, string> = {}): Promise<string> {
    const params = await this.#withParents(collection, parentValues)
    const url = fillPath(collection, params)
    const post = this.ops.find((op) => op.method === 'POST' && op.path === collection)
    const tried: string[] = []
    if (post) {
      for (const candidate of await this.#bodies(post, params)) {
        const res = await this.api.post(url, candidate)
        if (res.status >= 200 && res.status < 300 && typeof res.body?.id === 'string') {
          this.made.set(res.body.id, collection)
          return res.body.id
        }
        tried.push(`POST ${url} ${JSON.stringify(candidate).slice(0, 160)} → ${res.status} ${res.text.slice(0, 200)}`)
      }
    } else {
      const seed = LIST_SEEDS[collection]
      if (seed) await seed({ api: this.api, idOf: (c) => this.shared(c), params, tag: nextTag() })
      const res = await this.api.get(url)
      const first = res.body?.data?.[0]?.id
      if (res.status === 200 && typeof first === 'string') {
        this.made.set(first, collection)
        return first
      }
      tried.push(`GET ${url} → ${res.status}, no record to take an id from`)
    }
    const reason = tried.length > 0 ? tried.join('\n  ') : `no example and no recipe for POST ${collection}`
    this.failures.set(collection, reason)
    throw new Error(`cannot make a record of ${collection}:\n  ${reason}`)
  }

  /**
   * A body for `op` that should pass its validation in this workspace: the first documented example
   * (adapted), else the create recipe (for a POST), else `{}`. Undefined when the operation reads none.
   */
  async bodyFor(op: Operation, params: Record<string, string>): Promise<unknown> {
    if (op.body === undefined) return undefined
    const example = op.bodyExamples[0]
    if (example !== undefined) return this.#adapt(example, nextTag())
    const recipe = op.method === 'POST' ? CREATE_RECIPES[op.path] : undefined
    if (recipe) return recipe({ api: this.api, idOf: (c) => this.shared(c), params, tag: nextTag() })
    return {}
  }

  async #bodies(post: Operation, params: Record<string, string>): Promise<unknown[]> {
    const bodies: unknown[] = []
    for (const example of post.bodyExamples) bodies.push(await this.#adapt(example, nextTag()))
    const recipe = CREATE_RECIPES[post.path]
    if (recipe) {
      const tag = nextTag()
      bodies.push(await recipe({ api: this.api, idOf: (c) => this.shared(c), params, tag }))
    }
    return bodies
  }

  /** An example made usable: emails and domains made unique, `<thing>_id` pointed at a real `<thing>`. */
  async #adapt(value: unknown, tag: string, key = ''): Promise<unknown> {
    if (Array.isArray(value)) return Promise.all(value.map((v) => this.#adapt(v, tag, key)))
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(value)) out[k] = await this.#adapt(v, tag, k)
      return out
    }
    if (typeof value !== 'string') return value
    const collection = collectionForField(this.ops, key)
    if (collection !== undefined) return this.shared(collection)
    const lower = tag.toLowerCase()
    if (/^[^@\s]+@[^@\s]+$/.test(value)) return value.replace('@', `+${lower}@`)
    if (/^(https?:\/\/)?[a-z0-9-]+(\.[a-z0-9-]+)+\/?$/i.test(value))
      return value.replace(/^(https?:\/\/)?/, `$1${lower}.`)
    if (key === 'name') return `${value} ${tag}`
    return value
  }
}
