// `/v1/contacts`: list and look up, create, retrieve, update, delete, and remove emails or numbers.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf } from '../plugins/auth.js'
import { IdParam, errorResponses } from '../schemas/common.js'
import {
  Contact,
  ContactPage,
  CreateContactBody,
  ListContactsQuery,
  RemoveEmailsBody,
  RemovePhoneNumbersBody,
  UpdateContactBody,
} from '../schemas/contacts.js'
import { NoContent } from '../schemas/common.js'

const tags = ['Contacts']

const contacts: FastifyPluginAsyncTypebox = async (app) => {
  const { contacts } = app.services

  app.get(
    '/contacts',
    {
      schema: {
        operationId: 'listContacts',
        tags,
        summary: 'List or look up contacts',
        description:
          '`?email=` finds the contact with exactly that address (any case); `?phone_number=` matches any written form of a number.',
        querystring: ListContactsQuery,
        response: { 200: ContactPage, ...errorResponses({ query: true }) },
      },
    },
    async (request) => contacts.list(actorOf(request), request.query),
  )

  app.post(
    '/contacts',
    {
      schema: {
        operationId: 'createContact',
        tags,
        summary: 'Create a contact',
        description:
          'Needs a `first_name`, a `name` or a valid email. An email already held by a contact is a 422 `has already been taken`.',
        body: CreateContactBody,
        response: { 201: Contact, ...errorResponses({ body: true }) },
      },
    },
    async (request, reply) => reply.code(201).send(await contacts.create(actorOf(request), request.body)),
  )

  app.get(
    '/contacts/:id',
    {
      schema: {
        operationId: 'getContact',
        tags,
        summary: 'Retrieve a contact',
        params: IdParam,
        response: { 200: Contact, ...errorResponses({}, 404) },
      },
    },
    async (request) => contacts.get(actorOf(request), request.params.id),
  )

  app.patch(
    '/contacts/:id',
    {
      schema: {
        operationId: 'updateContact',
        tags,
        summary: 'Update a contact',
        description:
          'Changes the fields sent. `emails` and `phone_numbers` are added to the existing ones; `null` clears a field.',
        params: IdParam,
        body: UpdateContactBody,
        response: { 200: Contact, ...errorResponses({ body: true }, 404) },
      },
    },
    async (request) => contacts.update(actorOf(request), request.params.id, request.body),
  )

  app.delete(
    '/contacts/:id',
    {
      schema: {
        operationId: 'deleteContact',
        tags,
        summary: 'Delete a contact',
        description: 'Also deletes its entries in every list and process.',
        params: IdParam,
        response: { 204: NoContent, ...errorResponses({}, 404) },
      },
    },
    async (request, reply) => {
      await contacts.delete(actorOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.delete(
    '/contacts/:id/emails',
    {
      schema: {
        operationId: 'removeContactEmails',
        tags,
        summary: 'Remove email addresses from a contact',
        description: 'Addresses the contact does not hold are ignored. Answers the updated contact.',
        params: IdParam,
        body: RemoveEmailsBody,
        response: { 200: Contact, ...errorResponses({ body: true }, 404) },
      },
    },
    async (request) => contacts.removeEmails(actorOf(request), request.params.id, request.body.emails),
  )

  app.delete(
    '/contacts/:id/phone_numbers',
    {
      schema: {
        operationId: 'removeContactPhoneNumbers',
        tags,
        summary: 'Remove phone numbers from a contact',
        description:
          "Rapport's own, like removing emails. Numbers match in any written form. Answers the updated contact.",
        params: IdParam,
        body: RemovePhoneNumbersBody,
        response: { 200: Contact, ...errorResponses({ body: true }, 404) },
      },
    },
    async (request) => contacts.removePhoneNumbers(actorOf(request), request.params.id, request.body.phone_numbers),
  )
}

export default contacts
