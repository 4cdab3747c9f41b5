// Entries: list (filters, sort, paging), retrieve, create, update, delete, and the status history. This
// file orders the steps of each request and owns its transaction: the input's rules are in
// entry-input.ts and entry-filters.ts, the records it names are checked in entry-references.ts, every
// write goes through EntryWrites (entry-writes.ts), and the response is made by entry-resource.ts.
import type { Db, Executor } from '../../db/dialect.js'
import { isForeignKeyViolation } from '../../db/errors.js'
import { MicroBatcher, type BatchItem, type Outcome } from '../../db/micro-batch.js'
import { lockEntryInList } from '../../db/queries/entry-locks.js'
import { listEntries } from '../../db/queries/entry-pages.js'
import {
  countStatusChanges,
  findEntryInList,
  findEntryWithList,
  listStatusChanges,
} from '../../db/queries/entry-reads.js'
import { sumStatusCounts } from '../../db/queries/lists.js'
import { findUserByEmail, findUsersByIds } from '../../db/queries/workspaces.js'
import type { EntryRow, UserRow } from '../../db/schema.js'
import type { Actor } from '../actor.js'
import { emailKey } from '../email-address.js'
import { ConflictError, NotFoundError, ValidationError } from '../errors.js'
import type { ListDefinition, ListDefinitions } from '../lists/list-definitions.js'
import { pageRequest, toPage, type Page } from '../pagination.js'
import { nowMs } from '../time.js'
import { countSource, parseEntryFilter, parseSort } from './entry-filters.js'
import { entryExtras } from './entry-extras.js'
import { Continuations, continuable } from './continuations.js'
import { checkCreateEntry, checkUpdateEntry } from './entry-input.js'
import type { CreateEntryInput, EntryListQuery, UpdateEntryInput } from './entry-requests.js'
import { verifyEntryReferences } from './entry-references.js'
import {
  toEntryResource,
  toStatusChangeResource,
  type EntryResource,
  type StatusChangeResource,
} from './entry-resource.js'
import { StaleDefinitionError } from './entry-rows.js'
import type { EntryWrites, NewEntryItem } from './entry-writes.js'

/** A foreign key refused a write because a status or list it named was removed meanwhile. */
function concurrentChange(error: unknown): never {
  if (isForeignKeyViolation(error))
    throw new ConflictError('The list changed while this request ran (a status or field was removed); retry')
  throw error
}

async function membersById(
  db: Executor,
  workspaceId: string,
  ids: ReadonlyArray<string | null>,
): Promise<Map<string, UserRow>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  return new Map((await findUsersByIds(db, workspaceId, wanted)).map((u) => [u.id, u]))
}

/** A create waiting for its batch: checked against `def`, its records found, ready to store. */
interface CreateRequest extends NewEntryItem {
  def: ListDefinition
}

/** Creates stored together at most: bounds how long one batch keeps the others waiting. */
const MAX_CREATE_BATCH = 100

export class EntriesService {
  /**
   * Concurrent creates are stored in batches (EntryWrites.create): per list, one lock, one set of
   * multi-row INSERTs and, for the whole batch, one transaction and one COMMIT.
   */
  readonly #creates: MicroBatcher<CreateRequest, EntryRow>
  /** Where pages served ended, so the next page of a read-through is a keyset seek (continuations.ts). */
  readonly #continuations = new Continuations()

  constructor(
    private readonly db: Db,
    private readonly definitions: ListDefinitions,
    private readonly writes: EntryWrites,
  ) {
    this.#creates = new MicroBatcher((items) => this.#storeBatch(items), MAX_CREATE_BATCH)
  }

