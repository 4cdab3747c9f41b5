// What `include=` adds to each entry of a page (Rapport only; Relate's entries carry neither): the name
// of the organization or contact it holds, and when it entered its current status. A board shows both on
// every card; without them it would fetch each record and each history one by one. Two reads per page,
// whatever its size (at most MAX_PAGE_SIZE ids each).
import type { Executor } from '../../db/dialect.js'
import { latestStatusChanges, recordNames } from '../../db/queries/entry-reads.js'
import type { EntryRow } from '../../db/schema.js'
import { toIso } from '../time.js'

export const ENTRY_INCLUDES = ['entryable_name', 'status_changed_at'] as const
export type EntryInclude = (typeof ENTRY_INCLUDES)[number]

export interface EntryExtras {
  entryable_name?: string
  status_changed_at?: string | null
}

/** The extras asked for, by entry id; an empty map when `include` asks for none. */
export async function entryExtras(
  db: Executor,
  workspaceId: string,
  rows: readonly EntryRow[],
  include: readonly EntryInclude[] | undefined,
): Promise<Map<string, EntryExtras>> {
  const extras = new Map<string, EntryExtras>()
  if (include === undefined || include.length === 0 || rows.length === 0) return extras
  for (const row of rows) extras.set(row.id, {})
  if (include.includes('entryable_name')) {
    const byType = (type: string) => [
      ...new Set(rows.filter((r) => r.entryable_type === type).map((r) => r.entryable_id)),
    ]
    const names = await recordNames(db, workspaceId, byType('Organization'), byType('Contact'))
    for (const row of rows) extras.get(row.id)!.entryable_name = names.get(row.entryable_id) ?? ''
  }
  if (include.includes('status_changed_at')) {
    const latest = await latestStatusChanges(
      db,
      workspaceId,
      rows.filter((r) => r.status_id !== null).map((r) => r.id),
    )
    for (const row of rows) {
      const at = latest.get(row.id)
      extras.get(row.id)!.status_changed_at = at === undefined ? null : toIso(at)
    }
  }
  return extras
}
