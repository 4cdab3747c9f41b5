// The hostile requests of the fuzzer, generated per operation of the OpenAPI document: a valid request
// (real ids, values the schemas accept) with one thing made hostile: the JSON text, one property's type,
// the strings, sizes, nesting, the path ids, the query parameters (and numbers at and past their
// bounds), the headers, the key, or, without a key, the spelling of the path.
import fc from 'fast-check'
import type { Operation, Schema } from './openapi.js'
import {
  deepJsonText,
  deepValue,
  edgeNumber,
  hostileString,
  hugeArray,
  hugeString,
  INJECTIONS,
  validValue,
  wrongType,
} from './hostile.js'

/** Characters a header value cannot carry. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it matches.
const CONTROL_CHARACTERS = /[\x00-\x1f\x7f]/g

/** A path parameter: the real id the seeding made, or raw text to put in the URL as is. */
export type PathValue = { real: true } | { raw: string }

export interface Body {
  /** The bytes sent. */
  text: string | Uint8Array
  contentType: string | null
}

/**
 * Ways to spell a path that a router may read as the same route: percent-encoded characters, doubled
 * slashes, trailing dots, the absolute form (`http://host/v1/...`). Without a key, every one of them must
 * answer 401 or 404: authentication that looks at the raw URL let `/%761/contacts` reach validation.
 */
export const SPELLINGS = [
  'encoded-prefix',
  'encoded-digit',
  'encoded-segment',
  'inner-double-slash',
  'leading-double-slash',
  'trailing-dot',
  'dot-segment',
  'absolute',
  'absolute-other-host',
  'absolute-encoded',
] as const
export type Spelling = (typeof SPELLINGS)[number]

/** `path` (`/v1/...`, ids filled in) spelled another way; `host` is the server's `host:port`. */
export function spell(path: string, spelling: Spelling, host: string): string {
  const rest = path.slice('/v1'.length)
  const [, segment = '', tail = ''] = /^\/([^/]*)(.*)$/.exec(rest) ?? []
  const encodeFirst = (s: string) => (s === '' ? s : `%${s.charCodeAt(0).toString(16).toUpperCase()}${s.slice(1)}`)
  switch (spelling) {
    case 'encoded-prefix':
      return `/%76${path.slice(2)}`
    case 'encoded-digit':
      return `/v%31${rest}`
    case 'encoded-segment':
      return `/v1/${encodeFirst(segment)}${tail}`
    case 'inner-double-slash':
      return `/v1//${segment}${tail}`
    case 'leading-double-slash':
      return `/${path}`
    case 'trailing-dot':
      return `${path}.`
    case 'dot-segment':
      return `/v1/./${segment}${tail}`
    case 'absolute':
      return `http://${host}${path}`
    case 'absolute-other-host':
      return `http://rapport.invalid${path}`
    case 'absolute-encoded':
      return `http://${host}/%76${path.slice(2)}`
  }
}

/** One request to send; printed short when fast-check reports it. */
export class FuzzCase {
  constructor(
    readonly kind: string,
    readonly op: Operation,
    readonly method: string,
    readonly pathValues: Record<string, PathValue>,
    /** Raw query string without `?`. */
    readonly query: string,
    readonly body: Body | undefined,
    readonly headers: Record<string, string>,
    /** 'key': the workspace key; null: no Authorization header; a string: that header value. */
    readonly auth: 'key' | null | string,
    /** How the path is spelled; undefined: as the document has it. */
    readonly spelling?: Spelling,
    /** The statuses the answer must have, when the case decides it (a bad spelling, a number past its bound). */
    readonly expect?: readonly number[],
  ) {}

