// The OpenAPI 3.1 document, generated from the route schemas, at `/openapi.json`, and an interactive
// reference at `/docs`.
import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { ErrorBody } from '../schemas/common.js'

export const API_DESCRIPTION = `Rapport is a self-hosted CRM server whose \`/v1\` API is a drop-in replacement for Relate's
public API (\`https://api.relate.so/v1\`): lists and processes holding entries, contacts, organizations,
custom fields and notes.

**Authentication**: \`Authorization: Bearer <key>\` on every \`/v1\` route.

**Lists of things** answer \`{ "data": [...], "pagination": { "end_cursor", "has_next_page", "total_count" } }\`.
Page with \`first\` (default 25, at most 100) and \`after\` (an offset: pass the previous \`end_cursor\`).
Every list takes \`updated_after\` (Unix seconds) and is ordered by \`updated_at\`, newest first.

**Errors** share one body: \`{ status, code, message, details?, details_truncated?, request_id }\`, at most 16 KB
whatever the request: a 422 lists the first 50 problems in \`details\` and counts the others in
\`details_truncated\`. JSON bodies are UTF-8; another \`charset\` is a 415.

**Limits**: each API key may send a number of requests per window (set per deployment); every
authenticated response says how many are left with the IETF fields \`RateLimit-Policy: "default";q=6000;w=60\`
and \`RateLimit: "default";r=5999;t=60\`, and a 429 carries \`Retry-After\` (seconds). An address that fails
authentication too often (set per deployment) is answered 429 for the rest of its window. A request that
takes too long is answered 503 \`request_timeout\`, and nothing it started is saved.

**Webhooks** (\`/v1/webhooks\`, Rapport's own): events are POSTed to a webhook's URL as
\`{ id, type, created_at, workspace_id, sequence, data: { object, previous_attributes? } }\`, \`object\` being the
record as the API returns it. Each is written in the transaction of its change and delivered at least once;
one record's events reach a webhook in \`sequence\` order. Headers: \`Rapport-Webhook-Id\` (the event id),
\`Rapport-Event-Type\`, \`Rapport-Delivery-Id\`, \`Rapport-Delivery-Attempt\` and \`Rapport-Signature:
t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>\`: recompute it over the raw body with the
webhook's secret, compare in constant time, and refuse timestamps more than 5 minutes away. A 2xx within 10 s
is success; anything else is retried after 1 min, 5 min, 30 min, 2 h, 5 h, 10 h, 24 h and 30 h (±20%), about
3 days; after that, or after a day of failures, the webhook is turned off with a \`disabled_reason\`.`

export default fp(
  async (app) => {
    app.addSchema(ErrorBody)
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Rapport API',
          version: '1',
          description: API_DESCRIPTION,
          license: { name: 'MIT', identifier: 'MIT' },
        },
        servers: [{ url: '/' }],
        components: { securitySchemes: { bearerKey: { type: 'http', scheme: 'bearer', description: 'An API key' } } },
        security: [{ bearerKey: [] }],
        tags: [
          { name: 'Lists', description: 'Lists and processes (pipelines with statuses)' },
          { name: 'Entries', description: 'Contacts and organizations in lists and processes' },
          { name: 'Contacts', description: 'People, with their email addresses, phone numbers and custom fields' },
          { name: 'Organizations', description: 'Companies and other organizations, with their domains and contacts' },
          {
            name: 'Custom fields',
            description: 'Definitions of the extra fields of contacts and organizations (and deals)',
          },
          { name: 'Notes', description: 'Notes on organizations, each optionally about a process entry' },
          { name: 'Users', description: 'Members of the workspace (Rapport only; Relate has no users API)' },
          {
            name: 'Webhooks',
            description: 'Subscriptions to events, signed deliveries with retries, the delivery log (Rapport only)',
          },
          { name: 'Operations', description: 'Health and documentation; no key needed' },
        ],
      },
      refResolver: {
        // Shared schemas keep their own names in components.schemas (ErrorBody, not def-0).
        buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
      },
    })
    await app.register(swaggerUi, {
      routePrefix: '/docs',
      uiConfig: { docExpansion: 'list', deepLinking: true, validatorUrl: null },
    })
    app.get('/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger())
  },
  { name: 'openapi' },
)
