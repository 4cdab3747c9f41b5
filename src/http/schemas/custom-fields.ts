// Custom fields: `/v1/custom_fields` definitions, and how values appear in and are written to contacts
// and organizations.
import { Type, type Static } from 'typebox'
import { DATA_TYPES } from '../../domain/fields/field-types.js'
import { MODELS } from '../../domain/custom-fields/models.js'
import { Id, NamedValue, Page, PageQuery, Timestamp, Nullable } from './common.js'

/** An array of option strings or null, as one JSON-schema type array (one problem for a wrong type). */
const Options = (description: string) =>
  Type.Unsafe<string[] | null>({ type: ['array', 'null'], items: { type: 'string' }, maxItems: 500, description })

const example = {
  id: 'Cf7Lp2Qx9A',
  name: 'Investor type',
  model: 'organization',
  data_type: 'select',
  options: ['Angel', 'VC', 'Accelerator', 'CVC'],
  accepts_multiple_values: false,
  created_at: '2025-04-29T22:47:39.635Z',
  updated_at: '2025-04-29T22:47:39.635Z',
}

const Model = Type.Enum(MODELS, {
  description: 'What the field belongs to; `deal` fields are definitions only for now',
})
const DataType = Type.Enum(DATA_TYPES)

export const CustomField = Type.Object(
  {
    id: Id,
    name: Type.String({ description: 'Unique per model, whatever the case' }),
    model: Model,
    data_type: DataType,
    options: Nullable(Type.Array(Type.String()), { description: 'The options of a select field, else null' }),
    accepts_multiple_values: Type.Boolean(),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { title: 'CustomField', examples: [example] },
)

export const CreateCustomFieldBody = Type.Object(
  {
    name: Type.String({ maxLength: 200 }),
    model: Model,
    data_type: Type.Optional(Type.Enum(DATA_TYPES, { description: 'Default `text`' })),
    options: Type.Optional(Options('Required for select')),
    accepts_multiple_values: Type.Optional(Type.Boolean({ description: 'Required for select, user and contact' })),
  },
  {
    examples: [
      {
        name: 'Investor type',
        model: 'organization',
        data_type: 'select',
        options: ['Angel', 'VC'],
        accepts_multiple_values: false,
      },
    ],
  },
)
export type CreateCustomFieldBody = Static<typeof CreateCustomFieldBody>

export const UpdateCustomFieldBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 200 })),
    options: Type.Optional(
      Options('Replaces the options (select only); removing an option that records hold is a 422'),
    ),
    model: Type.Optional(Type.String({ description: 'Cannot change: accepted only with the stored value' })),
    data_type: Type.Optional(Type.String({ description: 'Cannot change: accepted only with the stored value' })),
    accepts_multiple_values: Type.Optional(
      Type.Boolean({ description: 'Cannot change: accepted only with the stored value' }),
    ),
  },
  { examples: [{ name: 'Investor kind', options: ['Angel', 'VC', 'CVC'] }] },
)
export type UpdateCustomFieldBody = Static<typeof UpdateCustomFieldBody>

export const ListCustomFieldsQuery = Type.Object({ ...PageQuery.properties, model: Type.Optional(Model) })

export const CustomFieldPage = Page(CustomField, {
  title: 'CustomFieldPage',
  examples: [{ data: [example], pagination: { end_cursor: 1, has_next_page: false, total_count: 1 } }],
})

/** Values as a contact or organization shows them: keyed by field id, like Relate's `list_fields`. */
export const CustomFieldValues = Type.Record(
  Type.String(),
  Type.Object({
    name: Type.String(),
    data_type: DataType,
    value: Type.Unknown({ description: 'A scalar, or an array for multi-value fields' }),
  }),
  {
    description: 'Fields holding a value, keyed by custom field id',
    examples: [{ Cf7Lp2Qx9A: { name: 'House', data_type: 'text', value: 'Atreides' } }],
  },
)

/** Values as clients write them: `[{name, value}]` (or a plain `{name: value}` object); null clears. */
export const CustomFieldsInput = Type.Union(
  [Type.Array(NamedValue, { maxItems: 200 }), Type.Record(Type.String(), Type.Unknown(), { maxProperties: 200 })],
  {
    description: 'Set by custom field name: `[{"name": "House", "value": "Atreides"}]`; `null` clears a value',
    examples: [[{ name: 'House', value: 'Atreides' }]],
  },
)
