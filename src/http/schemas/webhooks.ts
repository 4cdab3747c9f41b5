// Webhooks: `/v1/webhooks` subscriptions, their delivery log, and the event every delivery sends.
import { Type, type Static } from 'typebox'
import { EVENT_PATTERNS } from '../../domain/webhooks/event-types.js'
import { MAX_URL_LENGTH } from '../../domain/webhooks/destination.js'
import { Id, Nullable, NullableString, NullableTimestamp, Page, PageQuery, Timestamp } from './common.js'

const example = {
  id: 'Wh4Tq8Lm2B',
  url: 'https://example.com/hooks/rapport',
  events: ['entry.*', 'contact.created'],
  list_id: null,
  active: true,
  description: 'Sync to the data warehouse',
  disabled_reason: null,
  created_at: '2025-04-29T22:47:39.635Z',
  updated_at: '2025-04-29T22:47:39.635Z',
}
const SECRET_EXAMPLE = 'whsec_3sWq0bXj7kPq5mYd2Lr8aNc1Tf6Gh9Jv4Ue0Bz2Ko7w'

const EventPattern = Type.String({
  maxLength: 100,
  description: `An event name or wildcard: ${EVENT_PATTERNS.map((p) => `\`${p}\``).join(', ')}`,
})
const Events = Type.Array(EventPattern, {
  maxItems: 50,
  description: 'Events to receive: names (`entry.created`), resource wildcards (`contact.*`) or `*`',
})
const Url = Type.String({
  maxLength: MAX_URL_LENGTH,
  description:
    'http or https, without user or password. Unless the server allows it, a host resolving to a loopback, private or link-local address is refused',
})
const Description = NullableString({ maxLength: 1000 })

const webhookProperties = {
  id: Id,
  url: Type.String(),
  events: Type.Array(Type.String()),
  list_id: NullableString({ description: 'Only events of this list (its entries and itself), when set' }),
  active: Type.Boolean({ description: 'Whether events are sent; a failing receiver turns it off' }),
  description: NullableString(),
  disabled_reason: NullableString({ description: 'Why deliveries turned it off (a failing receiver), or null' }),
  created_at: Timestamp,
  updated_at: Timestamp,
}

export const Webhook = Type.Object(webhookProperties, { title: 'Webhook', examples: [example] })

export const WebhookWithSecret = Type.Object(
  {
    ...webhookProperties,
    secret: Type.String({
      description: 'The signing secret: shown only here (on create and rotation); store it to verify Rapport-Signature',
    }),
  },
  { title: 'WebhookWithSecret', examples: [{ ...example, secret: SECRET_EXAMPLE }] },
)

export const CreateWebhookBody = Type.Object(
  {
    url: Url,
    events: Events,
    list_id: Type.Optional(NullableString({ maxLength: 32, description: 'A list or process of the workspace' })),
    active: Type.Optional(Type.Boolean({ description: 'Default true' })),
    description: Type.Optional(Description),
  },
  { examples: [{ url: 'https://example.com/hooks/rapport', events: ['entry.*', 'contact.created'] }] },
)
export type CreateWebhookBody = Static<typeof CreateWebhookBody>

export const UpdateWebhookBody = Type.Object(
  {
    url: Type.Optional(Url),
    events: Type.Optional(Events),
    list_id: Type.Optional(NullableString({ maxLength: 32, description: 'A list or process, or null for all' })),
    active: Type.Optional(
      Type.Boolean({ description: 'true turns a subscription on again and clears disabled_reason' }),
    ),
    description: Type.Optional(Description),
  },
  { examples: [{ active: true }] },
)
export type UpdateWebhookBody = Static<typeof UpdateWebhookBody>

export const ListWebhooksQuery = PageQuery

export const WebhookPage = Page(Webhook, {
  title: 'WebhookPage',
  examples: [{ data: [example], pagination: { end_cursor: 1, has_next_page: false, total_count: 1 } }],
})

const DeliveryState = Type.Enum(['pending', 'delivered', 'failed'], {
  description: 'pending (due, under way or waiting to be retried), delivered (a 2xx), failed (the retries were spent)',
})

const deliveryExample = {
  id: 'Dl5Rb1Xw7N',
  event_id: 'Ev9Kc3Vp6S',
  event_type: 'contact.updated',
  record_id: 'Ct2Hn8Qz4M',
  sequence: 3,
  state: 'delivered',
  attempts: 2,
  status_code: 200,
  error: null,
  duration_ms: 41,
  attempted_at: '2025-04-29T22:48:40.102Z',
  next_attempt_at: null,
  created_at: '2025-04-29T22:47:39.635Z',
  updated_at: '2025-04-29T22:48:40.143Z',
}

export const Delivery = Type.Object(
  {
    id: Id,
    event_id: Id,
    event_type: Type.String(),
    record_id: Type.String({ description: 'The record the event is about' }),
    sequence: Type.Integer({ description: "The event's number in its record's sequence (1, 2, ...)" }),
    state: DeliveryState,
    attempts: Type.Integer({ description: 'Attempts begun so far' }),
    status_code: Nullable(Type.Integer(), { description: 'HTTP status of the last attempt; null without an answer' }),
    error: NullableString({ description: 'Why the last attempt failed (status, timeout, refused address, ...)' }),
    duration_ms: Nullable(Type.Integer(), { description: 'How long the last attempt took' }),
    attempted_at: NullableTimestamp,
    next_attempt_at: Nullable(Timestamp, { description: 'While pending: when the next attempt is due' }),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { title: 'WebhookDelivery', examples: [deliveryExample] },
)

export const ListDeliveriesQuery = Type.Object({
  ...PageQuery.properties,
  state: Type.Optional(DeliveryState),
})

export const DeliveryPage = Page(Delivery, {
  title: 'WebhookDeliveryPage',
  examples: [{ data: [deliveryExample], pagination: { end_cursor: 1, has_next_page: false, total_count: 1 } }],
})

export const DeliveryParams = Type.Object({ id: Id, delivery_id: Id })
