// Webhook subscriptions (`/v1/webhooks`): create, read, page, update, delete, rotate the secret; the
// delivery log of one subscription, redelivering one delivery, and pings. Sending is the dispatcher's
// (src/jobs/webhook-dispatcher.ts); what it records about each attempt is delivery-queue.ts's.
import type { Db, Executor } from '../../db/dialect.js'
import { findList } from '../../db/queries/lists.js'
import * as q from '../../db/queries/webhooks.js'
import { lockWorkspace } from '../../db/queries/workspaces.js'
import type { WebhookSubscriptionRow } from '../../db/schema.js'
import type { Actor } from '../actor.js'
import { NotFoundError, Problems, invalid } from '../errors.js'
import { newId } from '../ids.js'
import { pageRequest, toPage, type Page } from '../pagination.js'
import { nowMs, unixSecondsToMs } from '../time.js'
import { checkUrlForm, destinationProblem, systemResolver, type Resolver } from './destination.js'
import { canHaveList, isEventPattern, PING_EVENT } from './event-types.js'
import { newDelivery, writeEvent } from './record-event.js'
import { newSecret } from './signature.js'
import {
  toDelivery,
  toWebhook,
  type Delivery,
  type DeliveryState,
  type Webhook,
  type WebhookWithSecret,
} from './to-webhook.js'

/** Subscriptions per workspace: every write of the workspace reads its active ones. */
export const MAX_WEBHOOKS_PER_WORKSPACE = 50

export interface WebhookSettings {
  /** RAPPORT_WEBHOOK_ALLOW_PRIVATE: receivers on loopback, private and link-local addresses are allowed. */
  allowPrivate: boolean
  /** How host names are resolved for the address check (the system resolver by default). */
  resolver?: Resolver | undefined
}

export interface WebhookInput {
  url?: string | undefined
  events?: string[] | undefined
  list_id?: string | null | undefined
  active?: boolean | undefined
  description?: string | null | undefined
}

export interface ListWebhooksQuery {
  first?: number | undefined
  after?: number | undefined
  updated_after?: number | undefined
}

export interface ListDeliveriesQuery extends ListWebhooksQuery {
  state?: DeliveryState | undefined
}

export class WebhooksService {
  readonly #resolver: Resolver

  constructor(
    private readonly db: Db,
    private readonly settings: WebhookSettings,
  ) {
    this.#resolver = settings.resolver ?? systemResolver
  }

  async list(actor: Actor, query: ListWebhooksQuery): Promise<Page<Webhook>> {
    const page = pageRequest(query)
    const filter = {
      updatedAfterMs: query.updated_after === undefined ? undefined : unixSecondsToMs(query.updated_after),
    }
    const { rows, total } = await q.listSubscriptions(this.db.kysely, actor.workspaceId, filter, page)
    return toPage(rows.map(toWebhook), page, total)
  }

