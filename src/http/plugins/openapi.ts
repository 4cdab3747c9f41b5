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
takes too long is answered 503 \`request_timeout\`, and nothing it started is saved.`

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
          { name: 'API keys', description: 'Keys of the workspace: list, make (shown once), revoke (Rapport only)' },
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
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  },
  { name: 'openapi' },
)
