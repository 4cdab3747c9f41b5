// The API shape of an entry, key for key as Relate documents it: a regular-list entry, and a process
// entry that adds status, assignee, values, closed_at and next_entry_id. Also the shape of one status
// change in an entry's history.
import type { EntryRow, EntryStatusChangeRow, UserRow } from '../../db/schema.js'
import type { EntryType } from '../lists/list-input.js'
import type { ListDefinition } from '../lists/list-definitions.js'
import type { RecurringPeriod } from './entry-input.js'
import { toIso, toIsoOrNull } from '../time.js'
import { toMemberRef, type MemberRef } from '../workspaces/members-service.js'
import { parseStoredValues, toListFieldsResource, type ListFieldValueResource } from './list-field-values.js'

export interface RegularEntryResource {
  id: string
  key: null
  list_id: string
  entryable_id: string
  entryable_type: EntryType
  contact_id: string | null
  list_fields: Record<string, ListFieldValueResource>
  created_at: string
  updated_at: string
}

export interface ProcessEntryResource {
  id: string
  key: string | null
  list_id: string
  entryable_id: string
  entryable_type: EntryType
  status: string
  assignee: MemberRef | null
  contact_id: string | null
  one_time_value_cents: number
  recurring_value_cents: number
  recurring_value_period: RecurringPeriod | null
  list_fields: Record<string, ListFieldValueResource>
  closed_at: string | null
  next_entry_id: string | null
  created_at: string
  updated_at: string
}

export type EntryResource = RegularEntryResource | ProcessEntryResource

/** Maps a stored entry; `members` holds at least its assignee. */
export function toEntryResource(
  row: EntryRow,
  def: ListDefinition,
  members: ReadonlyMap<string, UserRow>,
): EntryResource {
  const listFields = toListFieldsResource(def.fields, parseStoredValues(row.list_fields))
  if (!def.list.process) {
    return {
      id: row.id,
      key: null,
      list_id: row.list_id,
      entryable_id: row.entryable_id,
      entryable_type: row.entryable_type as EntryType,
      contact_id: row.contact_id,
      list_fields: listFields,
      created_at: toIso(row.created_at),
      updated_at: toIso(row.updated_at),
    }
  }
  const assignee = row.assignee_id === null ? undefined : members.get(row.assignee_id)
  return {
    id: row.id,
    key: row.key,
    list_id: row.list_id,
    entryable_id: row.entryable_id,
    entryable_type: row.entryable_type as EntryType,
    status: def.statuses.find((s) => s.id === row.status_id)?.name ?? '',
    assignee: assignee ? toMemberRef(assignee) : null,
    contact_id: row.contact_id,
    one_time_value_cents: row.one_time_value_cents ?? 0,
    recurring_value_cents: row.recurring_value_cents ?? 0,
    recurring_value_period: row.recurring_value_period as RecurringPeriod | null,
    list_fields: listFields,
    closed_at: toIsoOrNull(row.closed_at),
    next_entry_id: row.next_entry_id,
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  }
}

export interface StatusChangeResource {
  id: string
  entry_id: string
  /** The status left, by its name at the time; null for the entry's first status. */
  from_status: string | null
  to_status: string
  changed_at: string
  /** The member behind the key that made the change, if the key belongs to one. */
  user: MemberRef | null
  /** The API key that made the change; null for changes made by the CLI or by a connected-list rule's own process. */
  api_key_id: string | null
}

export function toStatusChangeResource(
  row: EntryStatusChangeRow,
  members: ReadonlyMap<string, UserRow>,
): StatusChangeResource {
  const user = row.user_id === null ? undefined : members.get(row.user_id)
  return {
    id: row.id,
    entry_id: row.entry_id,
    from_status: row.from_status_name,
    to_status: row.to_status_name,
    changed_at: toIso(row.changed_at),
    user: user ? toMemberRef(user) : null,
    api_key_id: row.api_key_id,
  }
}
