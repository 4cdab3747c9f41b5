// A loopback HTTP proxy in front of a real test server that can fail on purpose, for the client's retry
// tests: answer 503 itself (the request never reaches the server), drop the connection before forwarding
// (the server never sees it), or forward and then drop the connection instead of answering (the server
// did the work; the client never hears of it). Requests that match no queued fault pass through. Every
// request is recorded with its Idempotency-Key and what happened to it.
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Fault = { kind: '503'; retryAfter?: string } | { kind: 'drop-before' } | { kind: 'drop-after' }

export interface ProxiedRequest {
  method: string
  path: string
  idempotencyKey: string | undefined
  /** The fault applied, or 'passed'. */
  outcome: Fault['kind'] | 'passed'
  /** The upstream server's status, when the request reached it. */
  upstreamStatus?: number
  /** The upstream server's `Idempotent-Replayed` header, when it sent one. */
  replayed?: string
}

export interface FlakyProxy {
  url: string
  /** Every request received, in order. */
  requests: ProxiedRequest[]
  /** Applies `faults` in turn to the next requests for which `matches` is true. */
  failNext(matches: (method: string, path: string) => boolean, ...faults: Fault[]): void
  close(): Promise<void>
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** Response headers not to copy from upstream (fetch decoded the body; Node sets framing itself). */
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-encoding', 'content-length'])

export async function startFlakyProxy(upstream: string): Promise<FlakyProxy> {
  const rules: { matches: (method: string, path: string) => boolean; faults: Fault[] }[] = []
  const requests: ProxiedRequest[] = []
  const server: Server = createServer(async (req, res) => {
    const method = req.method ?? 'GET'
    const path = req.url ?? '/'
    const key = req.headers['idempotency-key']
    const rule = rules.find((r) => r.faults.length > 0 && r.matches(method, path))
    const fault = rule?.faults.shift()
    const record: ProxiedRequest = {
      method,
      path,
      idempotencyKey: typeof key === 'string' ? key : undefined,
      outcome: fault?.kind ?? 'passed',
    }
    requests.push(record)
    const body = await readBody(req)
    if (fault?.kind === 'drop-before') return void req.socket.destroy()
    if (fault?.kind === '503') {
      const error = { status: 503, code: 'service_unavailable', message: 'Simulated outage', request_id: 'req-proxy' }
      res.writeHead(503, {
        'content-type': 'application/json; charset=utf-8',
        ...(fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter }),
      })
      return void res.end(JSON.stringify(error))
    }
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string' && name !== 'host' && name !== 'connection') headers.set(name, value)
    const answer = await fetch(upstream + path, {
      method,
      headers,
      ...(body.length > 0 ? { body } : {}),
    })
    const text = Buffer.from(await answer.arrayBuffer())
    record.upstreamStatus = answer.status
    const replayed = answer.headers.get('idempotent-replayed')
    if (replayed !== null) record.replayed = replayed
    if (fault?.kind === 'drop-after') return void req.socket.destroy()
    const out: Record<string, string> = {}
    answer.headers.forEach((value, name) => {
      if (!HOP_HEADERS.has(name)) out[name] = value
    })
    res.writeHead(answer.status, out)
    res.end(text)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext(matches, ...faults) {
      rules.push({ matches, faults })
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
