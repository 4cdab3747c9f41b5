// `client.organizations`: companies and other organizations, with their domains and contacts.
import { type ApiClient, init, pagedList, unwrap } from '../context.js'
import type {
  CallOptions,
  Contact,
  CreateOrganizationBody,
  ListQuery,
  Organization,
  QueryOf,
  UpdateOrganizationBody,
} from '../types.js'

export function organizationsResource(api: ApiClient) {
  return {
    /** Every organization, or those matching the query's filters (`listOrganizations`). */
    list: (query: ListQuery<'listOrganizations'> = {}, options?: CallOptions) =>
      pagedList<Organization, ListQuery<'listOrganizations'>>(query, (q) =>
        api.GET('/v1/organizations', { params: { query: q as QueryOf<'listOrganizations'> }, ...init(options) }),
      ),
    /** One organization (`getOrganization`). */
    get: (id: string, options?: CallOptions): Promise<Organization> =>
      unwrap(api.GET('/v1/organizations/{id}', { params: { path: { id } }, ...init(options) })),
    /** Makes an organization (`createOrganization`). */
    create: (body: CreateOrganizationBody, options?: CallOptions): Promise<Organization> =>
      unwrap(api.POST('/v1/organizations', { body, ...init(options) })),
    /** Changes an organization; domains sent are added (`updateOrganization`). */
    update: (id: string, body: UpdateOrganizationBody, options?: CallOptions): Promise<Organization> =>
      unwrap(api.PATCH('/v1/organizations/{id}', { params: { path: { id } }, body, ...init(options) })),
    /** Deletes an organization (`deleteOrganization`). */
    delete: (id: string, options?: CallOptions): Promise<void> =>
      unwrap(api.DELETE('/v1/organizations/{id}', { params: { path: { id } }, ...init(options) })),
    /** Removes domains from an organization and answers it (`removeOrganizationDomains`). */
    removeDomains: (id: string, domains: string[], options?: CallOptions): Promise<Organization> =>
      unwrap(
        api.DELETE('/v1/organizations/{id}/domains', { params: { path: { id } }, body: { domains }, ...init(options) }),
      ),
    /** The contacts of an organization (`listOrganizationContacts`). */
    contacts: (id: string, query: ListQuery<'listOrganizationContacts'> = {}, options?: CallOptions) =>
      pagedList<Contact, ListQuery<'listOrganizationContacts'>>(query, (q) =>
        api.GET('/v1/organizations/{id}/contacts', {
          params: { path: { id }, query: q as QueryOf<'listOrganizationContacts'> },
          ...init(options),
        }),
      ),
  }
}
