// SQL for custom field definitions, and for the `custom_fields` JSON column of contacts and
// organizations that holds their values (`{ "<field id>": value }`). Every query is scoped by workspace.
import type { Executor } from '../dialect.js'
import { fieldFromStored, fieldToStored } from '../flags.js'
import type { CustomFieldRow } from '../schema.js'
import { newestFirst, selectPage, type PageRequest } from './page.js'

/** The tables whose rows carry custom field values. */
export type RecordTable = 'contacts' | 'organizations'

export async function insertCustomField(db: Executor, row: CustomFieldRow): Promise<void> {
  await db.insertInto('custom_fields').values(fieldToStored(row)).execute()
}

function customFieldById(db: Executor, workspaceId: string, id: string) {
  return db.selectFrom('custom_fields').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id)
}

export async function findCustomField(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<CustomFieldRow | undefined> {
  const row = await customFieldById(db, workspaceId, id).executeTakeFirst()
  return row && fieldFromStored(row)
}

/** The field, locked (FOR UPDATE) until the transaction ends: before changing or deleting it. */
export async function lockCustomField(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<CustomFieldRow | undefined> {
  const row = await customFieldById(db, workspaceId, id).forUpdate().executeTakeFirst()
  return row && fieldFromStored(row)
}

/** The field of `model` whose lower-cased name is `nameKey`, if any. */
export async function findCustomFieldByNameKey(
  db: Executor,
  workspaceId: string,
  model: string,
  nameKey: string,
): Promise<CustomFieldRow | undefined> {
  const row = await db
    .selectFrom('custom_fields')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('model', '=', model)
    .where('name_key', '=', nameKey)
    .executeTakeFirst()
  return row && fieldFromStored(row)
}

/** Every field of one model, oldest first: what values are checked against and shown with. */
/** How many custom fields the workspace has for `model`. */
export async function countCustomFields(db: Executor, workspaceId: string, model: string): Promise<number> {
  const row = await db
    .selectFrom('custom_fields')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('model', '=', model)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function customFieldsOfModel(db: Executor, workspaceId: string, model: string): Promise<CustomFieldRow[]> {
  const rows = await db
    .selectFrom('custom_fields')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('model', '=', model)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map(fieldFromStored)
}

export interface CustomFieldFilter {
  updatedAfterMs?: number | undefined
  model?: string | undefined
}

export async function listCustomFields(
  db: Executor,
  workspaceId: string,
  filter: CustomFieldFilter,
  page: PageRequest,
) {
  let query = db.selectFrom('custom_fields').selectAll().where('workspace_id', '=', workspaceId)
  if (filter.updatedAfterMs !== undefined) query = query.where('updated_at', '>', filter.updatedAfterMs)
  if (filter.model !== undefined) query = query.where('model', '=', filter.model)
  const { rows, total } = await selectPage(query, page, newestFirst('custom_fields'))
  return { rows: rows.map(fieldFromStored), total }
}

export async function updateCustomField(
  db: Executor,
  workspaceId: string,
  id: string,
  changes: Partial<Pick<CustomFieldRow, 'name' | 'name_key' | 'options' | 'updated_at'>>,
): Promise<void> {
  await db
    .updateTable('custom_fields')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}

export async function deleteCustomField(db: Executor, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('custom_fields').where('workspace_id', '=', workspaceId).where('id', '=', id).execute()
}

/**
 * Records whose custom field JSON mentions `needle` (a field id or a contact id) as a JSON string: a
 * cheap pre-filter, so only those documents are parsed. Callers confirm each match after parsing.
 * Ids are alphanumeric, so the pattern needs no escaping.
 *
 * ```sql
 * select id, custom_fields from contacts where workspace_id = $1 and custom_fields like '%"<needle>"%'
 * ```
 */
export async function recordsMentioning(
  db: Executor,
  workspaceId: string,
  table: RecordTable,
  needle: string,
): Promise<Array<{ id: string; custom_fields: string }>> {
  if (!/^[A-Za-z0-9]+$/.test(needle)) throw new Error('recordsMentioning: needle must be an id')
  return db
    .selectFrom(table)
    .select(['id', 'custom_fields'])
    .where('workspace_id', '=', workspaceId)
    .where('custom_fields', 'like', `%"${needle}"%`)
    .execute()
}

/** Rewrites one record's custom field JSON; `at` also bumps its updated_at. */
export async function setRecordCustomFields(
  db: Executor,
  workspaceId: string,
  table: RecordTable,
  id: string,
  json: string,
  at?: number,
): Promise<void> {
  const changes = at === undefined ? { custom_fields: json } : { custom_fields: json, updated_at: at }
  await db.updateTable(table).set(changes).where('workspace_id', '=', workspaceId).where('id', '=', id).execute()
}
