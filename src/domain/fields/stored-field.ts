// How a field definition is stored (options as a JSON array), shared by custom fields and list fields.
// (The multiple-values flag is a boolean here; src/db stores it as 0/1.)
import type { DataType, FieldDefinition } from './field-types.js'

/** The columns every stored field definition has. */
export interface StoredField {
  id: string
  name: string
  data_type: string
  options: string | null
  accepts_multiple_values: boolean
}

/** A stored field as the field-type rules see it. */
export function fieldFromRow(row: StoredField): FieldDefinition {
  return {
    id: row.id,
    name: row.name,
    data_type: row.data_type as DataType,
    options: row.options === null ? null : (JSON.parse(row.options) as string[]),
    accepts_multiple_values: row.accepts_multiple_values,
  }
}

/** Options as stored: a JSON array, or null for a field that is not a select. */
export function storedOptions(options: readonly string[] | null): string | null {
  return options === null ? null : JSON.stringify(options)
}
