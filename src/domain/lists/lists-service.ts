// Lists and processes: create (with templates), read, page, update (merge by name, with the guards that
// need the database), archive and delete. One transaction per write.
import type { Db, Executor } from '../../db/dialect.js'
import { isForeignKeyViolation, isUniqueViolation } from '../../db/errors.js'
import * as q from '../../db/queries/lists.js'
import type { ListFieldRow, ListRow, StatusRow } from '../../db/schema.js'
import type { Actor } from '../actor.js'
import { ConflictError, NotFoundError, Problems, invalid } from '../errors.js'
import type { FieldDefinition } from '../fields/field-types.js'
import { newId } from '../ids.js'
import { pageRequest, toPage, type Page } from '../pagination.js'
import { nowMs, unixSecondsToMs } from '../time.js'
import { lockWorkspace } from '../../db/queries/workspaces.js'
import { MAX_LISTS_PER_WORKSPACE, checkCreateList } from './list-input.js'
import { planListPatch, type ListPatchPlan } from './list-patch.js'
import type { CreateListInput, ListListsQuery, UpdateListInput } from './list-requests.js'
import { storedOptions } from '../fields/stored-field.js'
import type { EntryWrites } from '../entries/entry-writes.js'
import { nextDefinitionVersion } from './list-definitions.js'
import { toListResource, type ListResource } from './list-resource.js'
import { isClosed } from './statuses.js'

function fieldRow(
  workspaceId: string,
  listId: string,
  field: Omit<FieldDefinition, 'id'>,
  position: number,
  now: number,
): ListFieldRow {
  return {
    workspace_id: workspaceId,
    id: newId(),
    list_id: listId,
    name: field.name,
    data_type: field.data_type,
    options: storedOptions(field.options),
    accepts_multiple_values: field.accepts_multiple_values,
    position,
    created_at: now,
    updated_at: now,
  }
}

function statusRow(
  workspaceId: string,
  listId: string,
  status: { name: string; type: string },
  position: number,
  now: number,
): StatusRow {
  return {
    workspace_id: workspaceId,
    id: newId(),
    list_id: listId,
    name: status.name,
    type: status.type,
    position,
    entry_count: 0,
    created_at: now,
    updated_at: now,
  }
}

/** The final order as ids; gives each new row its position in it. */
function placeInOrder(
  order: ReadonlyArray<{ id: string } | { added: number }>,
  addedRows: Array<{ id: string; position: number }>,
): string[] {
  const ids = order.map((o) => ('id' in o ? o.id : addedRows[o.added]!.id))
  for (const row of addedRows) row.position = ids.indexOf(row.id)
  return ids
}

/** Moves stored rows to their index in `ids`; returns how many moved. */
async function reposition(
  stored: ReadonlyArray<{ id: string; position: number }>,
  ids: readonly string[],
  move: (id: string, position: number) => Promise<void>,
): Promise<number> {
  let moved = 0
  for (const row of stored) {
    const position = ids.indexOf(row.id)
    if (position !== row.position) {
      await move(row.id, position)
      moved++
    }
  }
  return moved
}

/**
 * What a database refusal during a list write means: a unique key refused a rename or insert the checks
 * let through (a race, or a swap of names), or a foreign key refused removing a status or field that an
 * entry took up meanwhile.
 */
function refused(error: unknown): never {
  if (isUniqueViolation(error)) throw invalid('name', 'taken', 'has already been taken')
  if (isForeignKeyViolation(error)) throw new ConflictError('An entry took up a status or field being removed; retry')
  throw error
}

export class ListsService {
  constructor(
    private readonly db: Db,
    private readonly entryWrites: EntryWrites,
  ) {}

