// What each column of an import file is imported as: the client's mapping first, then the header's own
// name (targets.ts), then, with `create_fields`, a new text list field named after the header; any
// other column is skipped. A file that gives the list's records nothing to be found or made by is
// refused (422) before the job starts: that is also how a file that is not CSV is told apart. No I/O.
import { Problems } from '../errors.js'
import { MAX_FIELD_NAME_LENGTH } from '../fields/field-types.js'
import type { ListDefinition } from '../lists/lists-service.js'
import { builtInTarget, defaultTarget, type BuiltInTarget, type Target } from './targets.js'

/** Mapping as a client sends it: column name to target (a built-in target or a list field name); null skips. */
export type ColumnMapping = Record<string, string | null>

export interface ColumnPlan {
  /** Position of the column in each row. */
  index: number
  name: string
  target: Target
  /** A list field this import makes (create_fields). */
  newField?: boolean
}

/** The targets a regular list does not have. */
const PROCESS_ONLY: readonly BuiltInTarget[] = [
  'status',
  'assignee email',
  'one time value',
  'recurring value',
  'recurring period',
]
/** Targets several columns may feed: their values are added together. */
const MANY_COLUMNS: readonly BuiltInTarget[] = ['domain', 'email', 'phone']

/** A target as the job shows it: `organization name`, `field:<name>`, or null (skipped). */
export function targetName(target: Target): string | null {
  if (target.kind === 'skip') return null
  return target.kind === 'built-in' ? target.target : `field:${target.name}`
}

/** Reads a target as the job stores it (targetName's inverse). */
export function parseTargetName(name: string | null): Target {
  if (name === null) return { kind: 'skip' }
  if (name.startsWith('field:')) return { kind: 'field', name: name.slice('field:'.length) }
  return { kind: 'built-in', target: name as BuiltInTarget }
}

/**
 * Plans the columns of `header` for `def`. Throws a ValidationError for a header that cannot be a CSV
 * header (empty, blank or repeated names), a mapping that names a column the file lacks or a target
 * that does not exist, two columns fed to one single-valued target, and a file with no column for the
 * list's records.
 */
export function planColumns(
  header: readonly string[],
  def: ListDefinition,
  mapping: ColumnMapping,
  createFields: boolean,
): ColumnPlan[] {
  const problems = new Problems()
  const isProcess = def.list.process === 1
  const fieldNames = new Set(def.fields.map((f) => f.name))
  if (header.length === 0 || header.every((h) => h.trim() === ''))
    problems.add('file', 'not_csv', 'has no header row: the first line must name the columns')
  const seen = new Set<string>()
  header.forEach((name, i) => {
    if (name.trim() === '') problems.add(`columns[${i}]`, 'blank', 'has no name in the header row')
    else if (seen.has(name.trim())) problems.add(`columns[${i}]`, 'taken', `is named twice: ${JSON.stringify(name)}`)
    seen.add(name.trim())
  })
  for (const column of Object.keys(mapping))
    if (!seen.has(column.trim())) problems.add(`mapping.${column}`, 'unknown', 'is not a column of the file')
  problems.throwIfAny()

  const byColumn = new Map(Object.entries(mapping).map(([k, v]) => [k.trim(), v]))
  const plans: ColumnPlan[] = header.map((raw, index) => {
    const name = raw.trim()
    if (byColumn.has(name)) {
      const wanted = byColumn.get(name)
      if (wanted === null || wanted === undefined || wanted.trim() === '')
        return { index, name, target: { kind: 'skip' } }
      if (fieldNames.has(wanted)) return { index, name, target: { kind: 'field', name: wanted } }
      if (wanted.startsWith('field:') && fieldNames.has(wanted.slice(6)))
        return { index, name, target: { kind: 'field', name: wanted.slice(6) } }
      const target = builtInTarget(wanted)
      if (target !== undefined && (isProcess || !PROCESS_ONLY.includes(target)))
        return { index, name, target: { kind: 'built-in', target } }
      if (target !== undefined) problems.add(`mapping.${name}`, 'not_allowed', 'is only a target in processes')
      else
        problems.add(`mapping.${name}`, 'unknown', `is not a target or a field of this list: ${JSON.stringify(wanted)}`)
      return { index, name, target: { kind: 'skip' } }
    }
    const found = defaultTarget(name, fieldNames)
    if (found && !(found.kind === 'built-in' && !isProcess && PROCESS_ONLY.includes(found.target)))
      return { index, name, target: found }
    if (createFields && name.length <= MAX_FIELD_NAME_LENGTH && !fieldNames.has(name))
      return { index, name, target: { kind: 'field', name }, newField: true }
    return { index, name, target: { kind: 'skip' } }
  })
  const fed = new Map<string, string>()
  for (const plan of plans) {
    const key = targetName(plan.target)
    if (key === null || (plan.target.kind === 'built-in' && MANY_COLUMNS.includes(plan.target.target))) continue
    const other = fed.get(key)
    if (other !== undefined)
      problems.add(`columns.${plan.name}`, 'taken', `imports into ${key}, as column ${JSON.stringify(other)} does`)
    fed.set(key, plan.name)
  }
  const has = (...targets: BuiltInTarget[]) =>
    plans.some((p) => p.target.kind === 'built-in' && targets.includes(p.target.target))
  if (def.list.entry_type === 'Organization' && !has('organization name', 'domain'))
    problems.add(
      'file',
      'no_record_column',
      'has no column for the organization (Organization name or Domain): is it a CSV file with a header row?',
    )
  if (def.list.entry_type === 'Contact' && !has('contact name', 'email', 'phone'))
    problems.add(
      'file',
      'no_record_column',
      'has no column for the contact (Contact name, Email or Phone number): is it a CSV file with a header row?',
    )
  problems.throwIfAny()
  return plans
}