  [fc.toStringMethod](): string {
    const short = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n)}…(${s.length} chars)` : s)
    const body =
      this.body === undefined
        ? ''
        : typeof this.body.text === 'string'
          ? short(JSON.stringify(this.body.text))
          : `<${this.body.text.length} bytes>`
    const path = Object.entries(this.pathValues)
      .map(([k, v]) => `${k}=${'real' in v ? '<real id>' : short(v.raw, 80)}`)
      .join(' ')
    return `[${this.kind}${this.spelling ? `:${this.spelling}` : ''}] ${this.method} ${this.op.path} ${path} ?${short(this.query, 120)} body=${body} content-type=${this.body?.contentType} headers=${short(JSON.stringify(this.headers), 120)} auth=${this.auth === 'key' ? 'key' : short(String(this.auth), 40)}`
  }
}

/** What one kind of case changes of a valid request; the rest stays valid. */
interface Parts {
  method?: string
  path?: Record<string, PathValue>
  query?: string
  body?: Body | undefined
  headers?: Record<string, string>
  auth?: 'key' | null | string
  spelling?: Spelling
  expect?: readonly number[]
}

/** Values the fuzzer knows are real in the workspace, for `<thing>_id` fields. */
export interface Known {
  /** A real id for a body or query field named like `organization_id`, when one exists. */
  idFor(field: string): string | undefined
  /** Every query parameter name of the document: a route may read one it does not declare. */
  queryNames(): readonly string[]
}

/** Bad values for an id in a path: wrong characters, wrong length, encodings, traversal. */
const BAD_PATH_IDS = [
  '%',
  '%zz',
  '%00',
  '%2F',
  '%2e%2e',
  '..%2f..',
  '%C0%AF',
  '%EF%BF%BF',
  '%F0%9F%98%80',
  'a'.repeat(33),
  'a'.repeat(4000),
  '0',
  '-1',
  '1e308',
  'null',
  'undefined',
  '%20',
  '+',
  '*',
  "'",
  '%27%20OR%201%3D1',
  ';',
  'a;b',
  'a,b',
  '[]',
  '{}',
  'QbkUlo4xZq.json',
]

const badPathValue: fc.Arbitrary<PathValue> = fc.oneof(
  fc.constantFrom(...BAD_PATH_IDS).map((raw) => ({ raw })),
  hostileString.map((s) => ({ raw: encodeURIComponent(s.replace(/[\ud800-\udfff]/g, 'x')) })),
  fc.stringMatching(/^[A-Za-z0-9]{1,32}$/).map((raw) => ({ raw })),
)

/** A query value of any kind: valid-looking, wrong type, edge number, hostile. */
const badQueryValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '1e308',
    '-1e308',
    '1e-308',
    'Infinity',
    '-Infinity',
    'NaN',
    '-0',
    '0x10',
    '1_000',
    ' 1',
    '1 ',
    '１',
    '9007199254740993',
    '99999999999999999999',
    '1.5',
    '-1',
    'true',
    'null',
    '[]',
    '{}',
  ),
  edgeNumber.map(String),
  hostileString,
  fc.constantFrom(...INJECTIONS),
)

function encodeQuery(pairs: Array<[string, string]>): string {
  return pairs
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '\ufffd'))}`)
    .join('&')
}

/** A JSON body. JSON.stringify writes lone surrogates as `\\udXXX` escapes, which the server decodes back. */
function json(value: unknown): Body {
  return { text: JSON.stringify(value), contentType: 'application/json' }
}