  async #storeBatch(items: ReadonlyArray<BatchItem<CreateRequest>>): Promise<Array<Outcome<EntryRow>>> {
    const byList = new Map<string, number[]>()
    for (const [i, { input }] of items.entries())
      byList.set(input.def.list.id, [...(byList.get(input.def.list.id) ?? []), i])
    const outcomes: Array<Outcome<EntryRow>> = []
    const now = nowMs()
    await this.db.transaction(async (trx) => {
      // Lists are locked in one order (by id) in every batch, so two processes' batches cannot deadlock.
      for (const listId of [...byList.keys()].sort()) {
        const indexes = byList.get(listId)!
        const def = items[indexes[0]!]!.input.def
        const stored = await this.writes.create(
          trx,
          def,
          indexes.map((i) => items[i]!.input),
          now,
        )
        for (const [k, i] of indexes.entries()) outcomes[i] = stored[k]!
      }
    })
    return outcomes
  }

  async list(actor: Actor, listId: string, query: EntryListQuery): Promise<Page<EntryResource>> {
    const db = this.db.kysely
    const ws = actor.workspaceId
    const def = await this.definitions.load(db, ws, listId)
    const assignee =
      query.assignee_email === undefined
        ? undefined
        : ((await findUserByEmail(db, ws, emailKey(query.assignee_email))) ?? null)
    const filter = parseEntryFilter(def, query, assignee)
    const page = pageRequest(query)
    const sort = parseSort(query.sort)
    const source = countSource(filter)
    const known =
      source === undefined
        ? undefined
        : 'list' in source
          ? def.list.entry_count
          : await sumStatusCounts(db, ws, source.statusIds)
    const canContinue = continuable(sort, def.list.process)
    const from = canContinue ? this.#continuations.recall(ws, listId, filter, sort, page.offset) : undefined
    const { rows, total } = await listEntries(db, ws, listId, filter, sort, page, known, from)
    if (canContinue) this.#continuations.remember(ws, listId, filter, sort, page.offset, rows)
    const members = await membersById(
      db,
      ws,
      rows.map((r) => r.assignee_id),
    )
    const extras = await entryExtras(db, ws, rows, query.include)
    return toPage(
      rows.map((row) => {
        const resource = toEntryResource(row, def, members)
        const extra = extras.get(row.id)
        return extra === undefined ? resource : { ...resource, ...extra }
      }),
      page,
      total,
    )
  }

  async get(actor: Actor, listId: string, entryId: string): Promise<EntryResource> {
    const db = this.db.kysely
    // The entry, its list and its assignee in one statement; the list's fields and statuses come from
    // the cache when its version matches.
    const found = await findEntryWithList(db, actor.workspaceId, listId, entryId)
    if (!found) {
      await this.definitions.load(db, actor.workspaceId, listId) // names an unknown list as such
      throw new NotFoundError('entry', entryId)
    }
    const def = await this.definitions.of(db, found.list)
    return toEntryResource(found.entry, def, new Map(found.assignee ? [[found.assignee.id, found.assignee]] : []))
  }

  /**
   * Creates are checked against the definition this process last loaded, without reading the list
   * first: the batch confirms its version under the list's lock. A create is checked once, against
   * the list as it is: only when that definition turns out to be behind (the batch found a newer
   * version, or the checks refused the entry and the list as stored is newer, so a field or status it
   * names may be new) does it start again from the list as stored; nothing was stored the first time.
   * A refusal against the list as it still is stands as it is.
   */
  async create(actor: Actor, listId: string, input: CreateEntryInput): Promise<EntryResource> {
    const ws = actor.workspaceId
    const known = this.definitions.unconfirmed(ws, listId)
    if (!known) return this.#createWith(actor, await this.definitions.load(this.db.kysely, ws, listId), input)
    try {
      return await this.#createWith(actor, known, input)
    } catch (error) {
      const newer = await this.#newerDefinition(error, known)
      if (!newer) throw error
      return this.#createWith(actor, newer, input)
    }
  }

  /**
   * The list as stored when `error` (of a create checked against `checked`, a definition that may be
   * behind) may be due to that definition being behind; undefined when the error stands.
   */
  async #newerDefinition(error: unknown, checked: ListDefinition): Promise<ListDefinition | undefined> {
    if (!(error instanceof StaleDefinitionError || error instanceof ValidationError)) return undefined
    const stored = await this.definitions.load(this.db.kysely, checked.list.workspace_id, checked.list.id)
    if (error instanceof ValidationError && stored.list.definition_version === checked.list.definition_version)
      return undefined
    return stored
  }

  async #createWith(actor: Actor, def: ListDefinition, input: CreateEntryInput): Promise<EntryResource> {
    const draft = checkCreateEntry(def, input)
    const assignee = await verifyEntryReferences(this.db.kysely, actor.workspaceId, { ...draft, refs: draft.refs })
    const spec = { ...draft, assigneeId: assignee?.id ?? null }
    const row = await this.#creates
      .submit({ actor, def, spec, checkedAt: def.list.definition_version }, actor.deadline)
      .catch(concurrentChange)
    return toEntryResource(row, def, new Map(assignee ? [[assignee.id, assignee]] : []))
  }

  async update(actor: Actor, listId: string, entryId: string, input: UpdateEntryInput): Promise<EntryResource> {
    const ws = actor.workspaceId
    const { row, def } = await this.db
      .transaction(async (trx) => {
        const def = await this.definitions.load(trx, ws, listId)
        // The row lock makes read-modify-write of list_fields safe against concurrent PATCHes.
        const row = await lockEntryInList(trx, ws, listId, entryId)
        if (!row) throw new NotFoundError('entry', entryId)
        const patch = checkUpdateEntry(def, row, input)
        const assignee = await verifyEntryReferences(trx, ws, {
          entryableType: row.entryable_type,
          entryableId: row.entryable_id,
          contactId: patch.contactId,
          assigneeEmail: patch.assigneeEmail,
          refs: patch.refs,
        })
        await this.writes.update(trx, actor, def, row, patch, assignee)
        return { row, def }
      }, actor.deadline)
      .catch(concurrentChange)
    return toEntryResource(row, def, await membersById(this.db.kysely, ws, [row.assignee_id]))
  }

  async delete(actor: Actor, listId: string, entryId: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      const row = await lockEntryInList(trx, actor.workspaceId, listId, entryId)
      if (!row) {
        await this.definitions.load(trx, actor.workspaceId, listId) // an unknown list is named as such
        throw new NotFoundError('entry', entryId)
      }
      await this.writes.delete(trx, actor.workspaceId, [row])
    }, actor.deadline)
  }

  /** The entry's status history, oldest first. */
  async statusChanges(
    actor: Actor,
    listId: string,
    entryId: string,
    query: { first?: number; after?: number },
  ): Promise<Page<StatusChangeResource>> {
    const db = this.db.kysely
    const ws = actor.workspaceId
    await this.definitions.load(db, ws, listId)
    if (!(await findEntryInList(db, ws, listId, entryId))) throw new NotFoundError('entry', entryId)
    const page = pageRequest(query)
    const rows = page.limit === 0 ? [] : await listStatusChanges(db, ws, entryId, page.limit, page.offset)
    const total = await countStatusChanges(db, ws, entryId)
    const members = await membersById(
      db,
      ws,
      rows.map((r) => r.user_id),
    )
    return toPage(
      rows.map((r) => toStatusChangeResource(r, members)),
      page,
      total,
    )
  }
}
