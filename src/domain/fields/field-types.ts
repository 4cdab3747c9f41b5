// The nine data types of custom fields and list fields, how a field is defined, and how a value written
// to one is checked and stored. Shared by contacts' and organizations' custom fields and by entries'
// list fields. No I/O: values that name other records (members, contacts) are collected in `References`
// for the caller to verify in one batch.
import { createHash } from 'node:crypto'
import { emailKey, isValidEmail } from '../email-address.js'
import type { Problems } from '../errors.js'

export const DATA_TYPES = [
  'text',
  'textarea',
  'url',
  'number',
  'date',
  'datetime',
  'select',
  'user',
  'contact',
] as const
export type DataType = (typeof DATA_TYPES)[number]

/** The types where `accepts_multiple_values` must be given (and may be true). */
export const MULTI_VALUE_TYPES: readonly DataType[] = ['select', 'user', 'contact']

export const MAX_FIELD_NAME_LENGTH = 100
export const MAX_OPTIONS = 500
export const MAX_OPTION_LENGTH = 200
export const MAX_TEXT_LENGTH = 10_000
export const MAX_TEXTAREA_LENGTH = 100_000
export const MAX_VALUES_PER_FIELD = 100

/** A field as stored, whatever it belongs to. */
export interface FieldDefinition {
  id: string
  name: string
  data_type: DataType
  /** Options of a select field, else null. */
  options: string[] | null
  accepts_multiple_values: boolean
}

/** A stored value: one scalar, or an array for multi-value fields. */
export type FieldValue = string | number | Array<string | number>

/** Records other than the field's owner that values point at; the caller checks they exist. */
export interface References {
  /** Lower-cased member emails used by `user` fields, with the path of the first use. */
  userEmails: Map<string, string>
  /** Contact ids used by `contact` fields, with the path of the first use. */
  contactIds: Map<string, string>
}

export function emptyReferences(): References {
  return { userEmails: new Map(), contactIds: new Map() }
}

export function isDataType(value: unknown): value is DataType {
  return typeof value === 'string' && (DATA_TYPES as readonly string[]).includes(value)
}

/** A field definition as a client sends it (custom field create, list `fields[]` item). */
export interface FieldDefinitionInput {
  name?: unknown
  data_type?: unknown
  options?: unknown
  accepts_multiple_values?: unknown
}

/**
 * Checks a field definition. `defaultType` is used when `data_type` is absent (custom fields default
 * to text; list fields require it, so they pass undefined). Problems are recorded under `path`.
 * Returns the definition without id, or undefined when it has problems.
 */
export function checkFieldDefinition(
  input: FieldDefinitionInput,
  path: string,
  problems: Problems,
  defaultType?: DataType,
): Omit<FieldDefinition, 'id'> | undefined {
  const at = (field: string) => (path === '' ? field : `${path}.${field}`)
  const before = problems.count
  const name = typeof input.name === 'string' ? input.name.trim() : ''
  if (name === '') problems.add(at('name'), 'blank', "can't be blank")
  else if (name.length > MAX_FIELD_NAME_LENGTH)
    problems.add(at('name'), 'too_long', `is too long (maximum is ${MAX_FIELD_NAME_LENGTH} characters)`)

  const dataType = input.data_type === undefined ? defaultType : input.data_type
  if (dataType === undefined) problems.add(at('data_type'), 'required', "can't be blank")
  else if (!isDataType(dataType))
    problems.add(at('data_type'), 'inclusion', `is not included in the list (${DATA_TYPES.join(', ')})`)

  let options: string[] | null = null
  if (dataType === 'select') {
    options = checkOptions(input.options, at('options'), problems) ?? null
  } else if (input.options !== undefined && input.options !== null) {
    problems.add(at('options'), 'not_allowed', 'is only allowed for select fields')
  }

  let multiple = false
  if (isDataType(dataType) && MULTI_VALUE_TYPES.includes(dataType)) {
    if (typeof input.accepts_multiple_values !== 'boolean') {
      problems.add(at('accepts_multiple_values'), 'required', `must be true or false for ${dataType} fields`)
    } else multiple = input.accepts_multiple_values
  } else if (input.accepts_multiple_values === true) {
    problems.add(at('accepts_multiple_values'), 'not_allowed', 'is only allowed for select, user and contact fields')
  }

  if (problems.count > before || !isDataType(dataType)) return undefined
  return { name, data_type: dataType, options, accepts_multiple_values: multiple }
}

/** Checks a select field's options: a non-empty array of distinct, non-blank strings. */
export function checkOptions(input: unknown, path: string, problems: Problems): string[] | undefined {
  if (!Array.isArray(input) || input.length === 0) {
    problems.add(path, 'required', 'must be a non-empty array of strings for select fields')
    return undefined
  }
  if (input.length > MAX_OPTIONS) {
    problems.add(path, 'too_long', `has too many options (maximum is ${MAX_OPTIONS})`)
    return undefined
  }
  const seen = new Set<string>()
  const options: string[] = []
  input.forEach((option, i) => {
    if (typeof option !== 'string' || option.trim() === '')
      problems.add(`${path}[${i}]`, 'blank', 'must be a non-blank string')
    else if (option.length > MAX_OPTION_LENGTH)
      problems.add(`${path}[${i}]`, 'too_long', `is too long (maximum is ${MAX_OPTION_LENGTH} characters)`)
    else if (seen.has(option)) problems.add(`${path}[${i}]`, 'taken', 'is a duplicate option')
    else {
      seen.add(option)
      options.push(option)
    }
  })
  return options.length === input.length ? options : undefined
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/

function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

function isHttpUrl(value: string): boolean {
  if (value.length > 2048 || /\s/.test(value)) return false
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.')
  } catch {
    return false
  }
}

