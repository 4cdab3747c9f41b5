// Isolation in request bodies: the records a body names by id or email (an entry's organization, contact
// and assignee, contact- and user-type list-field and custom-field values, a contact's organization, a
// note's organization and deal, a connection's target process) must be records of the caller's own
// workspace. Each probe below is one such field of one operation; the walker (isolation-walk.ts) sends it
// with A's key, A's path ids and B's record in that one field, expects a 422 that changes nothing, then
// sends the same request with A's own record there and expects it to succeed, so the 422 can only come
// from the reference. `uncoveredReferenceFields` fails the walk when the OpenAPI document has a body field
// that names records (`*_id`, `*_ids`, `*_email`, `list_fields`, `custom_fields`) with no probe here.
import assert from 'node:assert/strict'
import type { ApiClient } from '../../support/client.js'
import type { Operation } from './openapi.js'

/** One workspace's records that bodies can name; A and B get the same shape under the same names. */
export interface ReferenceWorld {
  orgId: string
  /** A contact of orgId. */
  contactId: string
  /** A member's email (a user-type value, an assignee). */
  memberEmail: string
  /** A process of organizations with a user field `Owner`, a contact field `Champion`, and a status `Handoff`. */
  listId: string
  /** An entry of listId, of orgId (a deal, for notes). */
  entryId: string
  /** Another process, a connection's target. */
  targetListId: string
  noteId: string
  /** Every id made, for the leak check. */
  ids: string[]
}

/** Custom fields made in both workspaces: for each model, one of each referencing type. */
export const CUSTOM_USER_FIELD = 'Reference owner'
export const CUSTOM_CONTACT_FIELD = 'Reference contact'
const PROCESS_VALUES = { one_time_value_cents: 0, recurring_value_cents: 0, recurring_value_period: 'annual' }

async function made(api: ApiClient, path: string, body: unknown): Promise<any> {
  const res = await api.post(path, body)
  assert.ok(res.status === 201, `setup POST ${path}: ${res.status} ${res.text.slice(0, 300)}`)
  return res.body
}

/** Makes the records of one workspace through its API; `tag` keeps emails and domains unique. */
export async function makeReferenceWorld(api: ApiClient, tag: string): Promise<ReferenceWorld> {
  const member = await made(api, '/v1/users', { name: `Ref member ${tag}`, email: `ref-member-${tag}@example.com` })
  const org = await made(api, '/v1/organizations', { name: `Ref org ${tag}` })
  const contact = await made(api, '/v1/contacts', {
    first_name: 'Ref',
    last_name: tag,
    emails: [`ref-contact-${tag}@example.com`],
    organization_id: org.id,
  })
  const customFields: string[] = []
  for (const model of ['contact', 'organization'])
    for (const [name, dataType] of [
      [CUSTOM_USER_FIELD, 'user'],
      [CUSTOM_CONTACT_FIELD, 'contact'],
    ])
      customFields.push(
        (await made(api, '/v1/custom_fields', { name, model, data_type: dataType, accepts_multiple_values: false })).id,
      )
  const list = await made(api, '/v1/lists', {
    name: `Ref process ${tag}`,
    process: true,
    entry_type: 'Organization',
    identifier: 'REF',
    duplicates_allowed: true,
    statuses: [
      { name: 'Open', type: 'active' },
      { name: 'Handoff', type: 'active' },
      { name: 'Won', type: 'won' },
    ],
    fields: [
      { name: 'Owner', data_type: 'user', accepts_multiple_values: false },
      { name: 'Champion', data_type: 'contact', accepts_multiple_values: false },
    ],
  })
  const target = await made(api, '/v1/lists', {
    name: `Ref target ${tag}`,
    process: true,
    entry_type: 'Organization',
    identifier: 'TGT',
    duplicates_allowed: true,
    statuses: [{ name: 'Arrived', type: 'active' }],
  })
  const entry = await made(api, `/v1/lists/${list.id}/entries`, {
    entryable_type: 'Organization',
    entryable_id: org.id,
    contact_id: contact.id,
    status: 'Open',
    ...PROCESS_VALUES,
  })
  const note = await made(api, '/v1/notes', { organization_id: org.id, deal_id: entry.id, body: `Ref note ${tag}` })
  return {
    orgId: org.id,
    contactId: contact.id,
    memberEmail: member.email,
    listId: list.id,
    entryId: entry.id,
    targetListId: target.id,
    noteId: note.id,
    ids: [member.id, org.id, contact.id, ...customFields, list.id, target.id, entry.id, note.id],
  }
}

