// buildApp: the one factory for the server, used by `rapport serve`, the tests and the benchmarks, so
// all three run exactly the same plugins, limits and error handling.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import fp from 'fastify-plugin'
import type { Config } from './config.js'
import type { Db } from './db/dialect.js'
import { newId } from './domain/ids.js'
import { createServices, type Services } from './domain/services.js'
import authPlugin from './http/plugins/auth.js'
import errorsPlugin from './http/plugins/errors.js'
import jsonBodyPlugin from './http/plugins/json-body.js'
import openapiPlugin from './http/plugins/openapi.js'
import { RequestLog } from './http/plugins/request-log.js'
import contactsRoutes from './http/routes/contacts.js'
import customFieldsRoutes from './http/routes/custom-fields.js'
import healthRoutes from './http/routes/health.js'
import entriesRoutes from './http/routes/entries.js'
import listsRoutes from './http/routes/lists.js'
import notesRoutes from './http/routes/notes.js'
import organizationsRoutes from './http/routes/organizations.js'
import usersRoutes from './http/routes/users.js'
import { ErrorBody } from './http/schemas/common.js'
import { serializerCompiler } from './http/serialization.js'
import { validatorCompiler } from './http/validation.js'

declare module 'fastify' {
  interface FastifyInstance {
    db: Db
    services: Services
  }
}

export interface AppDeps {
  db: Db
  config: Config
  /** A pino logger; when absent one is made at config.LOG_LEVEL. */
  logger?: FastifyBaseLogger
}

/** The `/v1` resources, one plugin each. */
const V1_ROUTES = [listsRoutes, entriesRoutes, contactsRoutes, organizationsRoutes, customFieldsRoutes, notesRoutes, usersRoutes]

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db } = deps
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: { level: config.LOG_LEVEL } }),
    bodyLimit: config.RAPPORT_BODY_LIMIT,
    // A client may pass its own request id (X-Request-Id) to correlate logs; otherwise one is made.
    requestIdHeader: 'x-request-id',
    genReqId: () => 'req-' + newId(12),
    logController: new RequestLog(),
    // Relate ids are case-sensitive and paths are matched exactly; /v1/lists/ is /v1/lists.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.setValidatorCompiler(validatorCompiler([ErrorBody]))
  app.setSerializerCompiler(serializerCompiler([ErrorBody]))
  app.decorate('db', db)
  await app.register(
    fp(
      async (instance) => {
        instance.decorate('services', createServices(db, { defaultCountryCode: config.RAPPORT_DEFAULT_COUNTRY_CODE }))
      },
      { name: 'services' },
    ),
  )
  await app.register(errorsPlugin)
  await app.register(jsonBodyPlugin)
  await app.register(openapiPlugin)
  await app.register(authPlugin)
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })

  await app.register(healthRoutes)
  await app.register(
    async (v1) => {
      for (const routes of V1_ROUTES) await v1.register(routes)
    },
    { prefix: '/v1' },
  )
  return app
}
