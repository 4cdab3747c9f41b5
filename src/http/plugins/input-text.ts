// Text that cannot be stored as sent is refused at the door, in the body and in the query string alike:
// U+0000 (PostgreSQL text cannot hold it: the insert failed with a 500) and unpaired UTF-16 surrogates
// (not Unicode: both drivers silently stored U+FFFD instead, so a read returned something else than the
// write had answered). Both were found by the fuzzer (test/reliability). A 422 names the field.
import fp from 'fastify-plugin'
import { ValidationError } from '../../domain/errors.js'

/** NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what this pattern exists to find.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** How deep the walk goes; a deeper body is refused by the schemas anyway, and the walk must not overflow. */
const MAX_DEPTH = 256

/**
 * The path (`emails[0]`, `list_fields[1].value`) of the first string or key in `value` that cannot be
 * stored, or undefined when there is none.
 *
 * ### Example
 * ```ts
 * unstorableText({ name: 'a\u0000b' }) // 'name'
 * ```
 */
export function unstorableText(value: unknown, path = '', depth = 0): string | undefined {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path || 'body' : undefined
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return undefined
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableText(value[i], `${path}[${i}]`, depth + 1)
      if (found !== undefined) return found
    }
    return undefined
  }
  for (const [key, child] of Object.entries(value)) {
    // A bad key is reported as its object: echoing the key would send the bad text back.
    if (UNSTORABLE.test(key)) return path || 'body'
    const childPath = path === '' ? key : `${path}.${key}`
    const found = unstorableText(child, childPath, depth + 1)
    if (found !== undefined) return found
  }
  return undefined
}

export default fp(
  async (app) => {
    app.addHook('preValidation', async (request) => {
      const field = unstorableText(request.query) ?? unstorableText(request.body)
      if (field === undefined) return
      throw new ValidationError([
        { field, code: 'invalid_characters', message: 'contains a NUL character or an unpaired surrogate' },
      ])
    })
  },
  { name: 'input-text' },
)
