// The API shape of a note: flat, with its author as `user: {id, name, email}` (what clients read as
// `user.name` / `user.email`), or null when the key that wrote it belongs to no member.
import type { Executor } from '../../db/dialect.js'
import type { NoteRow } from '../../db/schema.js'
import { findUsersByIds } from '../../db/queries/workspaces.js'
import { toMemberRef, type MemberRef } from '../workspaces/members-service.js'
import { toIso } from '../time.js'

export interface Note {
  id: string
  body: string
  organization_id: string
  deal_id: string | null
  user: MemberRef | null
  created_at: string
  updated_at: string
}

export function toNote(row: NoteRow, user: MemberRef | null): Note {
  return {
    id: row.id,
    body: row.body,
    organization_id: row.organization_id,
    deal_id: row.deal_id,
    user,
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  }
}

/** Notes with their authors, loaded in one query whatever the number of notes. */
export async function presentNotes(db: Executor, workspaceId: string, rows: readonly NoteRow[]): Promise<Note[]> {
  const userIds = [...new Set(rows.flatMap((r) => (r.user_id === null ? [] : [r.user_id])))]
  const users = new Map((await findUsersByIds(db, workspaceId, userIds)).map((u) => [u.id, toMemberRef(u)]))
  return rows.map((row) => toNote(row, row.user_id === null ? null : (users.get(row.user_id) ?? null)))
}
