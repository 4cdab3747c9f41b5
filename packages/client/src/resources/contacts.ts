// `client.contacts`: people, with their email addresses, phone numbers and custom fields.
import { type ApiClient, init, pagedList, unwrap } from '../context.js'
import type { CallOptions, Contact, CreateContactBody, ListQuery, QueryOf, UpdateContactBody } from '../types.js'

export function contactsResource(api: ApiClient) {
  return {
    /** Every contact, or those matching `email` / `phone_number` (`listContacts`). */
    list: (query: ListQuery<'listContacts'> = {}, options?: CallOptions) =>
      pagedList<Contact, ListQuery<'listContacts'>>(query, (q) =>
        api.GET('/v1/contacts', { params: { query: q as QueryOf<'listContacts'> }, ...init(options) }),
      ),
    /** One contact (`getContact`). */
    get: (id: string, options?: CallOptions): Promise<Contact> =>
      unwrap(api.GET('/v1/contacts/{id}', { params: { path: { id } }, ...init(options) })),
    /** Makes a contact (`createContact`). */
    create: (body: CreateContactBody, options?: CallOptions): Promise<Contact> =>
      unwrap(api.POST('/v1/contacts', { body, ...init(options) })),
    /** Changes a contact; emails and phone numbers sent are added (`updateContact`). */
    update: (id: string, body: UpdateContactBody, options?: CallOptions): Promise<Contact> =>
      unwrap(api.PATCH('/v1/contacts/{id}', { params: { path: { id } }, body, ...init(options) })),
    /** Deletes a contact (`deleteContact`). */
    delete: (id: string, options?: CallOptions): Promise<void> =>
      unwrap(api.DELETE('/v1/contacts/{id}', { params: { path: { id } }, ...init(options) })),
    /** Removes email addresses from a contact and answers it (`removeContactEmails`). */
    removeEmails: (id: string, emails: string[], options?: CallOptions): Promise<Contact> =>
      unwrap(api.DELETE('/v1/contacts/{id}/emails', { params: { path: { id } }, body: { emails }, ...init(options) })),
    /** Removes phone numbers (in any written form) from a contact and answers it (`removeContactPhoneNumbers`). */
    removePhoneNumbers: (id: string, phoneNumbers: string[], options?: CallOptions): Promise<Contact> =>
      unwrap(
        api.DELETE('/v1/contacts/{id}/phone_numbers', {
          params: { path: { id } },
          body: { phone_numbers: phoneNumbers },
          ...init(options),
        }),
      ),
  }
}
