// Contacts and organizations read many at a time by id, with what the export and the import show of
// them. Every query is scoped by workspace.
import type { Executor } from '../dialect.js'
import type { ContactRow, OrganizationRow } from '../schema.js'

/** Ids per IN list: well under both databases' limits on bound parameters. */
const IDS_PER_QUERY = 500

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size)
}

export async function contactsByIds(
  db: Executor,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, ContactRow>> {
  const out = new Map<string, ContactRow>()
  for (const chunk of chunks([...new Set(ids)], IDS_PER_QUERY)) {
    const rows = await db
      .selectFrom('contacts')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', chunk)
      .execute()
    for (const row of rows) out.set(row.id, row)
  }
  return out
}

export async function organizationsByIds(
  db: Executor,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, OrganizationRow>> {
  const out = new Map<string, OrganizationRow>()
  for (const chunk of chunks([...new Set(ids)], IDS_PER_QUERY)) {
    const rows = await db
      .selectFrom('organizations')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', chunk)
      .execute()
    for (const row of rows) out.set(row.id, row)
  }
  return out
}

/** Lists of the workspace with exactly this name (the CLI names lists by id or name). */
export async function findListsByName(db: Executor, workspaceId: string, name: string): Promise<Array<{ id: string }>> {
  return db.selectFrom('lists').select('id').where('workspace_id', '=', workspaceId).where('name', '=', name).execute()
}
