// `/v1/lists/:list_id/entries`: the entries of a list or process, and each entry's status history.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { EntryListQuery } from '../../domain/entries/entry-requests.js'
import { actorOf } from '../plugins/auth.js'
import { NoContent, PageQuery, errorResponses } from '../schemas/common.js'
import {
  CreateEntryBody,
  Entry,
  EntryPage,
  EntryParams,
  ListEntriesQuery,
  ListIdParams,
  StatusChangePage,
  UpdateEntryBody,
} from '../schemas/entries.js'

const tags = ['Entries']

const entries: FastifyPluginAsyncTypebox = async (app) => {
  const { entries } = app.services

  app.get(
    '/lists/:list_id/entries',
    {
      schema: {
        operationId: 'listEntries',
        tags,
        summary: 'List entries',
        description:
          'Filters (Rapport only): `status` (repeatable), `status_type`, `assignee_email`, `entryable_type`, `entryable_id`, `contact_id`, ' +
          '`created_after/before`, `updated_after/before`, `closed_after/before` (Unix seconds), and `field[<name>]=<value>` ' +
          '(list-field equality; a multi-value field matches when it holds the value). `sort` orders by `updated_at`, `created_at`, `key`, ' +
          '`one_time_value_cents` or `closed_at` (`-` for descending). An unknown parameter, status, field or member is a 422.',
        params: ListIdParams,
        querystring: ListEntriesQuery,
        response: { 200: EntryPage, ...errorResponses({ query: true }, 404) },
      },
    },
    async (request) => entries.list(actorOf(request), request.params.list_id, request.query as EntryListQuery),
  )

  app.post(
    '/lists/:list_id/entries',
    {
      schema: {
        operationId: 'createEntry',
        tags,
        summary: 'Create an entry',
        description:
          'A second entry for the same record is a 422 (`has already been taken`) in a regular list and in a process that does not allow duplicates.',
        params: ListIdParams,
        body: CreateEntryBody,
        response: { 201: Entry, ...errorResponses({ body: true }, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await entries.create(actorOf(request), request.params.list_id, request.body)),
  )

  app.get(
    '/lists/:list_id/entries/:id',
    {
      schema: {
        operationId: 'getEntry',
        tags,
        summary: 'Retrieve an entry',
        params: EntryParams,
        response: { 200: Entry, ...errorResponses({}, 404) },
      },
    },
    async (request) => entries.get(actorOf(request), request.params.list_id, request.params.id),
  )

  app.patch(
    '/lists/:list_id/entries/:id',
    {
      schema: {
        operationId: 'updateEntry',
        tags,
        summary: 'Update an entry',
        params: EntryParams,
        body: UpdateEntryBody,
        response: { 200: Entry, ...errorResponses({ body: true }, 404, 409) },
      },
    },
    async (request) => entries.update(actorOf(request), request.params.list_id, request.params.id, request.body),
  )

  app.delete(
    '/lists/:list_id/entries/:id',
    {
      schema: {
        operationId: 'deleteEntry',
        tags,
        summary: 'Delete an entry',
        description: 'Its key is never reused; its status history goes with it.',
        params: EntryParams,
        response: { 204: NoContent, ...errorResponses({}, 404) },
      },
    },
    async (request, reply) => {
      await entries.delete(actorOf(request), request.params.list_id, request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/lists/:list_id/entries/:id/status_changes',
    {
      schema: {
        operationId: 'listEntryStatusChanges',
        tags,
        summary: "An entry's status history",
        description:
          'Every status the entry entered, oldest first: from, to, when, and by which member or key. The first item (from_status null) is its creation. Rapport only.',
        params: EntryParams,
        querystring: PageQuery,
        response: { 200: StatusChangePage, ...errorResponses({ query: true }, 404) },
      },
    },
    async (request) =>
      entries.statusChanges(actorOf(request), request.params.list_id, request.params.id, request.query),
  )
}

export default entries
