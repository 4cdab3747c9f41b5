// A bare HTTP/1.1 client for hostile requests: any method with any body (fetch refuses a body on GET),
// any header, bytes as given. Never throws on a status; a connection the server cuts is reported as such.
import { Agent, request } from 'node:http'

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
}

export interface RawRequest {
  method: string
  /** Path and query, sent as is. */
  path: string
  headers: Record<string, string>
  body?: string | Uint8Array | undefined
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 })

/** Closes the pooled connections (call after the suite, so the process can exit). */
export function closeRawClient(): void {
  agent.destroy()
}

export function sendRaw(base: string, req: RawRequest): Promise<RawResponse> {
  const url = new URL(base)
  const headers = { ...req.headers }
  // Said outright: Node sends a GET's body with neither Content-Length nor chunking, which the server
  // would read as the start of the next request.
  if (req.body !== undefined && headers['transfer-encoding'] === undefined)
    headers['content-length'] = String(Buffer.byteLength(req.body))
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
        )
        res.on('error', reject)
      },
    )
    outgoing.on('error', reject)
    if (req.body !== undefined) outgoing.end(req.body)
    else outgoing.end()
  })
}
