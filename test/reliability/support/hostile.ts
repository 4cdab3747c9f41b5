// fast-check arbitraries for hostile input: strings that break parsers, databases and browsers, values
// of the wrong JSON type, huge and deeply nested values, and valid values derived from a JSON Schema
// (so a request can be "valid except for one thing").
import fc from 'fast-check'
import type { Schema } from './openapi.js'

/** Fragments that have broken SQL, HTML, shells, format strings and path handling somewhere. */
export const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '"; DELETE FROM entries WHERE "1"="1',
  '1; SELECT pg_sleep(10)--',
  "' UNION SELECT key_hash FROM api_keys --",
  '\\',
  "\\'",
  '%',
  '_',
  '%_%',
  '$1',
  '?',
  ':name',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally.
  '${7*7}',
  '%s%s%s%n',
  '../../../../etc/passwd',
  '..%2F..%2F',
  '\r\nSet-Cookie: x=1',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '[object Object]',
]

/** Unicode that is legal JSON but odd: NUL and controls, lone surrogates, bidi overrides, zero-width, BOM, combining marks, astral. */
export const ODD_UNICODE = [
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u001f\u007f',
  '\ud800',
  '\udfff',
  'x\ud83dy',
  '\u202e\u202dRTL\u202c',
  '\u200b\u200c\u200d\u2060',
  '\ufeff',
  '\ufffe\uffff',
  'e\u0301\u0301\u0301\u0301',
  '\u{1F600}\u{1F469}\u200d\u{1F4BB}',
  '\u{10FFFF}',
  'Ω≈ç√∫˜µ≤≥÷',
  '田中さんにあげて下さい',
  'مرحبا بالعالم',
  '\u00a0\u2028\u2029',
  ' ',
  '',
]

/** A string chosen to be hostile. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.constantFrom(...ODD_UNICODE),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .tuple(fc.constantFrom(...INJECTIONS, ...ODD_UNICODE), fc.constantFrom(...ODD_UNICODE), fc.string({ maxLength: 8 }))
    .map((parts) => parts.join('')),
)

/** A string far past any sensible length (under the default 1 MiB body limit, and over it). */
export const hugeString: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(300, 5_000, 70_000, 400_000, 1_200_000), fc.constantFrom('x', 'é', '\u{1F600}', "'", '\u0000'))
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)))

/** Arrays too long, or nested far too deep, for any field. */
export const hugeArray: fc.Arbitrary<unknown[]> = fc
  .tuple(fc.constantFrom(1_000, 20_000, 150_000), fc.constantFrom<unknown>(0, 'x', null, {}, []))
  .map(([n, item]) => Array.from({ length: n }, () => item))

/** `[[[...]]]` or `{"a":{"a":...}}` nested `depth` times: deep enough to overflow recursive code. */
export function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = kind === 'array' ? [] : {}
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value }
  return value
}

/** Nested values inside a body; deeper ones are sent as text (deepJsonText), which JSON.stringify can't make. */
export const deepValue: fc.Arbitrary<unknown> = fc
  .tuple(fc.constantFrom(64, 1_000, 3_000), fc.constantFrom<'array' | 'object'>('array', 'object'))
  .map(([depth, kind]) => nested(depth, kind))

/** The JSON text of a value nested `depth` times, built as text (JSON.stringify itself would overflow). */
export function deepJsonText(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
}

/** Numbers at the edges of what JSON, JavaScript and the databases hold. */
export const edgeNumber: fc.Arbitrary<number> = fc.constantFrom(
  -1,
  -0,
  0.5,
  1e308,
  -1e308,
  2 ** 31,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 63),
  2 ** 64,
  Number.MIN_VALUE,
  // biome-ignore lint/correctness/noPrecisionLoss: a literal past double precision, on purpose.
  123456789.123456789,
)

/** Any JSON value of a type other than `schema`'s. */
export function wrongType(schema: Schema): fc.Arbitrary<unknown> {
  const types = new Set(typesOf(schema))
  const options: Array<fc.Arbitrary<unknown>> = []
  if (!types.has('string')) options.push(hostileString, fc.constantFrom('1', 'true', '2025-01-01', ''))
  if (!types.has('number') && !types.has('integer')) options.push(edgeNumber, fc.integer())
  if (!types.has('integer') && types.has('number')) options.push(fc.constant('12'))
  if (types.has('integer')) options.push(fc.constantFrom(1.5, -0.1, 1e308))
  if (!types.has('boolean')) options.push(fc.boolean())
  if (!types.has('null')) options.push(fc.constant(null))
  if (!types.has('array')) options.push(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }))
  if (!types.has('object'))
    options.push(fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }))
  return fc.oneof(...options)
}

function typesOf(schema: Schema): string[] {
  if (Array.isArray(schema.type)) return schema.type
  if (typeof schema.type === 'string') return [schema.type]
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives) return alternatives.flatMap(typesOf)
  if (schema.enum) return [...new Set(schema.enum.map((v) => (v === null ? 'null' : typeof v)))]
  return []
}

/** Lets a caller choose the value of a named property (a real id, an email) instead of the schema walk. */
export type FieldOverride = (name: string, schema: Schema) => fc.Arbitrary<unknown> | undefined

/** A value `schema` accepts (as far as this small generator understands schemas). */
export function validValue(schema: Schema, depth = 0, override?: FieldOverride): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.enum) return fc.constantFrom(...schema.enum)
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives && alternatives.length > 0)
    return fc.oneof(...alternatives.map((s) => validValue(s, depth + 1, override)))
  const examples = Array.isArray(schema.examples) ? schema.examples : []
  const type = typesOf(schema)[0]
  switch (type) {
    case 'string': {
      if (schema.format === 'email' || /email/i.test(String(schema.description ?? ''))) return fc.emailAddress()
      if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString())
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern))
      const min = schema.minLength ?? 0
      const max = Math.min(schema.maxLength ?? 40, min + 40)
      const generated = fc
        .string({ minLength: Math.max(min, 1), maxLength: Math.max(max, 1) })
        .filter((s) => s.trim() !== '')
      return examples.length > 0 ? fc.oneof(fc.constantFrom(...examples), generated) : generated
    }
    case 'integer':
      return fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 1000 })
    case 'number':
      return fc.double({ min: schema.minimum ?? 0, max: schema.maximum ?? 1e6, noNaN: true })
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array':
      if (depth > 4) return fc.constant([])
      return fc.array(validValue(schema.items ?? {}, depth + 1, override), {
        maxLength: Math.min(schema.maxItems ?? 3, 3),
      })
    case 'object': {
      if (depth > 4) return fc.constant({})
      const properties = schema.properties ?? {}
      const required = new Set(schema.required ?? [])
      const record: Record<string, fc.Arbitrary<unknown>> = {}
      for (const [name, child] of Object.entries(properties))
        record[name] = override?.(name, child) ?? validValue(child, depth + 1, override)
      return fc.record(record, { requiredKeys: [...required].filter((k) => k in properties) })
    }
    default:
      return fc.jsonValue({ maxDepth: 2 })
  }
}
