// `/v1/notes`: list (optionally of one organization), create, retrieve, update and delete notes.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf } from '../plugins/auth.js'
import { IdParam, errorResponses } from '../schemas/common.js'
import { NoContent } from '../schemas/common.js'
import { CreateNoteBody, ListNotesQuery, Note, NotePage, UpdateNoteBody } from '../schemas/notes.js'

const tags = ['Notes']

const notes: FastifyPluginAsyncTypebox = async (app) => {
  const { notes } = app.services

  app.get(
    '/notes',
    {
      schema: {
        operationId: 'listNotes',
        tags,
        summary: 'List notes',
        querystring: ListNotesQuery,
        response: { 200: NotePage, ...errorResponses({ query: true }) },
      },
    },
    async (request) => notes.list(actorOf(request), request.query),
  )

  app.post(
    '/notes',
    {
      schema: {
        operationId: 'createNote',
        tags,
        summary: 'Create a note',
        description:
          'On an organization, optionally about a deal (a process entry). The author is the member owning the API key.',
        body: CreateNoteBody,
        response: { 201: Note, ...errorResponses({ body: true }) },
      },
    },
    async (request, reply) => reply.code(201).send(await notes.create(actorOf(request), request.body)),
  )

  app.get(
    '/notes/:id',
    {
      schema: {
        operationId: 'getNote',
        tags,
        summary: 'Retrieve a note',
        params: IdParam,
        response: { 200: Note, ...errorResponses({}, 404) },
      },
    },
    async (request) => notes.get(actorOf(request), request.params.id),
  )

  app.patch(
    '/notes/:id',
    {
      schema: {
        operationId: 'updateNote',
        tags,
        summary: 'Update a note',
        description: 'Only `body` and `deal_id` change.',
        params: IdParam,
        body: UpdateNoteBody,
        response: { 200: Note, ...errorResponses({ body: true }, 404) },
      },
    },
    async (request) => notes.update(actorOf(request), request.params.id, request.body),
  )

  app.delete(
    '/notes/:id',
    {
      schema: {
        operationId: 'deleteNote',
        tags,
        summary: 'Delete a note',
        params: IdParam,
        response: { 204: NoContent, ...errorResponses({}, 404) },
      },
    },
    async (request, reply) => {
      await notes.delete(actorOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )
}

export default notes