/** Every arbitrary request for `op`. */
export function fuzzCases(op: Operation, known: Known): fc.Arbitrary<FuzzCase> {
  const realPath: Record<string, PathValue> = Object.fromEntries(
    op.pathParams.map((p) => [p.name, { real: true } as PathValue]),
  )
  const validQuery = fc
    .tuple(...op.queryParams.map((p) => fc.option(queryValue(p.name, p.schema, known), { nil: undefined, freq: 2 })))
    .map((values) =>
      encodeQuery(
        values.flatMap((v, i) => (v === undefined ? [] : [[op.queryParams[i]!.name, v] as [string, string]])),
      ),
    )
  const validBody: fc.Arbitrary<Record<string, unknown> | undefined> =
    op.body === undefined
      ? fc.constant(undefined)
      : (validValue(op.body, 0, (name, s) => fieldValue(name, s, known)) as fc.Arbitrary<Record<string, unknown>>)
  const base = fc.record({ query: validQuery, body: validBody })
  const properties = Object.entries(op.body?.properties ?? {})
  const kinds: Array<{ weight: number; arbitrary: fc.Arbitrary<FuzzCase> }> = []
  const add = (weight: number, kind: string, arbitrary: fc.Arbitrary<Parts>) =>
    kinds.push({
      weight,
      arbitrary: arbitrary.map(
        (p) =>
          new FuzzCase(
            kind,
            op,
            p.method ?? op.method,
            p.path ?? realPath,
            p.query ?? '',
            p.body,
            p.headers ?? {},
            p.auth === undefined ? 'key' : p.auth,
            p.spelling,
            p.expect,
          ),
      ),
    })
  const withBody = (b: fc.Arbitrary<Body | undefined>) =>
    fc.tuple(base, b).map(([v, body]) => ({ query: v.query, body }))

  const bodyOf = (v: { body: Record<string, unknown> | undefined }) => (v.body === undefined ? undefined : json(v.body))
  const names = properties.map(([n]) => n)
  const deepBodies: Array<fc.Arbitrary<Body>> = [
    fc
      .tuple(fc.constantFrom(10_000, 100_000, 400_000), fc.constantFrom<'array' | 'object'>('array', 'object'))
      .map(([depth, kind]) => ({ text: deepJsonText(depth, kind), contentType: 'application/json' })),
  ]
  if (names.length > 0)
    deepBodies.push(
      fc.tuple(validBody, fc.constantFrom(...names), deepValue).map(([b, name, deep]) => json({ ...b, [name]: deep })),
    )
  const oddContentType = fc.constantFrom(
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=utf-16',
    'application/json; charset=latin1',
    'application/jsonx',
    'application/vnd.api+json',
    '*/*',
    '',
    'application/json, text/plain',
  )
  const notAnObject = fc.oneof(
    fc.constantFrom<unknown>([], [1, 2], 'text', 42, null, true, [{}]),
    fc.jsonValue({ maxDepth: 3 }),
  )

  add(
    2,
    'valid',
    base.map((v) => ({ query: v.query, body: bodyOf(v) })),
  )
  add(3, 'malformed-json', withBody(malformedBody(validBody)))
  add(1, 'not-an-object', withBody(notAnObject.map(json)))
  add(2, 'deep', withBody(fc.oneof(...deepBodies)))
  add(
    1,
    'content-type',
    withBody(
      fc.tuple(validBody, oddContentType).map(([b, contentType]) => ({ text: JSON.stringify(b ?? {}), contentType })),
    ),
  )
  if (properties.length > 0) {
    const pick = fc.constantFrom(...properties)
    /** The valid body with `name` set to `value`. */
    const setting = (
      v: { query: string; body: Record<string, unknown> | undefined },
      name: string,
      value: unknown,
    ): Parts => ({
      query: v.query,
      body: json({ ...v.body, [name]: value }),
    })
    add(
      3,
      'wrong-type',
      fc.tuple(base, pick).chain(([v, [name, schema]]) => wrongType(schema).map((bad) => setting(v, name, bad))),
    )
    add(
      2,
      'huge',
      fc.tuple(base, pick, fc.oneof(hugeString, hugeArray)).map(([v, [name], huge]) => setting(v, name, huge)),
    )
    const strings = properties.filter(([, schema]) => accepts(schema, 'string')).map(([name]) => name)
    if (strings.length > 0) {
      // One string hostile and the rest valid, so the hostile one gets past validation to the database.
      add(
        3,
        'hostile-string',
        fc.tuple(base, fc.constantFrom(...strings), hostileString).map(([v, name, bad]) => setting(v, name, bad)),
      )
      const allHostile = fc.array(hostileString, { minLength: strings.length, maxLength: strings.length })
      add(
        1,
        'hostile-strings',
        fc.tuple(base, allHostile).map(([v, bad]) => ({
          query: v.query,
          body: json({ ...v.body, ...Object.fromEntries(strings.map((name, i) => [name, bad[i]])) }),
        })),
      )
    }
    const extraKey = fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'id',
      'workspace_id',
      'created_at',
      '',
      'x'.repeat(300),
      ...INJECTIONS,
    )
    const extra = fc.array(fc.tuple(extraKey, fc.oneof(hostileString, fc.jsonValue({ maxDepth: 2 }))), { maxLength: 4 })
    add(
      1,
      'missing-and-extra',
      fc.tuple(base, fc.subarray(names), extra).map(([v, drop, more]) => {
        const entries = [...Object.entries(v.body ?? {}).filter(([n]) => !drop.includes(n)), ...more]
        // Written as text: an object literal would turn `__proto__` into a prototype instead of a key.
        const text = `{${entries.map(([k, value]) => `${JSON.stringify(k)}:${JSON.stringify(value)}`).join(',')}}`
        return { query: v.query, body: { text, contentType: 'application/json' } }
      }),
    )
  }
  if (op.pathParams.length > 0) {
    // Each parameter real or bad, at least one bad most of the time.
    const pathValue = fc.oneof(
      { weight: 1, arbitrary: fc.constant<PathValue>({ real: true }) },
      { weight: 2, arbitrary: badPathValue },
    )
    const paths = fc
      .tuple(...op.pathParams.map(() => pathValue))
      .map((values) => Object.fromEntries(op.pathParams.map((p, i) => [p.name, values[i]!])))
    add(
      3,
      'bad-path-id',
      fc.tuple(base, paths).map(([v, path]) => ({ path, query: v.query, body: bodyOf(v) })),
    )
  }
  add(
    op.queryParams.length > 0 ? 3 : 1,
    'bad-query',
    fc.tuple(base, badQuery(op, known)).map(([v, query]) => ({ query, body: bodyOf(v) })),
  )
  add(
    1,
    'headers',
    fc.tuple(base, badHeaders).map(([v, headers]) => ({ query: v.query, body: bodyOf(v), headers })),
  )
  const otherMethod = fc.constantFrom('PUT', 'PATCH', 'DELETE', 'POST', 'OPTIONS', 'GET')
  add(
    1,
    'other-method',
    fc.tuple(base, otherMethod).map(([v, method]) => ({ method, query: v.query, body: bodyOf(v) })),
  )
  if (op.authenticated) {
    add(
      1,
      'bad-key',
      fc.tuple(base, badAuthorization).map(([v, auth]) => ({ query: v.query, body: bodyOf(v), auth })),
    )
    if (op.credentials.includes('session'))
      add(
        1,
        'bad-session',
        fc
          .tuple(base, badSessionCookie)
          .map(([v, cookie]) => ({ query: v.query, body: bodyOf(v), auth: null, headers: { cookie }, expect: [401] })),
      )
    // No key, the path spelled another way, and a body that would be a costly 422 if it got that far.
    const costlyBody = fc.constantFrom<Body | undefined>(
      undefined,
      json({ emails: Array.from({ length: 5000 }, () => 1), name: 7, list_fields: [{ name: 1 }] }),
    )
    add(
      2,
      'path-spelling',
      fc
        .tuple(base, fc.constantFrom(...SPELLINGS), fc.oneof(base.map(bodyOf), costlyBody))
        .map(([v, spelling, body]) => ({ query: v.query, body, auth: null, spelling, expect: [401, 404] })),
    )
  }
  const numeric = op.queryParams.filter((p) => accepts(p.schema, 'number') || accepts(p.schema, 'integer'))
  if (numeric.length > 0)
    add(
      2,
      'query-bounds',
      fc.tuple(base, fc.constantFrom(...numeric), fc.constantFrom(...BOUND_PROBES)).map(([v, param, probe]) => {
        const value = probe(param.schema)
        const pairs = new URLSearchParams(v.query)
        pairs.set(param.name, value)
        const n = Number(value)
        const outside =
          (param.schema.maximum !== undefined && n > param.schema.maximum) ||
          (param.schema.minimum !== undefined && n < param.schema.minimum)
        return { query: pairs.toString(), body: bodyOf(v), ...(outside ? { expect: [422] } : {}) }
      }),
    )
  return fc.oneof(...kinds)
}

