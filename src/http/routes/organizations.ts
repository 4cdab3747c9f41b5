// `/v1/organizations`: list, create, retrieve, update, delete, remove domains, and list an
// organization's contacts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf } from '../plugins/auth.js'
import { IdParam, errorResponses } from '../schemas/common.js'
import { ContactPage, ListContactsQuery } from '../schemas/contacts.js'
import { NoContent } from '../schemas/common.js'
import {
  CreateOrganizationBody,
  ListOrganizationsQuery,
  Organization,
  OrganizationPage,
  RemoveDomainsBody,
  UpdateOrganizationBody,
} from '../schemas/organizations.js'

const tags = ['Organizations']

const organizations: FastifyPluginAsyncTypebox = async (app) => {
  const { organizations, contacts } = app.services

  app.get(
    '/organizations',
    {
      schema: {
        operationId: 'listOrganizations',
        tags,
        summary: 'List organizations',
        querystring: ListOrganizationsQuery,
        response: { 200: OrganizationPage, ...errorResponses({ query: true }) },
      },
    },
    async (request) => organizations.list(actorOf(request), request.query),
  )

  app.post(
    '/organizations',
    {
      schema: {
        operationId: 'createOrganization',
        tags,
        summary: 'Create an organization',
        description:
          'Needs a `name` or a valid domain. A domain another organization has is a 422 mentioning `same organization domain`.',
        body: CreateOrganizationBody,
        response: { 201: Organization, ...errorResponses({ body: true }) },
      },
    },
    async (request, reply) => reply.code(201).send(await organizations.create(actorOf(request), request.body)),
  )

  app.get(
    '/organizations/:id',
    {
      schema: {
        operationId: 'getOrganization',
        tags,
        summary: 'Retrieve an organization',
        params: IdParam,
        response: { 200: Organization, ...errorResponses({}, 404) },
      },
    },
    async (request) => organizations.get(actorOf(request), request.params.id),
  )

  app.patch(
    '/organizations/:id',
    {
      schema: {
        operationId: 'updateOrganization',
        tags,
        summary: 'Update an organization',
        description: 'Changes the fields sent; `domains` are added to the existing ones.',
        params: IdParam,
        body: UpdateOrganizationBody,
        response: { 200: Organization, ...errorResponses({ body: true }, 404) },
      },
    },
    async (request) => organizations.update(actorOf(request), request.params.id, request.body),
  )

  app.delete(
    '/organizations/:id',
    {
      schema: {
        operationId: 'deleteOrganization',
        tags,
        summary: 'Delete an organization',
        description: 'Also deletes its entries and notes; its contacts stay, with `organization_id: null`.',
        params: IdParam,
        response: { 204: NoContent, ...errorResponses({}, 404) },
      },
    },
    async (request, reply) => {
      await organizations.delete(actorOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.delete(
    '/organizations/:id/domains',
    {
      schema: {
        operationId: 'removeOrganizationDomains',
        tags,
        summary: 'Remove domains from an organization',
        description:
          'Domains match in any written form; ones the organization does not have are ignored. Answers the updated organization.',
        params: IdParam,
        body: RemoveDomainsBody,
        response: { 200: Organization, ...errorResponses({ body: true }, 404) },
      },
    },
    async (request) => organizations.removeDomains(actorOf(request), request.params.id, request.body.domains),
  )

  app.get(
    '/organizations/:id/contacts',
    {
      schema: {
        operationId: 'listOrganizationContacts',
        tags,
        summary: "List an organization's contacts",
        description: 'Takes the same `email` and `phone_number` filters as `GET /v1/contacts`.',
        params: IdParam,
        // The service reads the contact filters from this query, so they must be validated here too:
        // with PageQuery a repeated `?email=` reached it unchecked as an array and failed as a 500.
        querystring: ListContactsQuery,
        response: { 200: ContactPage, ...errorResponses({ query: true }, 404) },
      },
    },
    async (request) => contacts.listOfOrganization(actorOf(request), request.params.id, request.query),
  )
}

export default organizations