export interface BodyProbe {
  /** The operation as the document writes it: `POST /v1/lists/{list_id}/entries`. */
  operation: string
  /** The body field that names a record; `list_fields[Owner]` for a value inside `list_fields`. */
  field: string
  /** The request, with A's own records everywhere except `ref`'s in the probed field. */
  request(a: ReferenceWorld, ref: ReferenceWorld, tag: string): { method: string; path: string; body: unknown }
}

const entries = (a: ReferenceWorld) => `/v1/lists/${a.listId}/entries`
const createEntry = (a: ReferenceWorld, extra: Record<string, unknown>) => ({
  entryable_type: 'Organization',
  entryable_id: a.orgId,
  status: 'Open',
  ...PROCESS_VALUES,
  ...extra,
})
const named = (name: string, value: unknown) => [{ name, value }]

/** The probes: every body field of the API that names a record, each on every operation that takes it. */
export const BODY_PROBES: BodyProbe[] = [
  // Entries: create.
  ...[
    ['entryable_id', (_a: ReferenceWorld, r: ReferenceWorld) => ({ entryable_id: r.orgId })],
    ['contact_id', (_a: ReferenceWorld, r: ReferenceWorld) => ({ contact_id: r.contactId })],
    ['assignee_email', (_a: ReferenceWorld, r: ReferenceWorld) => ({ assignee_email: r.memberEmail })],
    ['list_fields[Owner]', (_a: ReferenceWorld, r: ReferenceWorld) => ({ list_fields: named('Owner', r.memberEmail) })],
    [
      'list_fields[Champion]',
      (_a: ReferenceWorld, r: ReferenceWorld) => ({ list_fields: named('Champion', r.contactId) }),
    ],
  ].map(
    ([field, part]): BodyProbe => ({
      operation: 'POST /v1/lists/{list_id}/entries',
      field: field as string,
      request: (a, r) => ({
        method: 'POST',
        path: entries(a),
        body: createEntry(a, (part as (a: ReferenceWorld, r: ReferenceWorld) => Record<string, unknown>)(a, r)),
      }),
    }),
  ),
  // Entries: update. entryable_id cannot change: A's own (the stored one) is accepted, B's refused.
  ...[
    ['entryable_id', (r: ReferenceWorld) => ({ entryable_id: r.orgId })],
    ['contact_id', (r: ReferenceWorld) => ({ contact_id: r.contactId })],
    ['assignee_email', (r: ReferenceWorld) => ({ assignee_email: r.memberEmail })],
    ['list_fields[Owner]', (r: ReferenceWorld) => ({ list_fields: named('Owner', r.memberEmail) })],
    ['list_fields[Champion]', (r: ReferenceWorld) => ({ list_fields: named('Champion', r.contactId) })],
  ].map(
    ([field, part]): BodyProbe => ({
      operation: 'PATCH /v1/lists/{list_id}/entries/{id}',
      field: field as string,
      request: (a, r) => ({
        method: 'PATCH',
        path: `${entries(a)}/${a.entryId}`,
        body: (part as (r: ReferenceWorld) => object)(r),
      }),
    }),
  ),
  // Contacts and organizations: the organization, and custom-field values naming members and contacts.
  {
    operation: 'POST /v1/contacts',
    field: 'organization_id',
    request: (_a, r, tag) => ({
      method: 'POST',
      path: '/v1/contacts',
      body: { first_name: 'Probe', emails: [`probe-${tag}@example.com`], organization_id: r.orgId },
    }),
  },
  {
    operation: 'PATCH /v1/contacts/{id}',
    field: 'organization_id',
    request: (a, r) => ({ method: 'PATCH', path: `/v1/contacts/${a.contactId}`, body: { organization_id: r.orgId } }),
  },
  ...(['contacts', 'organizations'] as const).flatMap((collection) =>
    (
      [
        [`custom_fields[${CUSTOM_USER_FIELD}]`, (r: ReferenceWorld) => named(CUSTOM_USER_FIELD, r.memberEmail)],
        [`custom_fields[${CUSTOM_CONTACT_FIELD}]`, (r: ReferenceWorld) => named(CUSTOM_CONTACT_FIELD, r.contactId)],
      ] as const
    ).flatMap(([field, values]): BodyProbe[] => [
      {
        operation: `POST /v1/${collection}`,
        field,
        request: (_a, r, tag) => ({
          method: 'POST',
          path: `/v1/${collection}`,
          body:
            collection === 'contacts'
              ? { first_name: 'Probe', emails: [`probe-${tag}@example.com`], custom_fields: values(r) }
              : { name: `Probe ${tag}`, custom_fields: values(r) },
        }),
      },
      {
        operation: `PATCH /v1/${collection}/{id}`,
        field,
        request: (a, r) => ({
          method: 'PATCH',
          path: `/v1/${collection}/${collection === 'contacts' ? a.contactId : a.orgId}`,
          body: { custom_fields: values(r) },
        }),
      },
    ]),
  ),
  // Notes: the organization and the deal. A note's organization cannot change: A's own is accepted.
  {
    operation: 'POST /v1/notes',
    field: 'organization_id',
    request: (_a, r, tag) => ({ method: 'POST', path: '/v1/notes', body: { organization_id: r.orgId, body: tag } }),
  },
  {
    operation: 'POST /v1/notes',
    field: 'deal_id',
    request: (a, r, tag) => ({
      method: 'POST',
      path: '/v1/notes',
      body: { organization_id: a.orgId, deal_id: r.entryId, body: tag },
    }),
  },
  {
    operation: 'PATCH /v1/notes/{id}',
    field: 'deal_id',
    request: (a, r) => ({ method: 'PATCH', path: `/v1/notes/${a.noteId}`, body: { deal_id: r.entryId } }),
  },
  {
    operation: 'PATCH /v1/notes/{id}',
    field: 'organization_id',
    request: (a, r) => ({ method: 'PATCH', path: `/v1/notes/${a.noteId}`, body: { organization_id: r.orgId } }),
  },
  // Connections: the target process.
  {
    operation: 'POST /v1/lists/{id}/connections',
    field: 'to_list_id',
    request: (a, r) => ({
      method: 'POST',
      path: `/v1/lists/${a.listId}/connections`,
      body: { from_status: 'Handoff', to_list_id: r.targetListId, to_status: 'Arrived' },
    }),
  },
]

