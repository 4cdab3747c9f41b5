// Imports: `POST /v1/lists/:list_id/imports` (a CSV file, with options in the query or the form) and the
// job it makes, `GET /v1/imports[/:id]`, `DELETE /v1/imports/:id`, `GET /v1/imports/:id/rejected.csv`.
import { Type } from 'typebox'
import { IMPORT_STATUSES } from '../../domain/imports/import-resource.js'
import { Id, Nullable, NullableTimestamp, Page, Timestamp } from './common.js'

const flag = (description: string) =>
  Type.Optional(Type.Union([Type.Boolean(), Type.Enum(['true', 'false', '1', '0'])], { description }))

export const CreateImportQuery = Type.Object(
  {
    mapping: Type.Optional(
      Type.String({
        maxLength: 100_000,
        description:
          'JSON object, column name to target: `organization name`, `domain`, `contact name`, `email`, `phone`, `status`, ' +
          '`assignee email`, `one time value`, `recurring value`, `recurring period`, or a list field by name; null skips ' +
          'the column. Columns it does not name are mapped by their header (case and spacing ignored).',
        examples: ['{"Company":"organization name","Deal size":"one time value","Notes":null}'],
      }),
    ),
    create_fields: flag('Columns that map to nothing become text list fields named after them (default false)'),
    dry_run: flag('Check and count every row without writing anything (default false)'),
  },
  { additionalProperties: false },
)

/** The request body, for the OpenAPI document: the route reads it as a stream. */
export const ImportBody = {
  description:
    'The CSV file (UTF-8, with or without a BOM; a header row first), as the body (`text/csv`) or as the `file` part of a ' +
    'form (`multipart/form-data`, whose `mapping`, `create_fields` and `dry_run` fields, sent before the file, add to the query).',
  content: {
    'text/csv': {
      schema: Type.String({ examples: ['Organization name,Domain,Status\r\nAcme,acme.example,Started\r\n'] }),
    },
    'multipart/form-data': {
      schema: Type.Object({
        mapping: Type.Optional(Type.String()),
        create_fields: Type.Optional(Type.String()),
        dry_run: Type.Optional(Type.String()),
        file: Type.String({ format: 'binary' }),
      }),
    },
  },
}

const importExample = {
  id: 'Im8Lp2QwEr',
  list_id: 'Jm9UpJ2bLx',
  status: 'running',
  dry_run: false,
  create_fields: false,
  columns: [
    { name: 'Organization name', target: 'organization name' },
    { name: 'Deal size', target: 'field:Deal size' },
    { name: 'Created at', target: null },
  ],
  rows_total: 750000,
  rows_done: 120000,
  created: 119000,
  updated: 600,
  unchanged: 390,
  rejected: 10,
  started_at: '2025-04-30T09:12:01.004Z',
  finished_at: null,
  error: null,
  created_at: '2025-04-30T09:12:00.310Z',
  updated_at: '2025-04-30T09:12:07.870Z',
}

export const Import = Type.Object(
  {
    id: Id,
    list_id: Id,
    status: Type.Enum([...IMPORT_STATUSES]),
    dry_run: Type.Boolean(),
    create_fields: Type.Boolean(),
    columns: Type.Array(
      Type.Object({
        name: Type.String(),
        target: Nullable(Type.String(), { description: 'A target, `field:<name>`, or null when skipped' }),
        new_field: Type.Optional(Type.Boolean({ description: 'A list field this import makes' })),
      }),
    ),
    rows_total: Nullable(Type.Integer(), { description: 'Rows after the header; null until counted' }),
    rows_done: Type.Integer(),
    created: Type.Integer({ description: 'Rows that made a new entry' }),
    updated: Type.Integer({ description: "Rows that changed their record's entry" }),
    unchanged: Type.Integer({ description: "Rows whose record's entry already held what they say" }),
    rejected: Type.Integer({ description: 'Rows refused, each with its reason in rejected.csv' }),
    started_at: NullableTimestamp,
    finished_at: NullableTimestamp,
    error: Nullable(Type.String(), { description: 'Why a failed job stopped' }),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { title: 'Import', examples: [importExample] },
)

export const ImportPage = Page(Import, {
  title: 'ImportPage',
  examples: [{ data: [importExample], pagination: { end_cursor: 1, has_next_page: false, total_count: 1 } }],
})

export const RejectedCsv = {
  description: 'The refused rows, as they were read, with a last column `reason`.',
  content: { 'text/csv': { schema: Type.String({ examples: ['Organization name,Domain,reason\r\n'] }) } },
}
