// Writing an organization, the same rules for create, PATCH and batches: a name or a domain is needed,
// domains are added (never replaced) and belong to one organization, a name cannot be blanked. Every
// check runs before the first write.
import type { Executor } from '../../db/dialect.js'
import type { OrganizationRow } from '../../db/schema.js'
import * as q from '../../db/queries/organizations.js'
import { cleanText } from '../contacts/contact-names.js'
import { applyChanges, checkCustomFieldValues, parseStoredValues } from '../custom-fields/custom-field-values.js'
import { Problems } from '../errors.js'
import { newId } from '../ids.js'
import { nowMs } from '../time.js'
import { checkDomains } from './domain-names.js'
import { freeDomains } from './domain-ownership.js'
import type { OrganizationInput } from './organizations-service.js'

export interface SaveOrganizationContext {
  workspaceId: string
  /** `share` on PostgreSQL: records that custom-field values name cannot be deleted under us. */
  shareLock: 'share' | undefined
}

/**
 * Creates (`current` undefined) or updates an organization inside `trx`. Throws a ValidationError naming
 * every problem before anything is written; returns the row as stored (`current` itself when nothing
 * changed).
 */
export async function saveOrganization(
  trx: Executor,
  ctx: SaveOrganizationContext,
  current: OrganizationRow | undefined,
  input: OrganizationInput,
): Promise<OrganizationRow> {
  const ws = ctx.workspaceId
  const problems = new Problems()
  const name = cleanText(input.name)
  const domains = checkDomains(input.domains ?? [], 'domains', problems)
  if (current === undefined && (name === null || name === undefined) && domains.length === 0)
    problems.add('name', 'required', "can't be blank (give a name or at least one valid domain)")
  if (current !== undefined && name === null) problems.add('name', 'blank', "can't be blank")
  const added = await freeDomains(trx, ws, current?.id ?? null, domains, problems)
  const values = await checkCustomFieldValues(trx, ws, 'organization', input.custom_fields, problems, ctx.shareLock)
  problems.throwIfAny()
  if (current === undefined) {
    const now = nowMs()
    const row: OrganizationRow = {
      workspace_id: ws,
      id: newId(),
      name: name ?? domains[0]!.domain,
      description: cleanText(input.description) ?? null,
      custom_fields: JSON.stringify(applyChanges({}, values)),
      created_at: now,
      updated_at: now,
    }
    await q.insertOrganization(trx, row)
    await q.insertDomains(trx, ws, row.id, added, 0)
    return row
  }
  const next: OrganizationRow = {
    ...current,
    custom_fields: JSON.stringify(applyChanges(parseStoredValues(current.custom_fields), values)),
  }
  if (name) next.name = name
  if (input.description !== undefined) next.description = cleanText(input.description) ?? null
  const changed =
    added.length > 0 ||
    next.name !== current.name ||
    next.description !== current.description ||
    next.custom_fields !== current.custom_fields
  if (!changed) return current
  next.updated_at = nowMs()
  await q.updateOrganization(trx, ws, current.id, {
    name: next.name,
    description: next.description,
    custom_fields: next.custom_fields,
    updated_at: next.updated_at,
  })
  await q.insertDomains(trx, ws, current.id, added, await q.nextDomainPosition(trx, ws, current.id))
  return next
}
