// What a request about entries may carry: the bodies of create and update and the query of the list,
// as TypeBox schemas. The API validates requests against them (src/http/schemas/entries.ts puts them in
// the OpenAPI document), and the domain's input types are their Static: the rules in entry-input.ts and
// entry-filters.ts read exactly what the schema lets through.
import { Type, type Static } from 'typebox'
import { Id, NamedValue, Nullable, PageQuery } from '../input-schemas.js'
import { ENTRY_TYPES } from '../lists/list-input.js'
import { STATUS_KINDS } from '../lists/statuses.js'
import { MAX_UNIX_SECONDS } from '../pagination.js'
import { ENTRY_INCLUDES } from './entry-extras.js'
import { ENTRY_SORTS } from './entry-filters.js'
import { RECURRING_PERIODS } from './entry-input.js'

const MAX_CENTS = Number.MAX_SAFE_INTEGER

export const ListFieldsInput = Type.Union(
  [Type.Array(NamedValue, { maxItems: 200 }), Type.Record(Type.String(), Type.Unknown(), { maxProperties: 200 })],
  {
    description:
      'By field name: `[{"name": ..., "value": ...}]` (or `{"<name>": value}`); an array value for multi-value fields; null clears',
  },
)

const writable = {
  status: Type.Optional(Type.String({ maxLength: 200, description: 'Processes: a status name' })),
  assignee_email: Type.Optional(
    Nullable(Type.String({ maxLength: 254 }), { description: "Processes: a member's email; null unassigns" }),
  ),
  one_time_value_cents: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_CENTS })),
  recurring_value_cents: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_CENTS })),
  recurring_value_period: Type.Optional(Type.Enum([...RECURRING_PERIODS])),
  contact_id: Type.Optional(
    Nullable(Id, { description: "A contact; for an organization entry, one of the organization's" }),
  ),
  list_fields: Type.Optional(ListFieldsInput),
}

export const CreateEntryBody = Type.Object(
  {
    entryable_id: Id,
    entryable_type: Type.Enum([...ENTRY_TYPES], { description: "Must be the list's entry_type" }),
    ...writable,
  },
  {
    description:
      'In a process, `status`, `one_time_value_cents`, `recurring_value_cents` and `recurring_value_period` are required.',
    examples: [
      {
        entryable_id: 'GEF751p0Qa',
        entryable_type: 'Organization',
        status: 'Started',
        assignee_email: 'paul@atreid.es',
        one_time_value_cents: 500000,
        recurring_value_cents: 0,
        recurring_value_period: 'monthly',
        list_fields: [
          { name: 'test field', value: 'test value' },
          { name: 'Tags', value: ['option1', 'option2'] },
        ],
      },
    ],
  },
)
export type CreateEntryBody = Static<typeof CreateEntryBody>

export const UpdateEntryBody = Type.Object(
  {
    entryable_id: Type.Optional(Id),
    entryable_type: Type.Optional(Type.Enum([...ENTRY_TYPES])),
    ...writable,
  },
  {
    description: 'Changes only what is sent. `entryable_id` and `entryable_type` cannot change (422 if different).',
    examples: [
      { list_fields: [{ name: 'test field', value: 'new value' }] },
      { status: 'Completed' },
      { assignee_email: null },
    ],
  },
)
export type UpdateEntryBody = Static<typeof UpdateEntryBody>

// The same bound as `updated_after`: a larger value (`1e23`) reached the database as an integer out of range.
const seconds = (what: string) =>
  Type.Optional(
    Type.Number({
      minimum: 0,
      maximum: MAX_UNIX_SECONDS,
      description: `Only entries ${what} this Unix time (seconds)`,
    }),
  )

export const ListEntriesQuery = Type.Object(
  {
    ...PageQuery.properties,
    status: Type.Optional(
      Type.Array(Type.String({ maxLength: 200 }), {
        maxItems: 100,
        description: 'Status name; repeat for several (any of them)',
      }),
    ),
    status_type: Type.Optional(Type.Enum([...STATUS_KINDS])),
    assignee_email: Type.Optional(Type.String({ maxLength: 254 })),
    entryable_type: Type.Optional(Type.Enum([...ENTRY_TYPES])),
    entryable_id: Type.Optional(Id),
    contact_id: Type.Optional(Id),
    created_after: seconds('created after'),
    created_before: seconds('created before'),
    updated_before: seconds('updated before'),
    closed_after: seconds('closed after'),
    closed_before: seconds('closed before'),
    sort: Type.Optional(
      Type.Enum([...ENTRY_SORTS.flatMap((s) => [s, `-${s}`])], {
        description: 'Order; `-` for descending. Default `-updated_at`. Nulls sort last.',
      }),
    ),
    include: Type.Optional(
      Type.Array(Type.Enum([...ENTRY_INCLUDES]), {
        maxItems: ENTRY_INCLUDES.length,
        description:
          "Adds to each entry: `entryable_name` (the record's name), `status_changed_at` (when it entered its status). Repeatable. Rapport only.",
      }),
    ),
  },
  {
    additionalProperties: false,
    patternProperties: {
      '^field\\[.+\\]$': Type.String({ maxLength: 2000, description: 'field[<name>]=<value>: list-field equality' }),
    },
  },
)

/** `list_fields` as clients send it: `[{name, value}]` (Relate's form) or `{name: value}`. */
export type ListFieldsInput = Static<typeof ListFieldsInput>
export type CreateEntryInput = CreateEntryBody
/** An update takes the fields of a create, all optional. */
export type UpdateEntryInput = UpdateEntryBody
/** The list's query; `field[<name>]` parameters (patternProperties) arrive under their literal names. */
export type EntryListQuery = Static<typeof ListEntriesQuery> & {
  [fieldParam: `field[${string}]`]: string | undefined
}