/**
 * Numbers at a numeric query parameter's documented bounds and past them, and values past any bound a
 * database column has (bigint, double): a time filter without a maximum let `1e23` reach PostgreSQL.
 */
const BOUND_PROBES: ReadonlyArray<(schema: Schema) => string> = [
  (s) => String(s.maximum ?? 1e23),
  (s) => String((s.maximum ?? 1e23) + 1),
  (s) => String((s.maximum ?? 1e23) * 10),
  (s) => String(s.minimum ?? -1),
  (s) => String((s.minimum ?? 0) - 1),
  () => '1e23',
  () => '-1e23',
  () => '9223372036854775807',
  () => '9223372036854775808',
  () => '1e308',
]

function accepts(schema: Schema, type: string): boolean {
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type]
  return types.includes(type) || (schema.anyOf ?? schema.oneOf ?? []).some((s) => accepts(s, type))
}

/** Broken JSON: truncated, trailing commas, comments, NaN, BOM, invalid UTF-8, duplicate and poisoned keys. */
function malformedBody(validBody: fc.Arbitrary<Record<string, unknown> | undefined>): fc.Arbitrary<Body> {
  const text = (t: string | Uint8Array): Body => ({ text: t, contentType: 'application/json' })
  return fc.oneof(
    fc.tuple(validBody, fc.double({ min: 0, max: 1, noNaN: true })).map(([b, cut]) => {
      const full = JSON.stringify(b ?? { a: 1 })
      return text(full.slice(0, Math.max(1, Math.floor(full.length * cut))))
    }),
    fc
      .constantFrom(
        '{',
        '}',
        '[',
        '{"a":',
        '{"a":1,}',
        '[1,]',
        '{a:1}',
        "{'a':1}",
        '{"a":NaN}',
        '{"a":Infinity}',
        '{"a":undefined}',
        '// c\n{}',
        '/* c */{}',
        '\ufeff{}',
        '{"a":"\\x41"}',
        '{"a":"\\u00"}',
        '{"a":"\\ud800"}',
        '{"a":01}',
        '{"a":1e999}',
        '{"a":-}',
        '{"__proto__":{"polluted":1}}',
        '{"constructor":{"prototype":{"polluted":1}}}',
        '{"a":1,"a":2}',
        '"\\u0000"',
        'null',
        'true',
        '0',
        ' ',
        '\u0000',
        '\n\n\n',
      )
      .map(text),
    fc.string({ unit: 'binary', maxLength: 60 }).map(text),
    fc
      .uint8Array({ minLength: 1, maxLength: 60 })
      .map((bytes) =>
        text(Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, ...bytes.map((b) => b | 0x80), 0x22, 0x7d])),
      ),
  )
}