  async create(actor: Actor, input: CreateListInput): Promise<ListResource> {
    const draft = checkCreateList(input)
    const now = nowMs()
    const ws = actor.workspaceId
    const list: ListRow = {
      workspace_id: ws,
      id: newId(),
      name: draft.name,
      process: draft.process,
      entry_type: draft.entryType,
      identifier: draft.identifier,
      duplicates_allowed: draft.duplicatesAllowed,
      entry_label: draft.entryLabel,
      status_label: draft.statusLabel,
      last_key_number: 0,
      entry_count: 0,
      definition_version: 0,
      archived_at: null,
      created_at: now,
      updated_at: now,
    }
    const fields = draft.fields.map((f, i) => fieldRow(ws, list.id, f, i, now))
    const statuses = draft.statuses.map((s, i) => statusRow(ws, list.id, s, i, now))
    await this.db
      .transaction(async (trx) => {
        // Creates in one workspace take turns here, so none can pass the limit alongside another.
        await lockWorkspace(trx, ws)
        if ((await q.countLists(trx, ws)) >= MAX_LISTS_PER_WORKSPACE)
          throw invalid(
            'lists',
            'limit_reached',
            `the workspace has ${MAX_LISTS_PER_WORKSPACE} lists and processes, the most it may have: delete one first`,
          )
        await q.insertList(trx, list)
        await q.insertListFields(trx, fields)
        await q.insertStatuses(trx, statuses)
      }, actor.deadline)
      .catch(refused)
    return toListResource(list, fields, statuses)
  }

  async get(actor: Actor, listId: string): Promise<ListResource> {
    const db = this.db.kysely
    const list = await q.findList(db, actor.workspaceId, listId)
    if (!list) throw new NotFoundError('list', listId)
    const fields = await q.findFieldsOfLists(db, actor.workspaceId, [listId])
    const statuses = await q.findStatusesOfLists(db, actor.workspaceId, [listId])
    return toListResource(list, fields, statuses)
  }

  async list(actor: Actor, query: ListListsQuery): Promise<Page<ListResource>> {
    const db = this.db.kysely
    const page = pageRequest(query)
    const filter = {
      archived: query.archived,
      updatedAfterMs: query.updated_after === undefined ? undefined : unixSecondsToMs(query.updated_after),
    }
    const { rows, total } = await q.listLists(db, actor.workspaceId, filter, page)
    const ids = rows.map((r) => r.id)
    // Two queries for the whole page, not two per list.
    const [fields, statuses] = [
      await q.findFieldsOfLists(db, actor.workspaceId, ids),
      await q.findStatusesOfLists(db, actor.workspaceId, ids),
    ]
    const data = rows.map((row) =>
      toListResource(
        row,
        fields.filter((f) => f.list_id === row.id),
        statuses.filter((s) => s.list_id === row.id),
      ),
    )
    return toPage(data, page, total)
  }

  async update(actor: Actor, listId: string, input: UpdateListInput): Promise<ListResource> {
    const ws = actor.workspaceId
    await this.db
      .transaction(async (trx) => {
        // The row lock serialises concurrent PATCHes of one list across server processes.
        const list = await q.lockList(trx, ws, listId)
        if (!list) throw new NotFoundError('list', listId)
        const fields = await q.findFieldsOfLists(trx, ws, [listId])
        const statuses = list.process ? await q.findStatusesOfLists(trx, ws, [listId]) : []
        const plan = planListPatch(list, fields, statuses, input)
        await this.guard(trx, ws, listId, plan)
        await this.apply(trx, ws, list, plan)
      }, actor.deadline)
      .catch(refused)
    return this.get(actor, listId)
  }

