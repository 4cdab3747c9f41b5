// The API shape of an organization: flat, domains as plain strings (every client seen reads them so),
// custom field values keyed by field id.
import type { Executor } from '../../db/dialect.js'
import type { OrganizationRow } from '../../db/schema.js'
import * as q from '../../db/queries/organizations.js'
import { definitionsOf, parseStoredValues, showValues, type ShownValue } from '../custom-fields/custom-field-values.js'
import type { FieldDefinition } from '../fields/field-types.js'
import { toIso } from '../time.js'

export interface Organization {
  id: string
  name: string
  description: string | null
  /** Normalised domains, in the order they were added. */
  domains: string[]
  custom_fields: Record<string, ShownValue>
  created_at: string
  updated_at: string
}

export function toOrganization(
  row: OrganizationRow,
  domains: string[],
  fields: readonly FieldDefinition[],
): Organization {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    domains,
    custom_fields: showValues(parseStoredValues(row.custom_fields), fields),
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  }
}

/** Organizations with their domains and values, loaded in two queries whatever the number of rows. */
export async function presentOrganizations(
  db: Executor,
  workspaceId: string,
  rows: readonly OrganizationRow[],
): Promise<Organization[]> {
  if (rows.length === 0) return []
  const [domains, fields] = await Promise.all([
    q.domainsOf(
      db,
      workspaceId,
      rows.map((r) => r.id),
    ),
    definitionsOf(db, workspaceId, 'organization'),
  ])
  return rows.map((row) => toOrganization(row, domains.get(row.id) ?? [], fields))
}
