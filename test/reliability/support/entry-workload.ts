// A load of entry writes that keeps the outcome of every one: creates with list fields, status moves
// (some into the connected status) and list-field updates, on the fixture's Deals process. Each worker
// owns the entries it made and sends one request at a time, so its writes to an entry reach the server
// in the order it sent them.
//
// The model holds what was SENT, never what the server answered: a create's entry must hold the
// organization, status, money values and list fields of its request, a field write its values over the
// entry's; an answer that differs from what was sent is a problem of its own. So a server that stored
// (and answered) something else than it was sent cannot agree with itself into a pass.
//
// A write answered 2xx is acknowledged. A write whose outcome is
// unknown (the connection broke under it, or a 503) is settled by reading the entry once the server
// answers again: every write changes something, so the read says whether it was applied, and a read
// that matches neither the old nor the new state is a half-applied write. The model then holds exactly
// what must be stored (entry-verify.ts checks it).
import {
  CONNECTED_STATUS,
  DEAL_STATUS_NAMES,
  FIRST_STATUS,
  TAG_OPTIONS,
  expectedFields,
  fieldsByName,
  normalized,
  randomValues,
  type EntryFixture,
  type EntryValues,
} from './entry-fixture.js'
import { isErrorShape, send, type Endpoint, type Outcome } from './endpoint.js'

export interface ModelEntry {
  id: string
  /** The unique value of its Ref field, by which an entry whose create answer was lost is found. */
  ref: string
  key: string
  /** False when the create's answer was lost and the entry was found committed afterwards. */
  acknowledged: boolean
  /** The organization the create named. */
  entryableId: string
  /** The money values the create sent. */
  values: EntryValues
  status: string
  /** Statuses entered, oldest first; the first is the one it was created in. */
  history: string[]
  /** List fields by name, as they must read now (every field of Deals; see expectedFields). */
  fields: Record<string, unknown>
  /** Values of the carried fields when it first entered the connected status (the rule fired then). */
  carried?: Record<string, unknown>
}

/** What a create sent, which is what its entry must hold. */
export interface SentCreate {
  ref: string
  entryableId: string
  status: string
  values: EntryValues
  /** List fields as sent, by name (absent: not sent). */
  fields: Record<string, unknown>
}

/** The model of the entry a create made: everything from what was sent; only id and key are the server's. */
export function modelOf(sent: SentCreate, made: { id: string; key: string }, acknowledged: boolean): ModelEntry {
  return {
    id: made.id,
    ref: sent.ref,
    key: made.key,
    acknowledged,
    entryableId: sent.entryableId,
    values: { ...sent.values },
    status: sent.status,
    history: [sent.status],
    fields: expectedFields(sent.fields),
  }
}

/** Where an entry as answered or read differs from what its create sent; empty when it holds exactly that. */
export function differencesFromSent(entry: any, sent: SentCreate): string[] {
  const out: string[] = []
  if (entry.entryable_type !== 'Organization') out.push(`entryable_type ${entry.entryable_type}`)
  if (entry.entryable_id !== sent.entryableId) out.push(`entryable_id ${entry.entryable_id}, sent ${sent.entryableId}`)
  if (entry.status !== sent.status) out.push(`status ${entry.status}, sent ${sent.status}`)
  for (const [name, value] of Object.entries(sent.values))
    if (entry[name] !== value) out.push(`${name} ${entry[name]}, sent ${value}`)
  const fields = normalizedFields(fieldsByName(entry))
  const want = expectedFields(sent.fields)
  if (JSON.stringify(fields) !== JSON.stringify(want))
    out.push(`list_fields ${JSON.stringify(fields)}, sent ${JSON.stringify(want)}`)
  return out
}

/** An entry's list fields by name with each value normalized (tags sorted, empty as null). */
export function normalizedFields(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, normalized(value)]))
}

export interface Tally {
  acknowledged: number
  /** Outcome unknown, then found applied. */
  unknownApplied: number
  /** Outcome unknown, then found not applied. */
  unknownNotApplied: number
}

export interface WorkloadFigures {
  creates: Tally
  moves: Tally
  fieldWrites: Tally
  /** Every answer and failure by kind: `201`, `503 service_unavailable`, `failed ECONNRESET`. */
  outcomes: Record<string, number>
  /** Slowest answer (including 503s) and slowest failure, in ms. */
  slowestAnswerMs: number
  slowestFailureMs: number
}

export interface WorkloadOptions {
  workers: number
  /** Whether a 503 in the error shape is a possible answer (a database outage) rather than a defect. */
  allowUnavailable?: boolean
  /** Share of writes that create (the rest split between moves and field writes). Default 0.3. */
  createShare?: number
  /**
   * Settle creates of unknown outcome when the load stops instead of at once, so a worker keeps
   * writing through an outage rather than waiting for the database to read the create back.
   */
  deferCreates?: boolean
}

