// SQL for pages of a list's entries: every filter of `GET /v1/lists/:list_id/entries` as one
// condition, the sort with its id tie-break, the matches counted the cheapest way the filter allows,
// and a keyset seek where the page before is known (a continuation).
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely'
import type { Executor } from '../dialect.js'
import type { Database, EntryRow } from '../schema.js'
import { countRows, ordered, selectPage, type OrderTerm, type PageRequest } from './page.js'

/** Everything the list endpoint can filter entries by, already resolved to ids and milliseconds. */
export interface EntryFilter {
  /** Any of these statuses (status, status_type). An empty array matches nothing. */
  statusIds?: string[]
  assigneeId?: string
  entryableType?: string
  entryableId?: string
  contactId?: string
  createdAfterMs?: number
  createdBeforeMs?: number
  updatedAfterMs?: number
  updatedBeforeMs?: number
  closedAfterMs?: number
  closedBeforeMs?: number
  /** Every one of these field values (AND). */
  fieldValues?: Array<{ fieldId: string; value: string }>
}

export const ENTRY_SORT_COLUMNS = [
  'updated_at',
  'created_at',
  'key_number',
  'one_time_value_cents',
  'closed_at',
] as const
export type EntrySortColumn = (typeof ENTRY_SORT_COLUMNS)[number]

export interface EntrySort {
  column: EntrySortColumn
  direction: 'asc' | 'desc'
}

/** Where a page continues: the sort value and id of the last row of the page before it. */
export interface Continuation {
  value: number
  id: string
}

/**
 * One page of a list's entries matching `filter`, in `sort` order with the id as tie-break, and the
 * number of matches (`knownTotal` skips the count when the caller has it from a kept counter). With
 * `from`, the page is the rows after that row in the order (a keyset seek, whatever the offset), for a
 * sort column that is never null.
 */
export async function listEntries(
  db: Executor,
  workspaceId: string,
  listId: string,
  filter: EntryFilter,
  sort: EntrySort,
  page: PageRequest,
  knownTotal?: number,
  from?: Continuation,
) {
  if (filter.statusIds !== undefined && filter.statusIds.length === 0) return { rows: [] as EntryRow[], total: 0 }
  const [first, ...others] = filter.fieldValues ?? []
  // The page walks the list's index in page order and probes each entry's field values (EXISTS), so it
  // stops after one page.
  const pageQuery = db
    .selectFrom('entries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('list_id', '=', listId)
    .where((eb) => entryConditions(eb, workspaceId, filter, filter.fieldValues ?? []))
  const order: OrderTerm[] = [
    {
      column: sort.column,
      direction: sort.direction,
      nullsLast: sort.column !== 'updated_at' && sort.column !== 'created_at',
    },
    { column: 'id', direction: sort.direction },
  ]
  let total = knownTotal
  if (total === undefined && first === undefined) total = await countRows(pageQuery)
  if (total === undefined && first !== undefined && others.length === 0 && onlyFieldFilters(filter)) {
    // One field value and nothing else: its lookup rows are the answer (one per entry holding it).
    total = await countRows(
      db
        .selectFrom('entry_field_values as v')
        .where('v.workspace_id', '=', workspaceId)
        .where('v.field_id', '=', first.fieldId)
        .where('v.value', '=', first.value),
    )
  }
  if (total === undefined && first !== undefined) {
    // The count goes the other way: from the rows of one field value to their entries (CROSS JOIN keeps
    // that order on SQLite), so it costs the number of matches, not the size of the list. Every value
    // row of a field belongs to an entry of the field's list.
    total = await countRows(
      db
        .selectFrom('entry_field_values as v')
        .crossJoin('entries')
        .where('v.workspace_id', '=', workspaceId)
        .where('v.field_id', '=', first.fieldId)
        .where('v.value', '=', first.value)
        .whereRef('entries.workspace_id', '=', 'v.workspace_id')
        .whereRef('entries.id', '=', 'v.entry_id')
        .where((eb) =>
          entryConditions(eb as unknown as ExpressionBuilder<Database, 'entries'>, workspaceId, filter, others),
        ),
    )
  }
  if (from === undefined) return selectPage(pageQuery, page, order, total)
  if (page.limit === 0 || page.offset >= total!) return { rows: [] as EntryRow[], total: total! }
  const column = sql.ref(`entries.${sort.column}`)
  const beyond = sort.direction === 'desc' ? '<' : '>'
  const rows = await ordered(
    pageQuery.where((eb) =>
      eb.or([eb(column, beyond, from.value), eb.and([eb(column, '=', from.value), eb('entries.id', beyond, from.id)])]),
    ),
    order,
    false,
  )
    .limit(page.limit)
    .execute()
  return { rows, total: total! }
}

/** Whether list-field values are the only filters. */
function onlyFieldFilters(filter: EntryFilter): boolean {
  return Object.entries(filter).every(([key, value]) => key === 'fieldValues' || value === undefined)
}

/** Every filter but the list itself, as one condition on `entries`. */
function entryConditions(
  eb: ExpressionBuilder<Database, 'entries'>,
  workspaceId: string,
  filter: EntryFilter,
  fieldValues: EntryFilter['fieldValues'] & object,
) {
  const conditions: Array<Expression<SqlBool>> = []
  if (filter.statusIds !== undefined) conditions.push(eb('entries.status_id', 'in', filter.statusIds))
  if (filter.assigneeId !== undefined) conditions.push(eb('entries.assignee_id', '=', filter.assigneeId))
  if (filter.entryableType !== undefined) conditions.push(eb('entries.entryable_type', '=', filter.entryableType))
  if (filter.entryableId !== undefined) conditions.push(eb('entries.entryable_id', '=', filter.entryableId))
  if (filter.contactId !== undefined) conditions.push(eb('entries.contact_id', '=', filter.contactId))
  if (filter.createdAfterMs !== undefined) conditions.push(eb('entries.created_at', '>', filter.createdAfterMs))
  if (filter.createdBeforeMs !== undefined) conditions.push(eb('entries.created_at', '<', filter.createdBeforeMs))
  if (filter.updatedAfterMs !== undefined) conditions.push(eb('entries.updated_at', '>', filter.updatedAfterMs))
  if (filter.updatedBeforeMs !== undefined) conditions.push(eb('entries.updated_at', '<', filter.updatedBeforeMs))
  if (filter.closedAfterMs !== undefined) conditions.push(eb('entries.closed_at', '>', filter.closedAfterMs))
  if (filter.closedBeforeMs !== undefined) conditions.push(eb('entries.closed_at', '<', filter.closedBeforeMs))
  for (const { fieldId, value } of fieldValues) {
    conditions.push(
      eb.exists(
        eb
          .selectFrom('entry_field_values as fv')
          .select('fv.entry_id')
          .where('fv.workspace_id', '=', workspaceId)
          .where('fv.field_id', '=', fieldId)
          .where('fv.value', '=', value)
          .whereRef('fv.entry_id', '=', 'entries.id'),
      ),
    )
  }
  return eb.and(conditions)
}
