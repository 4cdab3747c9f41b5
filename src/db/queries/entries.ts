// SQL for entries: reading, paging with filters, the key counter, the list-field lookup rows, status
// history, and deletion with everything that hangs off an entry.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely'
import type { Executor } from '../dialect.js'
import type { Database, EntryRow, EntryStatusChangeRow, ListRow, UserRow } from '../schema.js'
import { prepare, prepareInsert } from '../prepared.js'
import { countRows, ordered, selectPage, type OrderTerm, type PageRequest } from './page.js'

export async function findEntry(db: Executor, workspaceId: string, entryId: string): Promise<EntryRow | undefined> {
  return db
    .selectFrom('entries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', entryId)
    .executeTakeFirst()
}

/**
 * Deletes entries and everything that hangs off them, keeping the kept counters true: the lists' and
 * statuses' `entry_count` go down, notes that named an entry as their deal lose the link, and entries
 * whose `next_entry_id` pointed at one lose it. Field values and status history go by foreign-key
 * cascade. Call inside a transaction.
 */
export async function deleteEntries(
  trx: Executor,
  workspaceId: string,
  entries: ReadonlyArray<Pick<EntryRow, 'id' | 'list_id' | 'status_id'>>,
): Promise<void> {
  if (entries.length === 0) return
  const ids = entries.map((e) => e.id)
  const perList = countBy(entries.map((e) => e.list_id))
  const perStatus = countBy(entries.flatMap((e) => (e.status_id === null ? [] : [e.status_id])))
  // Counter rows are updated (so, on PostgreSQL, locked) in id order, as every writer does.
  for (const [listId, n] of [...perList].sort(byKey)) {
    await trx
      .updateTable('lists')
      .set({ entry_count: sql`entry_count - ${n}` })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', listId)
      .execute()
  }
  for (const [statusId, n] of [...perStatus].sort(byKey)) {
    await trx
      .updateTable('statuses')
      .set({ entry_count: sql`entry_count - ${n}` })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', statusId)
      .execute()
  }
  for (const chunk of chunks(ids, 500)) {
    await trx
      .updateTable('notes')
      .set({ deal_id: null })
      .where('workspace_id', '=', workspaceId)
      .where('deal_id', 'in', chunk)
      .execute()
    await trx
      .updateTable('entries')
      .set({ next_entry_id: null })
      .where('workspace_id', '=', workspaceId)
      .where('next_entry_id', 'in', chunk)
      .execute()
    await trx.deleteFrom('entries').where('workspace_id', '=', workspaceId).where('id', 'in', chunk).execute()
  }
}

/**
 * Deletes every entry, in every list and process, of the given contacts or organizations (what deleting
 * a record does to its entries). Call inside a transaction.
 */
export async function deleteEntriesOfRecords(
  trx: Executor,
  workspaceId: string,
  entryableType: 'Contact' | 'Organization',
  recordIds: readonly string[],
): Promise<void> {
  for (const chunk of chunks(recordIds, 500)) {
    const entries = await trx
      .selectFrom('entries')
      .select(['id', 'list_id', 'status_id'])
      .where('workspace_id', '=', workspaceId)
      .where('entryable_type', '=', entryableType)
      .where('entryable_id', 'in', chunk)
      .execute()
    await deleteEntries(trx, workspaceId, entries)
  }
}

/** Clears `contact_id` on organization entries that named a contact being deleted. */
export async function detachContactFromEntries(
  trx: Executor,
  workspaceId: string,
  contactId: string,
  at: number,
): Promise<void> {
  await trx
    .updateTable('entries')
    .set({ contact_id: null, updated_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .execute()
}

const byKey = ([a]: [string, number], [b]: [string, number]) => (a < b ? -1 : a > b ? 1 : 0)

function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1)
  return counts
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size)
}

const entryInList = prepare((db, workspaceId: string, listId: string, entryId: string) =>
  db
    .selectFrom('entries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', entryId)
    .where('list_id', '=', listId),
)
const entryInListLocked = prepare((db, workspaceId: string, listId: string, entryId: string) =>
  db
    .selectFrom('entries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', entryId)
    .where('list_id', '=', listId)
    .forNoKeyUpdate(),
)