/**
 * Checks one scalar against the field's type and returns it in stored form, or records a problem and
 * returns undefined.
 *
 * - text, textarea: strings (numbers are taken as their decimal text);
 * - url: `http(s)://...` or a bare domain such as `relate.so`;
 * - number: a JSON number, or a string holding one (`"12.5"`), stored as a number;
 * - date: `YYYY-MM-DD`, a real calendar day;
 * - datetime: ISO-8601 with a zone (`Z` or `+09:00`), stored as UTC with milliseconds;
 * - select: one of the options, exactly;
 * - user: a member's email, stored lower-cased (checked through `refs`);
 * - contact: a contact id (checked through `refs`).
 */
function checkScalar(
  field: FieldDefinition,
  raw: unknown,
  path: string,
  problems: Problems,
  refs: References,
): string | number | undefined {
  switch (field.data_type) {
    case 'text':
    case 'textarea': {
      const text = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : raw
      if (typeof text !== 'string') return fail(problems, path, 'must be a string')
      const max = field.data_type === 'text' ? MAX_TEXT_LENGTH : MAX_TEXTAREA_LENGTH
      if (text.length > max) return fail(problems, path, `is too long (maximum is ${max} characters)`, 'too_long')
      return text
    }
    case 'url':
      if (typeof raw !== 'string' || !isHttpUrl(raw.trim())) return fail(problems, path, 'is not a valid URL')
      return raw.trim()
    case 'number': {
      const number = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw
      if (typeof number !== 'number' || !Number.isFinite(number)) return fail(problems, path, 'is not a number')
      return number
    }
    case 'date':
      if (typeof raw !== 'string' || !isCalendarDate(raw)) return fail(problems, path, 'is not a date (YYYY-MM-DD)')
      return raw
    case 'datetime': {
      if (typeof raw !== 'string' || !DATETIME.test(raw)) return fail(problems, path, 'is not an ISO-8601 datetime')
      const ms = Date.parse(raw)
      if (Number.isNaN(ms)) return fail(problems, path, 'is not an ISO-8601 datetime')
      return new Date(ms).toISOString()
    }
    case 'select':
      if (typeof raw !== 'string' || !(field.options ?? []).includes(raw)) {
        // The options are not listed: a field may have hundreds, and each bad value would repeat them all.
        return fail(problems, path, "is not one of the field's options", 'inclusion')
      }
      return raw
    case 'user': {
      if (typeof raw !== 'string' || !isValidEmail(raw.trim())) return fail(problems, path, "is not a member's email")
      const key = emailKey(raw)
      if (!refs.userEmails.has(key)) refs.userEmails.set(key, path)
      return key
    }
    case 'contact':
      if (typeof raw !== 'string' || !/^[A-Za-z0-9]{1,32}$/.test(raw))
        return fail(problems, path, 'is not a contact id')
      if (!refs.contactIds.has(raw)) refs.contactIds.set(raw, path)
      return raw
  }
}

function fail(problems: Problems, path: string, message: string, code = 'invalid'): undefined {
  problems.add(path, code, message)
  return undefined
}

/**
 * Checks a value written to a field and returns its stored form: `null` clears the field; a
 * multi-value field takes an array (a single value is read as a one-item array; duplicates are kept
 * once); a single-value field refuses arrays. Returns undefined when a problem was recorded.
 */
export function checkFieldValue(
  field: FieldDefinition,
  raw: unknown,
  path: string,
  problems: Problems,
  refs: References,
): FieldValue | null | undefined {
  if (raw === null) return null
  if (field.accepts_multiple_values) {
    const items = Array.isArray(raw) ? raw : [raw]
    if (items.length > MAX_VALUES_PER_FIELD)
      return fail(problems, path, `has too many values (maximum is ${MAX_VALUES_PER_FIELD})`, 'too_long')
    const values: Array<string | number> = []
    let ok = true
    items.forEach((item, i) => {
      const value = checkScalar(field, item, Array.isArray(raw) ? `${path}[${i}]` : path, problems, refs)
      if (value === undefined) ok = false
      else if (!values.includes(value)) values.push(value)
    })
    if (!ok) return undefined
    return values.length === 0 ? null : values
  }
  if (Array.isArray(raw))
    return fail(problems, path, 'must be a single value: this field does not accept multiple values')
  return checkScalar(field, raw, path, problems, refs)
}

/** Values longer than this are indexed by their hash, which keeps index rows small on both databases. */
const MAX_INDEXED_LENGTH = 200

function indexKey(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : value
  return text.length <= MAX_INDEXED_LENGTH ? text : `sha256:${createHash('sha256').update(text).digest('hex')}`
}

/**
 * The canonical text forms under which a stored value is found by an equality filter: one per value of
 * a multi-value field.
 *
 * ### Example
 * ```ts
 * indexKeys(['Angel', 'VC']) // ['Angel', 'VC']
 * indexKeys(12.50)          // ['12.5']
 * ```
 */
export function indexKeys(value: FieldValue): string[] {
  return Array.isArray(value) ? value.map(indexKey) : [indexKey(value)]
}

/**
 * The index key a filter value (always text, from a query string) must match on this field, or
 * undefined with a problem recorded when the text is not a possible value of the field.
 */
export function filterKey(field: FieldDefinition, text: string, path: string, problems: Problems): string | undefined {
  // Any text for a select field: values of an option since removed stay stored, shown and found.
  if (field.data_type === 'select') return indexKey(text)
  const value = checkScalar(field, text, path, problems, emptyReferences())
  return value === undefined ? undefined : indexKey(value)
}
