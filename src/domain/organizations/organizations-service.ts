// Organizations (`/v1/organizations`): a name or a domain is needed, domains are unique in the workspace
// (a clash is the 422 clients match on `same organization domain`), PATCH adds domains, and deleting one
// takes its entries and notes along and leaves its contacts without an organization.
import type { Db } from '../../db/dialect.js'
import type { OrganizationRow } from '../../db/schema.js'
import * as q from '../../db/queries/organizations.js'
import { deleteEntriesOfRecords } from '../../db/queries/entries.js'
import { deleteNotesOfOrganization } from '../../db/queries/notes.js'
import type { Actor } from '../actor.js'
import { cleanText } from '../contacts/contact-names.js'
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
import { Listeners, recordEvent } from '../webhooks/record-event.js'
import type { Executor } from '../../db/dialect.js'

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
}

export class OrganizationsService {
  constructor(private readonly db: Db) {}

  async list(actor: Actor, query: ListOrganizationsQuery): Promise<Page<Organization>> {
    const page = pageRequest(query)
    const filter = {
      updatedAfterMs: query.updated_after === undefined ? undefined : unixSecondsToMs(query.updated_after),
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
            this.shareLock(),
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
          await recordEvent(trx, actor.workspaceId, {
            type: 'organization.created',
            recordType: 'organization',
            recordId: row.id,
            object: () => presentOne(trx, actor.workspaceId, row),
          })
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
          const row = await q.findOrganization(trx, actor.workspaceId, id, this.updateLock())
          if (!row) throw new NotFoundError('organization', id)
          const listeners = await Listeners.of(trx, actor.workspaceId)
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
            this.shareLock(),
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
          const before = listeners.want('organization.updated')
            ? await presentOne(trx, actor.workspaceId, row)
            : undefined
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
          await recordEvent(
            trx,
            actor.workspaceId,
            {
              type: 'organization.updated',
              recordType: 'organization',
              recordId: id,
              object: () => presentOne(trx, actor.workspaceId, next),
              before,
            },
            listeners,
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
      const row = await q.findOrganization(trx, actor.workspaceId, id, this.updateLock())
      if (!row) throw new NotFoundError('organization', id)
      const current = (await q.domainsOf(trx, actor.workspaceId, [id])).get(id) ?? []
      const remove = domains.map(normaliseDomain).filter((d): d is string => d !== undefined && current.includes(d))
      if (remove.length === 0) return row
      const listeners = await Listeners.of(trx, actor.workspaceId)
      const before = listeners.want('organization.updated') ? await presentOne(trx, actor.workspaceId, row) : undefined
      await q.deleteDomains(trx, actor.workspaceId, id, remove)
      const next = { ...row, updated_at: nowMs() }
      await q.updateOrganization(trx, actor.workspaceId, id, { updated_at: next.updated_at })
      await recordEvent(
        trx,
        actor.workspaceId,
        {
          type: 'organization.updated',
          recordType: 'organization',
          recordId: id,
          object: () => presentOne(trx, actor.workspaceId, next),
          before,
        },
        listeners,
      )
      return next
    }, actor.deadline)
    return this.present(actor, row)
  }

  /** Deletes the organization with its entries, notes and domains; its contacts stay, unlinked. */
  async delete(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      // Locked first, so a contact or note being pointed at it concurrently waits and then sees it gone.
      const row = await q.findOrganization(trx, actor.workspaceId, id, this.updateLock())
      if (!row) throw new NotFoundError('organization', id)
      // The organization as it was; its entries, notes and its contacts' links go with it, implied.
      await recordEvent(trx, actor.workspaceId, {
        type: 'organization.deleted',
        recordType: 'organization',
        recordId: id,
        object: () => presentOne(trx, actor.workspaceId, row),
      })
      await deleteEntriesOfRecords(trx, actor.workspaceId, 'Organization', [id])
      await deleteNotesOfOrganization(trx, actor.workspaceId, id)
      await q.detachContacts(trx, actor.workspaceId, id, nowMs())
      await q.deleteOrganization(trx, actor.workspaceId, id)
    }, actor.deadline)
  }

  private async present(actor: Actor, row: OrganizationRow): Promise<Organization> {
    return presentOne(this.db.kysely, actor.workspaceId, row)
  }

  private updateLock(): 'update' | undefined {
    return this.db.traits.supportsForUpdate ? 'update' : undefined
  }

  private shareLock(): 'share' | undefined {
    return this.db.traits.supportsForUpdate ? 'share' : undefined
  }
}

/** One organization as the API shows it. */
async function presentOne(db: Executor, workspaceId: string, row: OrganizationRow): Promise<Organization> {
  return (await presentOrganizations(db, workspaceId, [row]))[0]!
}
