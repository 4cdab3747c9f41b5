// The webhook dispatcher: a loop inside each server process (started and stopped by buildApp with the
// HTTP server) that claims due deliveries, sends them, and writes what each attempt gave. Several
// processes on one PostgreSQL share the queue (claims skip rows another process holds); on SQLite the
// one process has it to itself. It polls: an idle queue costs one indexed read every POLL_MS, and while
// there is a backlog it claims again as soon as attempts finish. Old events are pruned on a timer.
//
// Ordering: a claim only takes the oldest pending delivery of each record for each subscription, and
// the next one becomes due only once that one is written as delivered (or failed for good), so one
// receiver gets one record's events in order, retries included.
import type { FastifyBaseLogger } from 'fastify'
import { DeliveryQueue, type AttemptOutcome, type ClaimedDelivery } from '../domain/webhooks/delivery-queue.js'
import type { DeliveryPolicy } from '../domain/webhooks/retry-policy.js'
import { signatureHeader } from '../domain/webhooks/signature.js'
import type { Db } from '../db/dialect.js'
import { WebhookSender } from './webhook-sender.js'

/** Attempts under way at once in one process. */
const MAX_IN_FLIGHT = 64
/** Deliveries claimed per claiming transaction at most. */
const MAX_CLAIM = 64
/** How often an idle dispatcher looks for due deliveries. */
const POLL_MS = 200
/** Pruning runs this often at most (and at least every hour, or a quarter of the retention). */
const PRUNE_EVERY_MAX_MS = 3_600_000
/** After a database error, the dispatcher waits this long before trying again. */
const ERROR_BACKOFF_MS = 2000

export class WebhookDispatcher {
  readonly #queue: DeliveryQueue
  readonly #sender: WebhookSender
  #running = false
  #inFlight = 0
  #claiming = false
  /** Whether the last claim took all it asked for (more may be due right now). */
  #backlog = false
  #pollTimer: NodeJS.Timeout | undefined
  #pruneTimer: NodeJS.Timeout | undefined
  readonly #finished: AttemptOutcome[] = []
  #settling: Promise<void> | undefined
  readonly #attempts = new Set<Promise<void>>()
  #pruning: Promise<unknown> | undefined

  constructor(
    db: Db,
    private readonly policy: DeliveryPolicy,
    private readonly log: FastifyBaseLogger,
  ) {
    this.#queue = new DeliveryQueue(db, policy)
    this.#sender = new WebhookSender({ timeoutMs: policy.timeoutMs, allowPrivate: policy.allowPrivate })
  }

  start(): void {
    if (this.#running) return
    this.#running = true
    this.#schedule(0)
    const pruneEvery = Math.min(PRUNE_EVERY_MAX_MS, Math.max(POLL_MS, this.policy.retentionMs / 4))
    const prune = () => {
      this.#pruning = this.#queue
        .prune()
        .then((n) => n > 0 && this.log.info({ events: n }, 'webhooks: pruned events past the retention'))
        .catch((error: unknown) => this.log.warn({ err: error }, 'webhooks: pruning failed'))
    }
    prune()
    this.#pruneTimer = setInterval(prune, pruneEvery)
    this.#pruneTimer.unref()
  }

  /** Stops claiming, lets the attempts under way finish (each is bounded by the timeout) and writes them. */
  async stop(): Promise<void> {
    this.#running = false
    clearTimeout(this.#pollTimer)
    clearInterval(this.#pruneTimer)
    while (this.#attempts.size > 0 || this.#settling !== undefined || this.#claiming) {
      await Promise.race([...this.#attempts, this.#settling, new Promise((resolve) => setTimeout(resolve, 10))])
    }
    await this.#pruning
    this.#sender.close()
  }

  #schedule(ms: number): void {
    if (!this.#running) return
    clearTimeout(this.#pollTimer)
    this.#pollTimer = setTimeout(() => void this.#pump(), ms)
  }

  /** Claims what fits in the free slots and starts those attempts; then waits for the next poll. */
  async #pump(): Promise<void> {
    if (!this.#running || this.#claiming) return
    this.#claiming = true
    let wait = POLL_MS
    try {
      while (this.#running && this.#inFlight < MAX_IN_FLIGHT) {
        const wanted = Math.min(MAX_CLAIM, MAX_IN_FLIGHT - this.#inFlight)
        const claimed = await this.#queue.claim(wanted)
        for (const delivery of claimed) this.#attempt(delivery)
        this.#backlog = claimed.length === wanted
        if (!this.#backlog) break
      }
    } catch (error) {
      this.log.warn({ err: error }, 'webhooks: claiming deliveries failed')
      wait = ERROR_BACKOFF_MS
    } finally {
      this.#claiming = false
    }
    this.#schedule(wait)
  }

  #attempt(delivery: ClaimedDelivery): void {
    this.#inFlight++
    const attempt = this.#send(delivery)
      .then((outcome) => {
        this.#finished.push(outcome)
        this.#settle()
      })
      .finally(() => {
        this.#inFlight--
        this.#attempts.delete(attempt)
        // With a backlog, a free slot is filled at once rather than at the next poll.
        if (this.#backlog) this.#schedule(0)
      })
    this.#attempts.add(attempt)
  }

  async #send(delivery: ClaimedDelivery): Promise<AttemptOutcome> {
    const startedAt = Date.now()
    const headers = {
      'rapport-webhook-id': delivery.event_id,
      'rapport-event-type': delivery.event_type,
      'rapport-delivery-id': delivery.id,
      'rapport-delivery-attempt': String(delivery.attempts + 1),
      'rapport-signature': signatureHeader(delivery.secret, Math.floor(startedAt / 1000), delivery.payload),
    }
    const result = await this.#sender.send(delivery.url, headers, delivery.payload)
    if (!result.ok)
      this.log.debug({ delivery: delivery.id, error: result.error }, 'webhooks: a delivery attempt failed')
    return { delivery, ...result, startedAt }
  }

  /** Writes finished attempts in batches, one transaction at a time. */
  #settle(): void {
    if (this.#settling !== undefined) return
    this.#settling = (async () => {
      while (this.#finished.length > 0) {
        const batch = this.#finished.splice(0, this.#finished.length)
        try {
          await this.#queue.settle(batch)
        } catch (error) {
          // The leases run out and the deliveries are attempted again: at least once, never lost.
          this.log.warn({ err: error, deliveries: batch.length }, 'webhooks: writing delivery outcomes failed')
        }
      }
    })().finally(() => {
      this.#settling = undefined
      // The next delivery of each record just settled may be due now.
      if (this.#running && this.#inFlight < MAX_IN_FLIGHT) this.#schedule(0)
    })
  }
}
