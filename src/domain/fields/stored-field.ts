// How a field definition is stored (options as a JSON array, the multiple-values flag as 0/1), shared by
// custom fields and list fields.
import type { DataType, FieldDefinition } from './field-types.js'

/** The columns every stored field definition has. */
export interface StoredField {
  id: string
  name: string
  data_type: string
  options: string | null
  accepts_multiple_values: number
}

/** A stored field as the field-type rules see it. */
export function fieldFromRow(row: StoredField): FieldDefinition {
  return {
    id: row.id,
    name: row.name,
    data_type: row.data_type as DataType,
    options: row.options === null ? null : (JSON.parse(row.options) as string[]),
    accepts_multiple_values: row.accepts_multiple_values === 1,
  }
}

/** Options as stored: a JSON array, or null for a field that is not a select. */
export function storedOptions(options: readonly string[] | null): string | null {
  return options === null ? null : JSON.stringify(options)
}

/** The multiple-values flag as stored. */
export function storedFlag(value: boolean): number {
  return value ? 1 : 0
}
