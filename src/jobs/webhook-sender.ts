// One delivery attempt over HTTP: POST the event's body with its headers and signature, and tell success
// (a 2xx) from failure (any other status, no answer, or no complete answer within the timeout). Unless
// private destinations are allowed, the address is checked again here, on what the connection really
// uses: IP literals before connecting, names inside the socket's DNS lookup, so a name that resolved to a
// public address when the webhook was saved cannot lead to the loopback or the metadata service now.
// Connections are kept alive and reused per host.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import ipaddr from 'ipaddr.js'
import { hostOf, isPublicAddress } from '../domain/webhooks/destination.js'

/** Sockets kept per host between deliveries. */
const MAX_SOCKETS_PER_HOST = 16
/** Longest error text recorded for an attempt. */
const MAX_ERROR_LENGTH = 500
const USER_AGENT = 'Rapport-Webhooks/1'

export interface SendResult {
  ok: boolean
  statusCode: number | null
  error: string | null
  durationMs: number
}

class RefusedAddressError extends Error {
  readonly code = 'ERR_WEBHOOK_REFUSED_ADDRESS'
}

/**
 * dns.lookup that refuses names resolving to any non-public address (all of them are checked: a
 * connection may try each).
 */
const publicOnlyLookup = ((
  hostname: string,
  options: LookupOptions,
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '')
    const refused = addresses.find((a) => !isPublicAddress(a.address))
    if (refused !== undefined)
      return callback(new RefusedAddressError(`${hostname} resolves to ${refused.address}, not a public address`), '')
    if (addresses.length === 0)
      return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '')
    if (options.all) return callback(null, addresses)
    return callback(null, addresses[0]!.address, addresses[0]!.family)
  })
}) as LookupFunction

export class WebhookSender {
  readonly #agents: { http: http.Agent; https: https.Agent }

  constructor(
    private readonly options: {
      timeoutMs: number
      /** RAPPORT_WEBHOOK_ALLOW_PRIVATE: skip the address checks. */
      allowPrivate: boolean
    },
  ) {
    const agentOptions = {
      keepAlive: true,
      maxSockets: MAX_SOCKETS_PER_HOST,
      ...(options.allowPrivate ? {} : { lookup: publicOnlyLookup }),
    }
    this.#agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) }
  }

  /** POSTs `body` to `url` with `headers`; never throws. */
  send(url: string, headers: Record<string, string>, body: string): Promise<SendResult> {
    const started = performance.now()
    const result = (statusCode: number | null, error: string | null): SendResult => ({
      ok: statusCode !== null && statusCode >= 200 && statusCode < 300,
      statusCode,
      error:
        error?.slice(0, MAX_ERROR_LENGTH) ??
        (statusCode !== null && (statusCode < 200 || statusCode >= 300) ? `HTTP ${statusCode}` : null),
      durationMs: performance.now() - started,
    })
    let target: URL
    try {
      target = new URL(url)
    } catch {
      return Promise.resolve(result(null, 'not a valid URL'))
    }
    const host = hostOf(target)
    if (!this.options.allowPrivate && ipaddr.isValid(host) && !isPublicAddress(host))
      return Promise.resolve(result(null, `refused: ${host} is not a public address`))
    const https_ = target.protocol === 'https:'
    return new Promise<SendResult>((resolve) => {
      let settled = false
      let statusCode: number | null = null
      const finish = (error: string | null) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        resolve(result(statusCode, error))
      }
      const request = (https_ ? https : http).request(target, {
        method: 'POST',
        agent: https_ ? this.#agents.https : this.#agents.http,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': USER_AGENT,
        },
      })
      // The whole exchange (connect, send, the answer and its body) must end within the timeout.
      const timer = setTimeout(() => {
        finish(
          `timed out after ${this.options.timeoutMs} ms${statusCode === null ? ' without an answer' : ' reading the answer'}`,
        )
        request.destroy()
      }, this.options.timeoutMs)
      request.on('response', (response) => {
        statusCode = response.statusCode ?? null
        // The body is read (and dropped) so the connection can be used again.
        response.on('data', () => {})
        response.on('end', () => finish(null))
        response.on('error', (error) => finish(describe(error)))
      })
      request.on('error', (error) => finish(describe(error)))
      request.end(body)
    })
  }

  /** Closes the kept connections. */
  close(): void {
    this.#agents.http.destroy()
    this.#agents.https.destroy()
  }
}

function describe(error: Error): string {
  if (error instanceof RefusedAddressError) return `refused: ${error.message}`
  const code = (error as NodeJS.ErrnoException).code
  return code ? `${error.message} (${code})` : error.message
}
