// The transactional outbox: a change records its event in the transaction that makes the change, so a
// committed change always has its event and a rolled-back one never does. The event is stored with the
// exact body every delivery will send, and one delivery row per subscription that wants it; the
// dispatcher (src/jobs) sends them after the commit. When no active subscription wants an event nothing
// is written at all, so a workspace without webhooks pays one indexed read per write.
import type { Executor } from '../../db/dialect.js'
import * as q from '../../db/queries/webhooks.js'
import type { WebhookDeliveryRow } from '../../db/schema.js'
import { newId } from '../ids.js'
import { nowMs, toIso } from '../time.js'
import { wants, type EventType } from './event-types.js'
import { previousAttributes } from './previous-attributes.js'

/** The kinds of record events are about; one sequence of numbers per record. */
export type RecordType = 'contact' | 'organization' | 'note' | 'custom_field' | 'list' | 'entry' | 'webhook'

export interface NewEvent {
  type: EventType
  recordType: RecordType
  recordId: string
  /** The list the record is in (entries) or is (lists); null or absent for other records. */
  listId?: string | null | undefined
  /** The record as the API shows it now (as it was, for a delete). Called only when someone listens. */
  object: () => unknown
  /** For updates: the record as the API showed it before; its changed keys become `previous_attributes`. */
  before?: unknown
  /** More keys of `data` (`entry.status_changed` adds `from_status` and `to_status`). */
  extra?: Record<string, unknown> | undefined
}

/** The body of every delivery: what receivers parse. */
export interface EventPayload {
  id: string
  type: string
  created_at: string
  workspace_id: string
  /** 1, 2, 3, ... per record, in commit order: receivers order and deduplicate by it. */
  sequence: number
  data: { object: unknown; previous_attributes?: Record<string, unknown> } & Record<string, unknown>
}

/** The active subscriptions of one workspace, read once per transaction however many events it records. */
export class Listeners {
  private constructor(
    private readonly subscriptions: ReadonlyArray<{ id: string; events: string[]; listId: string | null }>,
  ) {}

  static async of(trx: Executor, workspaceId: string): Promise<Listeners> {
    const rows = await q.activeSubscriptions(trx, workspaceId)
    return new Listeners(rows.map((r) => ({ id: r.id, events: JSON.parse(r.events) as string[], listId: r.list_id })))
  }

  /** The ids of the subscriptions that want an event of `type` about a record in `listId`. */
  matching(type: EventType, listId: string | null): string[] {
    return this.subscriptions
      .filter((s) => wants({ events: s.events, listId: s.listId }, type, listId))
      .map((s) => s.id)
  }

  /** Whether any subscription wants it (read `before` only then). */
  want(type: EventType, listId: string | null = null): boolean {
    return this.matching(type, listId).length > 0
  }
}

/**
 * Records `event` inside `trx` for every active subscription of the workspace that wants it; does
 * nothing when none does. Pass `listeners` when the transaction records several events.
 */
export async function recordEvent(
  trx: Executor,
  workspaceId: string,
  event: NewEvent,
  listeners?: Listeners,
): Promise<void> {
  const subscriptions = (listeners ?? (await Listeners.of(trx, workspaceId))).matching(event.type, event.listId ?? null)
  if (subscriptions.length === 0) return
  const object = await event.object()
  const data: EventPayload['data'] = { object }
  if (event.before !== undefined) data.previous_attributes = previousAttributes(event.before, object)
  Object.assign(data, event.extra)
  await writeEvent(trx, workspaceId, event.type, event.recordType, event.recordId, data, subscriptions)
}

/** Stores one event with its payload and a due delivery for each subscription; returns the deliveries. */
export async function writeEvent(
  trx: Executor,
  workspaceId: string,
  type: string,
  recordType: RecordType,
  recordId: string,
  data: EventPayload['data'],
  subscriptionIds: readonly string[],
): Promise<WebhookDeliveryRow[]> {
  const now = nowMs()
  const sequence = await q.nextSequence(trx, workspaceId, recordType, recordId)
  const payload: EventPayload = {
    id: newId(),
    type,
    created_at: toIso(now),
    workspace_id: workspaceId,
    sequence,
    data,
  }
  await q.insertEvent(trx, {
    workspace_id: workspaceId,
    id: payload.id,
    type,
    record_type: recordType,
    record_id: recordId,
    sequence,
    payload: JSON.stringify(payload),
    created_at: now,
  })
  const deliveries = subscriptionIds.map((subscriptionId) =>
    newDelivery(workspaceId, subscriptionId, { id: payload.id, type, recordType, recordId, sequence }, now),
  )
  await q.insertDeliveries(trx, deliveries)
  return deliveries
}

/** A delivery of an event to a subscription, due at `now`. */
export function newDelivery(
  workspaceId: string,
  subscriptionId: string,
  event: { id: string; type: string; recordType: string; recordId: string; sequence: number },
  now: number,
): WebhookDeliveryRow {
  return {
    workspace_id: workspaceId,
    id: newId(),
    subscription_id: subscriptionId,
    event_id: event.id,
    event_type: event.type,
    record_type: event.recordType,
    record_id: event.recordId,
    sequence: event.sequence,
    state: 'pending',
    attempts: 0,
    next_attempt_at: now,
    last_attempt_at: null,
    last_status_code: null,
    last_error: null,
    last_duration_ms: null,
    created_at: now,
    updated_at: now,
  }
}
