// Grows the benchmark workspace to a target number of entries in batches, each batch one transaction
// that takes its key numbers from the list's counter and raises the status counters by what it adds,
// so every commit leaves the database as the entries service would: keys gap-free and equal to
// `lists.last_key_number`, kept counts true, lookup rows and status history (creation and moves) present.
import { ENTRIES_PER_ORGANIZATION, entryRows, prng, recordRows, type Row } from './rows.js'
import type { BulkWriter } from './writers.js'
import type { Fixture } from './workspace.js'

/** Entries per transaction: large enough that commits are rare, small enough to keep memory flat. */
const ENTRY_BATCH = 10_000
const RECORD_BATCH = 10_000

/** What the seed keeps between growth steps: the records entries point at. */
export interface SeedState {
  orgIds: string[]
  /** contactIds[i] is a contact of organization orgIds[i]. */
  contactIds: string[]
  /** Ids of every seeded entry, for reads over all of them. */
  entryIds: string[]
  /** Seeded entries are created at a random one of `slots` seconds after `baseMs`. */
  time: { baseMs: number; slots: number }
  random: () => number
}

export function newSeedState(targetEntries: number): SeedState {
  // One second per entry of the largest size, ending a day before the run (moves add at most hours), so
  // entries created by the scenarios are the newest.
  return {
    orgIds: [],
    contactIds: [],
    entryIds: [],
    time: { baseMs: Date.now() - 86_400_000 - targetEntries * 1000, slots: targetEntries },
    random: prng(6),
  }
}

async function addRecords(writer: BulkWriter, fixture: Fixture, state: SeedState, target: number): Promise<void> {
  while (state.orgIds.length < target) {
    const n = Math.min(RECORD_BATCH, target - state.orgIds.length)
    const orgs: Row[] = []
    const domains: Row[] = []
    const contacts: Row[] = []
    const emails: Row[] = []
    const at = Date.now()
    for (let i = 0; i < n; i++) {
      const r = recordRows(fixture, state.orgIds.length + i, at)
      orgs.push(r.org)
      domains.push(r.domain)
      contacts.push(r.contact)
      emails.push(r.email)
    }
    await writer.transaction(async (tx) => {
      await tx.insert('organizations', orgs)
      await tx.insert('organization_domains', domains)
      await tx.insert('contacts', contacts)
      await tx.insert('contact_emails', emails)
    })
    for (let i = 0; i < n; i++) {
      state.orgIds.push(orgs[i]!.id as string)
      state.contactIds.push(contacts[i]!.id as string)
    }
  }
}

/** Adds entries (and records for them) until the list holds `target`; `current` is what it holds now. */
export async function growTo(
  writer: BulkWriter,
  fixture: Fixture,
  state: SeedState,
  current: number,
  target: number,
): Promise<number> {
  await addRecords(writer, fixture, state, Math.max(1, Math.ceil(target / ENTRIES_PER_ORGANIZATION)))
  let added = 0
  while (current + added < target) {
    const n = Math.min(ENTRY_BATCH, target - current - added)
    await writer.transaction(async (tx) => {
      const before = await tx.takeKeys(fixture.workspaceId, fixture.listId, n)
      const entries: Row[] = []
      const values: Row[] = []
      const history: Row[] = []
      const perStatus = new Map<string, number>()
      for (let k = before + 1; k <= before + n; k++) {
        const rows = entryRows(fixture, k, state, state.time, state.random)
        entries.push(rows.entry)
        values.push(...rows.values)
        history.push(...rows.history)
        perStatus.set(rows.entry.status_id!, (perStatus.get(rows.entry.status_id!) ?? 0) + 1)
      }
      await tx.insert('entries', entries)
      await tx.insert('entry_field_values', values)
      await tx.insert('entry_status_changes', history)
      for (const [statusId, count] of perStatus) await tx.countStatus(fixture.workspaceId, statusId, count)
      for (const e of entries) state.entryIds.push(e.id as string)
    })
    added += n
  }
  return added
}
