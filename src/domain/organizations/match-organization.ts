// Which stored organization a written one is: the owner of one of its domains (in the order written),
// else one with exactly its name. How batches with `upsert` and imports avoid duplicates.
import type { Executor } from '../../db/dialect.js'
import * as q from '../../db/queries/organizations.js'
import type { OrganizationRow } from '../../db/schema.js'
import { cleanText } from '../contacts/contact-names.js'
import { normaliseDomain } from './domain-names.js'

/** The organization `input` matches, or undefined; `lock` as in findOrganization. */
export async function matchOrganization(
  db: Executor,
  workspaceId: string,
  input: { name?: string | null | undefined; domains?: string[] | undefined },
  lock?: q.RowLock,
): Promise<OrganizationRow | undefined> {
  const domains = (input.domains ?? []).map(normaliseDomain).filter((d): d is string => d !== undefined)
  const owners = new Map((await q.findDomainOwners(db, workspaceId, domains)).map((o) => [o.domain, o.organization_id]))
  for (const domain of domains) {
    const owner = owners.get(domain)
    if (owner !== undefined) return q.findOrganization(db, workspaceId, owner, lock)
  }
  const name = cleanText(input.name)
  if (!name) return undefined
  const [named] = await q.findOrganizationsByName(db, workspaceId, [name])
  return named && q.findOrganization(db, workspaceId, named.id, lock)
}
