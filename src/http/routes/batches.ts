// The batch endpoints: many creates in one request and one transaction, each item answered in its place
// (201 created, 200 updated with `upsert`, 422 refused) while the valid ones are written.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import type { Outcome } from '../../db/micro-batch.js'
import { envelopeValidatorCompiler, itemChecker } from '../batch-items.js'
import { actorOf } from '../plugins/auth.js'
import { toErrorResponse } from '../plugins/errors.js'
import { BatchBody, BatchResult } from '../schemas/batches.js'
import { errorResponses } from '../schemas/common.js'
import { Contact, CreateContactBody } from '../schemas/contacts.js'
import { CreateEntryBody, Entry, ListIdParams } from '../schemas/entries.js'
import { CreateOrganizationBody, Organization } from '../schemas/organizations.js'

const tags = ['Imports and exports']

const entryExample = {
  entryable_id: 'GEF751p0Qa',
  entryable_type: 'Organization',
  status: 'Started',
  one_time_value_cents: 0,
  recurring_value_cents: 0,
  recurring_value_period: 'monthly',
}
const EntriesBatch = BatchBody('entries', CreateEntryBody, entryExample)
const ContactsBatch = BatchBody('contacts', CreateContactBody, { name: 'Paul Atreides', emails: ['paul@atreid.es'] })
const OrganizationsBatch = BatchBody('organizations', CreateOrganizationBody, {
  name: 'House Atreides',
  domains: ['atreid.es'],
})

/**
 * Checks each item, runs the valid ones through `write` (one transaction) and answers every item in
 * input order.
 */
async function answer<I, R>(
  request: FastifyRequest,
  items: readonly unknown[],
  check: (item: unknown) => Error | undefined,
  write: (valid: I[]) => Promise<Array<Outcome<{ resource: R; created: boolean }>>>,
  key: string,
): Promise<{ data: Array<Record<string, unknown>> }> {
  const refused = items.map(check)
  const written = await write(items.filter((_, i) => refused[i] === undefined) as I[])
  let next = 0
  const data = items.map((_, i) => {
    const outcome: Outcome<{ resource: R; created: boolean }> = refused[i]
      ? { ok: false, error: refused[i] }
      : written[next++]!
    if (outcome.ok) return { status: outcome.value.created ? 201 : 200, [key]: outcome.value.resource }
    const error = toErrorResponse(outcome.error, request)
    // Anything but a refusal of the item (a 4xx) fails the request, as it would a single create.
    if (error.status >= 500) throw outcome.error
    return { status: error.status, error }
  })
  return { data }
}

const batches: FastifyPluginAsyncTypebox = async (app) => {
  const { entries, contacts, organizations } = app.services
  const checkEntry = itemChecker(CreateEntryBody)
  const checkContact = itemChecker(CreateContactBody)
  const checkOrganization = itemChecker(CreateOrganizationBody)

  app.post(
    '/lists/:list_id/entries/batch',
    {
      validatorCompiler: envelopeValidatorCompiler('entries'),
      schema: {
        operationId: 'createEntriesBatch',
        tags,
        summary: 'Create entries in a batch',
        description:
          'Up to 1,000 entries in one transaction, each as `POST /v1/lists/:list_id/entries` takes it. The valid ones are ' +
          'written even when others are refused (keys stay gap-free). With `upsert` in a list that holds each record once, ' +
          'an item whose record is already in the list updates that entry (200; its status change is recorded and fires ' +
          'connected lists like a PATCH).',
        params: ListIdParams,
        body: EntriesBatch,
        response: {
          200: BatchResult('entry', Entry, 'EntriesBatchResult'),
          ...errorResponses({ body: true }, 404, 409),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const { entries: items, upsert = false } = request.body as { entries: unknown[]; upsert?: boolean }
      return answer(
        request,
        items,
        checkEntry,
        async (valid: CreateEntryBody[]) =>
          (
            await entries.createBatch(
              actor,
              request.params.list_id,
              valid.map((input) => ({ input, upsert })),
            )
          ).map((o) => (o.ok ? { ok: true, value: { resource: o.value.entry, created: o.value.created } } : o)),
        'entry',
      )
    },
  )

  app.post(
    '/contacts/batch',
    {
      validatorCompiler: envelopeValidatorCompiler('contacts'),
      schema: {
        operationId: 'createContactsBatch',
        tags,
        summary: 'Create contacts in a batch',
        description:
          'Up to 1,000 contacts in one transaction, each as `POST /v1/contacts` takes it. With `upsert`, an item matching a ' +
          'contact (by email, then by phone number) is applied to it as a PATCH (200).',
        body: ContactsBatch,
        response: { 200: BatchResult('contact', Contact, 'ContactsBatchResult'), ...errorResponses({ body: true }) },
      },
    },
    async (request) => {
      const { contacts: items, upsert = false } = request.body as { contacts: unknown[]; upsert?: boolean }
      return answer(
        request,
        items,
        checkContact,
        async (valid: CreateContactBody[]) =>
          (await contacts.createBatch(actorOf(request), valid, upsert)).map((o) =>
            o.ok ? { ok: true, value: { resource: o.value.contact, created: o.value.created } } : o,
          ),
        'contact',
      )
    },
  )

  app.post(
    '/organizations/batch',
    {
      validatorCompiler: envelopeValidatorCompiler('organizations'),
      schema: {
        operationId: 'createOrganizationsBatch',
        tags,
        summary: 'Create organizations in a batch',
        description:
          'Up to 1,000 organizations in one transaction, each as `POST /v1/organizations` takes it. With `upsert`, an item ' +
          'matching an organization (by domain, then by exact name) is applied to it as a PATCH (200).',
        body: OrganizationsBatch,
        response: {
          200: BatchResult('organization', Organization, 'OrganizationsBatchResult'),
          ...errorResponses({ body: true }),
        },
      },
    },
    async (request) => {
      const { organizations: items, upsert = false } = request.body as { organizations: unknown[]; upsert?: boolean }
      return answer(
        request,
        items,
        checkOrganization,
        async (valid: CreateOrganizationBody[]) =>
          (await organizations.createBatch(actorOf(request), valid, upsert)).map((o) =>
            o.ok ? { ok: true, value: { resource: o.value.organization, created: o.value.created } } : o,
          ),
        'organization',
      )
    },
  )
}

export default batches
