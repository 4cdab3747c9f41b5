// Custom field definitions (`/v1/custom_fields`): names unique per model whatever their case, only
// `name` and `options` can change, an option still in use cannot be removed, and deleting a field
// deletes its values.
import type { Db } from '../../db/dialect.js'
import type { CustomFieldRow } from '../../db/schema.js'
import * as q from '../../db/queries/custom-fields.js'
import { lockWorkspace } from '../../db/queries/workspaces.js'
import type { Actor } from '../actor.js'
import { NotFoundError, Problems, invalid } from '../errors.js'
import { MAX_FIELD_NAME_LENGTH, checkFieldDefinition, checkOptions } from '../fields/field-types.js'
import { storedOptions } from '../fields/stored-field.js'
import { newId } from '../ids.js'
import { pageRequest, toPage, type Page } from '../pagination.js'
import { nowMs, unixSecondsToMs } from '../time.js'
import { retryOnUniqueViolation } from '../unique-retry.js'
import { MODELS, isModel, type Model } from './models.js'
import { deleteFieldValues, refuseRemovingUsedOptions } from './stored-values.js'
import { toCustomField, toDefinition, type CustomField } from './to-custom-field.js'

/** Custom fields per model in a workspace (every write of a contact or organization reads all of its model's). */
export const MAX_CUSTOM_FIELDS_PER_MODEL = 200

export interface NewCustomField {
  name: string
  model: string
  data_type?: string | undefined
  options?: unknown
  accepts_multiple_values?: boolean | undefined
}

/** A PATCH: `name` and `options` change; the others may be sent only with their stored value. */
export interface CustomFieldChanges {
  name?: string | undefined
  options?: string[] | null | undefined
  model?: string | undefined
  data_type?: string | undefined
  accepts_multiple_values?: boolean | undefined
}

export interface ListCustomFieldsQuery {
  first?: number | undefined
  after?: number | undefined
  updated_after?: number | undefined
  model?: Model | undefined
}

export class CustomFieldsService {
  constructor(private readonly db: Db) {}

  async list(actor: Actor, query: ListCustomFieldsQuery): Promise<Page<CustomField>> {
    const page = pageRequest(query)
    const filter = {
      model: query.model,
      updatedAfterMs: query.updated_after === undefined ? undefined : unixSecondsToMs(query.updated_after),
    }
    const { rows, total } = await q.listCustomFields(this.db.kysely, actor.workspaceId, filter, page)
    return toPage(rows.map(toCustomField), page, total)
  }

  async get(actor: Actor, id: string): Promise<CustomField> {
    const row = await q.findCustomField(this.db.kysely, actor.workspaceId, id)
    if (!row) throw new NotFoundError('custom field', id)
    return toCustomField(row)
  }

  async create(actor: Actor, input: NewCustomField): Promise<CustomField> {
    const problems = new Problems()
    if (!isModel(input.model)) problems.add('model', 'inclusion', `is not included in the list (${MODELS.join(', ')})`)
    const definition = checkFieldDefinition(input, '', problems, 'text')
    problems.throwIfAny()
    const model = input.model as Model
    const now = nowMs()
    const row: CustomFieldRow = {
      workspace_id: actor.workspaceId,
      id: newId(),
      model,
      name: definition!.name,
      name_key: definition!.name.toLowerCase(),
      data_type: definition!.data_type,
      options: storedOptions(definition!.options),
      accepts_multiple_values: definition!.accepts_multiple_values,
      created_at: now,
      updated_at: now,
    }
    await retryOnUniqueViolation(
      () =>
        this.db.transaction(async (trx) => {
          // Every write of a contact or organization reads all the fields of its model: they are bounded.
          await lockWorkspace(trx, actor.workspaceId)
          if (await q.findCustomFieldByNameKey(trx, actor.workspaceId, model, row.name_key))
            throw invalid('name', 'taken', 'has already been taken')
          if ((await q.countCustomFields(trx, actor.workspaceId, model)) >= MAX_CUSTOM_FIELDS_PER_MODEL)
            throw invalid(
              'model',
              'limit_reached',
              `the workspace has ${MAX_CUSTOM_FIELDS_PER_MODEL} custom fields of ${model}s, the most it may have`,
            )
          await q.insertCustomField(trx, row)
        }, actor.deadline),
      'name',
    )
    return toCustomField(row)
  }

  async update(actor: Actor, id: string, input: CustomFieldChanges): Promise<CustomField> {
    const work = () =>
      this.db.transaction(async (trx) => {
        const row = await q.lockCustomField(trx, actor.workspaceId, id)
        if (!row) throw new NotFoundError('custom field', id)
        const current = toDefinition(row)
        const problems = new Problems()
        const fixed = {
          model: row.model,
          data_type: row.data_type,
          accepts_multiple_values: current.accepts_multiple_values,
        }
        for (const key of ['model', 'data_type', 'accepts_multiple_values'] as const) {
          if (input[key] !== undefined && input[key] !== fixed[key])
            problems.add(key, 'immutable', `cannot be changed (it is ${JSON.stringify(fixed[key])})`)
        }
        const changes: Partial<CustomFieldRow> = {}
        if (input.name !== undefined) {
          const name = input.name.trim()
          if (name === '') problems.add('name', 'blank', "can't be blank")
          else if (name.length > MAX_FIELD_NAME_LENGTH)
            problems.add('name', 'too_long', `is too long (maximum is ${MAX_FIELD_NAME_LENGTH} characters)`)
          else {
            const other = await q.findCustomFieldByNameKey(trx, actor.workspaceId, row.model, name.toLowerCase())
            if (other && other.id !== row.id) problems.add('name', 'taken', 'has already been taken')
            if (name !== row.name) Object.assign(changes, { name, name_key: name.toLowerCase() })
          }
        }
        if (input.options !== undefined) {
          if (current.data_type !== 'select') {
            if (input.options !== null) problems.add('options', 'not_allowed', 'is only allowed for select fields')
          } else {
            const options = checkOptions(input.options, 'options', problems)
            if (options) {
              await refuseRemovingUsedOptions(trx, row, options, problems)
              if (JSON.stringify(options) !== row.options) changes.options = JSON.stringify(options)
            }
          }
        }
        problems.throwIfAny()
        if (Object.keys(changes).length > 0) {
          changes.updated_at = nowMs()
          await q.updateCustomField(trx, actor.workspaceId, id, changes)
        }
        return toCustomField({ ...row, ...changes })
      }, actor.deadline)
    return retryOnUniqueViolation(work, 'name')
  }

  /** Deletes the field and, in the same transaction, every value stored in it. */
  async delete(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      const row = await q.lockCustomField(trx, actor.workspaceId, id)
      if (!row) throw new NotFoundError('custom field', id)
      await deleteFieldValues(trx, actor.workspaceId, row)
      await q.deleteCustomField(trx, actor.workspaceId, id)
    }, actor.deadline)
  }
}
