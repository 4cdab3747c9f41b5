// `client.entries`: the entries of a list or process, and each entry's status history.
import { type ApiClient, init, pagedList, unwrap } from '../context.js'
import type {
  CallOptions,
  CreateEntryBody,
  Entry,
  ListQuery,
  QueryOf,
  StatusChange,
  UpdateEntryBody,
} from '../types.js'

/**
 * The filters of `entries.list`: the API's, plus `field` for list-field equality
 * (`{ field: { Stage: 'Seed' } }` is sent as `field[Stage]=Seed`).
 */
export type EntriesQuery = ListQuery<'listEntries'> & { field?: Record<string, string> }

export function entriesResource(api: ApiClient) {
  return {
    /** The entries of a list or process, e.g. `list(listId, { status: 'Won' })` (`listEntries`). */
    list: (listId: string, query: EntriesQuery = {}, options?: CallOptions) =>
      pagedList<Entry, EntriesQuery>(query, (q) =>
        api.GET('/v1/lists/{list_id}/entries', {
          // `field` is a family of parameters (`field[<name>]`) the document cannot list; openapi-fetch
          // writes an object parameter in exactly that form (deepObject).
          params: { path: { list_id: listId }, query: q as QueryOf<'listEntries'> },
          ...init(options),
        }),
      ),
    /** One entry (`getEntry`). */
    get: (listId: string, id: string, options?: CallOptions): Promise<Entry> =>
      unwrap(
        api.GET('/v1/lists/{list_id}/entries/{id}', { params: { path: { list_id: listId, id } }, ...init(options) }),
      ),
    /** Puts a contact or organization in the list (`createEntry`). */
    create: (listId: string, body: CreateEntryBody, options?: CallOptions): Promise<Entry> =>
      unwrap(
        api.POST('/v1/lists/{list_id}/entries', { params: { path: { list_id: listId } }, body, ...init(options) }),
      ),
    /** Changes an entry: status, assignee, values, list fields (`updateEntry`). */
    update: (listId: string, id: string, body: UpdateEntryBody, options?: CallOptions): Promise<Entry> =>
      unwrap(
        api.PATCH('/v1/lists/{list_id}/entries/{id}', {
          params: { path: { list_id: listId, id } },
          body,
          ...init(options),
        }),
      ),
    /** Deletes an entry; its key is never reused (`deleteEntry`). */
    delete: (listId: string, id: string, options?: CallOptions): Promise<void> =>
      unwrap(
        api.DELETE('/v1/lists/{list_id}/entries/{id}', { params: { path: { list_id: listId, id } }, ...init(options) }),
      ),
    /** Every status the entry entered, oldest first (`listEntryStatusChanges`). */
    statusChanges: (
      listId: string,
      id: string,
      query: ListQuery<'listEntryStatusChanges'> = {},
      options?: CallOptions,
    ) =>
      pagedList<StatusChange, ListQuery<'listEntryStatusChanges'>>(query, (q) =>
        api.GET('/v1/lists/{list_id}/entries/{id}/status_changes', {
          params: { path: { list_id: listId, id }, query: q as QueryOf<'listEntryStatusChanges'> },
          ...init(options),
        }),
      ),
  }
}
