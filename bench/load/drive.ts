// One measurement: drive a server with autocannon for a fixed time and summarise what came back. The
// latency percentiles are computed here from autocannon's per-response times (fractions of a
// millisecond), because its own histogram counts whole milliseconds and would report a sub-millisecond
// baseline as 0, leaving nothing to divide by.
import autocannon, { type Result } from 'autocannon'

export interface Request {
  method: 'GET' | 'POST' | 'PATCH'
  path: string
  /** JSON text. */
  body?: string
}

/** Produces the next request to send; called once per request, so paths and bodies can vary. */
export type RequestSource = () => Request

export interface LoadSettings {
  url: string
  connections: number
  durationS: number
  /** Sent with every request (the API key). */
  headers?: Record<string, string>
}

export interface Measurement {
  /** 2xx responses per second. */
  rps: number
  /** Latency percentiles of 2xx responses, milliseconds. */
  p50: number
  p99: number
  /** Responses that were not 2xx, plus socket errors and timeouts. */
  failures: number
  ok: number
}

class Samples {
  #values = new Float64Array(1 << 16)
  #length = 0
  push(value: number): void {
    if (this.#length === this.#values.length) {
      const bigger = new Float64Array(this.#values.length * 2)
      bigger.set(this.#values)
      this.#values = bigger
    }
    this.#values[this.#length++] = value
  }
  percentile(p: number): number {
    if (this.#length === 0) return NaN
    const sorted = this.#values.slice(0, this.#length).sort()
    return sorted[Math.min(this.#length - 1, Math.floor((p / 100) * this.#length))]!
  }
}

export async function drive(settings: LoadSettings, next: RequestSource): Promise<Measurement> {
  const latencies = new Samples()
  let ok = 0
  let failed = 0
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: settings.url,
        connections: settings.connections,
        duration: settings.durationS,
        timeout: 30,
        // autocannon checks its deadline on this tick; the default (1 s) would round short runs up.
        sampleInt: 100,
        requests: [
          {
            setupRequest: (spec) => {
              const request = next()
              const headers: Record<string, string> = { ...settings.headers }
              if (request.body !== undefined) headers['content-type'] = 'application/json'
              return { ...spec, method: request.method, path: request.path, headers, body: request.body ?? '' }
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    )
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status >= 200 && status < 300) {
        ok++
        latencies.push(ms)
      } else failed++
    })
  })
  const seconds = result.duration > 0 ? result.duration : settings.durationS
  return {
    rps: ok / seconds,
    p50: latencies.percentile(50),
    p99: latencies.percentile(99),
    failures: failed + result.errors + result.timeouts,
    ok,
  }
}
