// The filters and sort of `GET /v1/lists/:list_id/entries` (Relate has none): what each parameter
// means, resolved against the list (status names to ids, field names to fields, member emails to
// members). A name the list does not know is a 422, not an empty page, so typos do not pass silently.
import type { EntryFilter, EntrySort, EntrySortColumn } from '../../db/queries/entry-pages.js'
import type { UserRow } from '../../db/schema.js'
import { Problems } from '../errors.js'
import { filterKey } from '../fields/field-types.js'
import type { ListDefinition } from '../lists/list-definitions.js'
import { unixSecondsToMs } from '../time.js'
import type { EntryListQuery } from './entry-requests.js'

export const ENTRY_SORTS = ['updated_at', 'created_at', 'key', 'one_time_value_cents', 'closed_at'] as const
export type EntrySortName = (typeof ENTRY_SORTS)[number]

const FIELD_PARAM = /^field\[(.+)\]$/

const TIME_FILTERS = [
  ['created_after', 'createdAfterMs'],
  ['created_before', 'createdBeforeMs'],
  ['updated_after', 'updatedAfterMs'],
  ['updated_before', 'updatedBeforeMs'],
  ['closed_after', 'closedAfterMs'],
  ['closed_before', 'closedBeforeMs'],
] as const

/** `-key` → key_number descending; absent → updated_at descending (the default order of every list). */
export function parseSort(sort: string | undefined): EntrySort {
  if (sort === undefined) return { column: 'updated_at', direction: 'desc' }
  const descending = sort.startsWith('-')
  const name = (descending ? sort.slice(1) : sort) as EntrySortName
  const column: EntrySortColumn = name === 'key' ? 'key_number' : name
  return { column, direction: descending ? 'desc' : 'asc' }
}

/**
 * Resolves the query against the list. `assignee` is the member `assignee_email` names (looked up by
 * the caller), or null when the email is no member's. Throws a ValidationError naming every bad
 * parameter.
 */
export function parseEntryFilter(
  def: ListDefinition,
  query: EntryListQuery,
  assignee: UserRow | null | undefined,
): EntryFilter {
  const problems = new Problems()
  const filter: EntryFilter = {}
  const isProcess = def.list.process
  if (query.status !== undefined || query.status_type !== undefined) {
    if (!isProcess)
      problems.add(query.status !== undefined ? 'status' : 'status_type', 'not_allowed', 'is only allowed in processes')
    let statuses = def.statuses
    if (query.status !== undefined) {
      for (const name of query.status) {
        if (!def.statuses.some((s) => s.name === name))
          problems.add('status', 'inclusion', `is not a status of this process: ${JSON.stringify(name)}`)
      }
      statuses = statuses.filter((s) => query.status!.includes(s.name))
    }
    if (query.status_type !== undefined) statuses = statuses.filter((s) => s.type === query.status_type)
    filter.statusIds = statuses.map((s) => s.id)
  }
  if (query.assignee_email !== undefined) {
    if (!isProcess) problems.add('assignee_email', 'not_allowed', 'is only allowed in processes')
    else if (!assignee)
      problems.add(
        'assignee_email',
        'unknown_user',
        `is not a member of this workspace: ${JSON.stringify(query.assignee_email)}`,
      )
    else filter.assigneeId = assignee.id
  }
  if (query.entryable_type !== undefined) filter.entryableType = query.entryable_type
  if (query.entryable_id !== undefined) filter.entryableId = query.entryable_id
  if (query.contact_id !== undefined) filter.contactId = query.contact_id
  for (const [param, key] of TIME_FILTERS) {
    const seconds = query[param]
    if (seconds !== undefined) filter[key] = unixSecondsToMs(seconds)
  }
  for (const [param, text] of Object.entries(query)) {
    const name = FIELD_PARAM.exec(param)?.[1]
    if (name === undefined || typeof text !== 'string') continue
    const field = def.fields.find((f) => f.name === name)
    if (!field) {
      problems.add(param, 'unknown', `is not a field of this list: ${JSON.stringify(name)}`)
      continue
    }
    const value = filterKey(field, text, param, problems)
    if (value !== undefined) {
      filter.fieldValues ??= []
      filter.fieldValues.push({ fieldId: field.id, value })
    }
  }
  problems.throwIfAny()
  return filter
}

/**
 * Which kept counter already knows the number of matches: the list's own count when nothing filters,
 * the statuses' counts when only statuses do. Undefined when the database must count.
 */
export function countSource(filter: EntryFilter): { list: true } | { statusIds: string[] } | undefined {
  const keys = Object.keys(filter) as Array<keyof EntryFilter>
  if (keys.length === 0) return { list: true }
  if (keys.length === 1 && filter.statusIds !== undefined) return { statusIds: filter.statusIds }
  return undefined
}
