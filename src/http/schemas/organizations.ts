// Organizations: `/v1/organizations`.
import { Type, type Static } from 'typebox'
import { Id, Page, PageQuery, Timestamp, NullableString } from './common.js'
import { CustomFieldValues, CustomFieldsInput } from './custom-fields.js'

const example = {
  id: 'Or2Gx5Hn7C',
  name: 'Relate',
  description: 'Sales CRM',
  domains: ['relate.so', 'relate.kr'],
  custom_fields: { Cf7Lp2Qx9A: { name: 'Category', data_type: 'select', value: 'Startup' } },
  created_at: '2025-04-29T22:47:39.635Z',
  updated_at: '2025-04-29T22:54:48.439Z',
}

export const Organization = Type.Object(
  {
    id: Id,
    name: Type.String({ description: 'As sent, or the first domain when none was' }),
    description: NullableString(),
    domains: Type.Array(Type.String(), {
      description: 'Normalised (lower case, no scheme, `www.` or path); unique in the workspace',
    }),
    custom_fields: CustomFieldValues,
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { title: 'Organization', examples: [example] },
)

const organizationBody = {
  name: Type.Optional(NullableString({ maxLength: 200, description: 'Required unless a valid domain is given' })),
  description: Type.Optional(NullableString({ maxLength: 10_000 })),
  domains: Type.Optional(
    Type.Array(Type.String({ maxLength: 2048 }), {
      maxItems: 100,
      description: 'Domains or URLs; added to the existing ones on PATCH',
    }),
  ),
  custom_fields: Type.Optional(CustomFieldsInput),
}

export const CreateOrganizationBody = Type.Object(organizationBody, {
  examples: [{ name: 'Relate', domains: ['relate.so'] }],
})
export type CreateOrganizationBody = Static<typeof CreateOrganizationBody>

export const UpdateOrganizationBody = Type.Object(organizationBody, {
  examples: [
    { name: 'Relate', domains: ['relate.so', 'relate.kr'], custom_fields: [{ name: 'Category', value: 'Startup' }] },
  ],
})
export type UpdateOrganizationBody = Static<typeof UpdateOrganizationBody>

export const RemoveDomainsBody = Type.Object(
  { domains: Type.Array(Type.String({ maxLength: 2048 }), { maxItems: 100 }) },
  { examples: [{ domains: ['relate.kr'] }] },
)

export const OrganizationPage = Page(Organization, {
  title: 'OrganizationPage',
  examples: [{ data: [example], pagination: { end_cursor: 1, has_next_page: false, total_count: 1 } }],
})

export const ListOrganizationsQuery = Type.Object({
  ...PageQuery.properties,
  name: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Only organizations whose name contains this text, any case (Rapport only)',
    }),
  ),
  domain: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 2000,
      description: 'Only the organization owning this domain, in any written form such as a URL (Rapport only)',
    }),
  ),
})
