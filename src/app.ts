// buildApp: the one factory for the server, used by `rapport serve`, the tests and the benchmarks, so
// all three run exactly the same plugins, limits and error handling.
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import fp from 'fastify-plugin'
import { trustProxy, type Config } from './config.js'
import type { Db } from './db/dialect.js'
import { createServices, type Services } from './domain/services.js'
import { parseDuration, parseDurations, type DeliveryPolicy } from './domain/webhooks/retry-policy.js'
import authPlugin from './http/plugins/auth.js'
import errorsPlugin, { clientErrorHandler, frameworkErrors, notFound } from './http/plugins/errors.js'
import inputTextPlugin from './http/plugins/input-text.js'
import jsonBodyPlugin from './http/plugins/json-body.js'
import limitsPlugin from './http/plugins/limits.js'
import openapiPlugin from './http/plugins/openapi.js'
import { RequestLog } from './http/plugins/request-log.js'
import requestTimeoutPlugin from './http/plugins/request-timeout.js'
import securityHeadersPlugin from './http/plugins/security-headers.js'
import contactsRoutes from './http/routes/contacts.js'
import customFieldsRoutes from './http/routes/custom-fields.js'
import healthRoutes from './http/routes/health.js'
import entriesRoutes from './http/routes/entries.js'
import listsRoutes from './http/routes/lists.js'
import notesRoutes from './http/routes/notes.js'
import organizationsRoutes from './http/routes/organizations.js'
import usersRoutes from './http/routes/users.js'
import webhooksRoutes from './http/routes/webhooks.js'
import { ErrorBody } from './http/schemas/common.js'
import { requestIdOf } from './http/request-id.js'
import { serializerCompiler } from './http/serialization.js'
import { validatorCompiler } from './http/validation.js'
import { WebhookDispatcher } from './jobs/webhook-dispatcher.js'

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
  /**
   * More routes for the `/v1` scope, behind the same authentication and limits. Only for suites that
   * must prove they catch a broken route (test/reliability); the server mounts none.
   */
  extraV1Routes?: FastifyPluginAsync
}

/** The `/v1` resources, one plugin each. */
const V1_ROUTES = [
  listsRoutes,
  entriesRoutes,
  contactsRoutes,
  organizationsRoutes,
  customFieldsRoutes,
  notesRoutes,
  usersRoutes,
  webhooksRoutes,
]

/**
 * Node's socket-level limits against slow clients, derived from the request timeout (0: Node's defaults).
 * `requestTimeout`: the whole request (headers and body) must arrive within it, or it is answered 408
 * `client_timeout` and the socket closed (Node checks every 30 s, so it is coarse). `connectionTimeout`:
 * a socket silent that long while a request is open (a client that stops reading its response) is
 * destroyed; it is longer than the slowest answer (the timeout, plus one statement bounded by
 * statement_timeout).
 */
function socketTimeouts(timeoutMs: number): { requestTimeout?: number; connectionTimeout?: number } {
  if (timeoutMs <= 0) return {}
  return { requestTimeout: timeoutMs, connectionTimeout: 2 * timeoutMs + SOCKET_SLACK_MS }
}

/** How webhooks are delivered, retried, given up on and pruned, from the RAPPORT_WEBHOOK_* variables. */
export function webhookPolicy(config: Config): DeliveryPolicy {
  return {
    timeoutMs: config.RAPPORT_WEBHOOK_TIMEOUT_MS,
    scheduleMs: parseDurations(config.RAPPORT_WEBHOOK_RETRY_SCHEDULE),
    failureRun: config.RAPPORT_WEBHOOK_FAILURE_RUN,
    failureRunSpanMs: parseDuration(config.RAPPORT_WEBHOOK_FAILURE_RUN_SPAN),
    retentionMs: parseDuration(config.RAPPORT_WEBHOOK_RETENTION),
    allowPrivate: config.RAPPORT_WEBHOOK_ALLOW_PRIVATE === '1',
  }
}

/** Added to twice the request timeout for the socket inactivity limit. */
const SOCKET_SLACK_MS = 5000

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db } = deps
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: { level: config.LOG_LEVEL } }),
    bodyLimit: config.RAPPORT_BODY_LIMIT,
    // A client may pass its own request id (X-Request-Id) to correlate logs, if it is safe to echo.
    requestIdHeader: false,
    genReqId: requestIdOf,
    logController: new RequestLog(),
    // Relate ids are case-sensitive and paths are matched exactly; /v1/lists/ is /v1/lists.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    trustProxy: trustProxy(config),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    ...socketTimeouts(config.RAPPORT_REQUEST_TIMEOUT_MS),
    // Requests Node cannot parse, and URLs the router refuses, get the error shape too.
    clientErrorHandler,
    frameworkErrors,
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.setValidatorCompiler(validatorCompiler([ErrorBody]))
  app.setSerializerCompiler(serializerCompiler([ErrorBody]))
  app.decorate('db', db)
  await app.register(
    fp(
      async (instance) => {
        instance.decorate(
          'services',
          createServices(db, {
            defaultCountryCode: config.RAPPORT_DEFAULT_COUNTRY_CODE,
            keyPepper: config.RAPPORT_KEY_PEPPER,
            webhookAllowPrivate: config.RAPPORT_WEBHOOK_ALLOW_PRIVATE === '1',
          }),
        )
      },
      { name: 'services' },
    ),
  )
  await app.register(errorsPlugin)
  // First of the onRequest hooks, so the deadline covers the key lookup too.
  await app.register(requestTimeoutPlugin, { timeoutMs: config.RAPPORT_REQUEST_TIMEOUT_MS })
  await app.register(securityHeadersPlugin)
  await app.register(jsonBodyPlugin)
  await app.register(inputTextPlugin)
  await app.register(openapiPlugin)
  await app.register(authPlugin, {
    // Off with the rate limit: RAPPORT_RATE_LIMIT=0 means "no limits at all".
    failureLimit: config.RAPPORT_RATE_LIMIT > 0 ? config.RAPPORT_AUTH_FAILURE_LIMIT : 0,
    windowSeconds: config.RAPPORT_RATE_LIMIT_WINDOW_S,
  })
  await app.register(limitsPlugin, {
    limit: config.RAPPORT_RATE_LIMIT,
    windowSeconds: config.RAPPORT_RATE_LIMIT_WINDOW_S,
  })
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })

  await app.register(healthRoutes)
  await app.register(
    async (v1) => {
      // On the scope, not on the URL: every route under /v1, and every unknown path there, is
      // authenticated and counted however its path was spelled (see auth.ts).
      v1.addHook('onRequest', v1.authenticate)
      if (v1.rateLimit) v1.addHook('onRequest', v1.rateLimit)
      v1.setNotFoundHandler(notFound)
      for (const routes of V1_ROUTES) await v1.register(routes)
      if (deps.extraV1Routes) await v1.register(deps.extraV1Routes)
    },
    { prefix: '/v1' },
  )

  // Webhooks are delivered while the server listens (not when the app is only built, as for the
  // OpenAPI document); closing the app lets the attempts under way finish and records them.
  if (config.RAPPORT_WEBHOOK_DISPATCH === '1') {
    const dispatcher = new WebhookDispatcher(db, webhookPolicy(config), app.log)
    app.addHook('onListen', async () => dispatcher.start())
    app.addHook('onClose', async () => dispatcher.stop())
  }
  return app
}
