// Batch routes (`POST .../batch`) take up to 1,000 items, each checked on its own: the envelope is
// validated as usual (a bad envelope is a 422 for the whole request), but an item that breaks its schema
// is answered in its place in the 200 with the 422 a single create would get, and the others go on.
import { Ajv, type ValidateFunction } from 'ajv'
import type { FastifySchemaCompiler } from 'fastify'
import type { TSchema } from 'typebox'
import { ValidationError, validationMessage } from '../domain/errors.js'
import { problemFromAjv, type AjvError } from './plugins/errors.js'
import { MAX_VALUES_FOR_EVERY_PROBLEM, validatorCompiler, valuesAtMost } from './validation.js'
import { ErrorBody } from './schemas/common.js'

/** Items per batch request. */
export const MAX_BATCH_ITEMS = 1000

/**
 * The route's validator compiler: the standard one, except that the body's `key` array items are not
 * checked (the OpenAPI document still shows their schema); checkItem() checks each one.
 */
export function envelopeValidatorCompiler(key: string): FastifySchemaCompiler<unknown> {
  const standard = validatorCompiler([ErrorBody])
  return (route) => {
    if (route.httpPart !== 'body') return standard(route)
    const schema = JSON.parse(JSON.stringify(route.schema)) as { properties: Record<string, { items?: unknown }> }
    schema.properties[key]!.items = {}
    return standard({ ...route, schema })
  }
}

/** Checks one item against `schema`; returns the 422 it would get alone, or undefined when it is valid. */
export function itemChecker(schema: TSchema): (item: unknown) => ValidationError | undefined {
  const first = new Ajv({ strict: false, allErrors: false, coerceTypes: false }).compile(schema)
  let every: ValidateFunction | undefined
  return (item) => {
    if (first(item)) return undefined
    let errors = first.errors ?? []
    if (valuesAtMost(item, MAX_VALUES_FOR_EVERY_PROBLEM)) {
      every ??= new Ajv({ strict: false, allErrors: true, coerceTypes: false }).compile(schema)
      every(item)
      errors = every.errors ?? errors
    }
    const details = (errors as AjvError[]).map((e) => problemFromAjv(e, 'body'))
    return new ValidationError(details, validationMessage(details.slice(0, 50)))
  }
}
