// SQL for organizations and their domains. Every query is scoped by workspace.
import { sql } from 'kysely'
import type { Executor } from '../dialect.js'
import type { OrganizationDomainRow, OrganizationRow } from '../schema.js'
import { newestFirst, selectPage, type PageRequest } from './page.js'
import { containsText } from './text-search.js'

export async function insertOrganization(db: Executor, row: OrganizationRow): Promise<void> {
  await db.insertInto('organizations').values(row).execute()
}

function organizationById(db: Executor, workspaceId: string, id: string) {
  return db.selectFrom('organizations').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id)
}

/** The organization with this id. */
export async function findOrganization(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<OrganizationRow | undefined> {
  return organizationById(db, workspaceId, id).executeTakeFirst()
}

/**
 * The organization, locked (FOR UPDATE) until the transaction ends: before changing or deleting it, so
 * that a row being pointed at it meanwhile (holdOrganization) waits and then sees the outcome.
 */
export async function lockOrganization(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<OrganizationRow | undefined> {
  return organizationById(db, workspaceId, id).forUpdate().executeTakeFirst()
}

/**
 * The organization, held (FOR SHARE) until the transaction ends: before pointing a new row (a contact,
 * a note) at it, so a concurrent delete either runs first (and this finds nothing) or waits for us.
 */
export async function holdOrganization(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<OrganizationRow | undefined> {
  return organizationById(db, workspaceId, id).forShare().executeTakeFirst()
}

export interface OrganizationFilter {
  updatedAfterMs?: number | undefined
  /** Organizations whose name contains this text, any case. */
  nameContains?: string | undefined
  /** Normalised domain: the organization that owns it. */
  domain?: string | undefined
}

export async function listOrganizations(
  db: Executor,
  workspaceId: string,
  filter: OrganizationFilter,
  page: PageRequest,
) {
  let query = db.selectFrom('organizations').selectAll().where('workspace_id', '=', workspaceId)
  if (filter.updatedAfterMs !== undefined) query = query.where('updated_at', '>', filter.updatedAfterMs)
  if (filter.nameContains !== undefined) query = query.where(containsText('organizations.name', filter.nameContains))
  if (filter.domain !== undefined) {
    const domain = filter.domain
    query = query.where('id', 'in', (eb) =>
      eb
        .selectFrom('organization_domains')
        .select('organization_id')
        .where('workspace_id', '=', workspaceId)
        .where('domain', '=', domain),
    )
  }
  return selectPage(query, page, newestFirst('organizations'))
}

export async function updateOrganization(
  db: Executor,
  workspaceId: string,
  id: string,
  changes: Partial<Pick<OrganizationRow, 'name' | 'description' | 'custom_fields' | 'updated_at'>>,
): Promise<void> {
  await db
    .updateTable('organizations')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}

/** Deletes the organization; its domains go by foreign-key cascade. */
export async function deleteOrganization(db: Executor, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('organizations').where('workspace_id', '=', workspaceId).where('id', '=', id).execute()
}

/** Which of these normalised domains some organization already owns. */
export async function findDomainOwners(
  db: Executor,
  workspaceId: string,
  domains: readonly string[],
): Promise<OrganizationDomainRow[]> {
  if (domains.length === 0) return []
  return db
    .selectFrom('organization_domains')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('domain', 'in', domains)
    .execute()
}

/** The domains of each organization, in the order they were added. */
export async function domainsOf(
  db: Executor,
  workspaceId: string,
  organizationIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(organizationIds.map((id) => [id, []]))
  if (organizationIds.length === 0) return out
  const rows = await db
    .selectFrom('organization_domains')
    .select(['organization_id', 'domain'])
    .where('workspace_id', '=', workspaceId)
    .where('organization_id', 'in', organizationIds)
    .orderBy('position')
    .execute()
  for (const row of rows) out.get(row.organization_id)?.push(row.domain)
  return out
}

/** Adds domains after position `from`; the caller has checked that no organization owns them. */
export async function insertDomains(
  db: Executor,
  workspaceId: string,
  organizationId: string,
  domains: readonly string[],
  from: number,
): Promise<void> {
  if (domains.length === 0) return
  const rows = domains.map((domain, i) => ({
    workspace_id: workspaceId,
    domain,
    organization_id: organizationId,
    position: from + i,
  }))
  await db.insertInto('organization_domains').values(rows).execute()
}

/** The next free domain position of an organization. */
export async function nextDomainPosition(db: Executor, workspaceId: string, organizationId: string): Promise<number> {
  const row = await db
    .selectFrom('organization_domains')
    .select(sql<number | null>`max(position)`.as('max'))
    .where('workspace_id', '=', workspaceId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst()
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1
}

/** Removes these domains from the organization; domains it does not own are left alone. */
export async function deleteDomains(
  db: Executor,
  workspaceId: string,
  organizationId: string,
  domains: readonly string[],
): Promise<void> {
  if (domains.length === 0) return
  await db
    .deleteFrom('organization_domains')
    .where('workspace_id', '=', workspaceId)
    .where('organization_id', '=', organizationId)
    .where('domain', 'in', domains)
    .execute()
}

/** Leaves the organization's contacts without one (there is no foreign key to do it). */
export async function detachContacts(
  db: Executor,
  workspaceId: string,
  organizationId: string,
  at: number,
): Promise<void> {
  await db
    .updateTable('contacts')
    .set({ organization_id: null, updated_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('organization_id', '=', organizationId)
    .execute()
}
