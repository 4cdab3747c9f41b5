// The rules of an entry's input that need no database: what a create must carry in a list and in a
// process, which fields only processes have, values in cents, periods, statuses by name, and the
// list-field values. The service then checks the records the input names.
import type { EntryRow, StatusRow } from '../../db/schema.js'
import { Problems } from '../errors.js'
import { emptyReferences, type References } from '../fields/field-types.js'
import type { ListDefinition } from '../lists/list-definitions.js'
import type { CreateEntryInput, UpdateEntryInput } from './entry-requests.js'
import {
  applyListFields,
  parseStoredValues,
  withoutRemovedFields,
  type StoredFieldValues,
} from './list-field-values.js'

export const RECURRING_PERIODS = ['monthly', 'annual', 'one_time'] as const
export type RecurringPeriod = (typeof RECURRING_PERIODS)[number]

/** A checked create: what the service stores once the named records are found. */
export interface EntryDraft {
  entryableType: string
  entryableId: string
  status: StatusRow | null
  assigneeEmail: string | null
  contactId: string | null
  oneTimeValueCents: number | null
  recurringValueCents: number | null
  recurringValuePeriod: RecurringPeriod | null
  values: StoredFieldValues
  touched: string[]
  refs: References
}

const PROCESS_ONLY = [
  'status',
  'one_time_value_cents',
  'recurring_value_cents',
  'recurring_value_period',
  'assignee_email',
] as const

function statusByName(def: ListDefinition, name: string | undefined, problems: Problems): StatusRow | undefined {
  if (name === undefined) return undefined
  const status = def.statuses.find((s) => s.name === name)
  // The statuses are not listed: a process may have a hundred long names.
  if (!status) problems.add('status', 'inclusion', 'is not a status of this process')
  return status
}

function checkPeriod(value: string | undefined, problems: Problems): RecurringPeriod | undefined {
  if (value === undefined) return undefined
  if ((RECURRING_PERIODS as readonly string[]).includes(value)) return value as RecurringPeriod
  problems.add('recurring_value_period', 'inclusion', `is not included in the list (${RECURRING_PERIODS.join(', ')})`)
  return undefined
}

function refuseProcessOnly(def: ListDefinition, input: CreateEntryInput | UpdateEntryInput, problems: Problems): void {
  if (def.list.process) return
  for (const key of PROCESS_ONLY) {
    if (input[key] !== undefined && input[key] !== null)
      problems.add(key, 'not_allowed', 'is only allowed in processes')
  }
}

/** Checks a create against the list; throws a ValidationError naming every problem. */
export function checkCreateEntry(def: ListDefinition, input: CreateEntryInput): EntryDraft {
  const problems = new Problems()
  const isProcess = def.list.process
  if (!input.entryable_id) problems.add('entryable_id', 'required', "can't be blank")
  if (!input.entryable_type) problems.add('entryable_type', 'required', "can't be blank")
  else if (input.entryable_type !== def.list.entry_type) {
    problems.add(
      'entryable_type',
      'inclusion',
      `must be ${def.list.entry_type}: this list holds ${def.list.entry_type} entries`,
    )
  }
  refuseProcessOnly(def, input, problems)
  let status: StatusRow | undefined
  let period: RecurringPeriod | undefined
  if (isProcess) {
    for (const key of ['status', 'one_time_value_cents', 'recurring_value_cents', 'recurring_value_period'] as const) {
      if (input[key] === undefined) problems.add(key, 'required', "can't be blank")
    }
    status = statusByName(def, input.status, problems)
    period = checkPeriod(input.recurring_value_period, problems)
  }
  const refs = emptyReferences()
  const { values, touched } = applyListFields(def.fields, {}, input.list_fields ?? [], problems, refs)
  problems.throwIfAny()
  return {
    entryableType: input.entryable_type!,
    entryableId: input.entryable_id!,
    status: status ?? null,
    assigneeEmail: input.assignee_email ?? null,
    contactId: input.contact_id ?? null,
    oneTimeValueCents: isProcess ? input.one_time_value_cents! : null,
    recurringValueCents: isProcess ? input.recurring_value_cents! : null,
    recurringValuePeriod: period ?? null,
    values,
    touched,
    refs,
  }
}

/** A checked update: only what the request changes. `assigneeEmail: null` unassigns. */
export interface EntryPatch {
  status?: StatusRow
  assigneeEmail?: string | null
  contactId?: string | null
  oneTimeValueCents?: number
  recurringValueCents?: number
  recurringValuePeriod?: RecurringPeriod
  /** Present when list_fields was sent: the new stored values and the fields touched. */
  fields?: { values: StoredFieldValues; touched: string[] }
  refs: References
}

/** Checks an update against the list and the stored entry; throws a ValidationError naming every problem. */
export function checkUpdateEntry(def: ListDefinition, entry: EntryRow, input: UpdateEntryInput): EntryPatch {
  const problems = new Problems()
  if (input.entryable_id !== undefined && input.entryable_id !== entry.entryable_id)
    problems.add('entryable_id', 'immutable', "can't be changed")
  if (input.entryable_type !== undefined && input.entryable_type !== entry.entryable_type)
    problems.add('entryable_type', 'immutable', "can't be changed")
  refuseProcessOnly(def, input, problems)
  const patch: EntryPatch = { refs: emptyReferences() }
  if (def.list.process) {
    const status = statusByName(def, input.status, problems)
    if (status && status.id !== entry.status_id) patch.status = status
    const period = checkPeriod(input.recurring_value_period, problems)
    if (period !== undefined && period !== entry.recurring_value_period) patch.recurringValuePeriod = period
    if (input.one_time_value_cents !== undefined && input.one_time_value_cents !== entry.one_time_value_cents)
      patch.oneTimeValueCents = input.one_time_value_cents
    if (input.recurring_value_cents !== undefined && input.recurring_value_cents !== entry.recurring_value_cents)
      patch.recurringValueCents = input.recurring_value_cents
    if (input.assignee_email !== undefined) patch.assigneeEmail = input.assignee_email
  }
  if (input.contact_id !== undefined && input.contact_id !== entry.contact_id) patch.contactId = input.contact_id
  if (input.list_fields !== undefined) {
    const current = withoutRemovedFields(def.fields, parseStoredValues(entry.list_fields))
    patch.fields = applyListFields(def.fields, current, input.list_fields, problems, patch.refs)
  }
  problems.throwIfAny()
  return patch
}
