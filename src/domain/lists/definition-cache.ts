// A per-process cache of lists' fields and statuses, which every entry request needs. It can never serve
// a stale definition: each request still reads the list row, and an entry is used only when its
// `definition_version` equals the row's (every change to fields or statuses raises the version). So
// processes need not agree on anything; a process that missed a change simply reloads.
//
// The one exception is latestDefinition(), for writes that confirm the version themselves inside their
// transaction (creates: the UPDATE that numbers them returns it) and start again if it moved.
import type { ListRow, StatusRow } from '../../db/schema.js'
import type { FieldDefinition } from '../fields/field-types.js'

/** Lists whose definitions are kept; the least recently used one is dropped past this. */
const MAX_LISTS = 2000

interface CachedDefinition {
  version: number
  fields: FieldDefinition[]
  /** Their `entry_count` is as of loading: read counts from the database, not from here. */
  statuses: StatusRow[]
  /** The list row as last read at this version; its counters and other columns may be behind. */
  list: ListRow
}

const cache = new Map<string, CachedDefinition>()

export function cachedDefinition(workspaceId: string, listId: string, version: number): CachedDefinition | undefined {
  const key = `${workspaceId}/${listId}`
  const hit = cache.get(key)
  if (hit === undefined || hit.version !== version) return undefined
  // Re-insert so Map order tracks recency.
  cache.delete(key)
  cache.set(key, hit)
  return hit
}

/** The definition last loaded for the list, whatever its version: possibly behind the database. */
export function latestDefinition(workspaceId: string, listId: string): CachedDefinition | undefined {
  return cache.get(`${workspaceId}/${listId}`)
}

export function rememberDefinition(workspaceId: string, listId: string, definition: CachedDefinition): void {
  const key = `${workspaceId}/${listId}`
  cache.delete(key)
  if (cache.size >= MAX_LISTS) cache.delete(cache.keys().next().value!)
  cache.set(key, definition)
}
