// What a request about lists may carry: the bodies of create and PATCH (statuses and fields merged by
// name), the list query, and a new connection, as TypeBox schemas. The API validates requests against
// them (src/http/schemas/lists.ts puts them in the OpenAPI document), and the domain's input types are
// their Static.
import { Type, type Static } from 'typebox'
import { DATA_TYPES } from '../fields/field-types.js'
import { Id, PageQuery } from '../input-schemas.js'
import { ENTRY_TYPES } from './list-input.js'
import { STATUS_TYPE_INPUTS } from './statuses.js'
import { TEMPLATE_NAMES } from './templates.js'

export const DataType = Type.Enum([...DATA_TYPES])
export const EntryType = Type.Enum([...ENTRY_TYPES], {
  description: "Contact or Organization; the same strings as entries' entryable_type",
})

const FieldDefinitionProperties = {
  name: Type.String({ maxLength: 200 }),
  data_type: DataType,
  options: Type.Optional(
    Type.Array(Type.String({ maxLength: 200 }), { maxItems: 500, description: 'Required for select' }),
  ),
  accepts_multiple_values: Type.Optional(Type.Boolean({ description: 'Required for select, user and contact' })),
}

const StatusType = Type.Enum([...STATUS_TYPE_INPUTS], { description: '`done` is read as `won`' })

export const CreateListBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 200, description: 'Required unless a template gives it' })),
    process: Type.Optional(
      Type.Boolean({ description: 'Required unless a template is given (templates make processes)' }),
    ),
    entry_type: Type.Optional(EntryType),
    identifier: Type.Optional(
      Type.String({ maxLength: 200, description: 'Processes: required unless a template gives it' }),
    ),
    duplicates_allowed: Type.Optional(
      Type.Boolean({ description: 'Processes: required unless a template is given (then false)' }),
    ),
    entry_label: Type.Optional(Type.String({ maxLength: 200, description: 'Default: the entry type' })),
    status_label: Type.Optional(Type.String({ maxLength: 200, description: 'Default: Status' })),
    statuses: Type.Optional(
      Type.Array(Type.Object({ name: Type.String({ maxLength: 200 }), type: StatusType }), {
        maxItems: 100,
        description: 'Default: Started, In progress, Completed (won), Canceled (lost)',
      }),
    ),
    fields: Type.Optional(Type.Array(Type.Object(FieldDefinitionProperties), { maxItems: 200 })),
    template: Type.Optional(
      Type.Enum([...TEMPLATE_NAMES], {
        description: 'Start from a template: its statuses and fields, under what the request adds',
      }),
    ),
  },
  {
    examples: [
      {
        name: 'Deals',
        process: true,
        entry_type: 'Organization',
        identifier: 'DEAL',
        duplicates_allowed: false,
        statuses: [
          { name: 'Lead', type: 'active' },
          { name: 'Won', type: 'won' },
          { name: 'Lost', type: 'lost' },
        ],
        fields: [{ name: 'Stage', data_type: 'select', accepts_multiple_values: false, options: ['Cold', 'Warm'] }],
      },
      { template: 'fundraising', name: 'Seed round', identifier: 'SEED' },
    ],
  },
)
export type CreateListBody = Static<typeof CreateListBody>

const removeFlag = Type.Optional(Type.Boolean({ description: 'true removes the item named by `name`' }))
const newName = Type.Optional(Type.String({ maxLength: 200, description: 'Renames the item named by `name`' }))

export const UpdateListBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 200 })),
    process: Type.Optional(Type.Boolean({ description: 'Cannot change: 422 if different' })),
    entry_type: Type.Optional(Type.Enum([...ENTRY_TYPES], { description: 'Cannot change: 422 if different' })),
    identifier: Type.Optional(Type.String({ maxLength: 200, description: 'Existing keys keep their prefix' })),
    duplicates_allowed: Type.Optional(Type.Boolean()),
    entry_label: Type.Optional(Type.String({ maxLength: 200 })),
    status_label: Type.Optional(Type.String({ maxLength: 200 })),
    archived: Type.Optional(Type.Boolean({ description: 'true archives (sets archived_at), false unarchives' })),
    statuses: Type.Optional(
      Type.Array(
        Type.Object({
          name: Type.String({ maxLength: 200 }),
          type: Type.Optional(StatusType),
          new_name: newName,
          remove: removeFlag,
        }),
        {
          maxItems: 100,
          description:
            'Merged by name: new names added, known names updated, others kept. Sending every status sets their order.',
        },
      ),
    ),
    fields: Type.Optional(
      Type.Array(
        Type.Object({
          ...FieldDefinitionProperties,
          data_type: Type.Optional(DataType),
          new_name: newName,
          remove: removeFlag,
        }),
        { maxItems: 200, description: 'Merged by name, like statuses' },
      ),
    ),
  },
  {
    examples: [
      {
        fields: [
          { name: 'test field', data_type: 'text' },
          { name: 'Close date', data_type: 'date' },
        ],
      },
      {
        statuses: [
          { name: 'Canceled', remove: true },
          { name: 'In progress', new_name: 'Working' },
        ],
      },
      { archived: true },
    ],
  },
)
export type UpdateListBody = Static<typeof UpdateListBody>

export const ListListsQuery = Type.Object({
  ...PageQuery.properties,
  archived: Type.Optional(
    Type.Boolean({ description: 'true: only archived lists; false: only lists not archived; absent: all' }),
  ),
})

export const CreateConnectionBody = Type.Object(
  {
    from_status: Type.String({ maxLength: 200, description: 'A status of this process' }),
    to_list_id: Id,
    to_status: Type.String({ maxLength: 200, description: 'A status of the target process' }),
  },
  { examples: [{ from_status: 'Qualified', to_list_id: 'Pp2Lm9XcVb', to_status: 'Qualified' }] },
)
export type CreateConnectionBody = Static<typeof CreateConnectionBody>

export type CreateListInput = CreateListBody
export type UpdateListInput = UpdateListBody
export type ListListsQuery = Static<typeof ListListsQuery>
export type CreateConnectionInput = CreateConnectionBody
