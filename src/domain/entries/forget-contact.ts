// When a contact is deleted, entries' `contact` list fields stop naming it: a multi-value field loses the
// id, a single-value field is cleared. (Entries *of* the contact are deleted elsewhere.)
import type { Executor } from '../../db/dialect.js'
import { deleteFieldValue, findEntriesNamingContact, updateEntry } from '../../db/queries/entries.js'
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
    for (const fieldId of fieldIds) {
      const value = values[fieldId]
      if (Array.isArray(value) && value.length > 1) values[fieldId] = value.filter((v) => v !== contactId)
      else delete values[fieldId]
      await deleteFieldValue(trx, workspaceId, entryId, fieldId, contactId)
    }
    await updateEntry(trx, workspaceId, entryId, { list_fields: JSON.stringify(values), updated_at: now })
  }
}
