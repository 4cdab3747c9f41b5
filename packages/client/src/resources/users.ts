// `client.users`: the members of the workspace.
import { type ApiClient, init, pagedList, unwrap } from '../context.js'
import type { CallOptions, CreateUserBody, ListQuery, QueryOf, User } from '../types.js'

export function usersResource(api: ApiClient) {
  return {
    /** Every member (`listUsers`). */
    list: (query: ListQuery<'listUsers'> = {}, options?: CallOptions) =>
      pagedList<User, ListQuery<'listUsers'>>(query, (q) =>
        api.GET('/v1/users', { params: { query: q as QueryOf<'listUsers'> }, ...init(options) }),
      ),
    /** The member making the request: the signed-in one, or the one the key was made for (`getCurrentUser`). */
    me: (options?: CallOptions): Promise<User> => unwrap(api.GET('/v1/users/me', init(options))),
    /** One member (`getUser`). */
    get: (id: string, options?: CallOptions): Promise<User> =>
      unwrap(api.GET('/v1/users/{id}', { params: { path: { id } }, ...init(options) })),
    /** Adds a member (`createUser`). */
    create: (body: CreateUserBody, options?: CallOptions): Promise<User> =>
      unwrap(api.POST('/v1/users', { body, ...init(options) })),
  }
}
