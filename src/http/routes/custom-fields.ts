// `/v1/custom_fields`: list, create, retrieve, update (name and options) and delete field definitions.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf } from '../plugins/auth.js'
import { IdParam, errorResponses } from '../schemas/common.js'
import {
  CreateCustomFieldBody,
  CustomField,
  CustomFieldPage,
  ListCustomFieldsQuery,
  UpdateCustomFieldBody,
} from '../schemas/custom-fields.js'
import { NoContent } from '../schemas/common.js'

const tags = ['Custom fields']

const customFields: FastifyPluginAsyncTypebox = async (app) => {
  const { customFields } = app.services

  app.get(
    '/custom_fields',
    {
      schema: {
        operationId: 'listCustomFields',
        tags,
        summary: 'List custom fields',
        querystring: ListCustomFieldsQuery,
        response: { 200: CustomFieldPage, ...errorResponses({ query: true }) },
      },
    },
    async (request) => customFields.list(actorOf(request), request.query),
  )

  app.post(
    '/custom_fields',
    {
      schema: {
        operationId: 'createCustomField',
        tags,
        summary: 'Create a custom field',
        description:
          '`data_type` defaults to `text`; select needs `options`; select, user and contact need `accepts_multiple_values`.',
        body: CreateCustomFieldBody,
        response: { 201: CustomField, ...errorResponses({ body: true }) },
      },
    },
    async (request, reply) => reply.code(201).send(await customFields.create(actorOf(request), request.body)),
  )

  app.get(
    '/custom_fields/:id',
    {
      schema: {
        operationId: 'getCustomField',
        tags,
        summary: 'Retrieve a custom field',
        params: IdParam,
        response: { 200: CustomField, ...errorResponses({}, 404) },
      },
    },
    async (request) => customFields.get(actorOf(request), request.params.id),
  )

  app.patch(
    '/custom_fields/:id',
    {
      schema: {
        operationId: 'updateCustomField',
        tags,
        summary: 'Update a custom field',
        description:
          'Only `name` and `options` change. Renaming keeps the values; removing an option that records still hold is a 422.',
        params: IdParam,
        body: UpdateCustomFieldBody,
        response: { 200: CustomField, ...errorResponses({ body: true }, 404) },
      },
    },
    async (request) => customFields.update(actorOf(request), request.params.id, request.body),
  )

  app.delete(
    '/custom_fields/:id',
    {
      schema: {
        operationId: 'deleteCustomField',
        tags,
        summary: 'Delete a custom field',
        description: 'Also deletes every value stored in it.',
        params: IdParam,
        response: { 204: NoContent, ...errorResponses({}, 404) },
      },
    },
    async (request, reply) => {
      await customFields.delete(actorOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )
}

export default customFields
