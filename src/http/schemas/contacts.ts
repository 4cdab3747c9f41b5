// Contacts: `/v1/contacts` and `/v1/organizations/:id/contacts`.
import { Type, type Static } from 'typebox'
import { Id, Page, PageQuery, Timestamp, NullableString } from './common.js'
import { CustomFieldValues, CustomFieldsInput } from './custom-fields.js'

const example = {
  id: 'Ct4Rz8Wk1B',
  first_name: 'Paul',
  last_name: 'Atreides',
  name: 'Paul Atreides',
  title: 'Duke',
  emails: ['paul@atreid.es'],
  phone_numbers: ['010-1234-5678'],
  organization_id: 'Or2Gx5Hn7C',
  custom_fields: { Cf7Lp2Qx9A: { name: 'House', data_type: 'text', value: 'Atreides' } },
  created_at: '2025-04-29T22:47:39.635Z',
  updated_at: '2025-04-29T22:54:48.439Z',
}

const Text = (description?: string) =>
  NullableString(description ? { maxLength: 200, description } : { maxLength: 200 })

export const Contact = Type.Object(
  {
    id: Id,
    first_name: NullableString(),
    last_name: NullableString(),
    name: NullableString({ description: 'Display name: as sent, or first and last name joined' }),
    title: NullableString(),
    emails: Type.Array(Type.String(), { description: 'As written; unique in the workspace, any case' }),
    phone_numbers: Type.Array(Type.String(), { description: 'As written; looked up in normalised form' }),
    organization_id: NullableString({ description: 'Short alphanumeric id' }),
    custom_fields: CustomFieldValues,
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { title: 'Contact', examples: [example] },
)

const contactBody = {
  first_name: Type.Optional(Text('Required unless `name` or an email is given')),
  last_name: Type.Optional(Text()),
  name: Type.Optional(Text('Full display name; when sent alone it also fills first and last name')),
  title: Type.Optional(Text()),
  emails: Type.Optional(
    Type.Array(Type.String({ maxLength: 254 }), { maxItems: 100, description: 'Added to the existing ones on PATCH' }),
  ),
  phone_numbers: Type.Optional(
    Type.Array(Type.String({ maxLength: 40 }), { maxItems: 50, description: 'Added to the existing ones on PATCH' }),
  ),
  organization_id: Type.Optional(
    NullableString({
      maxLength: 32,
      description:
        'An organization id, `"auto"` (the organization owning an email domain, made when none does) or null',
    }),
  ),
  custom_fields: Type.Optional(CustomFieldsInput),
}

export const CreateContactBody = Type.Object(contactBody, {
  examples: [
    {
      organization_id: 'auto',
      first_name: 'Paul',
      last_name: 'Atreides',
      emails: ['paul@atreid.es'],
      phone_numbers: ['010-1234-5678'],
    },
  ],
})
export type CreateContactBody = Static<typeof CreateContactBody>

export const UpdateContactBody = Type.Object(contactBody, {
  examples: [{ emails: ['usul@arrak.is'], custom_fields: [{ name: 'House', value: 'Atreides' }] }],
})
export type UpdateContactBody = Static<typeof UpdateContactBody>

export const RemoveEmailsBody = Type.Object(
  { emails: Type.Array(Type.String({ maxLength: 254 }), { maxItems: 100 }) },
  { examples: [{ emails: ['usul@arrak.is'] }] },
)

export const RemovePhoneNumbersBody = Type.Object(
  { phone_numbers: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 50 }) },
  { examples: [{ phone_numbers: ['+82 10-1234-5678'] }] },
)

export const ListContactsQuery = Type.Object({
  ...PageQuery.properties,
  email: Type.Optional(
    Type.String({ maxLength: 254, description: 'Only the contact with exactly this address (any case)' }),
  ),
  phone_number: Type.Optional(
    Type.String({ maxLength: 40, description: 'Only contacts with this number, in any written form' }),
  ),
  name: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Only contacts whose name, first name or last name contains this text, any case (Rapport only)',
    }),
  ),
})

export const ContactPage = Page(Contact, {
  title: 'ContactPage',
  examples: [{ data: [example], pagination: { end_cursor: 1, has_next_page: false, total_count: 1 } }],
})
