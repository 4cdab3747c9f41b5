// Writing the rows of one chunk of an import inside one transaction, each row whole or not at all: its
// organization and contact found (matched as batches with upsert match them) or made, then its entry
// made or, in a list that holds each record once, the record's entry updated. The entries of the chunk
// go through EntriesService.writeMany together (multi-row INSERTs, keys, history, connected lists). If
// one of them is refused after its records were made, the chunk is rolled back and written again row by
// row, so no row leaves a record behind without its entry.
import { sql, type Transaction } from 'kysely'
import type { Outcome } from '../../db/micro-batch.js'
import type { ContactRow, Database } from '../../db/schema.js'
import type { Actor } from '../actor.js'
import { matchContact } from '../contacts/match-contact.js'
import { saveContact } from '../contacts/save-contact.js'
import { eachWhole } from '../each-whole.js'
import type { EntriesService, EntryWrite } from '../entries/entries-service.js'
import { checkCreateEntry } from '../entries/entry-input.js'
import { RapportError, ValidationError, invalid } from '../errors.js'
import type { ListDefinition } from '../lists/lists-service.js'
import { matchOrganization } from '../organizations/match-organization.js'
import { saveOrganization } from '../organizations/save-organization.js'
import type { RowPlan } from './import-rows.js'

export type RowOutcome = 'created' | 'updated' | 'unchanged' | { rejected: string }

export interface WriterContext {
  entries: EntriesService
  actor: Actor
  def: ListDefinition
  defaultCountryCode: string
  /** `share`/`update` row locks are taken on PostgreSQL. */
  locks: boolean
}

/** A refusal as one line for rejected.csv: `emails[0] is not a valid email: "x"`. */
export function reasonOf(error: unknown, what?: string): string {
  const prefix = what === undefined ? '' : `${what}: `
  if (error instanceof ValidationError && error.details && error.details.length > 0)
    return prefix + error.details.map((d) => `${d.field} ${d.message}`).join('; ')
  if (error instanceof RapportError) return prefix + error.message
  throw error
}

/** Writes the planned rows; one outcome per row, in order. */
export async function writeRows(
  trx: Transaction<Database>,
  ctx: WriterContext,
  rows: ReadonlyArray<RowPlan | string>,
): Promise<RowOutcome[]> {
  const outcomes: Array<RowOutcome | undefined> = rows.map((row) =>
    typeof row === 'string' ? { rejected: row } : undefined,
  )
  // What the entry checks refuse needs no record made first.
  rows.forEach((row, i) => {
    if (typeof row === 'string') return
    try {
      checkCreateEntry(ctx.def, {
        ...row.createDefaults,
        ...row.entry,
        entryable_id: 'x',
        entryable_type: ctx.def.list.entry_type,
      })
    } catch (error) {
      outcomes[i] = { rejected: reasonOf(error) }
    }
  })
  const todo = rows.flatMap((row, i) => (outcomes[i] === undefined ? [{ row: row as RowPlan, i }] : []))
  if (todo.length === 0) return outcomes as RowOutcome[]
  await sql`savepoint import_chunk`.execute(trx)
  const fast = await writeTogether(
    trx,
    ctx,
    todo.map((t) => t.row),
  )
  if (fast !== undefined) {
    await sql`release savepoint import_chunk`.execute(trx)
    for (const [k, t] of todo.entries()) outcomes[t.i] = fast[k]
    return outcomes as RowOutcome[]
  }
  await sql`rollback to savepoint import_chunk`.execute(trx)
  await sql`release savepoint import_chunk`.execute(trx)
  const slow = await eachWhole(trx, todo, async ({ row }) => {
    const records = await findOrMakeRecords(trx, ctx, row)
    const {
      outcomes: [written],
    } = await ctx.entries.writeMany(trx, ctx.actor, ctx.def.list.id, [entryWrite(ctx, row, records)])
    if (!written!.ok) throw written!.error
    return toOutcome(written!.value)
  })
  for (const [k, o] of slow.entries()) outcomes[todo[k]!.i] = o.ok ? o.value : { rejected: reasonOf(o.error) }
  return outcomes as RowOutcome[]
}

