// The delivery queue as the dispatcher uses it: claim due deliveries (leased, so a crashed claimer's
// work comes back), write what each attempt gave (delivered; retried on the schedule; failed for good),
// keep each subscription's run of failures and turn off a subscription whose receiver keeps failing,
// and delete events past the retention. The HTTP side is src/jobs/webhook-sender.ts.
import type { Db } from '../../db/dialect.js'
import * as q from '../../db/queries/webhooks.js'
import type { ClaimedDelivery } from '../../db/queries/webhooks.js'
import { nowMs } from '../time.js'
import { failureRunEnds, retryDelay, type DeliveryPolicy } from './retry-policy.js'

export type { ClaimedDelivery } from '../../db/queries/webhooks.js'

/** What one attempt gave. */
export interface AttemptOutcome {
  delivery: ClaimedDelivery
  /** A 2xx answer. */
  ok: boolean
  statusCode: number | null
  error: string | null
  startedAt: number
  durationMs: number
}

/** Events deleted per statement when pruning. */
const PRUNE_CHUNK = 1000

/**
 * How long a claimed delivery is reserved for its claimer: twice the attempt timeout and 5 s, so an
 * attempt under way is never claimed again by another process, and a claimer that died gives its
 * deliveries back that soon.
 */
export function leaseMs(policy: Pick<DeliveryPolicy, 'timeoutMs'>): number {
  return 2 * policy.timeoutMs + 5000
}

export class DeliveryQueue {
  constructor(
    private readonly db: Db,
    private readonly policy: DeliveryPolicy,
    private readonly random: () => number = Math.random,
  ) {}

  /** Claims up to `limit` due deliveries (none when nothing is due: one cheap read, no transaction). */
  async claim(limit: number): Promise<ClaimedDelivery[]> {
    const now = nowMs()
    if (!(await q.anyDue(this.db.kysely, now))) return []
    return this.db.transaction((trx) => q.claimDue(trx, this.db.traits, now, limit, now + leaseMs(this.policy)))
  }

  /** Writes the outcomes of finished attempts, in the order they finished, in one transaction. */
  async settle(outcomes: readonly AttemptOutcome[]): Promise<void> {
    if (outcomes.length === 0) return
    await this.db.transaction(async (trx) => {
      const now = nowMs()
      // Per subscription: failures since its last success in this batch, whether one succeeded, and a
      // delivery that spent the schedule (that disables the subscription whatever else succeeded).
      const runs = new Map<
        string,
        {
          workspaceId: string
          failures: number
          firstAt: number
          succeeded: boolean
          last?: AttemptOutcome
          gaveUp?: AttemptOutcome
        }
      >()
      for (const outcome of outcomes) {
        const { delivery } = outcome
        const attempts = delivery.attempts + 1
        const wait = outcome.ok ? undefined : retryDelay(this.policy.scheduleMs, attempts, this.random)
        await q.settleDelivery(trx, delivery.workspace_id, delivery.id, {
          state: outcome.ok ? 'delivered' : wait === undefined ? 'failed' : 'pending',
          ...(wait === undefined ? {} : { next_attempt_at: now + wait }),
          last_attempt_at: outcome.startedAt,
          last_status_code: outcome.statusCode,
          last_error: outcome.error,
          last_duration_ms: Math.round(outcome.durationMs),
          updated_at: now,
        })
        const key = `${delivery.workspace_id}/${delivery.subscription_id}`
        const run = runs.get(key) ?? {
          workspaceId: delivery.workspace_id,
          failures: 0,
          firstAt: outcome.startedAt,
          succeeded: false,
        }
        runs.set(key, run)
        if (outcome.ok) Object.assign(run, { failures: 0, succeeded: true })
        else {
          if (run.failures === 0) run.firstAt = outcome.startedAt
          run.failures++
          run.last = outcome
          if (wait === undefined) run.gaveUp = outcome
        }
      }
      for (const [key, run] of runs) {
        const subscriptionId = key.slice(key.indexOf('/') + 1)
        if (run.succeeded) await q.clearFailures(trx, run.workspaceId, subscriptionId)
        if (run.failures === 0) continue
        const state = await q.addFailures(trx, run.workspaceId, subscriptionId, run.failures, run.firstAt)
        if (state?.active !== 1) continue
        const since = state.failing_since ?? run.firstAt
        const reason = run.gaveUp
          ? `delivery ${run.gaveUp.delivery.id} (${run.gaveUp.delivery.event_type}) failed ${run.gaveUp.delivery.attempts + 1} attempts, the whole retry schedule; last: ${run.gaveUp.error}`
          : failureRunEnds(this.policy, state.consecutive_failures, since, now)
            ? `${state.consecutive_failures} delivery attempts in a row failed over ${describeSpan(now - since)}; last: ${run.last?.error}`
            : undefined
        if (reason !== undefined)
          await q.updateSubscription(trx, run.workspaceId, subscriptionId, {
            active: 0,
            disabled_reason: reason.slice(0, 1000),
            updated_at: now,
          })
      }
    })
  }

  /** Deletes events (and their deliveries) older than the retention; returns how many events went. */
  async prune(): Promise<number> {
    const before = nowMs() - this.policy.retentionMs
    let total = 0
    for (;;) {
      const deleted = await this.db.transaction((trx) => q.pruneEvents(trx, before, PRUNE_CHUNK))
      total += deleted
      if (deleted < PRUNE_CHUNK) return total
    }
  }
}

/** `90061000` → `1 d 1 h 1 min`; short spans in seconds. */
function describeSpan(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`
  const minutes = Math.floor(ms / 60_000)
  const parts = [
    [Math.floor(minutes / 1440), 'd'],
    [Math.floor(minutes / 60) % 24, 'h'],
    [minutes % 60, 'min'],
  ] as const
  return parts
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n} ${unit}`)
    .join(' ')
}
