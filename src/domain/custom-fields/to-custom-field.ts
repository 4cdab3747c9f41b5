// The API shape of a custom field definition, and the field-types view of a stored row.
import type { CustomFieldRow } from '../../db/schema.js'
import type { DataType, FieldDefinition } from '../fields/field-types.js'
import { fieldFromRow } from '../fields/stored-field.js'
import { toIso } from '../time.js'
import type { Model } from './models.js'

export interface CustomField {
  id: string
  name: string
  model: Model
  data_type: DataType
  /** The options of a select field, in order; null for other types. */
  options: string[] | null
  accepts_multiple_values: boolean
  created_at: string
  updated_at: string
}

/** A stored row as the shared field rules see it. */
export function toDefinition(row: CustomFieldRow): FieldDefinition {
  return fieldFromRow(row)
}

export function toCustomField(row: CustomFieldRow): CustomField {
  const definition = toDefinition(row)
  return {
    id: row.id,
    name: row.name,
    model: row.model as Model,
    data_type: definition.data_type,
    options: definition.options,
    accepts_multiple_values: definition.accepts_multiple_values,
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  }
}
