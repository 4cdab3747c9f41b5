// `client.notes`: notes on organizations, each optionally about a process entry.
import { type ApiClient, init, pagedList, unwrap } from '../context.js'
import type { CallOptions, CreateNoteBody, ListQuery, Note, QueryOf, UpdateNoteBody } from '../types.js'

export function notesResource(api: ApiClient) {
  return {
    /** Every note, or those of one organization or entry (`listNotes`). */
    list: (query: ListQuery<'listNotes'> = {}, options?: CallOptions) =>
      pagedList<Note, ListQuery<'listNotes'>>(query, (q) =>
        api.GET('/v1/notes', { params: { query: q as QueryOf<'listNotes'> }, ...init(options) }),
      ),
    /** One note (`getNote`). */
    get: (id: string, options?: CallOptions): Promise<Note> =>
      unwrap(api.GET('/v1/notes/{id}', { params: { path: { id } }, ...init(options) })),
    /** Writes a note (`createNote`). */
    create: (body: CreateNoteBody, options?: CallOptions): Promise<Note> =>
      unwrap(api.POST('/v1/notes', { body, ...init(options) })),
    /** Changes a note (`updateNote`). */
    update: (id: string, body: UpdateNoteBody, options?: CallOptions): Promise<Note> =>
      unwrap(api.PATCH('/v1/notes/{id}', { params: { path: { id } }, body, ...init(options) })),
    /** Deletes a note (`deleteNote`). */
    delete: (id: string, options?: CallOptions): Promise<void> =>
      unwrap(api.DELETE('/v1/notes/{id}', { params: { path: { id } }, ...init(options) })),
  }
}
