// `client.apiKeys`: the workspace's API keys (list by hint, make one shown once, revoke).
import { type ApiClient, init, pagedList, unwrap } from '../context.js'
import type { ApiKey, CallOptions, CreateApiKeyBody, ListQuery, NewApiKey, QueryOf } from '../types.js'

export function apiKeysResource(api: ApiClient) {
  return {
    /** Every key, revoked ones included, newest first (`listApiKeys`). */
    list: (query: ListQuery<'listApiKeys'> = {}, options?: CallOptions) =>
      pagedList<ApiKey, ListQuery<'listApiKeys'>>(query, (q) =>
        api.GET('/v1/api_keys', { params: { query: q as QueryOf<'listApiKeys'> }, ...init(options) }),
      ),
    /** Makes a key; the answer's `key` is the only time it is shown (`createApiKey`). */
    create: (body: CreateApiKeyBody, options?: CallOptions): Promise<NewApiKey> =>
      unwrap(api.POST('/v1/api_keys', { body, ...init(options) })),
    /** Revokes a key (`revokeApiKey`). */
    revoke: async (id: string, options?: CallOptions): Promise<void> => {
      await unwrap(api.DELETE('/v1/api_keys/{id}', { params: { path: { id } }, ...init(options) }))
    },
  }
}