/** The entry, if it is in this list. */
export async function findEntryInList(
  db: Executor,
  workspaceId: string,
  listId: string,
  entryId: string,
): Promise<EntryRow | undefined> {
  return (await entryInList(db, workspaceId, listId, entryId))[0]
}

/**
 * The entry, if it is in this list, its row locked until the transaction ends (FOR NO KEY UPDATE, see
 * lockList): read-modify-write of one entry (PATCH, delete) is safe against a concurrent one.
 */
export async function lockEntryInList(
  db: Executor,
  workspaceId: string,
  listId: string,
  entryId: string,
): Promise<EntryRow | undefined> {
  return (await entryInListLocked(db, workspaceId, listId, entryId))[0]
}

/**
 * Counts a new entry into its list and hands out the next key number, in one statement. On PostgreSQL
 * the UPDATE takes the list's row lock until the transaction ends, which is what makes key numbers
 * gap-free and unique across server processes: a second create waits, then reads the committed number.
 * On SQLite the IMMEDIATE transaction already holds the only write lock.
 *
 * ```sql
 * update lists set last_key_number = last_key_number + :keys, entry_count = entry_count + :n
 * where workspace_id = :ws and id = :list returning last_key_number, identifier, duplicates_allowed, definition_version
 * ```
 * It also returns what a batch checks its entries against under that lock: whether the list takes a
 * record twice, and the version of its fields and statuses.
 */
