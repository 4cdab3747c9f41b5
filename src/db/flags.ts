// Booleans are stored as 0/1 integers, the one representation both databases share (schema.ts). The
// query functions turn them into booleans as rows leave src/db and back as they enter it, here, so
// code above src/db sees `list.process === true`, never a storage flag.
import type {
  CustomFieldRow,
  ListFieldRow,
  ListRow,
  StoredCustomFieldRow,
  StoredListFieldRow,
  StoredListRow,
} from './schema.js'

/** A boolean as stored. */
export function toFlag(value: boolean): 0 | 1 {
  return value ? 1 : 0
}

/** A stored flag as a boolean. */
export function fromFlag(flag: number): boolean {
  return flag === 1
}

export function listFromStored(row: StoredListRow): ListRow {
  return { ...row, process: fromFlag(row.process), duplicates_allowed: fromFlag(row.duplicates_allowed) }
}

export function listToStored(row: ListRow): StoredListRow {
  return { ...row, process: toFlag(row.process), duplicates_allowed: toFlag(row.duplicates_allowed) }
}

/** A field row of a list or a custom field, read. */
export function fieldFromStored<R extends StoredListFieldRow | StoredCustomFieldRow>(
  row: R,
): Omit<R, 'accepts_multiple_values'> & { accepts_multiple_values: boolean } {
  return { ...row, accepts_multiple_values: fromFlag(row.accepts_multiple_values) }
}

/** A field row of a list or a custom field, to write. */
export function fieldToStored<R extends ListFieldRow | CustomFieldRow>(
  row: R,
): Omit<R, 'accepts_multiple_values'> & { accepts_multiple_values: number } {
  return { ...row, accepts_multiple_values: toFlag(row.accepts_multiple_values) }
}

/** Partial changes with their boolean columns (`keys`) as stored. */
export function changesToStored<C extends object, K extends keyof C & string>(
  changes: C,
  keys: readonly K[],
): { [P in keyof C]: P extends K ? number : C[P] } {
  const stored: Record<string, unknown> = { ...(changes as Record<string, unknown>) }
  for (const key of keys) if (typeof stored[key] === 'boolean') stored[key] = toFlag(stored[key] as boolean)
  return stored as { [P in keyof C]: P extends K ? number : C[P] }
}
