// `GET /v1/lists/:list_id/export`: the format and the same filters as the list of entries (no paging or
// sort: an export is every match, in key order for a process and by last update for a list).
import { Type, type TSchema } from 'typebox'
import { EXPORT_FORMATS } from '../../domain/exports/exports-service.js'
import { ListEntriesQuery } from './entries.js'

const { first: _first, after: _after, sort: _sort, ...filters } = ListEntriesQuery.properties

export const ExportQuery = Type.Object(
  {
    format: Type.Optional(Type.Enum([...EXPORT_FORMATS], { description: '`csv` (default) or `jsonl` (JSON lines)' })),
    ...filters,
  },
  {
    additionalProperties: false,
    // `field[<name>]=<value>`, as on the list of entries.
    patternProperties: (ListEntriesQuery as unknown as { patternProperties: Record<string, TSchema> })
      .patternProperties,
  },
)

/** The CSV and JSON-lines bodies, for the OpenAPI document (the route streams them). */
export const ExportBody = {
  description:
    'Every matching entry. CSV: a header row, then one row per entry (the import reads the file back as it is). ' +
    'JSON lines: one entry per line, as the API shows it, with `organization` and `contact`.',
  content: {
    'text/csv': {
      schema: Type.String({ examples: ['Key,Organization name,Domain,Contact name,Email,Phone number,Status\r\n'] }),
    },
    'application/x-ndjson': { schema: Type.String() },
  },
}
