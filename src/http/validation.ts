// How request parts are validated. Query strings, path parameters and headers arrive as text, so they are
// coerced (`first=10` is a number); JSON bodies are not: a string where a number belongs is a 422, as the
// API promises. Bodies report every problem at once, so one 422 names every field at fault, but only
// bodies of at most MAX_VALUES_FOR_EVERY_PROBLEM values: AJV's every-problem mode makes one object per
// problem, so on a large body (`{"emails": [1, 1, ...]}`) its cost grew with the body. Larger bodies
// report their first problem. Every body is first checked in first-problem mode, which stops at the
// first problem and is what a valid body costs.
import { Ajv, type Options, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import type { FastifySchemaCompiler } from 'fastify'

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv

// removeAdditional is off: a schema that says additionalProperties: false (the entries filters) means
// an unknown name is a 422, not silently dropped. Schemas without it accept extra names as usual.
const shared: Options = { removeAdditional: false, useDefaults: true, strict: false, addUsedSchema: false }

function makeAjv(options: Options, schemas: unknown[]): Ajv {
  const ajv = new Ajv({ ...shared, ...options })
  addFormats(ajv)
  for (const schema of schemas) ajv.addSchema(schema as object)
  return ajv
}

/** Bodies with more values (strings, numbers, arrays, objects...) than this report their first problem only. */
export const MAX_VALUES_FOR_EVERY_PROBLEM = 1000

/** Whether `data` holds at most `max` JSON values; stops counting past `max`. */
export function valuesAtMost(data: unknown, max: number): boolean {
  const pending: unknown[] = [data]
  let count = 0
  while (pending.length > 0) {
    const value = pending.pop()
    if (++count > max) return false
    if (value !== null && typeof value === 'object') {
      for (const child of Array.isArray(value) ? value : Object.values(value)) pending.push(child)
      if (pending.length > max) return false
    }
  }
  return true
}

function failure(errors: ValidateFunction['errors']) {
  return { error: Object.assign(new Error('validation failed'), { validation: errors }) }
}

/** A Fastify validator compiler: bodies as described above, other parts in first-problem mode. */
export function validatorCompiler(sharedSchemas: unknown[]): FastifySchemaCompiler<unknown> {
  const firstProblemAjv = makeAjv({ coerceTypes: false, allErrors: false }, sharedSchemas)
  const everyProblemAjv = makeAjv({ coerceTypes: false, allErrors: true }, sharedSchemas)
  const textAjv = makeAjv({ coerceTypes: 'array', allErrors: false }, sharedSchemas)
  return ({ schema, httpPart }) => {
    if (httpPart !== 'body') {
      const validate = textAjv.compile(schema as object)
      return (data: unknown) => (validate(data) ? { value: data } : failure(validate.errors))
    }
    const first = firstProblemAjv.compile(schema as object)
    /** Compiled on the first invalid body: most schemas never need it. */
    let every: ValidateFunction | undefined
    return (data: unknown) => {
      if (first(data)) return { value: data }
      if (!valuesAtMost(data, MAX_VALUES_FOR_EVERY_PROBLEM)) return failure(first.errors)
      every ??= everyProblemAjv.compile(schema as object)
      every(data)
      return failure(every.errors)
    }
  }
}
