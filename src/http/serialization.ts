// How responses are written: fast-json-stringify compiled from each route's response schema (fast, and
// nothing outside the schema leaks). One change from Fastify's default: `required` is dropped before
// compiling, because fast-json-stringify writes required keys first, and Relate's documented key order
// (`id, name, identifier, process, ...`) mixes required and optional keys. Our mappers always fill the
// required keys, which the tests check; the OpenAPI document keeps `required`.
import build from 'fast-json-stringify'
import type { FastifySerializerCompiler } from 'fastify/types/schema.js'

function withoutRequired(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutRequired)
  if (schema === null || typeof schema !== 'object') return schema
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'required' && Array.isArray(value)) continue
    copy[key] = key === 'properties' || typeof value === 'object' ? withoutRequired(value) : value
  }
  return copy
}

/** A serializer compiler that knows the shared schemas (`$ref: 'ErrorBody'`). */
export function serializerCompiler(sharedSchemas: object[]): FastifySerializerCompiler<unknown> {
  const external = Object.fromEntries(sharedSchemas.map((s) => [(s as { $id: string }).$id, withoutRequired(s)]))
  return ({ schema }) => build(withoutRequired(schema) as object, { schema: external as Record<string, build.Schema> })
}
