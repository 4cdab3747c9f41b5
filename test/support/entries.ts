// Lists and entries made through the API for tests of other resources (deletes that must take entries
// along, notes that name a deal), and the counts by which those tests check the kept counters.
import assert from 'node:assert/strict'
import type { ApiClient } from './client.js'
import { VALUES, createList } from './seed.js'

export interface TestList {
  id: string
  process: boolean
}

let lists = 0

/** A regular list or a process (default statuses, duplicates allowed) of the given entry type. */
export async function makeList(
  api: ApiClient,
  options: { process: boolean; entryType: 'Contact' | 'Organization' },
): Promise<TestList> {
  const n = ++lists
  const body = options.process
    ? {
        name: `Process ${n}`,
        process: true,
        entry_type: options.entryType,
        identifier: `P${n}`,
        duplicates_allowed: true,
      }
    : { name: `List ${n}`, process: false, entry_type: options.entryType }
  return { id: (await createList(api, body)).id, process: options.process }
}

/** An entry of `record` in `list` (status Started in a process); returns its id. */
export async function makeEntry(
  api: ApiClient,
  list: TestList,
  record: { type: 'Contact' | 'Organization'; id: string; contactId?: string },
): Promise<string> {
  const res = await api.post(`/v1/lists/${list.id}/entries`, {
    entryable_id: record.id,
    entryable_type: record.type,
    ...(record.contactId ? { contact_id: record.contactId } : {}),
    ...(list.process ? { status: 'Started', ...VALUES } : {}),
  })
  assert.equal(res.status, 201, res.text)
  return res.body.id
}

/** The entry as the API shows it, or undefined when it answers 404. */
export async function findEntry(api: ApiClient, list: TestList, id: string): Promise<any> {
  const res = await api.get(`/v1/lists/${list.id}/entries/${id}`)
  if (res.status === 404) return undefined
  assert.equal(res.status, 200, res.text)
  return res.body
}

/**
 * The list's entry count three ways: from the kept list counter (no filter), counted by the database
 * (a filter that matches everything forces a COUNT), and from the kept counter of status Started
 * (null for a regular list). The three agree when the counters are true.
 */
export async function listCounts(
  api: ApiClient,
  list: TestList,
): Promise<{ kept: number; real: number; status: number | null }> {
  const total = async (query: string) =>
    (await api.get(`/v1/lists/${list.id}/entries?first=0${query}`)).body.pagination.total_count as number
  return {
    kept: await total(''),
    real: await total('&created_after=0'),
    status: list.process ? await total('&status=Started') : null,
  }
}
