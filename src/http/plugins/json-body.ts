// The JSON body parser. Differs from Fastify's in one way clients need: an empty body with
// `Content-Type: application/json` (sent by many Relate scripts on GET and DELETE) is no body, not an
// error. Prototype-poisoning keys (`__proto__`, `constructor.prototype`) are dropped.
import fp from 'fastify-plugin'
import sjson from 'secure-json-parse'
import { BadRequestError } from '../../domain/errors.js'

export default fp(
  async (app) => {
    // Only JSON is read: any other body type on a write is a 415.
    app.removeContentTypeParser(['application/json', 'text/plain'])
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
      const text = body as string
      if (text.trim() === '') return done(null, undefined)
      try {
        done(null, sjson.parse(text, undefined, { protoAction: 'remove', constructorAction: 'remove' }))
      } catch {
        done(new BadRequestError('Body is not valid JSON', 'malformed_json'), undefined)
      }
    })
  },
  { name: 'json-body' },
)
