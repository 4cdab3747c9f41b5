// A list's definition: its row, its fields and its statuses, which every entry request is checked
// against. The type, its loading and its cache live here, in one ListDefinitions instance that
// createServices builds and hands to the services that read definitions (lists, connections, entries).
//
// The invalidation rule, enforced in this file: a list row carries `definition_version`, and
//   - every change to a list's fields or statuses raises it, in the same transaction (the writer calls
//     nextDefinitionVersion; today that is ListsService's PATCH, the only writer of fields and statuses);
//   - a cached definition is used only when its version equals the row just read (`of`), so a process
//     never serves fields or statuses older than the row it read, and processes need not agree on
//     anything: one that missed a change reloads.
// The one exception is `unconfirmed`, for a write that confirms the version inside its own transaction
// and starts again when it moved (creates: the UPDATE that numbers them returns it; see EntryWrites).
import type { Executor } from '../../db/dialect.js'
import * as q from '../../db/queries/lists.js'
import type { ListRow, StatusRow } from '../../db/schema.js'
import { NotFoundError } from '../errors.js'
import type { FieldDefinition } from '../fields/field-types.js'
import { fieldFromRow } from '../fields/stored-field.js'

/** A list with its fields and statuses: what entries are checked against. */
export interface ListDefinition {
  list: ListRow
  fields: FieldDefinition[]
  /** Their `entry_count` is as of loading: read counts from the database, not from here. */
  statuses: StatusRow[]
}

/** Lists whose definitions are kept; the least recently used one is dropped past this. */
const MAX_LISTS = 2000

interface Cached {
  version: number
  fields: FieldDefinition[]
  statuses: StatusRow[]
  /** The list row as last read at this version; its counters and other columns may be behind. */
  list: ListRow
}

/** The `definition_version` a change to the list's fields or statuses writes (see the rule above). */
export function nextDefinitionVersion(list: Pick<ListRow, 'definition_version'>): number {
  return list.definition_version + 1
}

export class ListDefinitions {
  /** By `workspace/list`; Map order is recency (a hit is re-inserted). */
  readonly #cache = new Map<string, Cached>()

  /** Loads a list with its fields and statuses, or throws 404 (see `of`). */
  async load(db: Executor, workspaceId: string, listId: string): Promise<ListDefinition> {
    const list = await q.findList(db, workspaceId, listId)
    if (!list) throw new NotFoundError('list', listId)
    return this.of(db, list)
  }

  /** A list row's definition: fields and statuses from the cache when its version is the row's. */
  async of(db: Executor, list: ListRow): Promise<ListDefinition> {
    const key = `${list.workspace_id}/${list.id}`
    let cached = this.#cache.get(key)
    if (cached?.version !== list.definition_version) {
      const fields = await q.findFieldsOfLists(db, list.workspace_id, [list.id])
      const statuses = list.process ? await q.findStatusesOfLists(db, list.workspace_id, [list.id]) : []
      cached = { version: list.definition_version, fields: fields.map(fieldFromRow), statuses, list }
    } else cached.list = list
    this.#remember(key, cached)
    // Shared with the cache: callers read these, never change them.
    return { list, fields: cached.fields, statuses: cached.statuses }
  }

  /**
   * The definition this process last loaded for the list, without asking the database: it may be
   * behind (another request or process may have changed the list since). Only for a write that
   * confirms `list.definition_version` inside its own transaction and starts again from `load` when it
   * moved, as creates do.
   */
  unconfirmed(workspaceId: string, listId: string): ListDefinition | undefined {
    const cached = this.#cache.get(`${workspaceId}/${listId}`)
    return cached && { list: cached.list, fields: cached.fields, statuses: cached.statuses }
  }

  #remember(key: string, cached: Cached): void {
    this.#cache.delete(key)
    if (this.#cache.size >= MAX_LISTS) this.#cache.delete(this.#cache.keys().next().value!)
    this.#cache.set(key, cached)
  }
}
