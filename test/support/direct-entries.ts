// DIRECT DATABASE INSERTS, for the delete-cascade tests of contacts, organizations and notes only.
// The lists and entries API is being built in parallel; until it exists, these helpers write the few
// rows those tests need straight through `server.db.kysely`, filling every NOT NULL column of
// migrations 0003/0004 and keeping the `entry_count` counters of lists and statuses true, exactly as
// the entries service will. Replace them with API calls once `/v1/lists` and entries exist.
import { newId } from '../../src/domain/ids.js'
import type { TestServer } from './server.js'

export interface DirectList {
  id: string
  /** The status entries are put in (processes only). */
  statusId: string | null
}

/** Inserts a list (or a process with one `active` status) directly. */
export async function insertListDirectly(server: TestServer, workspaceId: string, options: { process: boolean; entryType: 'Contact' | 'Organization' }): Promise<DirectList> {
  const now = Date.now()
  const id = newId()
  await server.db.kysely
    .insertInto('lists')
    .values({
      workspace_id: workspaceId,
      id,
      name: `Direct ${options.process ? 'process' : 'list'} ${id}`,
      process: options.process ? 1 : 0,
      entry_type: options.entryType,
      identifier: options.process ? 'DEAL' : null,
      duplicates_allowed: 0,
      entry_label: null,
      status_label: null,
      last_key_number: 0,
      entry_count: 0,
      archived_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute()
  if (!options.process) return { id, statusId: null }
  const statusId = newId()
  await server.db.kysely
    .insertInto('statuses')
    .values({ workspace_id: workspaceId, id: statusId, list_id: id, name: 'Started', type: 'active', position: 0, entry_count: 0, created_at: now, updated_at: now })
    .execute()
  return { id, statusId }
}

/** Inserts an entry directly and raises the list's (and status's) entry_count, as the entries service does. */
export async function insertEntryDirectly(
  server: TestServer,
  workspaceId: string,
  list: DirectList,
  entryable: { type: 'Contact' | 'Organization'; id: string; contactId?: string | null },
): Promise<string> {
  const now = Date.now()
  const id = newId()
  await server.db.transaction(async (trx) => {
    const { last_key_number } = await trx.selectFrom('lists').select('last_key_number').where('workspace_id', '=', workspaceId).where('id', '=', list.id).executeTakeFirstOrThrow()
    const keyNumber = list.statusId === null ? null : Number(last_key_number) + 1
    await trx
      .insertInto('entries')
      .values({
        workspace_id: workspaceId,
        id,
        list_id: list.id,
        entryable_type: entryable.type,
        entryable_id: entryable.id,
        contact_id: entryable.contactId ?? null,
        key: keyNumber === null ? null : `DEAL-${keyNumber}`,
        key_number: keyNumber,
        status_id: list.statusId,
        assignee_id: null,
        one_time_value_cents: null,
        recurring_value_cents: null,
        recurring_value_period: null,
        closed_at: null,
        next_entry_id: null,
        list_fields: '{}',
        created_at: now,
        updated_at: now,
      })
      .execute()
    const listChanges = keyNumber === null ? {} : { last_key_number: keyNumber }
    await trx
      .updateTable('lists')
      .set((eb) => ({ ...listChanges, entry_count: eb('entry_count', '+', 1) }))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', list.id)
      .execute()
    if (list.statusId !== null) {
      await trx
        .updateTable('statuses')
        .set((eb) => ({ entry_count: eb('entry_count', '+', 1) }))
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', list.statusId)
        .execute()
    }
  })
  return id
}

/** The kept counters and the real number of entries of a list, to check they agree. */
export async function listCounts(server: TestServer, workspaceId: string, list: DirectList): Promise<{ kept: number; real: number; status: number | null }> {
  const db = server.db.kysely
  const row = await db.selectFrom('lists').select('entry_count').where('workspace_id', '=', workspaceId).where('id', '=', list.id).executeTakeFirstOrThrow()
  const real = await db.selectFrom('entries').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).where('list_id', '=', list.id).executeTakeFirstOrThrow()
  let status: number | null = null
  if (list.statusId !== null) {
    const s = await db.selectFrom('statuses').select('entry_count').where('workspace_id', '=', workspaceId).where('id', '=', list.statusId).executeTakeFirstOrThrow()
    status = Number(s.entry_count)
  }
  return { kept: Number(row.entry_count), real: Number(real.n), status }
}

/** The stored entry, or undefined when it is gone. */
export async function findEntryDirectly(server: TestServer, workspaceId: string, id: string) {
  return server.db.kysely.selectFrom('entries').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst()
}
