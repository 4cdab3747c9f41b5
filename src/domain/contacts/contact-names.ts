// A contact's names: `first_name`, `last_name` and the display `name`. The display name is the `name`
// a client sent, or else first and last name joined; a `name` sent alone also fills first and last
// name, so a contact made from a full name can be found by either. No I/O.

export interface ContactNames {
  first_name: string | null
  last_name: string | null
  name: string | null
}

/** What a client sent: absent (undefined) keeps the stored value, null clears it. */
export interface NamesInput {
  first_name?: string | null | undefined
  last_name?: string | null | undefined
  name?: string | null | undefined
}

/** Trims text; blank becomes null, absent stays undefined. */
export function cleanText(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined
  if (value === null) return null
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

/** `Paul` + `Atreides` gives `Paul Atreides`; either alone is itself; neither is null. */
export function joinNames(first: string | null, last: string | null): string | null {
  const joined = [first, last].filter((part): part is string => part !== null).join(' ')
  return joined === '' ? null : joined
}

/**
 * Splits a full name at its first space: the first word is the first name, the rest the last name.
 *
 * ### Example
 * ```ts
 * splitFullName('Paul Muad Dib Atreides') // { first_name: 'Paul', last_name: 'Muad Dib Atreides' }
 * splitFullName('홍길동')                  // { first_name: '홍길동', last_name: null }
 * ```
 */
export function splitFullName(full: string): { first_name: string; last_name: string | null } {
  const [first, ...rest] = full.trim().split(/\s+/)
  return { first_name: first ?? full, last_name: rest.length > 0 ? rest.join(' ') : null }
}

/**
 * The names after `input` is applied to `current` (all null for a new contact). When the input names
 * nothing, the stored names are kept exactly, including a display name that differs from first + last.
 */
export function resolveNames(current: ContactNames, input: NamesInput): ContactNames {
  const first = cleanText(input.first_name)
  const last = cleanText(input.last_name)
  const name = cleanText(input.name)
  if (first === undefined && last === undefined && name === undefined) return current
  const next: ContactNames = {
    first_name: first === undefined ? current.first_name : first,
    last_name: last === undefined ? current.last_name : last,
    name: null,
  }
  if (typeof name === 'string') {
    if (first === undefined && last === undefined) Object.assign(next, splitFullName(name))
    next.name = name
  } else {
    next.name = joinNames(next.first_name, next.last_name)
  }
  return next
}