/** Query strings: known parameters with bad values, repeated, bracketed, unknown ones, raw oddities. */
function badQuery(op: Operation, known: Known): fc.Arbitrary<string> {
  const names = [
    ...new Set([
      ...op.queryParams.map((p) => p.name),
      ...known.queryNames(),
      'first',
      'after',
      'updated_after',
      'limit',
      'offset',
      'sort',
      'filter',
      '__proto__',
      'constructor',
      'field[name]',
      'email',
      'organization_id',
    ]),
  ]
  const pair = fc.tuple(fc.constantFrom(...names), badQueryValue)
  return fc.oneof(
    fc.array(pair, { minLength: 1, maxLength: 4 }).map(encodeQuery),
    fc.tuple(fc.constantFrom(...names), badQueryValue, badQueryValue).map(([n, a, b]) =>
      encodeQuery([
        [n, a],
        [n, b],
      ]),
    ),
    fc
      .tuple(fc.constantFrom(...names), badQueryValue)
      .map(([n, v]) => `${encodeURIComponent(n)}[]=${encodeURIComponent(v.replace(/[\ud800-\udfff]/g, ''))}`),
    fc.constantFrom(
      '&&&',
      '=',
      '==',
      'a',
      'first',
      'first=',
      '%',
      '%zz',
      'first=%',
      'first=%00',
      '%00=1',
      'first=1;after=2',
      'first=1%26after%3D2',
      '?first=1',
      `first=${'9'.repeat(400)}`,
      `a=${'x'.repeat(6000)}`,
      'first[a][b][c]=1',
      'first.x=1',
    ),
  )
}

