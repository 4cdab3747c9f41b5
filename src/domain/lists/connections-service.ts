// Connected lists: "when an entry of process A enters status S, put its record into process B at status
// T". This file manages the rules and checks them (both ends are processes of the same entry type, a
// status starts at most one rule and is the target of at most one, and a chain of rules, each starting
// at the status the previous one ends at, is at most MAX_CHAIN_LENGTH long). Firing them is the
// entries' job.
import type { Db } from '../../db/dialect.js'
import { isUniqueViolation } from '../../db/errors.js'
import * as q from '../../db/queries/lists.js'
import type { ListConnectionRow } from '../../db/schema.js'
import type { Actor } from '../actor.js'
import { lockWorkspace } from '../../db/queries/workspaces.js'
import type { Executor } from '../../db/dialect.js'
import { NotFoundError, Problems, invalid } from '../errors.js'
import { newId } from '../ids.js'
import { pageRequest, toPage, type Page } from '../pagination.js'
import { nowMs, toIso } from '../time.js'
import type { ListDefinitions } from './list-definitions.js'
import type { CreateConnectionInput } from './list-requests.js'

export interface ConnectionResource {
  id: string
  from_list_id: string
  from_status: string
  to_list_id: string
  to_status: string
  created_at: string
}

/**
 * Rules one chain may hold: one entry entering a status fires at most this many rules in a row (each
 * making an entry in another process), so one request's work stays bounded.
 */
export const MAX_CHAIN_LENGTH = 10

/**
 * How many rules run on in a row from `statusId`, following `next` (the rule a status starts, or the one
 * that ends at it) and `step` (to that rule's other end), counting at most `limit + 1`. `closed` when the
 * walk came to `stop`: the new rule would close a cycle.
 */
async function rulesInARow(
  next: (statusId: string) => Promise<ListConnectionRow | undefined>,
  step: (rule: ListConnectionRow) => string,
  statusId: string,
  stop: string,
  limit: number,
): Promise<{ count: number; closed: boolean }> {
  const met = new Set([statusId])
  let count = 0
  for (let at = statusId; count <= limit; ) {
    const rule = await next(at)
    if (!rule) break
    count++
    at = step(rule)
    if (at === stop) return { count, closed: true }
    if (met.has(at)) break
    met.add(at)
  }
  return { count, closed: false }
}

/** The number of rules in the chain (or cycle) a new rule from `fromStatusId` to `toStatusId` would join. */
async function chainLengthWith(trx: Executor, ws: string, fromStatusId: string, toStatusId: string): Promise<number> {
  const after = await rulesInARow(
    (id) => q.findConnectionFromStatus(trx, ws, id),
    (rule) => rule.to_status_id,
    toStatusId,
    fromStatusId,
    MAX_CHAIN_LENGTH,
  )
  // A cycle: the rules after the new one lead back to it, and are all the rules there are.
  if (after.closed) return after.count + 1
  const before = await rulesInARow(
    (id) => q.findConnectionToStatus(trx, ws, id),
    (rule) => rule.from_status_id,
    fromStatusId,
    toStatusId,
    MAX_CHAIN_LENGTH,
  )
  return before.count + 1 + after.count
}

export class ConnectionsService {
  constructor(
    private readonly db: Db,
    private readonly definitions: ListDefinitions,
  ) {}

  /** Rules that start or end in this process. */
  async list(
    actor: Actor,
    listId: string,
    query: { first?: number; after?: number },
  ): Promise<Page<ConnectionResource>> {
    const db = this.db.kysely
    await this.definitions.load(db, actor.workspaceId, listId)
    const rows = await q.findConnectionsOfList(db, actor.workspaceId, listId)
    const page = pageRequest(query)
    const slice = rows.slice(page.offset, page.offset + page.limit)
    return toPage(await this.toResources(slice, actor.workspaceId), page, rows.length)
  }

  async create(actor: Actor, listId: string, input: CreateConnectionInput): Promise<ConnectionResource> {
    const ws = actor.workspaceId
    const row = await this.db
      .transaction(async (trx) => {
        // Rules of one workspace are made one at a time, so two cannot together pass the chain limit.
        await lockWorkspace(trx, ws)
        const from = await this.definitions.load(trx, ws, listId)
        const problems = new Problems()
        if (!from.list.process) throw invalid('list', 'not_allowed', 'connections are only for processes')
        const fromStatus = from.statuses.find((s) => s.name === input.from_status)
        if (!fromStatus) problems.add('from_status', 'unknown', `is not a status of this process`)
        const to = input.to_list_id === listId ? undefined : await q.findList(trx, ws, input.to_list_id)
        let toStatusId: string | undefined
        if (input.to_list_id === listId) problems.add('to_list_id', 'invalid', 'must be another process')
        else if (!to) problems.add('to_list_id', 'unknown', 'does not exist')
        else if (!to.process) problems.add('to_list_id', 'invalid', 'must be a process')
        else if (to.entry_type !== from.list.entry_type)
          problems.add('to_list_id', 'invalid', `must hold ${from.list.entry_type} entries like this process`)
        else {
          const target = (await q.findStatusesOfLists(trx, ws, [to.id])).find((s) => s.name === input.to_status)
          if (!target) problems.add('to_status', 'unknown', 'is not a status of the target process')
          else toStatusId = target.id
        }
        if (fromStatus && (await q.findConnectionFromStatus(trx, ws, fromStatus.id)))
          problems.add('from_status', 'taken', 'already starts a connection')
        if (toStatusId && (await q.findConnectionToStatus(trx, ws, toStatusId)))
          problems.add('to_status', 'taken', 'is already the target of a connection')
        if (!problems.any && (await chainLengthWith(trx, ws, fromStatus!.id, toStatusId!)) > MAX_CHAIN_LENGTH)
          problems.add(
            'to_status',
            'too_long',
            `would make a chain of more than ${MAX_CHAIN_LENGTH} connections (entering one status fires them in a row)`,
          )
        problems.throwIfAny()
        const row: ListConnectionRow = {
          workspace_id: ws,
          id: newId(),
          from_list_id: listId,
          from_status_id: fromStatus!.id,
          to_list_id: input.to_list_id,
          to_status_id: toStatusId!,
          created_at: nowMs(),
        }
        await q.insertConnection(trx, row)
        await q.touchList(trx, ws, listId, row.created_at)
        return row
      }, actor.deadline)
      .catch((error: unknown) => {
        // Two concurrent creates can both pass the checks; the unique keys refuse the second.
        if (isUniqueViolation(error))
          throw invalid('from_status', 'taken', 'already starts a connection, or its target is already connected')
        throw error
      })
    return (await this.toResources([row], ws))[0]!
  }

  async delete(actor: Actor, listId: string, connectionId: string): Promise<void> {
    await this.definitions.load(this.db.kysely, actor.workspaceId, listId)
    if (!(await q.deleteConnection(this.db.kysely, actor.workspaceId, listId, connectionId)))
      throw new NotFoundError('connection', connectionId)
  }

  private async toResources(rows: readonly ListConnectionRow[], ws: string): Promise<ConnectionResource[]> {
    const statuses = await q.findStatusesByIds(this.db.kysely, ws, [
      ...new Set(rows.flatMap((r) => [r.from_status_id, r.to_status_id])),
    ])
    const name = (id: string) => statuses.find((s) => s.id === id)?.name ?? ''
    return rows.map((r) => ({
      id: r.id,
      from_list_id: r.from_list_id,
      from_status: name(r.from_status_id),
      to_list_id: r.to_list_id,
      to_status: name(r.to_status_id),
      created_at: toIso(r.created_at),
    }))
  }
}
