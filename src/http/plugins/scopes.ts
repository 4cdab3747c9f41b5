// What the request's credential may do (domain/access.ts), checked on every `/v1` route right after
// authentication, before anything else reads or writes: a write (any method but GET and HEAD) with a
// `read` credential is a 403 `insufficient_scope`, and a list the credential may not touch, named in the
// path, is a 404 as for an unknown list. Which path parameter names a list is read off each route's path
// when it is registered (`/lists/:id...` and `:list_id`), so a new route under a list is covered without
// a word. Lists indexes and connections filter in the domain (lists-service.ts, connections-service.ts).
//
// The checks read only the actor's scope and list set, whatever credential made it: a credential that
// names no scope (a session, the CLI) is read_write on every list.
import fp from 'fastify-plugin'
import type { FastifyRequest } from 'fastify'
import { requireEveryList, requireList, requireWrite } from '../../domain/access.js'
import { actorOf } from './auth.js'

/** Methods that only read. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The path parameter that names a list on a route at `url`, if any. */
export function listParamOf(url: string): string | undefined {
  if (url.includes(':list_id')) return 'list_id'
  if (/\/lists\/:id(\/|$)/.test(url)) return 'id'
  return undefined
}

export default fp(
  async (app) => {
    /** The list parameter of each route, by path; routes without one are absent. */
    const listParams = new Map<string, string>()
    app.addHook('onRoute', (route) => {
      const param = listParamOf(route.url)
      if (param !== undefined) listParams.set(route.url, param)
    })

    app.addHook('onRequest', async (request: FastifyRequest) => {
      if (request.is404) return
      const actor = actorOf(request)
      const url = request.routeOptions.url ?? ''
      const param = listParams.get(url)
      const listId = param === undefined ? undefined : (request.params as Record<string, string>)[param]
      if (listId !== undefined) requireList(actor, listId)
      if (READS.has(request.method)) return
      requireWrite(actor)
      // Making a list would make one outside the key's set.
      if (request.method === 'POST' && /\/lists$/.test(url)) requireEveryList(actor)
    })
  },
  { name: 'scopes', dependencies: ['auth'] },
)
