// The rows an entry write stores, made from checked input: a new entry (its key, closed_at and list
// fields), one status-history row, and the two refusals a write makes under its locks. Pure.
import type { EntryRow, EntryStatusChangeRow, StatusRow } from '../../db/schema.js'
import type { Actor } from '../actor.js'
import { ConflictError, invalid } from '../errors.js'
import { newId } from '../ids.js'
import type { ListDefinition } from '../lists/list-definitions.js'
import { closedAtFor } from '../lists/statuses.js'
import { formatEntryKey } from './entry-key.js'
import type { StoredFieldValues } from './list-field-values.js'

/** A new entry, its input checked against the list and its references verified. */
export interface NewEntrySpec {
  entryableType: string
  entryableId: string
  status: StatusRow | null
  assigneeId: string | null
  contactId: string | null
  oneTimeValueCents: number | null
  recurringValueCents: number | null
  recurringValuePeriod: string | null
  values: StoredFieldValues
}

/** The 422 for a second entry of one record where that is not allowed; integrations look for these words. */
export function duplicateEntryError(): Error {
  return invalid('entryable_id', 'taken', 'has already been taken: this record is already in the list')
}

/**
 * The list's fields or statuses changed after an entry was checked against them (see
 * ListDefinitions.unconfirmed): nothing was stored for it; check it again. A 409 if it ever reached a
 * client.
 */
export class StaleDefinitionError extends ConflictError {
  constructor() {
    super('The list changed while this request ran; retry')
  }
}

/** The stored row of a new entry; `keyNumber` is null in a regular list. */
export function newEntryRow(
  def: ListDefinition,
  spec: NewEntrySpec,
  keyNumber: number | null,
  identifier: string | null,
  now: number,
): EntryRow {
  return {
    workspace_id: def.list.workspace_id,
    id: newId(),
    list_id: def.list.id,
    entryable_type: spec.entryableType,
    entryable_id: spec.entryableId,
    contact_id: spec.contactId,
    key: keyNumber === null ? null : formatEntryKey(identifier ?? '', keyNumber),
    key_number: keyNumber,
    status_id: spec.status?.id ?? null,
    assignee_id: spec.assigneeId,
    one_time_value_cents: spec.oneTimeValueCents,
    recurring_value_cents: spec.recurringValueCents,
    recurring_value_period: spec.recurringValuePeriod,
    closed_at: spec.status ? closedAtFor(spec.status.type, null, now) : null,
    next_entry_id: null,
    list_fields: JSON.stringify(spec.values),
    created_at: now,
    updated_at: now,
  }
}

/** One status-history row: `entry` entered `to` (from `from`, null for its first status), by `actor`. */
export function statusChangeRow(
  actor: Actor,
  entry: EntryRow,
  from: StatusRow | null,
  to: StatusRow,
  at: number,
): EntryStatusChangeRow {
  return {
    workspace_id: actor.workspaceId,
    id: newId(),
    entry_id: entry.id,
    list_id: entry.list_id,
    from_status_id: from?.id ?? null,
    from_status_name: from?.name ?? null,
    to_status_id: to.id,
    to_status_name: to.name,
    changed_at: at,
    user_id: actor.userId,
    api_key_id: actor.apiKeyId,
  }
}