  /** The rules of a PATCH that need the database; throws one ValidationError naming every problem. */
  private async guard(trx: Executor, ws: string, listId: string, plan: ListPatchPlan): Promise<void> {
    const problems = new Problems()
    for (const removed of plan.statuses?.removed ?? []) {
      if (await q.statusHasEntries(trx, ws, listId, removed.existing.id)) {
        problems.add(`${removed.path}.name`, 'in_use', 'still holds entries: move them to another status first')
      }
    }
    for (const { path, existing, change } of plan.fields?.changed ?? []) {
      const textual = ['text', 'textarea']
      const typeChange =
        change.data_type !== undefined && !(textual.includes(change.data_type) && textual.includes(existing.data_type))
      const narrowing = change.accepts_multiple_values === false
      if ((typeChange || narrowing) && (await q.fieldHasValues(trx, ws, existing.id))) {
        const what = typeChange ? 'data_type' : 'accepts_multiple_values'
        problems.add(`${path}.${what}`, 'in_use', `can't be changed while entries hold values in this field`)
      }
    }
    if (plan.list.duplicates_allowed === false && (await q.hasDuplicateEntries(trx, ws, listId))) {
      problems.add(
        'duplicates_allowed',
        'in_use',
        "can't be turned off: the process already holds a record more than once",
      )
    }
    problems.throwIfAny()
  }

  private async apply(trx: Executor, ws: string, list: ListRow, plan: ListPatchPlan): Promise<void> {
    const now = nowMs()
    let changed = Object.keys(plan.list).length > 0 || plan.archive !== undefined
    if (plan.statuses) {
      const { added, changed: updates, removed, order } = plan.statuses
      for (const r of removed) await q.deleteStatus(trx, ws, r.existing.id)
      for (const { existing, change, rename } of updates) {
        await q.updateStatus(trx, ws, existing.id, { ...(rename ? { name: rename } : {}), ...change, updated_at: now })
        if (change.type !== undefined && isClosed(change.type) !== isClosed(existing.type)) {
          await this.entryWrites.syncClosedAtOfStatus(trx, ws, list.id, existing.id, isClosed(change.type), now)
        }
      }
      const addedRows = added.map((a) => statusRow(ws, list.id, a.value, 0, now))
      const ids = placeInOrder(order, addedRows)
      await q.insertStatuses(trx, addedRows)
      const stored = await q.findStatusesOfLists(trx, ws, [list.id])
      const moved = await reposition(stored, ids, (id, position) => q.updateStatus(trx, ws, id, { position }))
      changed ||= added.length + updates.length + removed.length + moved > 0
    }
    if (plan.fields) {
      const { added, changed: updates, removed, order } = plan.fields
      for (const r of removed) await q.deleteListField(trx, ws, r.existing.id)
      for (const { existing, change, rename } of updates) {
        await q.updateListField(trx, ws, existing.id, {
          ...(rename ? { name: rename } : {}),
          ...(change.data_type !== undefined ? { data_type: change.data_type } : {}),
          ...(change.options !== undefined ? { options: storedOptions(change.options) } : {}),
          ...(change.accepts_multiple_values !== undefined
            ? { accepts_multiple_values: change.accepts_multiple_values }
            : {}),
          updated_at: now,
        })
      }
      const addedRows = added.map((a) => fieldRow(ws, list.id, a.value, 0, now))
      const ids = placeInOrder(order, addedRows)
      await q.insertListFields(trx, addedRows)
      const stored = await q.findFieldsOfLists(trx, ws, [list.id])
      const moved = await reposition(stored, ids, (id, position) => q.updateListField(trx, ws, id, { position }))
      changed ||= added.length + updates.length + removed.length + moved > 0
    }
    if (!changed) return
    const definitionChanged = plan.statuses !== undefined || plan.fields !== undefined
    await q.updateList(trx, ws, list.id, {
      ...plan.list,
      ...(plan.archive === undefined ? {} : { archived_at: plan.archive ? now : null }),
      ...(definitionChanged ? { definition_version: nextDefinitionVersion(list) } : {}),
      updated_at: now,
    })
  }

  async delete(actor: Actor, listId: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      const list = await q.lockList(trx, actor.workspaceId, listId)
      if (!list) throw new NotFoundError('list', listId)
      await this.entryWrites.deleteOfList(trx, actor.workspaceId, listId)
      await q.deleteList(trx, actor.workspaceId, listId)
    }, actor.deadline)
  }
}
