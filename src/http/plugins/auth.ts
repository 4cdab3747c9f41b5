// Bearer-key authentication for every `/v1` route: the key names the workspace, and `request.actor`
// carries it to the handlers. Keys are looked up on every request, so a revoked key fails at once.
import fp from 'fastify-plugin'
import type { FastifyRequest } from 'fastify'
import type { Actor } from '../../domain/actor.js'
import { UnauthorizedError } from '../../domain/errors.js'
import { bearerKey } from '../../domain/workspaces/api-keys.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is acting; set by the auth hook on every `/v1` route, null elsewhere. */
    actor: Actor | null
  }
  interface FastifyContextConfig {
    /** Routes marked public skip the key check (health, docs). */
    public?: boolean
  }
}

/** The actor of an authenticated request. Route handlers under `/v1` call this instead of `request.actor!`. */
export function actorOf(request: FastifyRequest): Actor {
  if (request.actor === null) throw new UnauthorizedError('Missing API key')
  return request.actor
}

export default fp(
  async (app) => {
    app.decorateRequest('actor', null)
    const { workspaces } = app.services
    app.addHook('onRequest', async (request) => {
      if (!request.url.startsWith('/v1/') && request.url !== '/v1') return
      const header = request.headers.authorization
      if (header === undefined) throw new UnauthorizedError('Missing API key: send Authorization: Bearer <key>')
      const key = bearerKey(header)
      if (key === undefined) throw new UnauthorizedError('Malformed Authorization header: expected Bearer <key>')
      const actor = await workspaces.authenticate(key)
      if (actor === undefined) throw new UnauthorizedError('Unknown or revoked API key')
      request.actor = { ...actor, deadline: request.deadline ?? undefined }
    })
  },
  { name: 'auth', dependencies: ['services'] },
)
