// The rules of `PATCH /v1/lists/:id` that need no database: which scalar changes are allowed, and how the
// statuses and fields sent merge into the current ones (see merge-by-name.ts). The service adds the
// guards that need the database and applies the result.
import type { ListFieldRow, ListRow, StatusRow } from '../../db/schema.js'
import { Problems } from '../errors.js'
import { checkFieldDefinition, type FieldDefinition, type FieldDefinitionInput } from '../fields/field-types.js'
import {
  MAX_FIELDS,
  MAX_IDENTIFIER_LENGTH,
  MAX_LABEL_LENGTH,
  MAX_NAME_LENGTH,
  checkStatus,
  checkText,
} from './list-input.js'
import { toFieldDefinition } from './list-resource.js'
import type { UpdateListInput } from './list-requests.js'
import { mergeByName, type MergePlan } from './merge-by-name.js'
import { MAX_STATUSES, MAX_STATUS_NAME_LENGTH, parseStatusKind, type StatusKind, type StatusSpec } from './statuses.js'

/** One item of a PATCH's `fields`. */
export type FieldPatchItem = NonNullable<UpdateListInput['fields']>[number]

export interface StatusChange {
  type?: StatusKind
}

export type FieldChange = Partial<Omit<FieldDefinition, 'id' | 'name'>>

export interface ListPatchPlan {
  list: Partial<Pick<ListRow, 'name' | 'identifier' | 'duplicates_allowed' | 'entry_label' | 'status_label'>>
  /** true: archive now; false: unarchive; undefined: leave. */
  archive?: boolean
  statuses?: MergePlan<StatusRow, StatusSpec, StatusChange>
  fields?: MergePlan<ListFieldRow & { definition: FieldDefinition }, Omit<FieldDefinition, 'id'>, FieldChange>
}

const PROCESS_ONLY = ['identifier', 'duplicates_allowed', 'entry_label', 'status_label', 'statuses'] as const

function fieldChange(
  item: FieldPatchItem,
  existing: FieldDefinition,
  path: string,
  problems: Problems,
): FieldChange | undefined {
  const dataType = item.data_type ?? existing.data_type
  const merged: FieldDefinitionInput = {
    name: existing.name,
    data_type: dataType,
    options: item.options ?? (dataType === 'select' ? existing.options : undefined),
    accepts_multiple_values:
      item.accepts_multiple_values ??
      (['select', 'user', 'contact'].includes(String(dataType)) ? existing.accepts_multiple_values : undefined),
  }
  const checked = checkFieldDefinition(merged, path, problems)
  if (checked === undefined) return undefined
  const change: FieldChange = {}
  if (checked.data_type !== existing.data_type) change.data_type = checked.data_type
  if (JSON.stringify(checked.options) !== JSON.stringify(existing.options)) change.options = checked.options
  if (checked.accepts_multiple_values !== existing.accepts_multiple_values)
    change.accepts_multiple_values = checked.accepts_multiple_values
  return change
}

/** Checks a PATCH against the stored list; throws a ValidationError naming every problem. */
export function planListPatch(
  list: ListRow,
  fields: readonly ListFieldRow[],
  statuses: readonly StatusRow[],
  input: UpdateListInput,
): ListPatchPlan {
  const problems = new Problems()
  const isProcess = list.process
  if (input.process !== undefined && input.process !== isProcess)
    problems.add('process', 'immutable', "can't be changed")
  if (input.entry_type !== undefined && input.entry_type !== list.entry_type)
    problems.add('entry_type', 'immutable', "can't be changed")
  if (!isProcess) {
    for (const key of PROCESS_ONLY) {
      if (input[key] !== undefined && !(key === 'duplicates_allowed' && input[key] === false)) {
        problems.add(key, 'not_allowed', 'is only allowed for processes')
      }
    }
  }

  const plan: ListPatchPlan = { list: {} }
  if (input.name !== undefined) {
    const name = checkText(input.name, 'name', MAX_NAME_LENGTH, problems)
    if (name !== undefined && name !== list.name) plan.list.name = name
  }
  if (isProcess) {
    if (input.identifier !== undefined) {
      const identifier = checkText(input.identifier, 'identifier', MAX_IDENTIFIER_LENGTH, problems)
      if (identifier !== undefined && identifier !== list.identifier) plan.list.identifier = identifier
    }
    if (input.duplicates_allowed !== undefined && input.duplicates_allowed !== list.duplicates_allowed) {
      plan.list.duplicates_allowed = input.duplicates_allowed
    }
    for (const key of ['entry_label', 'status_label'] as const) {
      if (input[key] === undefined) continue
      const label = checkText(input[key], key, MAX_LABEL_LENGTH, problems)
      if (label !== undefined && label !== list[key]) plan.list[key] = label
    }
    if (input.statuses !== undefined) {
      plan.statuses = mergeByName(
        statuses,
        input.statuses,
        'statuses',
        {
          noun: 'status',
          maxNameLength: MAX_STATUS_NAME_LENGTH,
          checkNew: (item, path, p) => checkStatus(item, path, p),
          checkChange: (item, existing, path, p) => {
            if (item.type === undefined) return {}
            const type = parseStatusKind(item.type)
            if (type === undefined) {
              p.add(`${path}.type`, 'inclusion', 'is not included in the list (active, won, lost)')
              return undefined
            }
            return type === existing.type ? {} : { type }
          },
          isEmptyChange: (change) => change.type === undefined,
        },
        problems,
      )
      if (plan.statuses.order.length === 0) problems.add('statuses', 'blank', 'a process must keep at least one status')
      // The limits of a create hold for the list as the PATCH leaves it, not only for what it sends.
      if (plan.statuses.order.length > MAX_STATUSES)
        problems.add('statuses', 'too_long', `would make too many statuses (maximum is ${MAX_STATUSES})`)
    }
  }
  if (input.archived !== undefined && input.archived !== (list.archived_at !== null)) plan.archive = input.archived
  if (input.fields !== undefined) {
    const current = fields.map((row) => ({ ...row, definition: toFieldDefinition(row) }))
    plan.fields = mergeByName(
      current,
      input.fields,
      'fields',
      {
        noun: 'field',
        maxNameLength: 100,
        checkNew: (item, path, p) => checkFieldDefinition(item, path, p),
        checkChange: (item, existing, path, p) => fieldChange(item, existing.definition, path, p),
        isEmptyChange: (change) => Object.keys(change).length === 0,
      },
      problems,
    )
    if (plan.fields.order.length > MAX_FIELDS)
      problems.add('fields', 'too_long', `would make too many fields (maximum is ${MAX_FIELDS})`)
  }
  problems.throwIfAny()
  return plan
}
