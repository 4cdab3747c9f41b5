// A domain belongs to at most one organization per workspace. A clash is the 422 Relate clients match
// on `same organization domain` (case-insensitively) before retrying without `domains`.
import type { Executor } from '../../db/dialect.js'
import * as q from '../../db/queries/organizations.js'
import type { Problems } from '../errors.js'
import type { WrittenDomain } from './domain-names.js'

/** Contains both phrases clients look for: `has already been taken` and `same organization domain`. */
export const DOMAIN_TAKEN_MESSAGE = 'has already been taken: another organization has the same organization domain'

/**
 * Records a problem for each domain another organization owns; returns those nobody owns yet. Domains
 * `self` already has (null for a new organization) are neither a problem nor returned.
 */
export async function freeDomains(
  db: Executor,
  workspaceId: string,
  self: string | null,
  domains: readonly WrittenDomain[],
  problems: Problems,
): Promise<string[]> {
  const owners = new Map(
    (
      await q.findDomainOwners(
        db,
        workspaceId,
        domains.map((d) => d.domain),
      )
    ).map((o) => [o.domain, o.organization_id]),
  )
  const free: string[] = []
  for (const { domain, path } of domains) {
    const owner = owners.get(domain)
    if (owner === undefined) free.push(domain)
    else if (owner !== self) problems.add(path, 'taken', DOMAIN_TAKEN_MESSAGE)
  }
  return free
}
