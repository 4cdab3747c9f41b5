// Entries (`/v1/lists/:list_id/entries`), key for key as Relate documents them, and their status history.
// One Entry schema serves both kinds: the process-only keys are absent on a regular-list entry.
import { Type, type Static } from 'typebox'
import { DATA_TYPES } from '../../domain/fields/field-types.js'
import { ENTRY_INCLUDES } from '../../domain/entries/entry-extras.js'
import { ENTRY_SORTS } from '../../domain/entries/entry-filters.js'
import { RECURRING_PERIODS } from '../../domain/entries/entry-input.js'
import { ENTRY_TYPES } from '../../domain/lists/list-definition.js'
import { STATUS_KINDS } from '../../domain/lists/statuses.js'
import { MAX_UNIX_SECONDS } from '../../domain/pagination.js'
import { Id, NamedValue, Page, PageQuery, Timestamp, Nullable } from './common.js'

const MAX_CENTS = Number.MAX_SAFE_INTEGER

const regularExample = {
  id: 'gkhb8Y3nRw',
  key: null,
  list_id: 'QbkUlo4xZq',
  entryable_id: 'GEF751p0Qa',
  entryable_type: 'Organization',
  contact_id: null,
  list_fields: { vBASJR0kQw: { name: 'test field', data_type: 'text', value: 'test value' } },
  created_at: '2025-04-29T22:53:34.396Z',
  updated_at: '2025-04-29T22:54:48.439Z',
}

const processExample = {
  id: 'QrhZvA8sYt',
  key: 'TEST PROCE-1',
  list_id: 'Jm9UpJ2bLx',
  entryable_id: 'GEF751p0Qa',
  entryable_type: 'Organization',
  status: 'Started',
  assignee: null,
  contact_id: null,
  one_time_value_cents: 0,
  recurring_value_cents: 0,
  recurring_value_period: 'annual',
  list_fields: { w9DSqo7hTe: { name: 'test field', data_type: 'text', value: 'test value' } },
  closed_at: null,
  next_entry_id: null,
  created_at: '2025-04-29T22:52:52.818Z',
  updated_at: '2025-04-29T22:54:58.809Z',
}

const ListFieldValue = Type.Object({
  name: Type.String(),
  data_type: Type.Enum([...DATA_TYPES]),
  value: Type.Unknown({ description: 'A scalar, an array for multi-value fields, or null when unset' }),
})

export const Assignee = Type.Object({ id: Id, name: Type.String(), email: Type.String() }, { title: 'MemberRef' })

export const Entry = Type.Object(
  {
    id: Id,
    key: Nullable(Type.String(), { description: '`<identifier>-<n>` in a process; null in a regular list' }),
    list_id: Id,
    entryable_id: Id,
    entryable_type: Type.Enum([...ENTRY_TYPES]),
    status: Type.Optional(Type.String({ description: 'Processes only: the status name' })),
    assignee: Type.Optional(Nullable(Assignee, { description: 'Processes only' })),
    contact_id: Nullable(Id),
    one_time_value_cents: Type.Optional(Type.Integer({ description: 'Processes only; cents' })),
    recurring_value_cents: Type.Optional(Type.Integer({ description: 'Processes only; cents' })),
    recurring_value_period: Type.Optional(
      Nullable(Type.Enum([...RECURRING_PERIODS]), { description: 'Processes only' }),
    ),
    list_fields: Type.Record(Type.String(), ListFieldValue, {
      description: 'Every field of the list, keyed by field id',
    }),
    closed_at: Type.Optional(
      Nullable(Timestamp, {
        description: 'Processes only: set on entering a won or lost status, cleared on returning to an active one',
      }),
    ),
    next_entry_id: Type.Optional(
      Nullable(Id, { description: 'Processes only: the entry a connected-list rule created (or found) for this one' }),
    ),
    created_at: Timestamp,
    updated_at: Timestamp,
    entryable_name: Type.Optional(
      Type.String({
        description: 'With `include=entryable_name` on a list: the organization or contact name (Rapport only)',
      }),
    ),
    status_changed_at: Type.Optional(
      Nullable(Timestamp, {
        description:
          'With `include=status_changed_at` on a list: when the entry entered its current status; null in a regular list (Rapport only)',
      }),
    ),
  },
  {
    title: 'Entry',
    description: 'An entry of a regular list, or of a process with the process-only keys.',
    examples: [regularExample, processExample],
  },
)

const ListFieldsInput = Type.Union(
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

// The same bound as `updated_after`: a larger value (`1e23`) reached PostgreSQL as a bigint out of range.
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

export const EntryPage = Page(Entry, {
  title: 'EntryPage',
  examples: [{ data: [processExample], pagination: { end_cursor: 1, has_next_page: false, total_count: 1 } }],
})

export const EntryParams = Type.Object({ list_id: Id, id: Id })
export const ListIdParams = Type.Object({ list_id: Id })

const statusChangeExample = {
  id: 'Sc8Lp2QwEr',
  entry_id: 'QrhZvA8sYt',
  from_status: 'Started',
  to_status: 'Completed',
  changed_at: '2025-04-30T09:12:01.004Z',
  user: { id: 'Uq3Xb9LmT2', name: 'Paul Atreides', email: 'paul@atreid.es' },
  api_key_id: 'Kx7Pq2NmLa',
}

export const StatusChange = Type.Object(
  {
    id: Id,
    entry_id: Id,
    from_status: Nullable(Type.String(), { description: 'Status left, by its name then; null for the first status' }),
    to_status: Type.String(),
    changed_at: Timestamp,
    user: Nullable(Assignee, { description: 'The member whose key made the change, if any' }),
    api_key_id: Nullable(Id, { description: 'The key that made the change; null for the CLI' }),
  },
  { title: 'StatusChange', examples: [statusChangeExample] },
)

export const StatusChangePage = Page(StatusChange, {
  title: 'StatusChangePage',
  examples: [{ data: [statusChangeExample], pagination: { end_cursor: 1, has_next_page: false, total_count: 1 } }],
})
