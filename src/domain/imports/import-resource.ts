// The API shape of an import job. No I/O.
import type { ImportRow } from '../../db/schema.js'
import { toIso, toIsoOrNull } from '../time.js'

export const IMPORT_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'canceled'] as const
export type ImportStatus = (typeof IMPORT_STATUSES)[number]

export interface ImportResource {
  id: string
  list_id: string
  status: ImportStatus
  dry_run: boolean
  create_fields: boolean
  /** What each column is imported as: a target, `field:<name>`, or null (skipped); `new_field` when made. */
  columns: Array<{ name: string; target: string | null; new_field?: boolean }>
  rows_total: number | null
  rows_done: number
  created: number
  updated: number
  unchanged: number
  rejected: number
  started_at: string | null
  finished_at: string | null
  error: string | null
  created_at: string
  updated_at: string
}

export function toImportResource(row: ImportRow): ImportResource {
  return {
    id: row.id,
    list_id: row.list_id,
    // An upload still arriving is shown as queued: nothing has run yet.
    status: (row.status === 'uploading' ? 'queued' : row.status) as ImportStatus,
    dry_run: row.dry_run === 1,
    create_fields: row.create_fields === 1,
    columns: row.columns === null ? [] : JSON.parse(row.columns),
    rows_total: row.rows_total,
    rows_done: row.rows_done,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    rejected: row.rejected,
    started_at: toIsoOrNull(row.started_at),
    finished_at: toIsoOrNull(row.finished_at),
    error: row.error,
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  }
}
