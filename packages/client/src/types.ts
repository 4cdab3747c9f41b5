// Names for the API's objects, bodies and queries, all derived from the generated `operations` (never
// written by hand), so they follow the server's schemas on every `npm run client:generate`.
import type { operations } from './schema.js'

export type OperationId = keyof operations

type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : never
type SuccessOf<Responses> = {
  [S in keyof Responses]: S extends 200 | 201 ? JsonOf<Responses[S]> : never
}[keyof Responses]

/** What a successful call of `Op` answers (the JSON body of its 200 or 201). */
export type ResponseOf<Op extends OperationId> = SuccessOf<operations[Op]['responses']>
/** The JSON body `Op` takes. */
export type BodyOf<Op extends OperationId> = operations[Op] extends { requestBody: infer B }
  ? JsonOf<NonNullable<B>>
  : never
/** The query parameters `Op` takes. */
export type QueryOf<Op extends OperationId> = operations[Op] extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never
/** The item of a paged list operation. */
export type ItemOf<Op extends OperationId> = ResponseOf<Op> extends { data: (infer Item)[] } ? Item : never

/** A repeatable parameter (`status=Won&status=Lost`) may also be given once, as a plain value. */
type OneOrMany<T> = { [K in keyof T]: NonNullable<T[K]> extends (infer U)[] ? U | U[] : T[K] }
/**
 * The query of a paged list, as the client's `list` methods take it: the operation's filters and
 * `first` (the page size while iterating); `after` is the iterator's business.
 */
export type ListQuery<Op extends OperationId> = OneOrMany<Omit<QueryOf<Op>, 'after'>>

export type List = ResponseOf<'getList'>
export type ListConnection = ItemOf<'listListConnections'>
export type Entry = ResponseOf<'getEntry'>
export type StatusChange = ItemOf<'listEntryStatusChanges'>
export type Contact = ResponseOf<'getContact'>
export type Organization = ResponseOf<'getOrganization'>
export type CustomField = ResponseOf<'getCustomField'>
export type Note = ResponseOf<'getNote'>
export type User = ResponseOf<'getUser'>
export type Health = ResponseOf<'getHealth'>
export type Session = ResponseOf<'getCurrentSession'>
export type SetupLink = ResponseOf<'lookupSetupLink'>

export type CreateListBody = BodyOf<'createList'>
export type UpdateListBody = BodyOf<'updateList'>
export type CreateListConnectionBody = BodyOf<'createListConnection'>
export type CreateEntryBody = BodyOf<'createEntry'>
export type UpdateEntryBody = BodyOf<'updateEntry'>
export type CreateContactBody = BodyOf<'createContact'>
export type UpdateContactBody = BodyOf<'updateContact'>
export type CreateOrganizationBody = BodyOf<'createOrganization'>
export type UpdateOrganizationBody = BodyOf<'updateOrganization'>
export type CreateCustomFieldBody = BodyOf<'createCustomField'>
export type UpdateCustomFieldBody = BodyOf<'updateCustomField'>
export type CreateNoteBody = BodyOf<'createNote'>
export type UpdateNoteBody = BodyOf<'updateNote'>
export type CreateUserBody = BodyOf<'createUser'>
export type CreateSessionBody = BodyOf<'createSession'>
export type SetupBody = BodyOf<'completeSetup'>

/** Options of one call. */
export interface CallOptions {
  /** Cancels the call, including any wait between retries. */
  signal?: AbortSignal
  /**
   * The Idempotency-Key of a POST or PATCH (default: a new random key per call, kept across its
   * retries). Pass your own to make a call safe to repeat across restarts of your program.
   */
  idempotencyKey?: string
  /** Headers for this call only. */
  headers?: Record<string, string>
}
