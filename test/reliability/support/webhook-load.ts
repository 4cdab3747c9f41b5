// A stream of contact writes for the webhook reliability suites, and the check of what a receiver got.
// Each worker creates contacts and changes their titles (each title unique, so each acknowledged change
// is recognised in the events), through whatever Endpoint it is given. Afterwards:
//   - every acknowledged write has its event at the receiver (at least once);
//   - per record, the sequences received are 1..n with none missing (an event of a write whose answer
//     was lost may be there too: it committed), and arrive in order: never a lower sequence after a
//     higher one (a repeat of the one just delivered is allowed: at least once).
import type { Received } from '../../support/webhook-receiver.js'
import { send, type Endpoint } from './endpoint.js'

export interface AcknowledgedWrite {
  contactId: string
  type: 'contact.created' | 'contact.updated'
  /** The title the write set (creates: null). */
  title: string | null
}

export interface WebhookLoad {
  acknowledged: AcknowledgedWrite[]
  /** Requests with no answer (cut by a kill) and other unexpected answers. */
  unanswered: number
  problems: string[]
  stop(): Promise<void>
}

/** Starts `workers` loops of creates (1 in 3) and title changes of the worker's own contacts. */
export function startWebhookLoad(endpoints: () => Endpoint, key: string, workers: number): WebhookLoad {
  const load: WebhookLoad = { acknowledged: [], unanswered: 0, problems: [], stop: async () => {} }
  let running = true
  const loops = Array.from({ length: workers }, async (_, worker) => {
    const mine: string[] = []
    for (let n = 0; running; n++) {
      if (mine.length === 0 || n % 3 === 0) {
        const email = `w${worker}-${n}-${Math.random().toString(36).slice(2, 8)}@load.example`
        const outcome = await send(endpoints(), key, 'POST', '/v1/contacts', {
          first_name: `W${worker}`,
          emails: [email],
        })
        if (outcome.kind === 'answered' && outcome.status === 201) {
          mine.push(outcome.body.id)
          load.acknowledged.push({ contactId: outcome.body.id, type: 'contact.created', title: null })
        } else if (outcome.kind === 'answered')
          load.problems.push(`create answered ${outcome.status}: ${JSON.stringify(outcome.body).slice(0, 200)}`)
        else load.unanswered++
      } else {
        const id = mine[n % mine.length]!
        const title = `t-${worker}-${n}`
        const outcome = await send(endpoints(), key, 'PATCH', `/v1/contacts/${id}`, { title })
        if (outcome.kind === 'answered' && outcome.status === 200)
          load.acknowledged.push({ contactId: id, type: 'contact.updated', title })
        else if (outcome.kind === 'answered')
          load.problems.push(`PATCH answered ${outcome.status}: ${JSON.stringify(outcome.body).slice(0, 200)}`)
        else load.unanswered++
      }
    }
  })
  load.stop = async () => {
    running = false
    await Promise.all(loops)
  }
  return load
}

/** Whether `received` holds an event for every acknowledged write. */
export function missingEvents(
  acknowledged: readonly AcknowledgedWrite[],
  received: readonly Received[],
): AcknowledgedWrite[] {
  const seen = new Set(
    received.map(
      (r) =>
        `${r.event?.type}/${r.event?.data?.object?.id}/${r.event?.type === 'contact.updated' ? r.event.data.object.title : ''}`,
    ),
  )
  return acknowledged.filter((w) => !seen.has(`${w.type}/${w.contactId}/${w.title ?? ''}`))
}

/** The order and completeness problems of what arrived, per record. */
export function orderProblems(received: readonly Received[]): string[] {
  const byRecord = new Map<string, number[]>()
  for (const r of received) {
    const id = String(r.event?.data?.object?.id)
    const list = byRecord.get(id) ?? []
    list.push(Number(r.event?.sequence))
    byRecord.set(id, list)
  }
  const problems: string[] = []
  for (const [id, sequences] of byRecord) {
    for (let i = 1; i < sequences.length; i++) {
      if (sequences[i]! < sequences[i - 1]!) {
        problems.push(
          `record ${id}: sequence ${sequences[i]} arrived after ${sequences[i - 1]} (${sequences.join(',')})`,
        )
        break
      }
    }
    const max = Math.max(...sequences)
    const have = new Set(sequences)
    const missing = Array.from({ length: max }, (_, i) => i + 1).filter((s) => !have.has(s))
    if (missing.length > 0)
      problems.push(`record ${id}: sequences ${missing.join(',')} never arrived (got ${sequences.join(',')})`)
  }
  return problems
}

/** Waits until `done()` or `timeoutMs`; returns whether it came true. */
export async function waitUntil(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (!done()) {
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return true
}
