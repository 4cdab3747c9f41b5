// What a CSV column can mean: the targets an import writes to (a record's name, domain, email and
// phone, an entry's status, assignee and values, and list fields by name), the header names each is
// recognised by (case, spacing, `_` and `-` ignored; the labels of Relate's own screens and exports
// included), and the canonical header the export writes, so an exported file imports back as is.
// No I/O.

/** The fixed targets of a column; any other target is a list field, written `field:<name>`. */
export const BUILT_IN_TARGETS = [
  'organization name',
  'domain',
  'contact name',
  'email',
  'phone',
  'status',
  'assignee email',
  'one time value',
  'recurring value',
  'recurring period',
] as const
export type BuiltInTarget = (typeof BUILT_IN_TARGETS)[number]

/** A column's meaning: a built-in target, a list field by name, or nothing (the column is skipped). */
export type Target = { kind: 'built-in'; target: BuiltInTarget } | { kind: 'field'; name: string } | { kind: 'skip' }

/** The header the export writes for each built-in target (and the first name the import knows it by). */
export const EXPORT_HEADERS: Record<BuiltInTarget, string> = {
  'organization name': 'Organization name',
  domain: 'Domain',
  'contact name': 'Contact name',
  email: 'Email',
  phone: 'Phone number',
  status: 'Status',
  'assignee email': 'Assignee email',
  'one time value': 'One time value',
  'recurring value': 'Recurring value',
  'recurring period': 'Recurring period',
}

/** The export's column of entry keys: informative only, keys are given anew on import. */
export const KEY_HEADER = 'Key'

/** Header names (normalised) recognised for each built-in target, beside the target's own name. */
const SYNONYMS: Record<BuiltInTarget, readonly string[]> = {
  'organization name': ['organization', 'organisation', 'organisation name', 'company', 'company name', 'account'],
  domain: ['domains', 'website', 'web site', 'organization domain', 'company domain', 'domain website'],
  'contact name': ['contact', 'full name', 'person', 'people', 'person name'],
  email: ['emails', 'e mail', 'email address', 'contact email'],
  phone: ['phone number', 'phone numbers', 'phones', 'mobile', 'telephone', 'contact phone'],
  status: ['stage', 'deal status'],
  'assignee email': ['assignee', 'owner', 'owner email'],
  'one time value': ['value', 'deal value', 'amount'],
  'recurring value': ['recurring amount'],
  'recurring period': ['recurring value period', 'period'],
}

/** Columns of Relate's and Rapport's exports that carry nothing an import can write: skipped by default. */
const SKIPPED = ['key', 'id', 'created at', 'updated at', 'closed at', 'next entry id', 'list', 'list id']

/** Prefix the export puts before a list field whose name would read as a built-in target. */
export const FIELD_PREFIX = 'list field: '

/**
 * The form headers and mapping targets are compared in: lower case, `_`, `-` and runs of spaces as one
 * space, trimmed.
 *
 * ### Example
 * ```ts
 * normaliseHeader('  One_Time  Value ') // 'one time value'
 * ```
 */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/[_\-\s]+/g, ' ')
    .trim()
}

const BY_NAME = new Map<string, BuiltInTarget>()
for (const target of BUILT_IN_TARGETS) {
  BY_NAME.set(target, target)
  BY_NAME.set(normaliseHeader(EXPORT_HEADERS[target]), target)
  for (const synonym of SYNONYMS[target]) BY_NAME.set(synonym, target)
}

/** The built-in target a header or target name stands for, if any. */
export function builtInTarget(name: string): BuiltInTarget | undefined {
  return BY_NAME.get(normaliseHeader(name))
}

/**
 * What a header means when no mapping names it: the export's `list field: <name>`, else a built-in
 * target, else a list field of exactly that name (case included), else a skipped export column;
 * undefined when unknown. A list field named like a built-in target is reached by the prefix or a mapping.
 */
export function defaultTarget(header: string, fieldNames: ReadonlySet<string>): Target | undefined {
  const trimmed = header.trim()
  if (trimmed.toLowerCase().startsWith(FIELD_PREFIX)) {
    const name = trimmed.slice(FIELD_PREFIX.length)
    if (fieldNames.has(name)) return { kind: 'field', name }
  }
  const target = builtInTarget(trimmed)
  if (target !== undefined) return { kind: 'built-in', target }
  if (fieldNames.has(trimmed)) return { kind: 'field', name: trimmed }
  if (SKIPPED.includes(normaliseHeader(trimmed))) return { kind: 'skip' }
  return undefined
}

/** The header the export writes for a list field: its name, prefixed when it would read as something else. */
export function fieldHeader(name: string): string {
  const reads = builtInTarget(name) !== undefined || SKIPPED.includes(normaliseHeader(name))
  return reads || name.toLowerCase().startsWith(FIELD_PREFIX) ? `${FIELD_PREFIX}${name}` : name
}
