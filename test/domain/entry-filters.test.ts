// The filters and sort of `GET /v1/lists/:list_id/entries`, resolved against the list: names to ids,
// seconds to milliseconds, field values to their lookup form, and every unknown name a 422.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { UserRow } from '../../src/db/schema.js'
import { countSource, parseEntryFilter, parseSort } from '../../src/domain/entries/entry-filters.js'
import type { EntryListQuery } from '../../src/domain/entries/entry-requests.js'
import { problemsOf, processDefinition } from './support/lists.js'

const MEMBER: UserRow = {
  workspace_id: 'ws1',
  id: 'u1',
  name: 'Paul',
  email: 'paul@atreid.es',
  email_key: 'paul@atreid.es',
  created_at: 0,
  updated_at: 0,
}

const parse = (query: EntryListQuery, assignee?: UserRow | null) =>
  parseEntryFilter(processDefinition(), query, assignee)

describe('entry filters', () => {
  it('sorts by updated_at descending unless told, `-` for descending, key by its number', () => {
    assert.deepEqual(parseSort(undefined), { column: 'updated_at', direction: 'desc' })
    assert.deepEqual(parseSort('created_at'), { column: 'created_at', direction: 'asc' })
    assert.deepEqual(parseSort('-key'), { column: 'key_number', direction: 'desc' })
  })

  it('resolves statuses by name and by type, any of them', () => {
    assert.deepEqual(parse({ status: ['Won', 'Lead'] }), { statusIds: ['s1', 's2'] })
    assert.deepEqual(parse({ status_type: 'lost' }), { statusIds: ['s3'] })
    assert.deepEqual(parse({ status: ['Lead'], status_type: 'won' }), { statusIds: [] }, 'both must hold: none')
  })

  it('turns times to milliseconds and passes record ids through', () => {
    assert.deepEqual(parse({ created_after: 1, closed_before: 2.5, entryable_id: 'o1', contact_id: 'c1' }), {
      createdAfterMs: 1000,
      closedBeforeMs: 2500,
      entryableId: 'o1',
      contactId: 'c1',
    })
  })

  it('filters by a member and by list-field values in their lookup form', () => {
    assert.deepEqual(parse({ assignee_email: 'Paul@Atreid.es' }, MEMBER), { assigneeId: 'u1' })
    const filter = parse({ 'field[Score]': '3.0', 'field[Tier]': 'Gold' })
    assert.deepEqual(filter.fieldValues, [
      { fieldId: 'f3', value: '3' },
      { fieldId: 'f2', value: 'Gold' },
    ])
  })

  it('names every unknown status, member or field, and values a field could never hold', () => {
    assert.deepEqual(
      problemsOf(() =>
        parse({ status: ['Nope'], assignee_email: 'no@one.zz', 'field[Color]': 'red', 'field[Score]': 'many' }, null),
      ),
      [
        ['status', 'inclusion'],
        ['assignee_email', 'unknown_user'],
        ['field[Color]', 'unknown'],
        ['field[Score]', 'invalid'],
      ],
    )
  })

  it('refuses process-only filters on a regular list', () => {
    const list = processDefinition({ process: false })
    assert.deepEqual(
      problemsOf(() =>
        parseEntryFilter({ ...list, statuses: [] }, { status_type: 'won', assignee_email: 'a@b.c' }, null),
      ),
      [
        ['status_type', 'not_allowed'],
        ['assignee_email', 'not_allowed'],
      ],
    )
  })

  it('knows which kept counter already counts the matches', () => {
    assert.deepEqual(countSource({}), { list: true })
    assert.deepEqual(countSource({ statusIds: ['s1'] }), { statusIds: ['s1'] })
    assert.equal(countSource({ statusIds: ['s1'], assigneeId: 'u1' }), undefined)
    assert.equal(countSource({ fieldValues: [{ fieldId: 'f1', value: 'x' }] }), undefined)
  })
})
