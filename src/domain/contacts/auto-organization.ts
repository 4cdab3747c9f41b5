// `organization_id: "auto"`: the contact joins the organization that owns one of its email domains,
// and when none does, an organization is made for the first company domain, named after it. Personal
// mail providers (gmail.com, naver.com, ...) never get an organization made for them: thousands of
// unrelated people would end up in one "gmail.com" organization.
import type { Executor } from '../../db/dialect.js'
import * as orgs from '../../db/queries/organizations.js'
import { emailDomain } from '../email-address.js'
import { newId } from '../ids.js'
import { normaliseDomain } from '../organizations/domain-names.js'

/** Domains of free and personal email providers, common worldwide and in Korea. */
export const PERSONAL_EMAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.co.kr',
  'yahoo.co.jp',
  'hotmail.com',
  'outlook.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'mail.com',
  'yandex.com',
  'yandex.ru',
  'qq.com',
  '163.com',
  'naver.com',
  'daum.net',
  'hanmail.net',
  'kakao.com',
  'nate.com',
  'korea.com',
])

export interface AutoCandidates {
  /** Distinct email domains in the order of the emails: the first one an organization owns wins. */
  lookup: string[]
  /** The domain to make an organization for when none is owned: the first non-personal one. */
  create: string | undefined
}

/**
 * Which domains `"auto"` looks at for these emails.
 *
 * ### Example
 * ```ts
 * autoCandidates(['paul@gmail.com', 'paul@atreid.es']) // { lookup: ['gmail.com', 'atreid.es'], create: 'atreid.es' }
 * ```
 */
export function autoCandidates(emails: readonly string[]): AutoCandidates {
  const lookup: string[] = []
  for (const email of emails) {
    const domain = normaliseDomain(emailDomain(email))
    if (domain !== undefined && !lookup.includes(domain)) lookup.push(domain)
  }
  return { lookup, create: lookup.find((domain) => !PERSONAL_EMAIL_DOMAINS.has(domain)) }
}

/**
 * Resolves `"auto"` inside the caller's transaction: the id of the owning organization, or of one made
 * now (`created`), or null when the emails give no usable domain. Call only once every check has passed, because
 * it may write. A concurrent request making the same organization makes this insert fail on the
 * domain's unique key; the caller retries and then finds it.
 */
export async function resolveAutoOrganization(
  trx: Executor,
  workspaceId: string,
  emails: readonly string[],
  now: number,
): Promise<{ id: string; created: boolean } | null> {
  const { lookup, create } = autoCandidates(emails)
  if (lookup.length === 0) return null
  const owners = await orgs.findDomainOwners(trx, workspaceId, lookup)
  const byDomain = new Map(owners.map((o) => [o.domain, o.organization_id]))
  for (const domain of lookup) {
    const owner = byDomain.get(domain)
    if (owner !== undefined) return { id: owner, created: false }
  }
  if (create === undefined) return null
  const id = newId()
  await orgs.insertOrganization(trx, {
    workspace_id: workspaceId,
    id,
    name: create,
    description: null,
    custom_fields: '{}',
    created_at: now,
    updated_at: now,
  })
  await orgs.insertDomains(trx, workspaceId, id, [create], 0)
  return { id, created: true }
}
