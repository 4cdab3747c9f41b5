// The JSON body parser. Differs from Fastify's in one way clients need: an empty body with
// `Content-Type: application/json` (sent by many Relate scripts on GET and DELETE) is no body, not an
// error. Prototype-poisoning keys (`__proto__`, `constructor.prototype`) are dropped. JSON is UTF-8
// (RFC 8259): a body that says it is in another charset is a 415, not read as UTF-8 regardless.
import { MIMEType } from 'node:util'
import fp from 'fastify-plugin'
import sjson from 'secure-json-parse'
import { BadRequestError, UnsupportedMediaTypeError } from '../../domain/errors.js'

/** Whether a Content-Type names no charset or UTF-8's. */
function isUtf8(contentType: string | undefined): boolean {
  try {
    const charset = new MIMEType(contentType ?? '').params.get('charset')
    return charset === null || /^utf-?8$/i.test(charset)
  } catch {
    return false
  }
}

export default fp(
  async (app) => {
    // Only JSON is read: any other body type on a write is a 415.
    app.removeContentTypeParser(['application/json', 'text/plain'])
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      const text = body as string
      if (text.trim() === '') return done(null, undefined)
      if (!isUtf8(request.headers['content-type']))
        return done(
          new UnsupportedMediaTypeError('JSON bodies must be UTF-8 (charset=utf-8, or no charset)'),
          undefined,
        )
      try {
        done(null, sjson.parse(text, undefined, { protoAction: 'remove', constructorAction: 'remove' }))
      } catch {
        done(new BadRequestError('Body is not valid JSON', 'malformed_json'), undefined)
      }
    })
  },
  { name: 'json-body' },
)
