// Stored rows of a list, its fields and its statuses, as the query functions hand them out, for the
// pure rules' tests (no database).
import type { ListFieldRow, ListRow, StatusRow } from '../../../src/db/schema.js'
import type { ListDefinition } from '../../../src/domain/lists/list-definitions.js'

const WS = 'ws1'

export function listRow(changes: Partial<ListRow> = {}): ListRow {
  return {
    workspace_id: WS,
    id: 'list1',
    name: 'Deals',
    process: true,
    entry_type: 'Organization',
    identifier: 'DEAL',
    duplicates_allowed: false,
    entry_label: 'Organization',
    status_label: 'Status',
    last_key_number: 0,
    entry_count: 0,
    definition_version: 0,
    archived_at: null,
    created_at: 0,
    updated_at: 0,
    ...changes,
  }
}

export function statusRow(id: string, name: string, type: string, position: number): StatusRow {
  return {
    workspace_id: WS,
    id,
    list_id: 'list1',
    name,
    type,
    position,
    entry_count: 0,
    created_at: 0,
    updated_at: 0,
  }
}

export function fieldRow(id: string, name: string, changes: Partial<ListFieldRow> = {}): ListFieldRow {
  return {
    workspace_id: WS,
    id,
    list_id: 'list1',
    name,
    data_type: 'text',
    options: null,
    accepts_multiple_values: false,
    position: 0,
    created_at: 0,
    updated_at: 0,
    ...changes,
  }
}

export const STATUSES = [
  statusRow('s1', 'Lead', 'active', 0),
  statusRow('s2', 'Won', 'won', 1),
  statusRow('s3', 'Lost', 'lost', 2),
]

export const FIELDS = [
  fieldRow('f1', 'Notes'),
  fieldRow('f2', 'Tier', { data_type: 'select', options: JSON.stringify(['Gold', 'Silver']) }),
  fieldRow('f3', 'Score', { data_type: 'number', position: 2 }),
]

/** A process with the statuses and fields above. */
export function processDefinition(changes: Partial<ListRow> = {}): ListDefinition {
  return {
    list: listRow(changes),
    statuses: STATUSES,
    fields: FIELDS.map((f) => ({
      id: f.id,
      name: f.name,
      data_type: f.data_type as 'text',
      options: f.options === null ? null : (JSON.parse(f.options) as string[]),
      accepts_multiple_values: f.accepts_multiple_values,
    })),
  }
}

/** The field and problem codes of a thrown ValidationError, to compare. */
export function problemsOf(work: () => unknown): Array<[string, string]> {
  try {
    work()
  } catch (error) {
    const details = (error as { details?: Array<{ field: string; code: string }> }).details
    if (!details) throw error
    return details.map((d) => [d.field, d.code])
  }
  throw new Error('expected a ValidationError, nothing was thrown')
}
