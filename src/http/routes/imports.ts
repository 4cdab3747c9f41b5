// Imports: a CSV file into a list or process as a background job (domain/imports). The file is read as
// a stream (text/csv, or the `file` part of a multipart form) up to RAPPORT_IMPORT_MAX_BYTES, the one
// route whose body may pass RAPPORT_BODY_LIMIT.
import multipart from '@fastify/multipart'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest, FastifySchemaCompiler } from 'fastify'
import { stringify } from 'csv-stringify'
import { Readable } from 'node:stream'
import {
  BadRequestError,
  PayloadTooLargeError,
  RapportError,
  UnsupportedMediaTypeError,
  invalid,
} from '../../domain/errors.js'
import type { ImportOptions } from '../../domain/imports/imports-service.js'
import { actorOf } from '../plugins/auth.js'
import { ErrorBody, IdParam, PageQuery, errorResponses } from '../schemas/common.js'
import { ListIdParams } from '../schemas/entries.js'
import { CreateImportQuery, Import, ImportBody, ImportPage, RejectedCsv } from '../schemas/imports.js'
import { validatorCompiler } from '../validation.js'

const tags = ['Imports and exports']
const CSV_TYPES = ['text/csv', 'application/csv', 'text/comma-separated-values']

/** `true`, `1` and true are yes; absent is `fallback`. */
function flag(value: unknown, fallback = false): boolean {
  if (value === undefined || value === null || value === '') return fallback
  return value === true || value === 'true' || value === '1'
}

function mappingOf(text: unknown): Record<string, string | null> {
  if (text === undefined || text === '') return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(String(text))
  } catch {
    throw invalid('mapping', 'invalid', 'is not JSON: send an object of column name to target')
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw invalid('mapping', 'invalid', 'must be an object of column name to target')
  for (const [column, target] of Object.entries(parsed))
    if (target !== null && typeof target !== 'string')
      throw invalid(`mapping.${column}`, 'type', 'must be a string or null')
  return parsed as Record<string, string | null>
}

/** A failure of the upload itself (a broken form, a cut connection) as the client mistake it is. */
function uploadError(error: unknown): Error {
  if (error instanceof RapportError) return error
  const status = (error as { statusCode?: number }).statusCode
  if (status === 413) return new PayloadTooLargeError('The file is larger than this server takes')
  return new BadRequestError(
    `The upload cannot be read: ${(error as Error).message ?? 'broken body'}`,
    'malformed_body',
  )
}

/** `body` with its read errors turned into client errors. */
async function* readable(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
  try {
    yield* body
  } catch (error) {
    throw uploadError(error)
  }
}

/** The route's body is a stream the handler reads: the body part of the schema documents it only. */
const streamedBody: FastifySchemaCompiler<unknown> = (() => {
  const standard = validatorCompiler([ErrorBody])
  return (route) => (route.httpPart === 'body' ? () => ({ value: undefined }) : standard(route))
})()

