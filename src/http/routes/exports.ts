// `GET /v1/lists/:list_id/export`: a list's entries as CSV or JSON lines, streamed (see
// domain/exports/exports-service.ts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { EntryListQuery } from '../../domain/entries/entry-filters.js'
import { actorOf } from '../plugins/auth.js'
import { errorResponses } from '../schemas/common.js'
import { ListIdParams } from '../schemas/entries.js'
import { ExportBody, ExportQuery } from '../schemas/exports.js'

const exportsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { exports } = app.services

  app.get(
    '/lists/:list_id/export',
    {
      schema: {
        operationId: 'exportListEntries',
        tags: ['Imports and exports'],
        summary: "Export a list's entries",
        description:
          'Streams every entry that the filters keep (the filters of the list of entries, without paging), read from one ' +
          'consistent snapshot: a process in key order, a list by last update. CSV columns: the record (organization name ' +
          "and domains, or contact name, emails and phone numbers), the other side (an organization entry's contact, a " +
          "contact's organization), in a process `Key`, `Status`, `Assignee email` and the values in currency units, then " +
          'every list field by name. Several values in one cell are separated by `, ` (a JSON array when a value holds a comma).',
        params: ListIdParams,
        querystring: ExportQuery,
        response: { 200: ExportBody, ...errorResponses({ query: true }, 404) },
      },
    },
    async (request, reply) => {
      const { format = 'csv', ...filters } = request.query
      const found = await exports.open(actorOf(request), request.params.list_id, filters as EntryListQuery, format)
      return (
        reply
          .type(found.contentType)
          .header('content-disposition', `attachment; filename="${found.filename}"`)
          // The schema documents the body as text; what is sent is the stream of it.
          .send(found.stream as unknown as string)
      )
    },
  )
}

export default exportsRoutes
