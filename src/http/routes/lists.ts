// `/v1/lists`: regular lists and processes, and `/v1/lists/:id/connections` (connected lists).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf } from '../plugins/auth.js'
import { IdParam, NoContent, PageQuery, errorResponses } from '../schemas/common.js'
import {
  Connection,
  ConnectionPage,
  ConnectionParams,
  CreateConnectionBody,
  CreateListBody,
  List,
  ListListsQuery,
  ListPage,
  UpdateListBody,
} from '../schemas/lists.js'

const tags = ['Lists']

const lists: FastifyPluginAsyncTypebox = async (app) => {
  const { lists, connections } = app.services

  app.get(
    '/lists',
    {
      schema: {
        operationId: 'listLists',
        tags,
        summary: 'List lists and processes',
        querystring: ListListsQuery,
        response: { 200: ListPage, ...errorResponses({ query: true }) },
      },
    },
    async (request) => lists.list(actorOf(request), request.query),
  )

  app.post(
    '/lists',
    {
      schema: {
        operationId: 'createList',
        tags,
        summary: 'Create a list or a process',
        description:
          '`name`, `process` and `entry_type` are required; a process also needs `identifier` and `duplicates_allowed`. ' +
          'A process without `statuses` gets Started, In progress, Completed (won), Canceled (lost). ' +
          "`template` (default, simple_sales, prospects, pipeline, fundraising, recruiting) makes a process with that template's statuses and fields.",
        body: CreateListBody,
        response: { 201: List, ...errorResponses({ body: true }) },
      },
    },
    async (request, reply) => reply.code(201).send(await lists.create(actorOf(request), request.body)),
  )

  app.get(
    '/lists/:id',
    {
      schema: {
        operationId: 'getList',
        tags,
        summary: 'Retrieve a list or process',
        params: IdParam,
        response: { 200: List, ...errorResponses({}, 404) },
      },
    },
    async (request) => lists.get(actorOf(request), request.params.id),
  )

  app.patch(
    '/lists/:id',
    {
      schema: {
        operationId: 'updateList',
        tags,
        summary: 'Update a list or process',
        description:
          '`fields` and `statuses` merge by name: new names are added, known names updated, names not sent kept. ' +
          '`remove: true` removes one (a status that holds entries cannot be removed), `new_name` renames one. ' +
          'Sending every status (or field) sets their order. `entry_type` and `process` cannot change. `archived` archives or unarchives.',
        params: IdParam,
        body: UpdateListBody,
        response: { 200: List, ...errorResponses({ body: true }, 404) },
      },
    },
    async (request) => lists.update(actorOf(request), request.params.id, request.body),
  )

  app.delete(
    '/lists/:id',
    {
      schema: {
        operationId: 'deleteList',
        tags,
        summary: 'Delete a list or process and its entries',
        params: IdParam,
        response: { 204: NoContent, ...errorResponses({}, 404) },
      },
    },
    async (request, reply) => {
      await lists.delete(actorOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/lists/:id/connections',
    {
      schema: {
        operationId: 'listListConnections',
        tags,
        summary: 'List the connections of a process',
        description:
          'Connected lists: rules that put an entry reaching a status of one process into another process. Lists the rules that start or end in this process.',
        params: IdParam,
        querystring: PageQuery,
        response: { 200: ConnectionPage, ...errorResponses({ query: true }, 404) },
      },
    },
    async (request) => connections.list(actorOf(request), request.params.id, request.query),
  )

  app.post(
    '/lists/:id/connections',
    {
      schema: {
        operationId: 'createListConnection',
        tags,
        summary: 'Connect a status of this process to a status of another',
        description:
          'Both must be processes of the same entry type. A status starts at most one connection and is the target of at most one.',
        params: IdParam,
        body: CreateConnectionBody,
        response: { 201: Connection, ...errorResponses({ body: true }, 404) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await connections.create(actorOf(request), request.params.id, request.body)),
  )

  app.delete(
    '/lists/:id/connections/:connection_id',
    {
      schema: {
        operationId: 'deleteListConnection',
        tags,
        summary: 'Remove a connection',
        params: ConnectionParams,
        response: { 204: NoContent, ...errorResponses({}, 404) },
      },
    },
    async (request, reply) => {
      await connections.delete(actorOf(request), request.params.id, request.params.connection_id)
      return reply.code(204).send(null)
    },
  )
}

export default lists
