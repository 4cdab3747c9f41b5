// When a contact is deleted, entries' `contact` list fields stop naming it: a multi-value field loses the
// id, a single-value field is cleared (the rule is forgetReference's, shared with custom fields), and
// the lookup rows go. (Entries *of* the contact are deleted elsewhere: entry-cascades.ts.)
import type { Executor } from '../../db/dialect.js'
import { findEntriesNamingContact } from '../../db/queries/entry-reads.js'
import { deleteFieldValue, updateEntry } from '../../db/queries/entry-writes.js'
import { forgetReference } from '../fields/references.js'
import { parseStoredValues } from './list-field-values.js'

/** Call inside the transaction that deletes the contact. */
export async function forgetContactInListFields(
  trx: Executor,
  workspaceId: string,
  contactId: string,
  now: number,
): Promise<void> {
  // One row per (entry, field): gather an entry's fields so its document is rewritten once.
  const byEntry = new Map<string, { json: string; fieldIds: string[] }>()
  for (const row of await findEntriesNamingContact(trx, workspaceId, contactId)) {
    const entry = byEntry.get(row.entry_id) ?? { json: row.list_fields, fieldIds: [] }
    entry.fieldIds.push(row.field_id)
    byEntry.set(row.entry_id, entry)
  }
  for (const [entryId, { json, fieldIds }] of byEntry) {
    const values = parseStoredValues(json)
    forgetReference(values, fieldIds, contactId)
    for (const fieldId of fieldIds) await deleteFieldValue(trx, workspaceId, entryId, fieldId, contactId)
    await updateEntry(trx, workspaceId, entryId, { list_fields: JSON.stringify(values), updated_at: now })
  }
}
