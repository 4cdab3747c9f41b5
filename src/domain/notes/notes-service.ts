// Notes (`/v1/notes`): written on an organization, optionally about a deal, by the member who owns the
// API key. Only `body` and `deal_id` change after creation.
import type { Db } from '../../db/dialect.js'
import type { NoteRow } from '../../db/schema.js'
import * as q from '../../db/queries/notes.js'
import { holdOrganization } from '../../db/queries/organizations.js'
import type { Actor } from '../actor.js'
import { NotFoundError, Problems } from '../errors.js'
import { newId } from '../ids.js'
import { pageRequest, toPage, type Page } from '../pagination.js'
import { nowMs, unixSecondsToMs } from '../time.js'
import { checkDeal } from './deal-reference.js'
import { presentNotes, type Note } from './to-note.js'

export interface NewNote {
  organization_id: string
  body: string
  deal_id?: string | null | undefined
}

/** A PATCH: `body` and `deal_id` change; `organization_id` may be sent only with its stored value. */
export interface NoteChanges {
  body?: string | undefined
  deal_id?: string | null | undefined
  organization_id?: string | undefined
}

export interface ListNotesQuery {
  first?: number | undefined
  after?: number | undefined
  updated_after?: number | undefined
  organization_id?: string | undefined
}

export class NotesService {
  constructor(private readonly db: Db) {}

  async list(actor: Actor, query: ListNotesQuery): Promise<Page<Note>> {
    const page = pageRequest(query)
    const filter = {
      updatedAfterMs: query.updated_after === undefined ? undefined : unixSecondsToMs(query.updated_after),
      organizationId: query.organization_id,
    }
    const { rows, total } = await q.listNotes(this.db.kysely, actor.workspaceId, filter, page)
    return toPage(await presentNotes(this.db.kysely, actor.workspaceId, rows), page, total)
  }

  async get(actor: Actor, id: string): Promise<Note> {
    const row = await q.findNote(this.db.kysely, actor.workspaceId, id)
    if (!row) throw new NotFoundError('note', id)
    return this.present(actor, row)
  }

  async create(actor: Actor, input: NewNote): Promise<Note> {
    const row = await this.db.transaction(async (trx) => {
      const problems = new Problems()
      if (input.body.trim() === '') problems.add('body', 'blank', "can't be blank")
      // Held: an organization being deleted right now cannot take a note it never sees.
      if (!(await holdOrganization(trx, actor.workspaceId, input.organization_id))) {
        problems.add(
          'organization_id',
          'unknown',
          `is not an organization of this workspace: ${JSON.stringify(input.organization_id)}`,
        )
      }
      if (typeof input.deal_id === 'string') await checkDeal(trx, actor.workspaceId, input.deal_id, problems)
      problems.throwIfAny()
      const now = nowMs()
      const row: NoteRow = {
        workspace_id: actor.workspaceId,
        id: newId(),
        organization_id: input.organization_id,
        deal_id: input.deal_id ?? null,
        user_id: actor.userId,
        body: input.body,
        created_at: now,
        updated_at: now,
      }
      await q.insertNote(trx, row)
      return row
    }, actor.deadline)
    return this.present(actor, row)
  }

  async update(actor: Actor, id: string, input: NoteChanges): Promise<Note> {
    const row = await this.db.transaction(async (trx) => {
      const row = await q.findNote(trx, actor.workspaceId, id)
      if (!row) throw new NotFoundError('note', id)
      const problems = new Problems()
      if (input.organization_id !== undefined && input.organization_id !== row.organization_id) {
        problems.add('organization_id', 'immutable', 'cannot be changed: a note stays on its organization')
      }
      if (input.body !== undefined && input.body.trim() === '') problems.add('body', 'blank', "can't be blank")
      if (typeof input.deal_id === 'string' && input.deal_id !== row.deal_id)
        await checkDeal(trx, actor.workspaceId, input.deal_id, problems)
      problems.throwIfAny()
      const next: NoteRow = {
        ...row,
        body: input.body ?? row.body,
        deal_id: input.deal_id === undefined ? row.deal_id : input.deal_id,
      }
      if (next.body === row.body && next.deal_id === row.deal_id) return row
      next.updated_at = nowMs()
      await q.updateNote(trx, actor.workspaceId, id, {
        body: next.body,
        deal_id: next.deal_id,
        updated_at: next.updated_at,
      })
      return next
    }, actor.deadline)
    return this.present(actor, row)
  }

  async delete(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      if (!(await q.findNote(trx, actor.workspaceId, id))) throw new NotFoundError('note', id)
      await q.deleteNote(trx, actor.workspaceId, id)
    }, actor.deadline)
  }

  private async present(actor: Actor, row: NoteRow): Promise<Note> {
    return (await presentNotes(this.db.kysely, actor.workspaceId, [row]))[0]!
  }
}
