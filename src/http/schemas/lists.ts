// Lists and processes (`/v1/lists`), their fields and statuses, and connections between processes.
// One List schema serves both kinds: the process-only keys are simply absent on a regular list, and the
// key order is the one Relate documents.
import { Type } from 'typebox'
import { DataType, EntryType } from '../../domain/lists/list-requests.js'
import { STATUS_KINDS } from '../../domain/lists/statuses.js'
import { Id, NullableTimestamp, Page, Timestamp, Nullable } from './common.js'

// Request schemas are the domain's (its input types are their Static); responses are declared here.
export {
  CreateConnectionBody,
  CreateListBody,
  ListListsQuery,
  UpdateListBody,
} from '../../domain/lists/list-requests.js'

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

export const ConnectionPage = Page(Connection, {
  title: 'ConnectionPage',
  examples: [{ data: [connectionExample], pagination: { end_cursor: 1, has_next_page: false, total_count: 1 } }],
})

export const ConnectionParams = Type.Object({ id: Id, connection_id: Id })
