// Writing a contact, the same rules for create and PATCH: a contact always has a first name or an
// email; emails and phone numbers are added, never replaced; an email belongs to one contact; the
// organization is an id of the workspace, `"auto"` or null. Every check runs before the first write.
import type { Transaction } from 'kysely'
import type { ContactRow, Database } from '../../db/schema.js'
import * as q from '../../db/queries/contacts.js'
import * as orgs from '../../db/queries/organizations.js'
import {
  applyChanges,
  checkCustomFieldValues,
  parseStoredValues,
  type CustomFieldsInput,
} from '../custom-fields/custom-field-values.js'
import { Problems } from '../errors.js'
import { newId } from '../ids.js'
import { nowMs } from '../time.js'
import { resolveAutoOrganization } from './auto-organization.js'
import { checkEmails, type WrittenEmail } from './contact-emails.js'
import { cleanText, resolveNames } from './contact-names.js'
import { checkPhoneNumbers } from './phone-numbers.js'

export interface ContactInput {
  first_name?: string | null | undefined
  last_name?: string | null | undefined
  name?: string | null | undefined
  title?: string | null | undefined
  emails?: string[] | undefined
  phone_numbers?: string[] | undefined
  /** An organization id of the workspace, `"auto"`, or null for none. */
  organization_id?: string | null | undefined
  custom_fields?: CustomFieldsInput | undefined
}

export interface SaveContext {
  workspaceId: string
  defaultCountryCode: string
}

const NO_NAMES = { first_name: null, last_name: null, name: null }

/**
 * Creates (`current` undefined) or updates a contact inside `trx`. Throws a ValidationError naming every
 * problem, before anything is written. Returns the row as stored (unchanged when nothing changed).
 */
export async function saveContact(
  trx: Transaction<Database>,
  ctx: SaveContext,
  current: ContactRow | undefined,
  input: ContactInput,
): Promise<ContactRow> {
  const ws = ctx.workspaceId
  const problems = new Problems()
  const existingEmails = current ? (await q.emailsOf(trx, ws, [current.id])).get(current.id)! : []
  const existingPhones = current ? (await q.phonesOf(trx, ws, [current.id])).get(current.id)! : []
  const names = resolveNames(current ?? NO_NAMES, input)
  const written = checkEmails(input.emails ?? [], 'emails', problems)
  const emails = await freeEmails(trx, ws, current?.id, written, problems)
  const phones = checkPhoneNumbers(input.phone_numbers ?? [], 'phone_numbers', problems, ctx.defaultCountryCode).filter(
    (p) => !existingPhones.some((e) => e.key === p.key),
  )
  const organization = await checkOrganization(trx, ctx, input.organization_id, problems)
  const values = await checkCustomFieldValues(trx, ws, 'contact', input.custom_fields, problems)
  // A valid address counts even when it is taken: that request gets the one problem that matters.
  if (names.first_name === null && existingEmails.length + written.length === 0) {
    problems.add('first_name', 'required', "can't be blank (give a first_name, a name or at least one valid email)")
  }
  problems.throwIfAny()

  const now = nowMs()
  let organizationId = current?.organization_id ?? null
  if (organization === 'auto') {
    const auto = await resolveAutoOrganization(trx, ws, [...existingEmails, ...emails.map((e) => e.email)], now)
    // On PATCH, emails that name no usable domain leave the organization as it was.
    organizationId = auto ?? organizationId
  } else if (organization !== undefined) organizationId = organization
  const next: ContactRow = {
    workspace_id: ws,
    id: current?.id ?? newId(),
    ...names,
    title: input.title === undefined ? (current?.title ?? null) : (cleanText(input.title) ?? null),
    organization_id: organizationId,
    custom_fields: JSON.stringify(applyChanges(current ? parseStoredValues(current.custom_fields) : {}, values)),
    created_at: current?.created_at ?? now,
    updated_at: now,
  }
  if (current === undefined) await q.insertContact(trx, next)
  else if (emails.length > 0 || phones.length > 0 || differs(current, next)) {
    const { workspace_id: _w, id: _i, created_at: _c, ...changes } = next
    await q.updateContact(trx, ws, next.id, changes)
  } else return current
  await q.insertEmails(trx, ws, next.id, emails, current ? await q.nextPosition(trx, 'contact_emails', ws, next.id) : 0)
  await q.insertPhones(trx, ws, next.id, phones, current ? await q.nextPosition(trx, 'contact_phones', ws, next.id) : 0)
  return next
}

function differs(a: ContactRow, b: ContactRow): boolean {
  const keys = ['first_name', 'last_name', 'name', 'title', 'organization_id', 'custom_fields'] as const
  return keys.some((key) => a[key] !== b[key])
}

/**
 * Records `has already been taken` for each address another contact holds (the phrase Relate clients
 * match); returns the addresses to add (those the contact does not hold yet).
 */
async function freeEmails(
  trx: Transaction<Database>,
  workspaceId: string,
  self: string | undefined,
  emails: WrittenEmail[],
  problems: Problems,
): Promise<WrittenEmail[]> {
  const owners = new Map(
    (
      await q.findEmailOwners(
        trx,
        workspaceId,
        emails.map((e) => e.key),
      )
    ).map((o) => [o.email_key, o.contact_id]),
  )
  const free: WrittenEmail[] = []
  for (const email of emails) {
    const owner = owners.get(email.key)
    if (owner === undefined) free.push(email)
    else if (owner !== self) problems.add(email.path, 'taken', 'has already been taken')
  }
  return free
}

/** `organization_id` as sent: undefined (keep), null, `"auto"`, or the id of an existing organization. */
async function checkOrganization(
  trx: Transaction<Database>,
  ctx: SaveContext,
  value: string | null | undefined,
  problems: Problems,
) {
  if (value === undefined || value === null || value === 'auto') return value
  if (await orgs.holdOrganization(trx, ctx.workspaceId, value)) return value
  problems.add('organization_id', 'unknown', `is not an organization of this workspace: ${JSON.stringify(value)}`)
  return undefined
}
