// The rules of a list's input that need no database: what `POST /v1/lists` must carry (required
// fields, process-only fields, status and field names unique, templates) in one pure function, and the
// text and status checks a PATCH shares with it.
import { Problems } from '../errors.js'
import { checkFieldDefinition, type FieldDefinition } from '../fields/field-types.js'
import { MAX_STATUSES, MAX_STATUS_NAME_LENGTH, parseStatusKind, DEFAULT_STATUSES, type StatusSpec } from './statuses.js'
import type { CreateListInput } from './list-requests.js'
import { TEMPLATES } from './templates.js'

export const ENTRY_TYPES = ['Contact', 'Organization'] as const
export type EntryType = (typeof ENTRY_TYPES)[number]

export const MAX_NAME_LENGTH = 200
export const MAX_IDENTIFIER_LENGTH = 32
export const MAX_LABEL_LENGTH = 100
export const MAX_FIELDS = 200
/** Lists and processes per workspace, archived ones included. */
export const MAX_LISTS_PER_WORKSPACE = 1000

export interface StatusInput {
  name?: unknown
  type?: unknown
}

/** A checked new list: what the service stores. */
export interface ListDraft {
  name: string
  process: boolean
  entryType: EntryType
  identifier: string | null
  duplicatesAllowed: boolean
  entryLabel: string | null
  statusLabel: string | null
  statuses: StatusSpec[]
  fields: Array<Omit<FieldDefinition, 'id'>>
}

/** Trims a label-like string and checks its length; records a problem and returns undefined if bad. */
export function checkText(value: unknown, path: string, max: number, problems: Problems): string | undefined {
  const text = typeof value === 'string' ? value.trim() : ''
  if (text === '') problems.add(path, 'blank', "can't be blank")
  else if (text.length > max) problems.add(path, 'too_long', `is too long (maximum is ${max} characters)`)
  else return text
  return undefined
}

/** Checks one status item (name and type) at `path`. */
export function checkStatus(input: StatusInput, path: string, problems: Problems): StatusSpec | undefined {
  const name = checkText(input.name, `${path}.name`, MAX_STATUS_NAME_LENGTH, problems)
  const type = parseStatusKind(input.type)
  if (type === undefined) problems.add(`${path}.type`, 'inclusion', 'is not included in the list (active, won, lost)')
  return name !== undefined && type !== undefined ? { name, type } : undefined
}

/**
 * Adds `items` to `base` by name: a new name is appended, a known one replaces the base's item in
 * place. Used to lay a request's statuses and fields over a template's.
 */
function overlay<T extends { name: string }>(base: readonly T[], items: readonly T[]): T[] {
  const result = [...base]
  for (const item of items) {
    const at = result.findIndex((b) => b.name === item.name)
    if (at === -1) result.push(item)
    else result[at] = item
  }
  return result
}

/** Records a problem for every name used twice in `items` (`statuses[3].name has already been taken`). */
function checkUniqueNames(items: ReadonlyArray<{ name?: unknown }>, path: string, problems: Problems): void {
  const seen = new Set<string>()
  items.forEach((item, i) => {
    const name = typeof item.name === 'string' ? item.name.trim() : undefined
    if (name === undefined || name === '') return
    if (seen.has(name)) problems.add(`${path}[${i}].name`, 'taken', 'has already been taken')
    seen.add(name)
  })
}

/** Checks a create request, applying template defaults; throws a ValidationError naming every problem. */
export function checkCreateList(input: CreateListInput): ListDraft {
  const problems = new Problems()
  const template = input.template === undefined ? undefined : TEMPLATES[input.template]
  const process = input.process ?? (template ? true : undefined)
  if (process === undefined) problems.add('process', 'required', "can't be blank")
  if (template && process === false) problems.add('template', 'not_allowed', 'is only allowed for processes')

  const name = checkText(input.name ?? template?.name, 'name', MAX_NAME_LENGTH, problems)
  const entryType = input.entry_type ?? template?.entryType ?? (template ? 'Organization' : undefined)
  if (entryType === undefined) problems.add('entry_type', 'required', "can't be blank")
  else if (!(ENTRY_TYPES as readonly string[]).includes(entryType))
    problems.add('entry_type', 'inclusion', 'is not included in the list (Contact, Organization)')
  else if (template?.entryType && entryType !== template.entryType) {
    problems.add('entry_type', 'inclusion', `must be ${template.entryType} for the ${input.template} template`)
  }

  let identifier: string | null = null
  let duplicatesAllowed = false
  let entryLabel: string | null = null
  let statusLabel: string | null = null
  let statuses: StatusSpec[] = []
  if (process === true) {
    identifier =
      checkText(input.identifier ?? template?.identifier, 'identifier', MAX_IDENTIFIER_LENGTH, problems) ?? null
    if (input.duplicates_allowed === undefined && !template)
      problems.add('duplicates_allowed', 'required', 'must be true or false')
    duplicatesAllowed = input.duplicates_allowed ?? false
    entryLabel =
      input.entry_label === undefined
        ? (entryType ?? null)
        : (checkText(input.entry_label, 'entry_label', MAX_LABEL_LENGTH, problems) ?? null)
    statusLabel =
      input.status_label === undefined
        ? 'Status'
        : (checkText(input.status_label, 'status_label', MAX_LABEL_LENGTH, problems) ?? null)
    const given = input.statuses ?? []
    checkUniqueNames(given, 'statuses', problems)
    const checked = given
      .map((s, i) => checkStatus(s, `statuses[${i}]`, problems))
      .filter((s): s is StatusSpec => s !== undefined)
    const base = template?.statuses ?? (input.statuses === undefined ? DEFAULT_STATUSES : [])
    statuses = overlay(base, checked)
    if (statuses.length === 0 && input.statuses !== undefined)
      problems.add('statuses', 'blank', 'must hold at least one status')
    if (statuses.length > MAX_STATUSES)
      problems.add('statuses', 'too_long', `has too many statuses (maximum is ${MAX_STATUSES})`)
  } else if (process === false) {
    for (const key of ['identifier', 'entry_label', 'status_label', 'statuses'] as const) {
      if (input[key] !== undefined) problems.add(key, 'not_allowed', 'is only allowed for processes')
    }
    if (input.duplicates_allowed === true)
      problems.add('duplicates_allowed', 'not_allowed', 'must be false: a regular list holds each record once')
  }

  const givenFields = input.fields ?? []
  checkUniqueNames(givenFields, 'fields', problems)
  const fields = overlay(
    (template?.fields ?? []).map((f, i) => checkFieldDefinition(f, `template.fields[${i}]`, problems)!),
    givenFields.map((f, i) => checkFieldDefinition(f, `fields[${i}]`, problems)).filter((f) => f !== undefined),
  )
  if (fields.length > MAX_FIELDS) problems.add('fields', 'too_long', `has too many fields (maximum is ${MAX_FIELDS})`)

  problems.throwIfAny()
  return {
    name: name!,
    process: process!,
    entryType: entryType as EntryType,
    identifier,
    duplicatesAllowed,
    entryLabel,
    statusLabel,
    statuses,
    fields,
  }
}
