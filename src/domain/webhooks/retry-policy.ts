// When a failed delivery is tried again, and when a subscription whose receiver keeps failing is turned
// off. The default schedule retries 8 times over about 3 days (1 min, 5 min, 30 min, 2 h, 5 h, 10 h,
// 24 h, 30 h: 71.6 hours in all), each wait drawn between 80% and 120% of its step so receivers
// recovering from an outage are not hit by every delivery at once. The schedule, the failure run and the
// retention are set by the RAPPORT_WEBHOOK_* variables (config.ts).

/** Each wait is its step times a factor drawn uniformly from [1 - JITTER, 1 + JITTER]. */
export const JITTER = 0.2

/** What the dispatcher needs to know to deliver, retry and give up. */
export interface DeliveryPolicy {
  /** An attempt without a complete answer after this long fails (10 s by default). */
  timeoutMs: number
  /** Waits before each retry, in ms; its length is the number of retries. */
  scheduleMs: number[]
  /** A subscription is disabled after this many failed attempts in a row ... */
  failureRun: number
  /** ... once the first of them is at least this old (ms). */
  failureRunSpanMs: number
  /** Events (and their deliveries) older than this are deleted (ms). */
  retentionMs: number
  /** Whether receivers on private, loopback and link-local addresses are allowed. */
  allowPrivate: boolean
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/**
 * A duration such as `5m` in milliseconds.
 *
 * ### Example
 * ```ts
 * parseDuration('1.5s') // 1500
 * ```
 */
export function parseDuration(text: string): number {
  const match = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h|d)$/.exec(text.trim())
  if (!match) throw new Error(`not a duration: ${JSON.stringify(text)}`)
  return Math.round(Number(match[1]) * UNIT_MS[match[2]!]!)
}

/** A comma-separated list of durations in milliseconds: `1m,5m` → [60000, 300000]. */
export function parseDurations(text: string): number[] {
  return text.split(',').map(parseDuration)
}

/**
 * The wait before the next attempt after `attempts` attempts all failed, or undefined when the schedule
 * is spent (the delivery has failed for good). `random` is in [0, 1).
 *
 * ### Example
 * ```ts
 * retryDelay([60_000, 300_000], 1, () => 0.5) // 60000: the first retry, no jitter at the middle
 * retryDelay([60_000, 300_000], 3, Math.random) // undefined: two retries were all there were
 * ```
 */
export function retryDelay(scheduleMs: readonly number[], attempts: number, random: () => number): number | undefined {
  const step = scheduleMs[attempts - 1]
  if (step === undefined) return undefined
  return Math.round(step * (1 - JITTER + 2 * JITTER * random()))
}

/** Whether a run of `failures` failed attempts that began at `failingSince` disables the subscription. */
export function failureRunEnds(
  policy: Pick<DeliveryPolicy, 'failureRun' | 'failureRunSpanMs'>,
  failures: number,
  failingSince: number,
  now: number,
): boolean {
  return failures >= policy.failureRun && now - failingSince >= policy.failureRunSpanMs
}
