// `client.lists`: lists and processes, and the status connections between processes.
import { type ApiClient, init, pagedList, unwrap } from '../context.js'
import type {
  CallOptions,
  CreateListBody,
  CreateListConnectionBody,
  List,
  ListConnection,
  ListQuery,
  QueryOf,
  UpdateListBody,
} from '../types.js'

export function listsResource(api: ApiClient) {
  return {
    /** Every list and process (`listLists`). */
    list: (query: ListQuery<'listLists'> = {}, options?: CallOptions) =>
      pagedList<List, ListQuery<'listLists'>>(query, (q) =>
        api.GET('/v1/lists', { params: { query: q as QueryOf<'listLists'> }, ...init(options) }),
      ),
    /** One list or process (`getList`). */
    get: (id: string, options?: CallOptions): Promise<List> =>
      unwrap(api.GET('/v1/lists/{id}', { params: { path: { id } }, ...init(options) })),
    /** Makes a list or a process (`createList`). */
    create: (body: CreateListBody, options?: CallOptions): Promise<List> =>
      unwrap(api.POST('/v1/lists', { body, ...init(options) })),
    /** Changes a list or process; fields and statuses merge by name (`updateList`). */
    update: (id: string, body: UpdateListBody, options?: CallOptions): Promise<List> =>
      unwrap(api.PATCH('/v1/lists/{id}', { params: { path: { id } }, body, ...init(options) })),
    /** Deletes a list or process and its entries (`deleteList`). */
    delete: (id: string, options?: CallOptions): Promise<void> =>
      unwrap(api.DELETE('/v1/lists/{id}', { params: { path: { id } }, ...init(options) })),
    connections: {
      /** The connections of a process (`listListConnections`). */
      list: (listId: string, query: ListQuery<'listListConnections'> = {}, options?: CallOptions) =>
        pagedList<ListConnection, ListQuery<'listListConnections'>>(query, (q) =>
          api.GET('/v1/lists/{id}/connections', {
            params: { path: { id: listId }, query: q as QueryOf<'listListConnections'> },
            ...init(options),
          }),
        ),
      /** Connects a status of this process to a status of another (`createListConnection`). */
      create: (listId: string, body: CreateListConnectionBody, options?: CallOptions): Promise<ListConnection> =>
        unwrap(api.POST('/v1/lists/{id}/connections', { params: { path: { id: listId } }, body, ...init(options) })),
      /** Removes a connection (`deleteListConnection`). */
      delete: (listId: string, connectionId: string, options?: CallOptions): Promise<void> =>
        unwrap(
          api.DELETE('/v1/lists/{id}/connections/{connection_id}', {
            params: { path: { id: listId, connection_id: connectionId } },
            ...init(options),
          }),
        ),
    },
  }
}