export interface Workload {
  readonly entries: ModelEntry[]
  readonly figures: WorkloadFigures
  /** Defects seen while running: wrong statuses, bodies not in the error shape, hangs, half-applied writes. */
  readonly problems: string[]
  /** Stops the workers after their current write, settles what is left, and resolves when done. */
  stop(): Promise<void>
}

/** How long a worker keeps trying to read back a write whose outcome is unknown. */
const SETTLE_LIMIT_MS = 60_000
const RETRY_MS = 100

const tally = (): Tally => ({ acknowledged: 0, unknownApplied: 0, unknownNotApplied: 0 })
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!
const sameValue = (a: unknown, b: unknown) => JSON.stringify(normalized(a)) === JSON.stringify(normalized(b))
const sameFields = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].every((name) => sameValue(a[name], b[name]))

let refs = 0

export function startWorkload(
  endpoint: Endpoint,
  key: string,
  fixture: EntryFixture,
  options: WorkloadOptions,
): Workload {
  const entries: ModelEntry[] = []
  const problems: string[] = []
  const figures: WorkloadFigures = {
    creates: tally(),
    moves: tally(),
    fieldWrites: tally(),
    outcomes: {},
    slowestAnswerMs: 0,
    slowestFailureMs: 0,
  }
  const createShare = options.createShare ?? 0.3
  const deals = `/v1/lists/${fixture.deals.id}/entries`
  /** Creates whose outcome is unknown, settled at stop (deferCreates). */
  const deferred: SentCreate[] = []
  let running = true

  /** Sends a write; 'acked' with the body, 'unknown', or 'refused' (a defect, already recorded). */
  async function write(
    what: string,
    method: string,
    path: string,
    body: unknown,
    expected: number,
  ): Promise<{ acked: true; body: any } | { acked: false; unknown: boolean }> {
    const outcome = await send(endpoint, key, method, path, body)
    note(outcome)
    if (outcome.kind === 'answered' && outcome.status === expected) return { acked: true, body: outcome.body }
    if (outcome.kind === 'failed') return { acked: false, unknown: true }
    if (outcome.kind === 'hung') {
      problems.push(`${what}: no answer within ${Math.round(outcome.ms)} ms`)
      return { acked: false, unknown: true }
    }
    if (outcome.status === 503 && options.allowUnavailable && isErrorShape(outcome.body, 503))
      return { acked: false, unknown: true }
    problems.push(`${what}: answered ${outcome.status} ${JSON.stringify(outcome.body).slice(0, 300)}`)
    return { acked: false, unknown: outcome.status >= 500 }
  }

  function note(outcome: Outcome): void {
    const kind =
      outcome.kind === 'answered'
        ? `${outcome.status}${outcome.status >= 400 ? ` ${String(outcome.body?.code)}` : ''}`
        : outcome.kind === 'failed'
          ? `failed ${outcome.error}`
          : 'hung'
    figures.outcomes[kind] = (figures.outcomes[kind] ?? 0) + 1
    if (outcome.kind === 'answered') figures.slowestAnswerMs = Math.max(figures.slowestAnswerMs, outcome.ms)
    else figures.slowestFailureMs = Math.max(figures.slowestFailureMs, outcome.ms)
  }

  /** GETs `path` until the server answers 200 (it may be down or the database away meanwhile). */
  async function readBack(path: string): Promise<any> {
    const until = Date.now() + SETTLE_LIMIT_MS
    for (;;) {
      const outcome = await send(endpoint, key, 'GET', path)
      if (outcome.kind === 'answered' && outcome.status === 200) return outcome.body
      if (outcome.kind === 'answered' && outcome.status !== 503)
        throw new Error(`read-back ${path}: answered ${outcome.status} ${JSON.stringify(outcome.body)}`)
      if (Date.now() > until) throw new Error(`read-back ${path}: no answer for ${SETTLE_LIMIT_MS} ms`)
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS))
    }
  }

  async function create(owned: ModelEntry[]): Promise<void> {
    const ref = `ref-${process.pid}-${++refs}-${Math.random().toString(36).slice(2, 8)}`
    const tags = TAG_OPTIONS.filter(() => Math.random() < 0.5)
    const sent: SentCreate = {
      ref,
      entryableId: pick(fixture.orgs),
      status: FIRST_STATUS,
      values: randomValues(),
      fields: {
        Ref: ref,
        Budget: Math.floor(Math.random() * 1e6),
        Note: `created ${ref}`,
        ...(tags.length > 0 ? { Tags: tags } : {}),
      },
    }
    const body = {
      entryable_type: 'Organization',
      entryable_id: sent.entryableId,
      status: sent.status,
      ...sent.values,
      list_fields: Object.entries(sent.fields).map(([name, value]) => ({ name, value })),
    }
    const result = await write('create', 'POST', deals, body, 201)
    if (result.acked) {
      figures.creates.acknowledged++
      for (const d of differencesFromSent(result.body, sent)) problems.push(`create ${ref}: answered ${d}`)
      owned.push(adopt(sent, result.body, true))
      return
    }
    if (!result.unknown) return
    if (options.deferCreates) deferred.push(sent)
    else {
      const entry = await settleCreate(sent)
      if (entry) owned.push(entry)
    }
  }

  function adopt(sent: SentCreate, made: { id: string; key: string }, acknowledged: boolean): ModelEntry {
    const entry = modelOf(sent, made, acknowledged)
    entries.push(entry)
    return entry
  }

  /** Finds the entry of a create whose outcome is unknown by its Ref; adopts it if it was stored, as sent. */
  async function settleCreate(sent: SentCreate): Promise<ModelEntry | undefined> {
    const found = (await readBack(`${deals}?field[Ref]=${encodeURIComponent(sent.ref)}`)).data as any[]
    if (found.length > 1) problems.push(`create ${sent.ref}: ${found.length} entries hold this Ref`)
    if (found.length === 0) {
      figures.creates.unknownNotApplied++
      return undefined
    }
    figures.creates.unknownApplied++
    for (const d of differencesFromSent(found[0], sent)) problems.push(`create ${sent.ref} (answer lost): stored ${d}`)
    return adopt(sent, found[0], false)
  }

  function entered(entry: ModelEntry, status: string): void {
    entry.status = status
    entry.history.push(status)
    if (status === CONNECTED_STATUS && entry.carried === undefined)
      entry.carried = { Ref: entry.fields.Ref, Budget: entry.fields.Budget }
  }

  async function move(entry: ModelEntry): Promise<void> {
    const to = pick(DEAL_STATUS_NAMES.filter((s) => s !== entry.status))
    const result = await write('move', 'PATCH', `${deals}/${entry.id}`, { status: to }, 200)
    if (result.acked) {
      figures.moves.acknowledged++
      if (result.body.status !== to) problems.push(`move ${entry.key} to ${to}: answered status ${result.body.status}`)
      entered(entry, to)
      return
    }
    if (!result.unknown) return
    const now = await readBack(`${deals}/${entry.id}`)
    if (now.status === to) {
      figures.moves.unknownApplied++
      entered(entry, to)
    } else if (now.status === entry.status) figures.moves.unknownNotApplied++
    else problems.push(`move ${entry.key} ${entry.status} -> ${to}: reads ${now.status}, neither`)
  }

  async function writeFields(entry: ModelEntry): Promise<void> {
    const sent: Record<string, unknown> = {}
    if (Math.random() < 0.7) sent.Budget = Math.floor(Math.random() * 1e6) + 1e6 * (entry.history.length + 1)
    if (Math.random() < 0.5 || Object.keys(sent).length === 0) sent.Note = `note ${Math.random().toString(36).slice(2)}`
    const tags = TAG_OPTIONS.filter(() => Math.random() < 0.5)
    if (Math.random() < 0.5 && !sameValue(tags.length === 0 ? null : tags, entry.fields.Tags))
      sent.Tags = tags.length === 0 ? null : tags
    const body = { list_fields: Object.entries(sent).map(([name, value]) => ({ name, value })) }
    const result = await write('field write', 'PATCH', `${deals}/${entry.id}`, body, 200)
    const expected = { ...entry.fields, ...sent }
    if (result.acked) {
      figures.fieldWrites.acknowledged++
      const answered = fieldsByName(result.body)
      if (!sameFields(answered, expected))
        problems.push(`field write ${entry.key}: answered ${JSON.stringify(answered)}, sent ${JSON.stringify(sent)}`)
      entry.fields = expectedFields(expected)
      return
    }
    if (!result.unknown) return
    const now = fieldsByName(await readBack(`${deals}/${entry.id}`))
    if (sameFields(now, expected)) {
      figures.fieldWrites.unknownApplied++
      entry.fields = expectedFields(expected)
    } else if (sameFields(now, entry.fields)) figures.fieldWrites.unknownNotApplied++
    else
      problems.push(
        `field write ${entry.key}: reads ${JSON.stringify(now)}, neither before ${JSON.stringify(entry.fields)} nor after ${JSON.stringify(expected)}`,
      )
  }

  const worker = async () => {
    const owned: ModelEntry[] = []
    while (running) {
      const r = Math.random()
      try {
        if (owned.length === 0 || r < createShare) await create(owned)
        else if (r < createShare + (1 - createShare) * 0.65) await move(pick(owned))
        else await writeFields(pick(owned))
      } catch (error) {
        problems.push(String(error))
        running = false
      }
    }
  }
  const done = Promise.all(Array.from({ length: options.workers }, worker))
  return {
    entries,
    figures,
    problems,
    async stop() {
      running = false
      await done
      try {
        for (const sent of deferred.splice(0)) await settleCreate(sent)
      } catch (error) {
        problems.push(String(error))
      }
    },
  }
}
