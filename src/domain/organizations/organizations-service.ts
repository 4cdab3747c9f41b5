// Organizations (`/v1/organizations`): a name or a domain is needed, domains are unique in the workspace
// (a clash is the 422 clients match on `same organization domain`), PATCH adds domains, and deleting one
// takes its entries and notes along and leaves its contacts without an organization.
import type { Db } from '../../db/dialect.js'
import type { OrganizationRow } from '../../db/schema.js'
import * as q from '../../db/queries/organizations.js'
import { deleteNotesOfOrganization } from '../../db/queries/notes.js'
import type { Actor } from '../actor.js'
import { cleanText } from '../contacts/contact-names.js'
import type { EntryWrites } from '../entries/entry-writes.js'
import {
  applyChanges,
  checkCustomFieldValues,
  parseStoredValues,
  type CustomFieldsInput,
} from '../custom-fields/custom-field-values.js'
import { NotFoundError, Problems } from '../errors.js'
import { newId } from '../ids.js'
import { pageRequest, toPage, type Page } from '../pagination.js'
import { nowMs, unixSecondsToMs } from '../time.js'
import { retryOnUniqueViolation } from '../unique-retry.js'
import { checkDomains, normaliseDomain } from './domain-names.js'
import { freeDomains } from './domain-ownership.js'
import { presentOrganizations, type Organization } from './to-organization.js'

export interface OrganizationInput {
  name?: string | null | undefined
  description?: string | null | undefined
  domains?: string[] | undefined
  custom_fields?: CustomFieldsInput | undefined
}

export interface ListOrganizationsQuery {
  first?: number | undefined
  after?: number | undefined
  updated_after?: number | undefined
  /** Text the name contains, any case. */
  name?: string | undefined
  /** A domain, in any written form (`https://www.Atreid.es/x`): the organization that owns it. */
  domain?: string | undefined
}

export class OrganizationsService {
  constructor(
    private readonly db: Db,
    private readonly entryWrites: EntryWrites,
  ) {}

  async list(actor: Actor, query: ListOrganizationsQuery): Promise<Page<Organization>> {
    const page = pageRequest(query)
    const domain = query.domain === undefined ? undefined : normaliseDomain(query.domain)
    // A text no domain can be (`relate`) is owned by nobody.
    if (query.domain !== undefined && domain === undefined) return toPage([], page, 0)
    const filter = {
      updatedAfterMs: query.updated_after === undefined ? undefined : unixSecondsToMs(query.updated_after),
      nameContains: query.name,
      domain,
    }
    const { rows, total } = await q.listOrganizations(this.db.kysely, actor.workspaceId, filter, page)
    return toPage(await presentOrganizations(this.db.kysely, actor.workspaceId, rows), page, total)
  }

  async get(actor: Actor, id: string): Promise<Organization> {
    const row = await q.findOrganization(this.db.kysely, actor.workspaceId, id)
    if (!row) throw new NotFoundError('organization', id)
    return this.present(actor, row)
  }

  async create(actor: Actor, input: OrganizationInput): Promise<Organization> {
    const row = await retryOnUniqueViolation(
      () =>
        this.db.transaction(async (trx) => {
          const problems = new Problems()
          const name = cleanText(input.name) ?? null
          const domains = checkDomains(input.domains ?? [], 'domains', problems)
          if (name === null && domains.length === 0)
            problems.add('name', 'required', "can't be blank (give a name or at least one valid domain)")
          await freeDomains(trx, actor.workspaceId, null, domains, problems)
          const values = await checkCustomFieldValues(
            trx,
            actor.workspaceId,
            'organization',
            input.custom_fields,
            problems,
          )
          problems.throwIfAny()
          const now = nowMs()
          const row: OrganizationRow = {
            workspace_id: actor.workspaceId,
            id: newId(),
            name: name ?? domains[0]!.domain,
            description: cleanText(input.description) ?? null,
            custom_fields: JSON.stringify(applyChanges({}, values)),
            created_at: now,
            updated_at: now,
          }
          await q.insertOrganization(trx, row)
          await q.insertDomains(
            trx,
            actor.workspaceId,
            row.id,
            domains.map((d) => d.domain),
            0,
          )
          return row
        }, actor.deadline),
      'domains',
    )
    return this.present(actor, row)
  }