/** Authorization headers that are missing, malformed, or name no key. */
const badAuthorization: fc.Arbitrary<string | null> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    'Bearer',
    'Bearer ',
    'Basic dXNlcjpwYXNz',
    'bearer  rpk_x',
    `Bearer rpk_${'A'.repeat(40)}`,
    `Bearer ${'x'.repeat(300)}`,
    "Bearer ' OR '1'='1' --aaaaaaaa",
    'Bearer %00%00%00%00%00%00%00%00',
  ),
  fc
    .string({ unit: 'binary-ascii', minLength: 1, maxLength: 80 })
    .map((s) => `Bearer ${s.replace(CONTROL_CHARACTERS, 'x')}`),
)

/** Session cookies that name no session: malformed, forged to the right shape, doubled, huge. */
const badSessionCookie: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'rapport_session=x',
    `rapport_session=${'A'.repeat(43)}`,
    `rapport_session=${'A'.repeat(43)}; rapport_session=${'B'.repeat(43)}`,
    `rapport_session="${'-'.repeat(43)}"`,
    `rapport_session=${'x'.repeat(4000)}`,
    "rapport_session=' OR '1'='1",
    'theme=dark; rapport_session=%00%00',
  ),
  fc
    .string({ unit: 'binary-ascii', minLength: 1, maxLength: 80 })
    .map((s) => `rapport_session=${s.replace(CONTROL_CHARACTERS, 'x').replace(/;/g, '')}`)
    .filter((cookie) => cookie.trim() !== 'rapport_session='),
)

/** Headers that are odd, huge or misleading (method override, encodings the body does not have). */
const badHeaders: fc.Arbitrary<Record<string, string>> = fc.oneof(
  fc.constantFrom<Record<string, string>>(
    { 'x-request-id': '' },
    { 'x-request-id': 'x'.repeat(2000) },
    { 'x-request-id': '"><script>' },
    { 'x-request-id': 'a'.repeat(20_000) },
    { accept: 'text/html' },
    { accept: 'application/xml' },
    { 'accept-encoding': 'gzip, br, zstd, *' },
    { 'content-encoding': 'gzip' },
    { 'content-encoding': 'br' },
    { 'transfer-encoding': 'chunked' },
    { 'x-http-method-override': 'DELETE' },
    { 'x-forwarded-for': `127.0.0.1, ${'1.1.1.1, '.repeat(50)}` },
    { range: 'bytes=0-1' },
    { 'if-none-match': '*' },
    { expect: '100-continue' },
    { cookie: `a=${'b'.repeat(3000)}` },
  ),
  fc
    .string({ unit: 'binary-ascii', maxLength: 100 })
    .map((v) => ({ 'x-request-id': v.replace(CONTROL_CHARACTERS, '') })),
)

/** A value for a query parameter that the schema accepts (a real id for `*_id`). */
function queryValue(name: string, schema: Schema, known: Known): fc.Arbitrary<string> {
  const real = known.idFor(name)
  const valid = validValue(schema).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
  return real === undefined ? valid : fc.oneof(fc.constant(real), valid)
}

/** Field-level help for the schema walker: real ids for `*_id` and emails for email-named fields. */
function fieldValue(name: string, schema: Schema, known: Known): fc.Arbitrary<unknown> | undefined {
  const real = known.idFor(name)
  if (real !== undefined) return fc.constant(real)
  if (/(^|_)emails?$/.test(name)) {
    const email = fc.emailAddress().filter((e) => e.length <= (schema.maxLength ?? 254))
    return schema.type === 'array' ? fc.array(email, { maxLength: 2 }) : email
  }
  if (/(^|_)domains?$/.test(name))
    return schema.type === 'array' ? fc.array(fc.domain(), { maxLength: 2 }) : fc.domain()
  return undefined
}
