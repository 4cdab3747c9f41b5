// How request parts are validated. Query strings, path parameters and headers arrive as text, so they are
// coerced (`first=10` is a number); JSON bodies are not: a string where a number belongs is a 422, as the
// API promises. Bodies report every problem at once, so one 422 names every field at fault.
import { Ajv, type Options } from 'ajv'
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

/** A Fastify validator compiler with one AJV for bodies and one for everything else. */
export function validatorCompiler(sharedSchemas: unknown[]): FastifySchemaCompiler<unknown> {
  const bodyAjv = makeAjv({ coerceTypes: false, allErrors: true }, sharedSchemas)
  const textAjv = makeAjv({ coerceTypes: 'array', allErrors: false }, sharedSchemas)
  return ({ schema, httpPart }) => {
    const validate = (httpPart === 'body' ? bodyAjv : textAjv).compile(schema as object)
    return (data: unknown) => {
      if (validate(data)) return { value: data }
      return { error: Object.assign(new Error('validation failed'), { validation: validate.errors }) }
    }
  }
}
