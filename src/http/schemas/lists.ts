// Lists and processes (`/v1/lists`), their fields and statuses, and connections between processes.
// One List schema serves both kinds: the process-only keys are simply absent on a regular list, and the
// key order is the one Relate documents.
import { Type, type Static } from 'typebox'
import { DATA_TYPES } from '../../domain/fields/field-types.js'
import { ENTRY_TYPES } from '../../domain/lists/list-definition.js'
import { STATUS_KINDS, STATUS_TYPE_INPUTS } from '../../domain/lists/statuses.js'
import { TEMPLATE_NAMES } from '../../domain/lists/templates.js'
import { Id, NullableTimestamp, Page, PageQuery, Timestamp, Nullable } from './common.js'

const regularExample = {
  id: 'QbkUlo4xZq',
  name: 'test list',
  process: false,
  entry_type: 'Organization',
  fields: [{ id: 'vBASJR0kQw', name: 'test field', data_type: 'text', options: null, accepts_multiple_values: false }],
  created_at: '2025-04-29T22:47:39.635Z',
  updated_at: '2025-04-29T22:47:39.635Z',
  archived_at: null,
}

const processExample = {
  id: 'Jm9UpJ2bLx',
  name: 'test process',
  identifier: 'TEST PROCE',
  process: true,
  duplicates_allowed: true,
  entry_type: 'Organization',
  entry_label: 'Organization',
  status_label: 'Status',
  statuses: [
    { name: 'Started', type: 'active' },
    { name: 'In progress', type: 'active' },
    { name: 'Completed', type: 'won' },
    { name: 'Canceled', type: 'lost' },
  ],
  fields: [{ id: 'w9DSqo7hTe', name: 'test field', data_type: 'text', options: null, accepts_multiple_values: false }],
  created_at: '2025-04-29T22:47:28.540Z',
  updated_at: '2025-04-29T22:47:28.540Z',
  archived_at: null,
}

const DataType = Type.Enum([...DATA_TYPES])
const EntryType = Type.Enum([...ENTRY_TYPES], {
  description: "Contact or Organization; the same strings as entries' entryable_type",
})

export const ListField = Type.Object({
  id: Id,
  name: Type.String(),
  data_type: DataType,
  options: Nullable(Type.Array(Type.String()), { description: 'Options of a select field; null for other types' }),
  accepts_multiple_values: Type.Boolean(),
})

export const Status = Type.Object({ name: Type.String(), type: Type.Enum([...STATUS_KINDS]) })

export const List = Type.Object(
  {
    id: Id,
    name: Type.String(),
    identifier: Type.Optional(
      Type.String({ description: 'Processes only: the prefix of entry keys (`DEAL` gives `DEAL-7`)' }),
    ),
    process: Type.Boolean({ description: 'true for a process (statuses, keys, values), false for a regular list' }),
    duplicates_allowed: Type.Optional(
      Type.Boolean({ description: 'Processes only: whether one record may have several entries' }),
    ),
    entry_type: EntryType,
    entry_label: Type.Optional(Type.String({ description: 'Processes only' })),
    status_label: Type.Optional(Type.String({ description: 'Processes only' })),
    statuses: Type.Optional(Type.Array(Status, { description: 'Processes only, in board order' })),
    fields: Type.Array(ListField),
    created_at: Timestamp,
    updated_at: Timestamp,
    archived_at: NullableTimestamp,
  },
  {
    title: 'List',
    description: 'A regular list, or a process (`process: true`) with the process-only keys.',
    examples: [regularExample, processExample],
  },
)

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

export const ListPage = Page(List, {
  title: 'ListPage',
  examples: [
    { data: [regularExample, processExample], pagination: { end_cursor: 2, has_next_page: false, total_count: 2 } },
  ],
})

const connectionExample = {
  id: 'Cn4Tq8LmZx',
  from_list_id: 'Jm9UpJ2bLx',
  from_status: 'Qualified',
  to_list_id: 'Pp2Lm9XcVb',
  to_status: 'Qualified',
  created_at: '2025-04-29T22:47:28.540Z',
}

export const Connection = Type.Object(
  {
    id: Id,
    from_list_id: Id,
    from_status: Type.String({ description: 'An entry entering this status of from_list_id...' }),
    to_list_id: Id,
    to_status: Type.String({ description: '...is put into to_list_id at this status' }),
    created_at: Timestamp,
  },
  { title: 'Connection', examples: [connectionExample] },
)

export const CreateConnectionBody = Type.Object(
  {
    from_status: Type.String({ maxLength: 200, description: 'A status of this process' }),
    to_list_id: Id,
    to_status: Type.String({ maxLength: 200, description: 'A status of the target process' }),
  },
  { examples: [{ from_status: 'Qualified', to_list_id: 'Pp2Lm9XcVb', to_status: 'Qualified' }] },
)
export type CreateConnectionBody = Static<typeof CreateConnectionBody>

export const ConnectionPage = Page(Connection, {
  title: 'ConnectionPage',
  examples: [{ data: [connectionExample], pagination: { end_cursor: 1, has_next_page: false, total_count: 1 } }],
})

export const ConnectionParams = Type.Object({ id: Id, connection_id: Id })
