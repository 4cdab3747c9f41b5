// How values are written in a CSV cell, both ways: amounts in currency units with two decimals (the API
// speaks cents), several emails, numbers or domains in one cell, and multi-value list fields. The
// export writes exactly what the import reads back. No I/O.
import type { FieldDefinition, FieldValue } from '../fields/field-types.js'

/**
 * Cents as currency units with two decimals.
 *
 * ### Example
 * ```ts
 * formatCents(500050) // '5000.50'
 * ```
 */
export function formatCents(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
}

/**
 * Currency units as written in a spreadsheet (`5000`, `5,000.5`, `$ 5 000.50`, `₩5000`) to cents, or
 * undefined when the text is not a non-negative amount with at most two decimals.
 *
 * ### Example
 * ```ts
 * parseMoney('$5,000.5') // 500050
 * ```
 */
export function parseMoney(text: string): number | undefined {
  const plain = text.replace(/[\s,'_]/g, '').replace(/^[^\d.]+/, '')
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(plain)
  if (!match) return undefined
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  return Number.isSafeInteger(cents) ? cents : undefined
}

/** Several emails or phone numbers in one cell: separated by commas, semicolons or line breaks. */
export function splitItems(text: string): string[] {
  return text
    .split(/[,;\r\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

/** Several domains in one cell: separated by commas, semicolons or white space. */
export function splitDomains(text: string): string[] {
  return text.split(/[,;\s]+/).filter((s) => s !== '')
}

/** The separator the export puts between items of one cell. */
export const ITEM_SEPARATOR = ', '

/**
 * A stored list-field value as one cell. Several values are joined with `, `, or written as a JSON
 * array when one of them holds a comma or the first starts with `[` (so the import cannot misread them).
 */
export function formatFieldCell(value: FieldValue | null | undefined): string {
  if (value === null || value === undefined) return ''
  if (!Array.isArray(value)) return String(value)
  const texts = value.map(String)
  const ambiguous = texts.some((t) => t.includes(',')) || (texts[0] ?? '').startsWith('[')
  return ambiguous ? JSON.stringify(value) : texts.join(ITEM_SEPARATOR)
}

/**
 * A cell as the value written to a list field: a multi-value field reads a JSON array, or items
 * separated by commas; a single-value field reads the text as is (the field's own check converts it).
 */
export function parseFieldCell(field: FieldDefinition, text: string): unknown {
  if (!field.accepts_multiple_values) return text
  const trimmed = text.trim()
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed)
      if (Array.isArray(parsed)) return parsed
    } catch {
      // not JSON: read as separated items below
    }
  }
  return trimmed
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
}