  async get(actor: Actor, id: string): Promise<Webhook> {
    return toWebhook(await this.#find(this.db.kysely, actor, id))
  }

  async create(actor: Actor, input: WebhookInput & { url: string; events: string[] }): Promise<WebhookWithSecret> {
    const ws = actor.workspaceId
    const problems = new Problems()
    // Resolved before the transaction: a slow name server must not hold the workspace lock.
    const url = await this.#checkUrl(input.url, problems)
    const events = checkEvents(input.events, problems)
    const now = nowMs()
    const row: WebhookSubscriptionRow = {
      workspace_id: ws,
      id: newId(),
      url: url ?? input.url,
      events: JSON.stringify(events),
      list_id: input.list_id ?? null,
      active: input.active === false ? 0 : 1,
      secret: newSecret(),
      description: cleanDescription(input.description),
      disabled_reason: null,
      consecutive_failures: 0,
      failing_since: null,
      created_at: now,
      updated_at: now,
    }
    await this.db.transaction(async (trx) => {
      await lockWorkspace(trx, ws, this.db.traits.supportsForUpdate)
      await checkListFilter(trx, ws, row.list_id, events, problems)
      problems.throwIfAny()
      if ((await q.countSubscriptions(trx, ws)) >= MAX_WEBHOOKS_PER_WORKSPACE)
        throw invalid(
          'webhooks',
          'limit_reached',
          `the workspace has ${MAX_WEBHOOKS_PER_WORKSPACE} webhooks, the most it may have: delete one first`,
        )
      await q.insertSubscription(trx, row)
    }, actor.deadline)
    return { ...toWebhook(row), secret: row.secret }
  }

  /** Changes what is sent. Turning a subscription on again clears why it was turned off and its failures. */
  async update(actor: Actor, id: string, input: WebhookInput): Promise<Webhook> {
    const problems = new Problems()
    const url = input.url === undefined ? undefined : await this.#checkUrl(input.url, problems)
    const events = input.events === undefined ? undefined : checkEvents(input.events, problems)
    const row = await this.db.transaction(async (trx) => {
      const current = await this.#find(trx, actor, id, true)
      const next: WebhookSubscriptionRow = { ...current }
      if (url !== undefined) next.url = url
      if (events !== undefined) next.events = JSON.stringify(events)
      if (input.list_id !== undefined) next.list_id = input.list_id
      if (input.description !== undefined) next.description = cleanDescription(input.description)
      if (input.active !== undefined) next.active = input.active ? 1 : 0
      if (input.list_id !== undefined || events !== undefined) {
        await checkListFilter(trx, actor.workspaceId, next.list_id, JSON.parse(next.events) as string[], problems)
      }
      problems.throwIfAny()
      if (next.active === 1 && current.active === 0) {
        Object.assign(next, { disabled_reason: null, consecutive_failures: 0, failing_since: null })
      }
      const keys = ['url', 'events', 'list_id', 'description', 'active', 'disabled_reason'] as const
      if (keys.every((key) => next[key] === current[key])) return current
      next.updated_at = nowMs()
      const { workspace_id: _w, id: _i, created_at: _c, secret: _s, ...changes } = next
      await q.updateSubscription(trx, actor.workspaceId, id, changes)
      return next
    }, actor.deadline)
    return toWebhook(row)
  }

  /** A new signing secret, effective for every attempt from now on; answered once. */
  async rotateSecret(actor: Actor, id: string): Promise<WebhookWithSecret> {
    const row = await this.db.transaction(async (trx) => {
      const current = await this.#find(trx, actor, id, true)
      const next = { ...current, secret: newSecret(), updated_at: nowMs() }
      await q.updateSubscription(trx, actor.workspaceId, id, { secret: next.secret, updated_at: next.updated_at })
      return next
    }, actor.deadline)
    return { ...toWebhook(row), secret: row.secret }
  }

  /** Deletes the subscription and its delivery log; deliveries under way finish, nothing more is sent. */
  async delete(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      await this.#find(trx, actor, id, true)
      await q.deleteSubscription(trx, actor.workspaceId, id)
    }, actor.deadline)
  }

  /** The subscription's deliveries, last changed first. */
  async deliveries(actor: Actor, id: string, query: ListDeliveriesQuery): Promise<Page<Delivery>> {
    await this.#find(this.db.kysely, actor, id)
    const page = pageRequest(query)
    const filter = {
      updatedAfterMs: query.updated_after === undefined ? undefined : unixSecondsToMs(query.updated_after),
      state: query.state,
    }
    const { rows, total } = await q.listDeliveries(this.db.kysely, actor.workspaceId, id, filter, page)
    return toPage(rows.map(toDelivery), page, total)
  }

  /** Sends a delivery's event again, as a new delivery due now (the old one stays in the log as it was). */
  async redeliver(actor: Actor, id: string, deliveryId: string): Promise<Delivery> {
    const row = await this.db.transaction(async (trx) => {
      const subscription = await this.#find(trx, actor, id, true)
      const old = await q.findDelivery(trx, actor.workspaceId, id, deliveryId)
      if (!old) throw new NotFoundError('delivery', deliveryId)
      refuseInactive(subscription)
      const event = {
        id: old.event_id,
        type: old.event_type,
        recordType: old.record_type,
        recordId: old.record_id,
        sequence: Number(old.sequence),
      }
      const delivery = newDelivery(actor.workspaceId, id, event, nowMs())
      await q.insertDeliveries(trx, [delivery])
      return delivery
    }, actor.deadline)
    return toDelivery(row)
  }

  /** Sends a `ping` event to this subscription alone (its filter does not apply); answers its delivery. */
  async ping(actor: Actor, id: string): Promise<Delivery> {
    const row = await this.db.transaction(async (trx) => {
      const subscription = await this.#find(trx, actor, id, true)
      refuseInactive(subscription)
      const [delivery] = await writeEvent(
        trx,
        actor.workspaceId,
        PING_EVENT,
        'webhook',
        id,
        { object: toWebhook(subscription) },
        [id],
      )
      return delivery!
    }, actor.deadline)
    return toDelivery(row)
  }

  async #find(db: Executor, actor: Actor, id: string, lock = false): Promise<WebhookSubscriptionRow> {
    const row = await q.findSubscription(
      db,
      actor.workspaceId,
      id,
      lock && this.db.traits.supportsForUpdate ? 'update' : undefined,
    )
    if (!row) throw new NotFoundError('webhook', id)
    return row
  }

  /** The URL as stored (WHATWG-normalised), or undefined with a problem recorded. */
  async #checkUrl(raw: string, problems: Problems): Promise<string | undefined> {
    const form = checkUrlForm(raw)
    if (!form.ok) {
      problems.add('url', form.code, form.message)
      return undefined
    }
    if (!this.settings.allowPrivate) {
      const problem = await destinationProblem(form.url, this.#resolver)
      if (problem !== undefined) {
        problems.add('url', 'not_allowed', problem)
        return undefined
      }
    }
    return form.url.href
  }
}

/** Event names and wildcards, each known, kept once in the order sent. */
function checkEvents(events: readonly string[], problems: Problems): string[] {
  if (events.length === 0) problems.add('events', 'blank', "can't be blank (name at least one event, or `*`)")
  events.forEach((name, i) => {
    if (!isEventPattern(name))
      problems.add(
        `events[${i}]`,
        'inclusion',
        `is not an event name or wildcard: ${JSON.stringify(name.slice(0, 100))}`,
      )
  })
  return [...new Set(events)]
}

/** `list_id` must be a list of the workspace, and every event named must be one a list can have. */
async function checkListFilter(
  trx: Executor,
  workspaceId: string,
  listId: string | null,
  events: readonly string[],
  problems: Problems,
): Promise<void> {
  if (listId === null) return
  if (!(await findList(trx, workspaceId, listId)))
    problems.add('list_id', 'unknown', `is not a list of this workspace: ${JSON.stringify(listId)}`)
  events.forEach((name, i) => {
    if (isEventPattern(name) && !canHaveList(name))
      problems.add(`events[${i}]`, 'not_allowed', 'is not an event of a list, so a webhook with list_id never gets it')
  })
}

function refuseInactive(subscription: WebhookSubscriptionRow): void {
  if (subscription.active !== 1)
    throw invalid('active', 'inactive', 'the webhook is turned off: turn it on (PATCH active: true) first')
}

function cleanDescription(value: string | null | undefined): string | null {
  const text = value?.trim()
  return text === undefined || text === '' ? null : text
}
