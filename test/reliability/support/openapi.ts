// Reads the running server's OpenAPI document (`GET /openapi.json`) into the list of operations the
// reliability suites walk, so that every route that exists at run time is covered, including resources
// added after these suites were written.
import { client } from '../../support/client.js'

/** A JSON Schema as found in the document (the subset the suites read). */
export interface Schema {
  $ref?: string
  type?: string | string[]
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  enum?: unknown[]
  const?: unknown
  anyOf?: Schema[]
  oneOf?: Schema[]
  allOf?: Schema[]
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  maxItems?: number
  pattern?: string
  format?: string
  examples?: unknown[]
  example?: unknown
  [keyword: string]: unknown
}

export interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required: boolean
  schema: Schema
}

export interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  /** As in the document: `/v1/lists/{list_id}/entries/{id}`. */
  path: string
  pathParams: Parameter[]
  queryParams: Parameter[]
  /** The JSON body schema, when the operation reads a body. */
  body: Schema | undefined
  /** Request bodies the document gives as examples (schema `examples`, media `example(s)`). */
  bodyExamples: unknown[]
  /** Documented statuses, e.g. ['200', '401', '404']. */
  statuses: string[]
  /** The credentials the operation takes (its `security`, or the document's): a key, a session cookie. */
  credentials: Credential[]
  /** Whether the operation needs a credential: everything under /v1 but what says `security: []`. */
  authenticated: boolean
}

/** What a request may authenticate with: `key` (bearerKey) or `session` (sessionCookie). */
export type Credential = 'key' | 'session'

const SCHEME_CREDENTIALS: Record<string, Credential> = { bearerKey: 'key', sessionCookie: 'session' }

export interface ApiDocument {
  paths: Record<string, Record<string, OperationObject>>
  security?: Array<Record<string, string[]>>
  components?: { schemas?: Record<string, Schema> }
}

interface OperationObject {
  parameters?: Array<{ name: string; in: Parameter['in']; required?: boolean; schema?: Schema }>
  requestBody?: {
    content?: Record<string, { schema?: Schema; example?: unknown; examples?: Record<string, { value?: unknown }> }>
  }
  responses?: Record<string, unknown>
  security?: Array<Record<string, string[]>>
}

const METHODS = ['get', 'post', 'patch', 'put', 'delete'] as const

/** Fetches the document from a running server. */
export async function fetchDocument(server: { url: string }): Promise<ApiDocument> {
  const res = await client(server, null).get<ApiDocument>('/openapi.json')
  if (res.status !== 200) throw new Error(`GET /openapi.json answered ${res.status}`)
  return res.body
}

/** Resolves a local `$ref` (`#/components/schemas/X`) and merges `allOf`, one level at a time. */
export function resolve(doc: ApiDocument, schema: Schema | undefined): Schema | undefined {
  if (schema === undefined) return undefined
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '')
    return resolve(doc, doc.components?.schemas?.[name])
  }
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((s) => resolve(doc, s) ?? {})
    return {
      ...schema,
      allOf: undefined,
      type: 'object',
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {}), schema.properties),
      required: parts.flatMap((p) => p.required ?? []).concat(schema.required ?? []),
    }
  }
  return schema
}

/** Every operation of the document, in document order. */
export function operations(doc: ApiDocument): Operation[] {
  const out: Operation[] = []
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method]
      if (op === undefined) continue
      const params = (op.parameters ?? []).map((p) => ({
        name: p.name,
        in: p.in,
        required: p.required ?? p.in === 'path',
        schema: resolve(doc, p.schema) ?? {},
      }))
      const credentials = [
        ...new Set(
          (op.security ?? doc.security ?? []).flatMap((r) => Object.keys(r).map((n) => SCHEME_CREDENTIALS[n])),
        ),
      ].filter((c): c is Credential => c !== undefined)
      const media = op.requestBody?.content?.['application/json']
      const body = resolve(doc, media?.schema)
      const bodyExamples = [
        ...(body?.examples ?? []),
        ...(media?.example !== undefined ? [media.example] : []),
        ...Object.values(media?.examples ?? {}).map((e) => e.value),
      ].filter((e) => e !== undefined)
      out.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        body,
        bodyExamples,
        statuses: Object.keys(op.responses ?? {}),
        credentials,
        authenticated: path.startsWith('/v1') && credentials.length > 0,
      })
    }
  }
  return out
}

/** `/v1/lists/{list_id}/entries/{id}` with `{ list_id: 'a', id: 'b' }` → `/v1/lists/a/entries/b` (values used as given). */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name]
    if (value === undefined) throw new Error(`no value for {${name}} in ${path}`)
    return value
  })
}

/** The success status the operation documents (`200`, `201`, `204`). */
export function successStatus(op: Operation): number | undefined {
  const found = op.statuses.find((s) => s.startsWith('2'))
  return found === undefined ? undefined : Number(found)
}
