// `GET /healthz`: answers 200 when the database takes a query, 503 otherwise. No key needed, so load
// balancers and orchestrators can call it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { UnavailableError } from '../../domain/errors.js'

const Health = Type.Object({ status: Type.Literal('ok'), database: Type.String({ examples: ['sqlite'] }) })

const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    {
      schema: {
        operationId: 'getHealth',
        tags: ['Operations'],
        summary: 'Health check',
        security: [],
        response: {
          200: Health,
          400: Type.Ref('ErrorBody', { description: 'The request is not valid HTTP (answered on any path)' }),
          503: Type.Ref('ErrorBody'),
        },
      },
    },
    async () => {
      try {
        await app.db.ping()
      } catch {
        throw new UnavailableError('The database does not answer')
      }
      return { status: 'ok' as const, database: app.db.traits.name }
    },
  )
}

export default health
