// Organizations (`/v1/organizations`): a name or a domain is needed, domains are unique in the workspace
// (a clash is the 422 clients match on `same organization domain`), PATCH adds domains, and deleting one
// takes its entries and notes along and leaves its contacts without an organization.
import type { Db } from '../../db/dialect.js'
import type { OrganizationRow } from '../../db/schema.js'
import * as q from '../../db/queries/organizations.js'
import { deleteEntriesOfRecords } from '../../db/queries/entries.js'
import { deleteNotesOfOrganization } from '../../db/queries/notes.js'
import type { Actor } from '../actor.js'
import type { CustomFieldsInput } from '../custom-fields/custom-field-values.js'
import { NotFoundError } from '../errors.js'
import type { Outcome } from '../../db/micro-batch.js'
import { eachWhole } from '../each-whole.js'
import { pageRequest, toPage, type Page } from '../pagination.js'
import { nowMs, unixSecondsToMs } from '../time.js'
import { retryOnUniqueViolation } from '../unique-retry.js'
import { normaliseDomain } from './domain-names.js'
import { matchOrganization } from './match-organization.js'
import { saveOrganization } from './save-organization.js'
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
      () => this.db.transaction((trx) => saveOrganization(trx, this.context(actor), undefined, input), actor.deadline),
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
          return saveOrganization(trx, this.context(actor), row, input)
        }, actor.deadline),
      'domains',
    )
    return this.present(actor, row)
  }

  /**
   * Creates many organizations in one transaction (`POST /v1/organizations/batch`), each whole or not at
   * all. With `upsert`, an item matching an organization (by one of its domains, then by exact name) is
   * applied to it as a PATCH instead. One outcome per item, in order.
   */
  async createBatch(
    actor: Actor,
    inputs: readonly OrganizationInput[],
    upsert: boolean,
  ): Promise<Array<Outcome<{ organization: Organization; created: boolean }>>> {
    const written = await this.db.transaction(
      (trx) =>
        eachWhole(trx, inputs, async (input) => {
          const current = upsert ? await matchOrganization(trx, actor.workspaceId, input, this.updateLock()) : undefined
          return { row: await saveOrganization(trx, this.context(actor), current, input), created: !current }
        }),
      actor.deadline,
    )
    const shown = await presentOrganizations(
      this.db.kysely,
      actor.workspaceId,
      written.flatMap((o) => (o.ok ? [o.value.row] : [])),
    )
    const byId = new Map(shown.map((o) => [o.id, o]))
    return written.map((o) =>
      o.ok ? { ok: true, value: { organization: byId.get(o.value.row.id)!, created: o.value.created } } : o,
    )
  }

  private context(actor: Actor) {
    return { workspaceId: actor.workspaceId, shareLock: this.shareLock() }
  }

  /** Removes the listed domains (any written form); domains the organization does not have are ignored. */
  async removeDomains(actor: Actor, id: string, domains: readonly string[]): Promise<Organization> {
    const row = await this.db.transaction(async (trx) => {
      const row = await q.findOrganization(trx, actor.workspaceId, id, this.updateLock())
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
      const row = await q.findOrganization(trx, actor.workspaceId, id, this.updateLock())
      if (!row) throw new NotFoundError('organization', id)
      await deleteEntriesOfRecords(trx, actor.workspaceId, 'Organization', [id])
      await deleteNotesOfOrganization(trx, actor.workspaceId, id)
      await q.detachContacts(trx, actor.workspaceId, id, nowMs())
      await q.deleteOrganization(trx, actor.workspaceId, id)
    }, actor.deadline)
  }

  private async present(actor: Actor, row: OrganizationRow): Promise<Organization> {
    return (await presentOrganizations(this.db.kysely, actor.workspaceId, [row]))[0]!
  }

  private updateLock(): 'update' | undefined {
    return this.db.traits.supportsForUpdate ? 'update' : undefined
  }

  private shareLock(): 'share' | undefined {
    return this.db.traits.supportsForUpdate ? 'share' : undefined
  }
}
