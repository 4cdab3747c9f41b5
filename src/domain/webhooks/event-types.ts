// The events a subscription may ask for, the wildcards that name several at once, and which events a
// subscription's filter (its names and its optional list) lets through. Imports nothing.

/** Every event Rapport emits, by resource. */
export const EVENT_TYPES = [
  'entry.created',
  'entry.updated',
  'entry.status_changed',
  'entry.deleted',
  'list.created',
  'list.updated',
  'list.deleted',
  'contact.created',
  'contact.updated',
  'contact.deleted',
  'organization.created',
  'organization.updated',
  'organization.deleted',
  'note.created',
  'note.updated',
  'note.deleted',
  'custom_field.created',
  'custom_field.updated',
  'custom_field.deleted',
] as const

export type EventType = (typeof EVENT_TYPES)[number]

/** What a ping sends; never subscribed to, only sent by `POST /v1/webhooks/:id/ping`. */
export const PING_EVENT = 'ping'

/** The resources whose events carry a list: a subscription with `list_id` gets only these. */
const LIST_RESOURCES = new Set(['entry', 'list'])

/** Every name a subscription's `events` may hold: the events, `<resource>.*`, and `*`. */
export const EVENT_PATTERNS: readonly string[] = [
  ...EVENT_TYPES,
  ...[...new Set(EVENT_TYPES.map(resourceOf))].map((resource) => `${resource}.*`),
  '*',
]

function resourceOf(type: string): string {
  return type.slice(0, type.indexOf('.'))
}

/** Whether `pattern` is an event name or a wildcard a subscription may hold. */
export function isEventPattern(pattern: string): boolean {
  return EVENT_PATTERNS.includes(pattern)
}

/**
 * Whether `pattern` can name an event that has a list (entries and lists); `*` can.
 *
 * ### Example
 * ```ts
 * canHaveList('entry.*') // true
 * canHaveList('contact.created') // false
 * ```
 */
export function canHaveList(pattern: string): boolean {
  return pattern === '*' || LIST_RESOURCES.has(resourceOf(pattern))
}

/** What a subscription listens for. */
export interface EventFilter {
  events: readonly string[]
  listId: string | null
}

/**
 * Whether a subscription with `filter` wants an event of `type` about a record in list `listId` (null:
 * the event has no list).
 *
 * ### Example
 * ```ts
 * wants({ events: ['entry.*'], listId: 'L1' }, 'entry.created', 'L1') // true
 * wants({ events: ['*'], listId: 'L1' }, 'contact.created', null) // false: not an event of that list
 * ```
 */
export function wants(filter: EventFilter, type: EventType, listId: string | null): boolean {
  if (filter.listId !== null && filter.listId !== listId) return false
  const wildcard = `${resourceOf(type)}.*`
  return filter.events.some((pattern) => pattern === '*' || pattern === type || pattern === wildcard)
}
