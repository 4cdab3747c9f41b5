// `/v1/webhooks`: subscriptions (list, create, retrieve, update, delete, rotate the secret), the
// delivery log of one, redelivering a delivery, and pings. Rapport only: Relate documents no webhooks.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf } from '../plugins/auth.js'
import { IdParam, NoContent, errorResponses } from '../schemas/common.js'
import {
  CreateWebhookBody,
  Delivery,
  DeliveryPage,
  DeliveryParams,
  ListDeliveriesQuery,
  ListWebhooksQuery,
  UpdateWebhookBody,
  Webhook,
  WebhookPage,
  WebhookWithSecret,
} from '../schemas/webhooks.js'

const tags = ['Webhooks']

const webhooks: FastifyPluginAsyncTypebox = async (app) => {
  const { webhooks } = app.services

  app.get(
    '/webhooks',
    {
      schema: {
        operationId: 'listWebhooks',
        tags,
        summary: 'List webhooks',
        querystring: ListWebhooksQuery,
        response: { 200: WebhookPage, ...errorResponses({ query: true }) },
      },
    },
    async (request) => webhooks.list(actorOf(request), request.query),
  )

  app.post(
    '/webhooks',
    {
      schema: {
        operationId: 'createWebhook',
        tags,
        summary: 'Create a webhook',
        description:
          'Events are POSTed to `url`, signed with the `secret` answered here (and never again). See the description of the API for the payload, the signature and the retries.',
        body: CreateWebhookBody,
        response: { 201: WebhookWithSecret, ...errorResponses({ body: true }) },
      },
    },
    async (request, reply) => reply.code(201).send(await webhooks.create(actorOf(request), request.body)),
  )

  app.get(
    '/webhooks/:id',
    {
      schema: {
        operationId: 'getWebhook',
        tags,
        summary: 'Retrieve a webhook',
        params: IdParam,
        response: { 200: Webhook, ...errorResponses({}, 404) },
      },
    },
    async (request) => webhooks.get(actorOf(request), request.params.id),
  )

  app.patch(
    '/webhooks/:id',
    {
      schema: {
        operationId: 'updateWebhook',
        tags,
        summary: 'Update a webhook',
        description: '`active: true` turns a disabled webhook on again: its failures are forgotten.',
        params: IdParam,
        body: UpdateWebhookBody,
        response: { 200: Webhook, ...errorResponses({ body: true }, 404) },
      },
    },
    async (request) => webhooks.update(actorOf(request), request.params.id, request.body),
  )

  app.delete(
    '/webhooks/:id',
    {
      schema: {
        operationId: 'deleteWebhook',
        tags,
        summary: 'Delete a webhook',
        params: IdParam,
        response: { 204: NoContent, ...errorResponses({}, 404) },
      },
    },
    async (request, reply) => {
      await webhooks.delete(actorOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/webhooks/:id/rotate_secret',
    {
      schema: {
        operationId: 'rotateWebhookSecret',
        tags,
        summary: "Replace a webhook's signing secret",
        description: 'Every attempt from now on is signed with the new secret, answered here once.',
        params: IdParam,
        response: { 200: WebhookWithSecret, ...errorResponses({}, 404) },
      },
    },
    async (request) => webhooks.rotateSecret(actorOf(request), request.params.id),
  )

  app.get(
    '/webhooks/:id/deliveries',
    {
      schema: {
        operationId: 'listWebhookDeliveries',
        tags,
        summary: "A webhook's delivery log",
        description: 'One item per event sent (or to send), with its last attempt; last changed first.',
        params: IdParam,
        querystring: ListDeliveriesQuery,
        response: { 200: DeliveryPage, ...errorResponses({ query: true }, 404) },
      },
    },
    async (request) => webhooks.deliveries(actorOf(request), request.params.id, request.query),
  )

  app.post(
    '/webhooks/:id/deliveries/:delivery_id/redeliver',
    {
      schema: {
        operationId: 'redeliverWebhookDelivery',
        tags,
        summary: 'Send a delivery again',
        description: "The delivery's event is sent again as a new delivery, due now; answers the new delivery.",
        params: DeliveryParams,
        response: { 201: Delivery, ...errorResponses({}, 404, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await webhooks.redeliver(actorOf(request), request.params.id, request.params.delivery_id)),
  )

  app.post(
    '/webhooks/:id/ping',
    {
      schema: {
        operationId: 'pingWebhook',
        tags,
        summary: 'Send a ping event',
        description: 'A `ping` event (its object is the webhook) is sent to this webhook alone; answers its delivery.',
        params: IdParam,
        response: { 201: Delivery, ...errorResponses({}, 404, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await webhooks.ping(actorOf(request), request.params.id)),
  )
}

export default webhooks
