// `/v1/api_keys`: list, make and revoke the workspace's API keys (Rapport's own; the CLI's `rapport keys`
// does the same from the server's shell).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf } from '../plugins/auth.js'
import { IdParam, NoContent, errorResponses } from '../schemas/common.js'
import { ApiKeyPage, CreateApiKeyBody, ListApiKeysQuery, NewApiKey } from '../schemas/api-keys.js'

const tags = ['API keys']

const apiKeys: FastifyPluginAsyncTypebox = async (app) => {
  const { apiKeys } = app.services

  app.get(
    '/api_keys',
    {
      schema: {
        operationId: 'listApiKeys',
        tags,
        summary: 'List API keys',
        description: 'Every key of the workspace, revoked ones included, newest first; keys show only their hint.',
        querystring: ListApiKeysQuery,
        response: { 200: ApiKeyPage, ...errorResponses({ query: true }) },
      },
    },
    async (request) => apiKeys.list(actorOf(request), request.query),
  )

  app.post(
    '/api_keys',
    {
      schema: {
        operationId: 'createApiKey',
        tags,
        summary: 'Make an API key',
        description: 'The answer holds the key itself, once: it is stored as a hash and cannot be shown again.',
        body: CreateApiKeyBody,
        response: { 201: NewApiKey, ...errorResponses({ body: true }) },
      },
    },
    async (request, reply) => reply.code(201).send(await apiKeys.create(actorOf(request), request.body)),
  )

  app.delete(
    '/api_keys/:id',
    {
      schema: {
        operationId: 'revokeApiKey',
        tags,
        summary: 'Revoke an API key',
        description: 'Requests with the key fail from the next one on. A key already revoked is a 404.',
        params: IdParam,
        response: { 204: NoContent, ...errorResponses({}, 404) },
      },
    },
    async (request, reply) => {
      await apiKeys.revoke(actorOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )
}

export default apiKeys