const imports: FastifyPluginAsyncTypebox = async (app) => {
  const { imports } = app.services
  // Only in this plugin's scope: elsewhere a CSV or a form is still a 415.
  app.addContentTypeParser(CSV_TYPES, (_request, _payload, done) => done(null, undefined))
  await app.register(multipart, {
    // One byte over the limit, so the service's own count answers the 413.
    limits: { files: 1, fields: 10, fieldSize: 200_000, fileSize: imports.maxBytes + 1 },
  })

  /** The file and the options of the request: query, then the form fields sent before the file. */
  async function source(request: FastifyRequest) {
    const query = request.query as Record<string, unknown>
    const type = String(request.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase()
    if (CSV_TYPES.includes(type)) return { body: readable(request.raw), fields: query }
    if (type === 'multipart/form-data') {
      const file = await request.file().catch((error: unknown) => {
        throw uploadError(error)
      })
      if (!file) throw invalid('file', 'required', "can't be blank: send the CSV file as the `file` part")
      if (file.fieldname !== 'file') throw invalid(file.fieldname, 'unknown', 'is not a known part (send `file`)')
      const fields: Record<string, unknown> = { ...query }
      for (const [name, part] of Object.entries(file.fields)) {
        const value = Array.isArray(part) ? part[0] : part
        if (value && value.type === 'field') fields[name] = value.value
      }
      return { body: readable(file.file), fields }
    }
    throw new UnsupportedMediaTypeError('Send the CSV file as text/csv, or as the `file` part of multipart/form-data')
  }

  app.post(
    '/lists/:list_id/imports',
    {
      bodyLimit: Number.MAX_SAFE_INTEGER,
      validatorCompiler: streamedBody,
      schema: {
        operationId: 'createImport',
        tags,
        summary: 'Import a CSV file into a list',
        description:
          'Stores the file, checks its header against the list and answers 202 with the job, which then runs in the ' +
          'background (`GET /v1/imports/:id`). Rows are matched, never duplicated: organizations by domain then exact name, ' +
          'contacts by email then phone number, and entries by their record where the list holds each record once (its ' +
          'entry is updated). Each row is written whole or refused with its reason (`rejected.csv`). A file that is not ' +
          'CSV text, or whose columns give the list nothing to find its records by, is a 422; one past the size limit a 413.',
        params: ListIdParams,
        querystring: CreateImportQuery,
        body: ImportBody,
        response: { 202: Import, ...errorResponses({ body: true }, 404) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const job = await imports.create(actor, request.params.list_id, async () => {
        const { body, fields } = await source(request)
        const options: ImportOptions = {
          mapping: mappingOf(fields.mapping),
          createFields: flag(fields.create_fields),
          dryRun: flag(fields.dry_run),
        }
        return { body, options }
      })
      return reply.code(202).send(job)
    },
  )

  app.get(
    '/imports',
    {
      schema: {
        operationId: 'listImports',
        tags,
        summary: 'List import jobs',
        querystring: PageQuery,
        response: { 200: ImportPage, ...errorResponses({ query: true }) },
      },
    },
    async (request) => imports.list(actorOf(request), request.query),
  )

  app.get(
    '/imports/:id',
    {
      schema: {
        operationId: 'getImport',
        tags,
        summary: 'Retrieve an import job',
        description: 'Its status (`queued`, `running`, `succeeded`, `failed`, `canceled`), progress and counts.',
        params: IdParam,
        response: { 200: Import, ...errorResponses({}, 404) },
      },
    },
    async (request) => imports.get(actorOf(request), request.params.id),
  )

  app.delete(
    '/imports/:id',
    {
      schema: {
        operationId: 'cancelImport',
        tags,
        summary: 'Cancel an import job',
        description:
          'A queued or running job is canceled: it stops before its next chunk of rows (rows already written stay). ' +
          'A job that has ended is returned as it is.',
        params: IdParam,
        response: { 200: Import, ...errorResponses({}, 404) },
      },
    },
    async (request) => imports.cancel(actorOf(request), request.params.id),
  )

  app.get(
    '/imports/:id/rejected.csv',
    {
      schema: {
        operationId: 'getImportRejectedRows',
        tags,
        summary: "An import job's refused rows",
        params: IdParam,
        response: { 200: RejectedCsv, ...errorResponses({}, 404) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      await imports.require(actor, request.params.id)
      const rows = imports.rejected(actor, request.params.id)
      const first = await rows.next()
      const header = first.done || !('header' in first.value) ? [] : first.value.header
      // Short rows are padded so `reason` stays in its column; a row longer than the header keeps its cells.
      async function* lines(): AsyncGenerator<string[]> {
        yield [...header, 'reason']
        for await (const row of rows) {
          if ('reason' in row) {
            const cells = [...row.cells]
            while (cells.length < header.length) cells.push('')
            yield [...cells, row.reason]
          }
        }
      }
      const csv = stringify()
      const out = Readable.from(lines()).pipe(csv)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${request.params.id}-rejected.csv"`)
        .send(out as unknown as string)
    },
  )
}

export default imports