const addToList = prepare((db, workspaceId: string, listId: string, n: number, keys: number) =>
  db
    .updateTable('lists')
    .set({ last_key_number: sql`last_key_number + ${keys}`, entry_count: sql`entry_count + ${n}` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', listId)
    .returning(['last_key_number', 'identifier', 'duplicates_allowed', 'definition_version']),
)

export async function countNewEntries(
  db: Executor,
  workspaceId: string,
  listId: string,
  n: number,
  keys: number,
): Promise<Pick<ListRow, 'last_key_number' | 'identifier' | 'duplicates_allowed' | 'definition_version'> | undefined> {
  return (await addToList(db, workspaceId, listId, n, keys))[0]
}

const addToStatus = prepare((db, workspaceId: string, statusId: string, n: number) =>
  db
    .updateTable('statuses')
    .set({ entry_count: sql`entry_count + ${n}` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', statusId),
)

/** Moves `n` entries into (n > 0) or out of (n < 0) a status's kept count. */
export async function countStatusEntries(
  db: Executor,
  workspaceId: string,
  statusId: string,
  n: number,
): Promise<void> {
  await addToStatus(db, workspaceId, statusId, n)
}

const ENTRY_COLUMNS = [
  'workspace_id',
  'id',
  'list_id',
  'entryable_type',
  'entryable_id',
  'contact_id',
  'key',
  'key_number',
  'status_id',
  'assignee_id',
  'one_time_value_cents',
  'recurring_value_cents',
  'recurring_value_period',
  'closed_at',
  'next_entry_id',
  'list_fields',
  'created_at',
  'updated_at',
] as const satisfies ReadonlyArray<keyof EntryRow>

const insertEntryRows = prepareInsert<EntryRow>('entries', ENTRY_COLUMNS)

/** Rows per multi-row INSERT: well under both databases' limits on bound parameters. */
const ROWS_PER_INSERT = 50

/** Inserts entries: prepared multi-row INSERTs (a batch of creates is one, a single create one row). */
export async function insertEntries(db: Executor, rows: readonly EntryRow[]): Promise<void> {
  for (const chunk of chunks(rows, ROWS_PER_INSERT)) await insertEntryRows(db, chunk)
}

export async function updateEntry(
  db: Executor,
  workspaceId: string,
  entryId: string,
  changes: Partial<Omit<EntryRow, 'workspace_id' | 'id' | 'list_id' | 'created_at'>>,
): Promise<void> {
  await db
    .updateTable('entries')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', entryId)
    .execute()
}

export interface FieldValueRow {
  field_id: string
  value: string
  entry_id: string
}

const insertFieldValueRows = prepareInsert<FieldValueRow & { workspace_id: string }>('entry_field_values', [
  'workspace_id',
  'field_id',
  'value',
  'entry_id',
])

export async function insertFieldValues(
  db: Executor,
  workspaceId: string,
  rows: readonly FieldValueRow[],
): Promise<void> {
  for (const chunk of chunks(rows, ROWS_PER_INSERT * 4))
    await insertFieldValueRows(
      db,
      chunk.map((r) => ({ workspace_id: workspaceId, ...r })),
    )
}

/** Forgets the lookup rows of some fields of one entry (before writing their new values). */
export async function deleteFieldValues(
  db: Executor,
  workspaceId: string,
  entryId: string,
  fieldIds: readonly string[],
): Promise<void> {
  if (fieldIds.length === 0) return
  await db
    .deleteFrom('entry_field_values')
    .where('workspace_id', '=', workspaceId)
    .where('entry_id', '=', entryId)
    .where('field_id', 'in', fieldIds)
    .execute()
}

const CHANGE_COLUMNS = [
  'workspace_id',
  'id',
  'entry_id',
  'list_id',
  'from_status_id',
  'from_status_name',
  'to_status_id',
  'to_status_name',
  'changed_at',
  'user_id',
  'api_key_id',
] as const satisfies ReadonlyArray<keyof EntryStatusChangeRow>

const insertChangeRows = prepareInsert<EntryStatusChangeRow>('entry_status_changes', CHANGE_COLUMNS)

export async function insertStatusChanges(db: Executor, rows: readonly EntryStatusChangeRow[]): Promise<void> {
  for (const chunk of chunks(rows, ROWS_PER_INSERT)) await insertChangeRows(db, chunk)
}

export async function listStatusChanges(
  db: Executor,
  workspaceId: string,
  entryId: string,
  limit: number,
  offset: number,
) {
  return db
    .selectFrom('entry_status_changes')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('entry_id', '=', entryId)
    .orderBy('changed_at')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute()
}

export async function countStatusChanges(db: Executor, workspaceId: string, entryId: string): Promise<number> {
  const row = await db
    .selectFrom('entry_status_changes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('entry_id', '=', entryId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

const entryOfRecord = prepare((db, workspaceId: string, listId: string, entryableType: string, entryableId: string) =>
  db
    .selectFrom('entries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('entryable_id', '=', entryableId)
    .where('list_id', '=', listId)
    .where('entryable_type', '=', entryableType)
    .orderBy('created_at')
    .limit(1),
)

/** An entry of the list for this record, if there is one (the duplicate check). */
export async function findEntryOfRecord(
  db: Executor,
  workspaceId: string,
  listId: string,
  entryableType: string,
  entryableId: string,
): Promise<EntryRow | undefined> {
  return (await entryOfRecord(db, workspaceId, listId, entryableType, entryableId))[0]
}

/** Which of these contact ids exist, with their organization. */
export async function findContacts(
  db: Executor,
  workspaceId: string,
  contactIds: readonly string[],
): Promise<Array<{ id: string; organization_id: string | null }>> {
  if (contactIds.length === 0) return []
  return db
    .selectFrom('contacts')
    .select(['id', 'organization_id'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', contactIds)
    .execute()
}

/** Everything the list endpoint can filter entries by, already resolved to ids and milliseconds. */
export interface EntryFilter {
  /** Any of these statuses (status, status_type). An empty array matches nothing. */
  statusIds?: string[]
  assigneeId?: string
  entryableType?: string
  entryableId?: string
  contactId?: string
  createdAfterMs?: number
  createdBeforeMs?: number
  updatedAfterMs?: number
  updatedBeforeMs?: number
  closedAfterMs?: number
  closedBeforeMs?: number
  /** Every one of these field values (AND). */
  fieldValues?: Array<{ fieldId: string; value: string }>
}

export const ENTRY_SORT_COLUMNS = [
  'updated_at',
  'created_at',
  'key_number',
  'one_time_value_cents',
  'closed_at',
] as const
export type EntrySortColumn = (typeof ENTRY_SORT_COLUMNS)[number]

export interface EntrySort {
  column: EntrySortColumn
  direction: 'asc' | 'desc'
}

/** Where a page continues: the sort value and id of the last row of the page before it. */
export interface Continuation {
  value: number
  id: string
}

/**
 * One page of a list's entries matching `filter`, in `sort` order with the id as tie-break, and the
 * number of matches (`knownTotal` skips the count when the caller has it from a kept counter). With
 * `from`, the page is the rows after that row in the order (a keyset seek, whatever the offset), for a
 * sort column that is never null.
 */
export async function listEntries(
  db: Executor,
  workspaceId: string,
  listId: string,
  filter: EntryFilter,
  sort: EntrySort,
  page: PageRequest,
  knownTotal?: number,
  from?: Continuation,
) {
  if (filter.statusIds !== undefined && filter.statusIds.length === 0) return { rows: [] as EntryRow[], total: 0 }
  const [first, ...others] = filter.fieldValues ?? []
  // The page walks the list's index in page order and probes each entry's field values (EXISTS), so it
  // stops after one page.
  const pageQuery = db
    .selectFrom('entries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('list_id', '=', listId)
    .where((eb) => entryConditions(eb, workspaceId, filter, filter.fieldValues ?? []))
  const order: OrderTerm[] = [
    {
      column: sort.column,
      direction: sort.direction,
      nullsLast: sort.column !== 'updated_at' && sort.column !== 'created_at',
    },
    { column: 'id', direction: sort.direction },
  ]
  let total = knownTotal
  if (total === undefined && first === undefined) total = await countRows(pageQuery)
  if (total === undefined && first !== undefined && others.length === 0 && onlyFieldFilters(filter)) {
    // One field value and nothing else: its lookup rows are the answer (one per entry holding it).
    total = await countRows(
      db
        .selectFrom('entry_field_values as v')
        .where('v.workspace_id', '=', workspaceId)
        .where('v.field_id', '=', first.fieldId)
        .where('v.value', '=', first.value),
    )
  }
  if (total === undefined && first !== undefined) {
    // The count goes the other way: from the rows of one field value to their entries (CROSS JOIN keeps
    // that order on SQLite), so it costs the number of matches, not the size of the list. Every value
    // row of a field belongs to an entry of the field's list.
    total = await countRows(
      db
        .selectFrom('entry_field_values as v')
        .crossJoin('entries')
        .where('v.workspace_id', '=', workspaceId)
        .where('v.field_id', '=', first.fieldId)
        .where('v.value', '=', first.value)
        .whereRef('entries.workspace_id', '=', 'v.workspace_id')
        .whereRef('entries.id', '=', 'v.entry_id')
        .where((eb) =>
          entryConditions(eb as unknown as ExpressionBuilder<Database, 'entries'>, workspaceId, filter, others),
        ),
    )
  }
  if (from === undefined) return selectPage(pageQuery, page, order, total)
  if (page.limit === 0 || page.offset >= total!) return { rows: [] as EntryRow[], total: total! }
  const column = sql.ref(`entries.${sort.column}`)
  const beyond = sort.direction === 'desc' ? '<' : '>'
  const rows = await ordered(
    pageQuery.where((eb) =>
      eb.or([eb(column, beyond, from.value), eb.and([eb(column, '=', from.value), eb('entries.id', beyond, from.id)])]),
    ),
    order,
    false,
  )
    .limit(page.limit)
    .execute()
  return { rows, total: total! }
}

/** Whether list-field values are the only filters. */
function onlyFieldFilters(filter: EntryFilter): boolean {
  return Object.entries(filter).every(([key, value]) => key === 'fieldValues' || value === undefined)
}

/** Every filter but the list itself, as one condition on `entries`. */
function entryConditions(
  eb: ExpressionBuilder<Database, 'entries'>,
  workspaceId: string,
  filter: EntryFilter,
  fieldValues: EntryFilter['fieldValues'] & object,
) {
  const conditions: Array<Expression<SqlBool>> = []
  if (filter.statusIds !== undefined) conditions.push(eb('entries.status_id', 'in', filter.statusIds))
  if (filter.assigneeId !== undefined) conditions.push(eb('entries.assignee_id', '=', filter.assigneeId))
  if (filter.entryableType !== undefined) conditions.push(eb('entries.entryable_type', '=', filter.entryableType))
  if (filter.entryableId !== undefined) conditions.push(eb('entries.entryable_id', '=', filter.entryableId))
  if (filter.contactId !== undefined) conditions.push(eb('entries.contact_id', '=', filter.contactId))
  if (filter.createdAfterMs !== undefined) conditions.push(eb('entries.created_at', '>', filter.createdAfterMs))
  if (filter.createdBeforeMs !== undefined) conditions.push(eb('entries.created_at', '<', filter.createdBeforeMs))
  if (filter.updatedAfterMs !== undefined) conditions.push(eb('entries.updated_at', '>', filter.updatedAfterMs))
  if (filter.updatedBeforeMs !== undefined) conditions.push(eb('entries.updated_at', '<', filter.updatedBeforeMs))
  if (filter.closedAfterMs !== undefined) conditions.push(eb('entries.closed_at', '>', filter.closedAfterMs))
  if (filter.closedBeforeMs !== undefined) conditions.push(eb('entries.closed_at', '<', filter.closedBeforeMs))
  for (const { fieldId, value } of fieldValues) {
    conditions.push(
      eb.exists(
        eb
          .selectFrom('entry_field_values as fv')
          .select('fv.entry_id')
          .where('fv.workspace_id', '=', workspaceId)
          .where('fv.field_id', '=', fieldId)
          .where('fv.value', '=', value)
          .whereRef('fv.entry_id', '=', 'entries.id'),
      ),
    )
  }
  return eb.and(conditions)
}

/** Entries whose `contact` list fields hold this contact, with the field holding it. */
export async function findEntriesNamingContact(db: Executor, workspaceId: string, contactId: string) {
  return db
    .selectFrom('entry_field_values')
    .innerJoin('list_fields', (join) =>
      join
        .onRef('list_fields.workspace_id', '=', 'entry_field_values.workspace_id')
        .onRef('list_fields.id', '=', 'entry_field_values.field_id'),
    )
    .innerJoin('entries', (join) =>
      join
        .onRef('entries.workspace_id', '=', 'entry_field_values.workspace_id')
        .onRef('entries.id', '=', 'entry_field_values.entry_id'),
    )
    .select(['entries.id as entry_id', 'entries.list_fields', 'entry_field_values.field_id'])
    .where('entry_field_values.workspace_id', '=', workspaceId)
    .where('list_fields.data_type', '=', 'contact')
    .where('entry_field_values.value', '=', contactId)
    .execute()
}

/** Forgets one lookup row (a value an entry no longer holds). */
export async function deleteFieldValue(
  db: Executor,
  workspaceId: string,
  entryId: string,
  fieldId: string,
  value: string,
): Promise<void> {
  await db
    .deleteFrom('entry_field_values')
    .where('workspace_id', '=', workspaceId)
    .where('field_id', '=', fieldId)
    .where('value', '=', value)
    .where('entry_id', '=', entryId)
    .execute()
}

const holds = {
  Contact: prepare((db, workspaceId: string, id: string) =>
    db.selectFrom('contacts').select('id').where('workspace_id', '=', workspaceId).where('id', '=', id).forKeyShare(),
  ),
  Organization: prepare((db, workspaceId: string, id: string) =>
    db
      .selectFrom('organizations')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .forKeyShare(),
  ),
}

/**
 * Whether the record an entry names still exists, holding it (FOR KEY SHARE on PostgreSQL) until the
 * transaction ends, so a concurrent delete of the record either runs before (and this answers false)
 * or waits and then takes the new entry with it. Never an entry of a deleted record.
 */
export async function holdRecord(
  db: Executor,
  workspaceId: string,
  type: 'Contact' | 'Organization',
  id: string,
): Promise<boolean> {
  return (await holds[type](db, workspaceId, id)).length > 0
}

/**
 * Of these records, the ids that exist, held (FOR KEY SHARE on PostgreSQL: only a delete conflicts with
 * it) until the transaction ends so a
 * concurrent delete of one waits for the entries made for it and takes them along. Never an entry of a
 * deleted record.
 */
export async function holdRecords(
  db: Executor,
  workspaceId: string,
  type: 'Contact' | 'Organization',
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 1) return (await holdRecord(db, workspaceId, type, ids[0]!)) ? new Set(ids) : new Set()
  const found = new Set<string>()
  for (const chunk of chunks([...new Set(ids)], 500)) {
    const rows = await db
      .selectFrom(type === 'Contact' ? 'contacts' : 'organizations')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', chunk)
      .forKeyShare()
      .execute()
    for (const row of rows) found.add(row.id)
  }
  return found
}

/** Of these records, the ids that already have an entry in the list (the duplicate check of a batch). */
export async function recordsInList(
  db: Executor,
  workspaceId: string,
  listId: string,
  entryableType: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 1)
    return (await findEntryOfRecord(db, workspaceId, listId, entryableType, ids[0]!)) ? new Set(ids) : new Set()
  const found = new Set<string>()
  for (const chunk of chunks([...new Set(ids)], 500)) {
    const rows = await db
      .selectFrom('entries')
      .select('entryable_id')
      .where('workspace_id', '=', workspaceId)
      .where('entryable_id', 'in', chunk)
      .where('list_id', '=', listId)
      .where('entryable_type', '=', entryableType)
      .execute()
    for (const row of rows) found.add(row.entryable_id)
  }
  return found
}

const LIST_COLUMNS = [
  'workspace_id',
  'id',
  'name',
  'process',
  'entry_type',
  'identifier',
  'duplicates_allowed',
  'entry_label',
  'status_label',
  'last_key_number',
  'entry_count',
  'definition_version',
  'archived_at',
  'created_at',
  'updated_at',
] as const satisfies ReadonlyArray<keyof ListRow>
const USER_COLUMNS = ['id', 'name', 'email', 'email_key', 'created_at', 'updated_at'] as const satisfies ReadonlyArray<
  keyof UserRow
>

const entryWithList = prepare((db, workspaceId: string, listId: string, entryId: string) =>
  db
    .selectFrom('entries')
    .innerJoin('lists', (join) =>
      join.onRef('lists.workspace_id', '=', 'entries.workspace_id').onRef('lists.id', '=', 'entries.list_id'),
    )
    .leftJoin('users', (join) =>
      join.onRef('users.workspace_id', '=', 'entries.workspace_id').onRef('users.id', '=', 'entries.assignee_id'),
    )
    .selectAll('entries')
    .select(LIST_COLUMNS.map((c) => `lists.${c} as l__${c}` as const))
    .select(USER_COLUMNS.map((c) => `users.${c} as u__${c}` as const))
    .where('entries.workspace_id', '=', workspaceId)
    .where('entries.list_id', '=', listId)
    .where('entries.id', '=', entryId),
)

/**
 * An entry with its list row and its assignee, in one statement: what reading one entry needs (on
 * PostgreSQL every statement saved is a round trip saved).
 */
export async function findEntryWithList(
  db: Executor,
  workspaceId: string,
  listId: string,
  entryId: string,
): Promise<{ entry: EntryRow; list: ListRow; assignee: UserRow | null } | undefined> {
  const [row] = await entryWithList(db, workspaceId, listId, entryId)
  if (row === undefined) return undefined
  const flat = row as unknown as Record<string, unknown>
  const pick = <T>(prefix: string, columns: readonly string[]) =>
    Object.fromEntries(columns.map((c) => [c, flat[`${prefix}${c}`]])) as T
  return {
    entry: pick<EntryRow>('', ENTRY_COLUMNS),
    list: pick<ListRow>('l__', LIST_COLUMNS),
    assignee: flat.u__id === null || flat.u__id === undefined ? null : pick<UserRow>('u__', USER_COLUMNS),
  }
}

/**
 * When each entry last entered a status (its latest status change), for `include=status_changed_at`.
 * One grouped read of the status-change primary key (workspace_id, entry_id, changed_at, id).
 */
export async function latestStatusChanges(
  db: Executor,
  workspaceId: string,
  entryIds: readonly string[],
): Promise<Map<string, number>> {
  if (entryIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('entry_status_changes')
    .select(['entry_id', (eb) => eb.fn.max('changed_at').as('changed_at')])
    .where('workspace_id', '=', workspaceId)
    .where('entry_id', 'in', entryIds)
    .groupBy('entry_id')
    .execute()
  return new Map(rows.map((r) => [r.entry_id, Number(r.changed_at)]))
}

/** The display names of organizations and contacts by id, for `include=entryable_name`. */
export async function recordNames(
  db: Executor,
  workspaceId: string,
  organizationIds: readonly string[],
  contactIds: readonly string[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  if (organizationIds.length > 0) {
    const rows = await db
      .selectFrom('organizations')
      .select(['id', 'name'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', organizationIds)
      .execute()
    for (const row of rows) names.set(row.id, row.name)
  }
  if (contactIds.length > 0) {
    const rows = await db
      .selectFrom('contacts')
      .select(['id', 'name', 'first_name', 'last_name'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', contactIds)
      .execute()
    for (const row of rows) names.set(row.id, row.name ?? [row.first_name, row.last_name].filter(Boolean).join(' '))
  }
  return names
}
