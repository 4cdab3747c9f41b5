// Where a load sends its requests, and one request as a value. A server that is being killed and
// restarted (crash.test.ts) closes its endpoint while it is down, so no request is sent into the gap,
// and opens it again with the new URL; a request that was under way when it died fails as a value
// ("the outcome is unknown"), never as a thrown error.

/** Longest a request may take before it counts as a hang. Far above any healthy answer. */
export const HANG_MS = 20_000

/** Hands out the base URL of the server while it is up; waiters queue while it is down. */
export class Endpoint {
  #url: string | undefined
  #waiters: Array<(url: string) => void> = []

  constructor(url?: string) {
    this.#url = url
  }

  /** Resolves with the base URL once a server takes requests. */
  ready(): Promise<string> {
    if (this.#url !== undefined) return Promise.resolve(this.#url)
    return new Promise((resolve) => this.#waiters.push(resolve))
  }

  open(url: string): void {
    this.#url = url
    for (const waiter of this.#waiters.splice(0)) waiter(url)
  }

  close(): void {
    this.#url = undefined
  }
}

export type Outcome =
  | { kind: 'answered'; status: number; body: any; ms: number }
  /** The connection failed or broke before an answer: the request may or may not have been applied. */
  | { kind: 'failed'; error: string; ms: number }
  /** No answer within HANG_MS. */
  | { kind: 'hung'; ms: number }

/** Sends one JSON request with the bearer `key` to the endpoint's current server. */
export async function send(
  endpoint: Endpoint,
  key: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Outcome> {
  const base = await endpoint.ready()
  const started = performance.now()
  const headers: Record<string, string> = { authorization: `Bearer ${key}` }
  if (body !== undefined) headers['content-type'] = 'application/json'
  try {
    const response = await fetch(base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(HANG_MS),
    })
    const text = await response.text()
    const parsed =
      text !== '' && (response.headers.get('content-type') ?? '').includes('application/json') ? JSON.parse(text) : text
    return { kind: 'answered', status: response.status, body: parsed, ms: performance.now() - started }
  } catch (error) {
    const ms = performance.now() - started
    if ((error as Error).name === 'TimeoutError') return { kind: 'hung', ms }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    return { kind: 'failed', error: cause?.code ?? cause?.message ?? String(error), ms }
  }
}

/** Whether `body` is the API's error shape for `status`: `{status, code, message, request_id}`. */
export function isErrorShape(body: unknown, status: number): boolean {
  const b = body as Record<string, unknown> | null
  return (
    typeof b === 'object' &&
    b !== null &&
    b.status === status &&
    typeof b.code === 'string' &&
    typeof b.message === 'string' &&
    typeof b.request_id === 'string'
  )
}
