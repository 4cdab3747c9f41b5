// Request logging: one structured line per finished request with its request id, method, path (no query
// string: it can hold email addresses), status and duration. Headers (the API key) and bodies are never
// logged.
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify'

export class RequestLog extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'request_id' })
  }

  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ method: request.method, path: pathOf(request) }, 'request received')
  }

  override requestCompleted(error: Error | null, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      path: pathOf(request),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    }
    if (error) reply.log.error({ ...line, err: error }, 'request failed')
    else reply.log.info(line, 'request completed')
  }
}

function pathOf(request: FastifyRequest): string {
  const url = request.url
  const query = url.indexOf('?')
  return query === -1 ? url : url.slice(0, query)
}
