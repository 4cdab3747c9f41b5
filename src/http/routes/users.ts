// `/v1/users`: list, add and retrieve members of the workspace, and the member making the request.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf } from '../plugins/auth.js'
import { IdParam, errorResponses } from '../schemas/common.js'
import { CreateUserBody, ListUsersQuery, User, UserPage } from '../schemas/users.js'

const tags = ['Users']

const users: FastifyPluginAsyncTypebox = async (app) => {
  const { members } = app.services

  app.get(
    '/users',
    {
      schema: {
        operationId: 'listUsers',
        tags,
        summary: 'List members',
        querystring: ListUsersQuery,
        response: { 200: UserPage, ...errorResponses({ query: true }) },
      },
    },
    async (request) => members.list(actorOf(request), request.query),
  )

  app.post(
    '/users',
    {
      schema: {
        operationId: 'createUser',
        tags,
        summary: 'Add a member',
        description:
          'Members can be assigned to entries (`assignee_email`) and own API keys. The email is unique in the workspace.',
        body: CreateUserBody,
        response: { 201: User, ...errorResponses({ body: true }) },
      },
    },
    async (request, reply) => reply.code(201).send(await members.create(actorOf(request), request.body)),
  )

  app.get(
    '/users/me',
    {
      schema: {
        operationId: 'getCurrentUser',
        tags,
        summary: 'The member making the request',
        description:
          'With a session: the signed-in member. With an API key: the member the key was made for, or 404 when it was made for none.',
        response: { 200: User, ...errorResponses({}, 404) },
      },
    },
    async (request) => members.me(actorOf(request)),
  )

  app.get(
    '/users/:id',
    {
      schema: {
        operationId: 'getUser',
        tags,
        summary: 'Retrieve a member',
        params: IdParam,
        response: { 200: User, ...errorResponses({}, 404) },
      },
    },
    async (request) => members.get(actorOf(request), request.params.id),
  )
}

export default users
