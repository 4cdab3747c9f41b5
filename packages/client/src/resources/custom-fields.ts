// `client.customFields`: definitions of the extra fields of contacts and organizations.
import { type ApiClient, init, pagedList, unwrap } from '../context.js'
import type {
  CallOptions,
  CreateCustomFieldBody,
  CustomField,
  ListQuery,
  QueryOf,
  UpdateCustomFieldBody,
} from '../types.js'

export function customFieldsResource(api: ApiClient) {
  return {
    /** Every custom field (`listCustomFields`). */
    list: (query: ListQuery<'listCustomFields'> = {}, options?: CallOptions) =>
      pagedList<CustomField, ListQuery<'listCustomFields'>>(query, (q) =>
        api.GET('/v1/custom_fields', { params: { query: q as QueryOf<'listCustomFields'> }, ...init(options) }),
      ),
    /** One custom field (`getCustomField`). */
    get: (id: string, options?: CallOptions): Promise<CustomField> =>
      unwrap(api.GET('/v1/custom_fields/{id}', { params: { path: { id } }, ...init(options) })),
    /** Defines a custom field (`createCustomField`). */
    create: (body: CreateCustomFieldBody, options?: CallOptions): Promise<CustomField> =>
      unwrap(api.POST('/v1/custom_fields', { body, ...init(options) })),
    /** Changes a custom field (`updateCustomField`). */
    update: (id: string, body: UpdateCustomFieldBody, options?: CallOptions): Promise<CustomField> =>
      unwrap(api.PATCH('/v1/custom_fields/{id}', { params: { path: { id } }, body, ...init(options) })),
    /** Deletes a custom field and its values (`deleteCustomField`). */
    delete: (id: string, options?: CallOptions): Promise<void> =>
      unwrap(api.DELETE('/v1/custom_fields/{id}', { params: { path: { id } }, ...init(options) })),
  }
}