/** Every row's records, then every entry in one writeMany; undefined when an entry was refused. */
async function writeTogether(
  trx: Transaction<Database>,
  ctx: WriterContext,
  rows: readonly RowPlan[],
): Promise<RowOutcome[] | undefined> {
  const records = await eachWhole(trx, rows, (row) => findOrMakeRecords(trx, ctx, row))
  const writes: EntryWrite[] = []
  const at: number[] = []
  records.forEach((r, k) => {
    if (!r.ok) return
    writes.push(entryWrite(ctx, rows[k]!, r.value))
    at.push(k)
  })
  const { outcomes } = await ctx.entries.writeMany(trx, ctx.actor, ctx.def.list.id, writes)
  if (outcomes.some((o) => !o.ok)) return undefined
  const result: RowOutcome[] = records.map((r: Outcome<unknown>) =>
    r.ok ? 'unchanged' : { rejected: reasonOf(r.error) },
  )
  outcomes.forEach((o, n) => {
    if (o.ok) result[at[n]!] = toOutcome(o.value)
  })
  return result
}

function toOutcome(written: { created: boolean; changed: boolean }): RowOutcome {
  return written.created ? 'created' : written.changed ? 'updated' : 'unchanged'
}

interface Records {
  entryableId: string
  contactId: string | null
}

function entryWrite(ctx: WriterContext, row: RowPlan, records: Records): EntryWrite {
  const input = {
    ...row.entry,
    entryable_id: records.entryableId,
    entryable_type: ctx.def.list.entry_type,
    ...(records.contactId === null ? {} : { contact_id: records.contactId }),
  }
  return { input, upsert: true, createDefaults: row.createDefaults }
}

/** The row's organization and contact, found or made (a found one is not changed, except linked). */
async function findOrMakeRecords(trx: Transaction<Database>, ctx: WriterContext, row: RowPlan): Promise<Records> {
  const ws = ctx.actor.workspaceId
  let organizationId: string | null = null
  if (row.organization) {
    const input = { name: row.organization.name ?? null, domains: row.organization.domains }
    try {
      const found = await matchOrganization(trx, ws, input, ctx.locks ? 'share' : undefined)
      organizationId =
        found?.id ??
        (await saveOrganization(trx, { workspaceId: ws, shareLock: ctx.locks ? 'share' : undefined }, undefined, input))
          .id
    } catch (error) {
      throw new ValidationError([], reasonOf(error, 'organization'))
    }
  }
  let contact: ContactRow | undefined
  if (row.contact) {
    const input = {
      name: row.contact.name ?? null,
      emails: row.contact.emails,
      phone_numbers: row.contact.phones,
      organization_id: organizationId,
    }
    const saveCtx = {
      workspaceId: ws,
      defaultCountryCode: ctx.defaultCountryCode,
      shareLock: ctx.locks ? ('share' as const) : undefined,
    }
    try {
      contact = await matchContact(trx, ws, input, ctx.defaultCountryCode, ctx.locks ? 'update' : undefined)
      if (contact === undefined) contact = await saveContact(trx, saveCtx, undefined, input)
      else if (contact.organization_id === null && organizationId !== null)
        contact = await saveContact(trx, saveCtx, contact, { organization_id: organizationId })
    } catch (error) {
      throw new ValidationError([], reasonOf(error, 'contact'))
    }
    if (
      ctx.def.list.entry_type === 'Organization' &&
      organizationId !== null &&
      contact.organization_id !== organizationId
    )
      throw invalid('contact', 'other_organization', 'the contact belongs to another organization')
  }
  if (ctx.def.list.entry_type === 'Organization')
    return { entryableId: organizationId!, contactId: contact?.id ?? null }
  return { entryableId: contact!.id, contactId: null }
}
