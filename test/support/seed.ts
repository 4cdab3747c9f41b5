// Test data made through the product's own API, so fixtures cannot drift from real behaviour.
import assert from 'node:assert/strict'
import type { ApiClient } from './client.js'

let counter = 0
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`

/** Creates an organization; `domain` defaults to a unique one. */
export async function createOrganization(
  api: ApiClient,
  fields: { name?: string; domains?: string[] } = {},
): Promise<{ id: string; name: string }> {
  const res = await api.post('/v1/organizations', {
    name: fields.name ?? `Org ${unique()}`,
    ...(fields.domains ? { domains: fields.domains } : {}),
  })
  assert.equal(res.status, 201, `create organization: ${res.text}`)
  return res.body
}

/** Creates a contact with a unique email, optionally in an organization. */
export async function createContact(
  api: ApiClient,
  fields: { first_name?: string; organization_id?: string; emails?: string[] } = {},
): Promise<{ id: string }> {
  const res = await api.post('/v1/contacts', {
    first_name: fields.first_name ?? 'Test',
    emails: fields.emails ?? [`c${unique()}@example.com`],
    ...(fields.organization_id ? { organization_id: fields.organization_id } : {}),
  })
  assert.equal(res.status, 201, `create contact: ${res.text}`)
  return res.body
}

export async function createMember(
  api: ApiClient,
  name = 'Member',
): Promise<{ id: string; name: string; email: string }> {
  const res = await api.post('/v1/users', { name, email: `m${unique()}@example.com` })
  assert.equal(res.status, 201, `create member: ${res.text}`)
  return res.body
}

/** Creates a list or process; `body` is sent as is. */
export async function createList(api: ApiClient, body: Record<string, unknown>): Promise<any> {
  const res = await api.post('/v1/lists', body)
  assert.equal(res.status, 201, `create list: ${res.text}`)
  return res.body
}

/** A process body with sensible defaults. */
export function processBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Deals',
    process: true,
    entry_type: 'Organization',
    identifier: 'DEAL',
    duplicates_allowed: false,
    ...extra,
  }
}

/** The value fields a process entry create needs. */
export const VALUES = { one_time_value_cents: 0, recurring_value_cents: 0, recurring_value_period: 'annual' } as const