  /** Changes what is sent: `domains` are added to the existing ones, `null` clears the description. */
  async update(actor: Actor, id: string, input: OrganizationInput): Promise<Organization> {
    const row = await retryOnUniqueViolation(
      () =>
        this.db.transaction(async (trx) => {
          const row = await q.lockOrganization(trx, actor.workspaceId, id)
          if (!row) throw new NotFoundError('organization', id)
          const problems = new Problems()
          const name = cleanText(input.name)
          if (name === null) problems.add('name', 'blank', "can't be blank")
          const domains = checkDomains(input.domains ?? [], 'domains', problems)
          const added = await freeDomains(trx, actor.workspaceId, id, domains, problems)
          const values = await checkCustomFieldValues(
            trx,
            actor.workspaceId,
            'organization',
            input.custom_fields,
            problems,
          )
          problems.throwIfAny()
          const next: OrganizationRow = {
            ...row,
            custom_fields: JSON.stringify(applyChanges(parseStoredValues(row.custom_fields), values)),
          }
          if (name) next.name = name
          if (input.description !== undefined) next.description = cleanText(input.description) ?? null
          const changed =
            added.length > 0 ||
            next.name !== row.name ||
            next.description !== row.description ||
            next.custom_fields !== row.custom_fields
          if (!changed) return row
          next.updated_at = nowMs()
          await q.updateOrganization(trx, actor.workspaceId, id, {
            name: next.name,
            description: next.description,
            custom_fields: next.custom_fields,
            updated_at: next.updated_at,
          })
          await q.insertDomains(
            trx,
            actor.workspaceId,
            id,
            added,
            await q.nextDomainPosition(trx, actor.workspaceId, id),
          )
          return next
        }, actor.deadline),
      'domains',
    )
    return this.present(actor, row)
  }

  /** Removes the listed domains (any written form); domains the organization does not have are ignored. */
  async removeDomains(actor: Actor, id: string, domains: readonly string[]): Promise<Organization> {
    const row = await this.db.transaction(async (trx) => {
      const row = await q.lockOrganization(trx, actor.workspaceId, id)
      if (!row) throw new NotFoundError('organization', id)
      const current = (await q.domainsOf(trx, actor.workspaceId, [id])).get(id) ?? []
      const remove = domains.map(normaliseDomain).filter((d): d is string => d !== undefined && current.includes(d))
      if (remove.length === 0) return row
      await q.deleteDomains(trx, actor.workspaceId, id, remove)
      const updated_at = nowMs()
      await q.updateOrganization(trx, actor.workspaceId, id, { updated_at })
      return { ...row, updated_at }
    }, actor.deadline)
    return this.present(actor, row)
  }

  /** Deletes the organization with its entries, notes and domains; its contacts stay, unlinked. */
  async delete(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      // Locked first, so a contact or note being pointed at it concurrently waits and then sees it gone.
      const row = await q.lockOrganization(trx, actor.workspaceId, id)
      if (!row) throw new NotFoundError('organization', id)
      const now = nowMs()
      await this.entryWrites.deleteOfRecord(trx, actor.workspaceId, 'Organization', id, now)
      await deleteNotesOfOrganization(trx, actor.workspaceId, id)
      await q.detachContacts(trx, actor.workspaceId, id, now)
      await q.deleteOrganization(trx, actor.workspaceId, id)
    }, actor.deadline)
  }

  private async present(actor: Actor, row: OrganizationRow): Promise<Organization> {
    return (await presentOrganizations(this.db.kysely, actor.workspaceId, [row]))[0]!
  }
}
