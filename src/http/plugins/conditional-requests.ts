// Conditional requests under `/v1`. Every GET answer (a single object or a list page) carries a strong
// `ETag`: the sha256 of its body, base64url, so it changes with every change a client could see and with
// nothing else. No header takes part: the body is all that differs between two answers (a narrower key
// sees other pages, and so other bytes). `If-None-Match` on a GET answers 304 with no body when a tag
// matches (weak comparison, `*` matches anything). `If-Match` on a PATCH or DELETE is passed to the
// domain as the actor's precondition: the write checks it in its own transaction, after locking the row,
// against the object as a GET would show it now (serialized with that GET's schema), and answers 412
// `precondition_failed` without changing anything when no tag matches (strong comparison; `*` matches
// any existing object). See domain/preconditions.ts.
//
// Which GET shows the object a write changes: the GET of the same path, or for a path ending in a named
// part (`/contacts/:id/emails`) the GET of its parent (`/contacts/:id`). A write with neither (removing a
// connection, which never changes) ignores If-Match.
import { createHash } from 'node:crypto'
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Precondition } from '../../domain/actor.js'
import { actorOf } from './auth.js'

/** A strong entity tag for a body: `"` + base64url(sha256(body)) + `"`. */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`
}

interface Condition {
  /** `*`: any current representation. */
  any: boolean
  tags: Array<{ weak: boolean; tag: string }>
}

/** Reads an If-Match or If-None-Match value; a value naming no tag matches nothing. */
export function parseCondition(value: string): Condition {
  if (value.trim() === '*') return { any: true, tags: [] }
  const tags = [...value.matchAll(/(W\/)?("[\x21\x23-\x7e\x80-\xff]*")/g)].map((m) => ({
    weak: m[1] !== undefined,
    tag: m[2]!,
  }))
  return { any: false, tags }
}

/** Strong comparison (If-Match): only a strong tag equal to the current one matches. */
function matchesStrongly(condition: Condition, etag: string): boolean {
  return condition.any || condition.tags.some((t) => !t.weak && t.tag === etag)
}

/** Weak comparison (If-None-Match): equal tags match whether either is weak. */
function matchesWeakly(condition: Condition, etag: string): boolean {
  return condition.any || condition.tags.some((t) => t.tag === etag)
}

/** The header of a string or array header value. */
function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value
}

/** The If-Match precondition of a request, remembering whether the write evaluated it. */
class IfMatch implements Precondition {
  evaluated = false
  constructor(
    private readonly condition: Condition,
    private readonly reply: FastifyReply,
    private readonly schema: object,
  ) {}
  holds(current: object): boolean {
    this.evaluated = true
    const body = this.reply.serializeInput(current as Record<string, unknown>, this.schema as Record<string, unknown>)
    return matchesStrongly(this.condition, etagOf(String(body)))
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The If-Match precondition handed to the domain, for the check that the write evaluated it. */
    ifMatch: IfMatch | null
  }
}

/**
 * The paths whose GET may show what a write at `path` changes, by the rule in the header, in either
 * spelling of parameters (`/contacts/:id/emails` or `/contacts/{id}/emails`).
 */
export function representationPaths(path: string): string[] {
  const last = path.slice(path.lastIndexOf('/') + 1)
  return /^[:{]/.test(last) ? [path] : [path, path.slice(0, path.lastIndexOf('/'))]
}

export default fp(
  async (app) => {
    /** The 200 schema of every GET of the scope, by its path (`/v1/lists/:id`). */
    const reads = new Map<string, object>()
    app.decorateRequest('ifMatch', null)

    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method]
      const schema = (route.schema?.response as Record<string, object> | undefined)?.[200]
      if (methods.includes('GET') && schema !== undefined) reads.set(route.url, schema)
    })

    function representationSchema(url: string): object | undefined {
      for (const path of representationPaths(url)) {
        const schema = reads.get(path)
        if (schema !== undefined) return schema
      }
      return undefined
    }

    app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.method !== 'PATCH' && request.method !== 'DELETE') return
      const value = headerText(request.headers['if-match'])
      if (value === undefined) return
      const schema = representationSchema(request.routeOptions.url ?? '')
      if (schema === undefined) return
      const ifMatch = new IfMatch(parseCondition(value), reply, schema)
      request.ifMatch = ifMatch
      actorOf(request).precondition = ifMatch
    })

    app.addHook('onSend', async (request, reply, payload) => {
      const status = reply.statusCode
      if (request.ifMatch !== null && !request.ifMatch.evaluated && status < 300)
        request.log.error({ route: request.routeOptions.url }, 'a conditional write did not check its If-Match')
      if ((request.method !== 'GET' && request.method !== 'HEAD') || status !== 200 || typeof payload !== 'string')
        return payload
      const etag = etagOf(payload)
      reply.header('etag', etag)
      const value = headerText(request.headers['if-none-match'])
      if (value === undefined || !matchesWeakly(parseCondition(value), etag)) return payload
      reply.code(304).removeHeader('content-type')
      return null
    })
  },
  { name: 'conditional-requests', dependencies: ['auth'] },
)