/** A top-level body property that names records: an id, ids, an email of a member, or typed values. */
const REFERENCING = /(_ids?|_email)$|^(list_fields|custom_fields)$/

/**
 * `POST /v1/x field` for every write operation's body field that names records and has no probe; for
 * `list_fields` and `custom_fields` both a member (user) and a contact value must be probed.
 */
export function uncoveredReferenceFields(ops: readonly Operation[], probes: readonly BodyProbe[]): string[] {
  const covered = new Set(probes.map((p) => `${p.operation} ${p.field}`))
  const missing: string[] = []
  for (const op of ops) {
    if (op.body === undefined || op.method === 'GET' || !op.path.startsWith('/v1')) continue
    const operation = `${op.method} ${op.path}`
    for (const property of Object.keys(op.body.properties ?? {})) {
      if (!REFERENCING.test(property)) continue
      const wanted =
        property === 'list_fields'
          ? ['list_fields[Owner]', 'list_fields[Champion]']
          : property === 'custom_fields'
            ? [`custom_fields[${CUSTOM_USER_FIELD}]`, `custom_fields[${CUSTOM_CONTACT_FIELD}]`]
            : [property]
      for (const field of wanted) if (!covered.has(`${operation} ${field}`)) missing.push(`${operation} ${field}`)
    }
  }
  return missing
}
