// A real webhook receiver on the loopback: an HTTP server that keeps every request it gets (headers, raw
// body, parsed event) and answers what the test tells it to (a status, or nothing at all: `hang`).
import { once } from 'node:events'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Received {
  /** The request path (tests give each subscription its own). */
  path: string
  headers: http.IncomingHttpHeaders
  /** The body exactly as sent (what the signature covers). */
  raw: string
  event: any
  at: number
}

/** What to answer a request: an HTTP status, or `hang` (read it, never answer). */
export type Answer = number | 'hang'

export class WebhookReceiver {
  readonly received: Received[] = []
  /** Decides each answer (now, or after a while); by default 200. */
  answer: (request: Received, index: number) => Answer | Promise<Answer> = () => 200
  readonly #server: http.Server
  readonly #hanging = new Set<http.ServerResponse>()

  private constructor(server: http.Server) {
    this.#server = server
  }

  static async start(): Promise<WebhookReceiver> {
    let receiver: WebhookReceiver | undefined
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        let event: unknown
        try {
          event = JSON.parse(raw)
        } catch {
          event = undefined
        }
        const got: Received = { path: req.url ?? '', headers: req.headers, raw, event, at: Date.now() }
        const index = receiver!.received.push(got) - 1
        void Promise.resolve(receiver!.answer(got, index)).then((answer) => {
          if (answer === 'hang') receiver!.#hanging.add(res)
          else if (!res.destroyed) res.writeHead(answer, { 'content-type': 'text/plain' }).end('ok')
        })
      })
    })
    receiver = new WebhookReceiver(server)
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    return receiver
  }

  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`
  }

  /** Requests whose event satisfies `match`. */
  events(match: (event: any, request: Received) => boolean = () => true): Received[] {
    return this.received.filter((r) => match(r.event, r))
  }

  /** Waits until `count` requests match (or fails after `timeoutMs`, naming what arrived). */
  async waitFor(match: (event: any, request: Received) => boolean, count = 1, timeoutMs = 15_000): Promise<Received[]> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = this.events(match)
      if (found.length >= count) return found
      if (Date.now() > deadline)
        throw new Error(
          `waited ${timeoutMs} ms for ${count} matching deliveries, got ${found.length}; received: ${this.received
            .map((r) => r.event?.type)
            .join(', ')}`,
        )
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  }

  /** Forgets what was received. */
  clear(): void {
    this.received.length = 0
  }

  async close(): Promise<void> {
    for (const res of this.#hanging) res.destroy()
    this.#server.closeAllConnections()
    this.#server.close()
    await once(this.#server, 'close')
  }
}
