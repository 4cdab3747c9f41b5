// The API shapes of a webhook subscription and of one delivery in its log. The secret is never part of
// the subscription as read: it is shown once, on create and on rotation.
import type { WebhookDeliveryRow, WebhookSubscriptionRow } from '../../db/schema.js'
import { toIso, toIsoOrNull } from '../time.js'

export interface Webhook {
  id: string
  url: string
  events: string[]
  list_id: string | null
  active: boolean
  description: string | null
  /** Why the dispatcher turned it off, or null. */
  disabled_reason: string | null
  created_at: string
  updated_at: string
}

/** What create and rotate_secret answer: the subscription and its signing secret. */
export interface WebhookWithSecret extends Webhook {
  secret: string
}

export type DeliveryState = 'pending' | 'delivered' | 'failed'

export interface Delivery {
  id: string
  event_id: string
  event_type: string
  /** The record the event is about, and its per-record sequence number. */
  record_id: string
  sequence: number
  state: DeliveryState
  /** Attempts begun so far. */
  attempts: number
  /** The HTTP status of the last attempt, or null (none yet, or no answer). */
  status_code: number | null
  /** Why the last attempt failed, or null. */
  error: string | null
  /** How long the last attempt took, in ms. */
  duration_ms: number | null
  attempted_at: string | null
  /** While pending: when the next attempt is due (at the latest). */
  next_attempt_at: string | null
  created_at: string
  updated_at: string
}

export function toWebhook(row: WebhookSubscriptionRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as string[],
    list_id: row.list_id,
    active: row.active === 1,
    description: row.description,
    disabled_reason: row.disabled_reason,
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  }
}

export function toDelivery(row: WebhookDeliveryRow): Delivery {
  return {
    id: row.id,
    event_id: row.event_id,
    event_type: row.event_type,
    record_id: row.record_id,
    sequence: Number(row.sequence),
    state: row.state as DeliveryState,
    attempts: Number(row.attempts),
    status_code: row.last_status_code,
    error: row.last_error,
    duration_ms: row.last_duration_ms,
    attempted_at: toIsoOrNull(row.last_attempt_at),
    next_attempt_at: row.state === 'pending' ? toIso(row.next_attempt_at) : null,
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  }
}
