// The API shape of a list or process, key for key as Relate documents it (process-only keys appear only
// on processes), plus what every field item shows: id, options and accepts_multiple_values.
import type { ListFieldRow, ListRow, StatusRow } from '../../db/schema.js'
import type { DataType, FieldDefinition } from '../fields/field-types.js'
import { fieldFromRow } from '../fields/stored-field.js'
import { toIso, toIsoOrNull } from '../time.js'
import type { EntryType } from './list-input.js'
import type { StatusKind } from './statuses.js'

export interface ListFieldResource {
  id: string
  name: string
  data_type: DataType
  options: string[] | null
  accepts_multiple_values: boolean
}

export interface StatusResource {
  name: string
  type: StatusKind
}

export interface RegularListResource {
  id: string
  name: string
  process: false
  entry_type: EntryType
  fields: ListFieldResource[]
  created_at: string
  updated_at: string
  archived_at: string | null
}

export interface ProcessResource {
  id: string
  name: string
  identifier: string
  process: true
  duplicates_allowed: boolean
  entry_type: EntryType
  entry_label: string
  status_label: string
  statuses: StatusResource[]
  fields: ListFieldResource[]
  created_at: string
  updated_at: string
  archived_at: string | null
}

export type ListResource = RegularListResource | ProcessResource

/** A stored list field as the field-type rules see it. */
export function toFieldDefinition(row: ListFieldRow): FieldDefinition {
  return fieldFromRow(row)
}

export function toListResource(
  list: ListRow,
  fields: readonly ListFieldRow[],
  statuses: readonly StatusRow[],
): ListResource {
  const fieldItems = fields.map((row) => {
    const field = toFieldDefinition(row)
    return {
      id: field.id,
      name: field.name,
      data_type: field.data_type,
      options: field.options,
      accepts_multiple_values: field.accepts_multiple_values,
    }
  })
  if (!list.process) {
    return {
      id: list.id,
      name: list.name,
      process: false,
      entry_type: list.entry_type as EntryType,
      fields: fieldItems,
      created_at: toIso(list.created_at),
      updated_at: toIso(list.updated_at),
      archived_at: toIsoOrNull(list.archived_at),
    }
  }
  return {
    id: list.id,
    name: list.name,
    identifier: list.identifier ?? '',
    process: true,
    duplicates_allowed: list.duplicates_allowed,
    entry_type: list.entry_type as EntryType,
    entry_label: list.entry_label ?? list.entry_type,
    status_label: list.status_label ?? 'Status',
    statuses: statuses.map((s) => ({ name: s.name, type: s.type as StatusKind })),
    fields: fieldItems,
    created_at: toIso(list.created_at),
    updated_at: toIso(list.updated_at),
    archived_at: toIsoOrNull(list.archived_at),
  }
}
