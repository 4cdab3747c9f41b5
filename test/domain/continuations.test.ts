// Continuation pages: where a page served ends, so that the page asked for next is a keyset seek;
// bounded, least recently used first out, and owned by one instance.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { EntrySort } from '../../src/db/queries/entry-pages.js'
import type { EntryRow } from '../../src/db/schema.js'
import { Continuations, continuable } from '../../src/domain/entries/continuations.js'

const NEWEST: EntrySort = { column: 'updated_at', direction: 'desc' }
const BY_VALUE: EntrySort = { column: 'one_time_value_cents', direction: 'asc' }

function row(id: string, changes: Partial<EntryRow> = {}): EntryRow {
  return {
    workspace_id: 'ws1',
    id,
    list_id: 'list1',
    entryable_type: 'Organization',
    entryable_id: `o-${id}`,
    contact_id: null,
    key: null,
    key_number: null,
    status_id: null,
    assignee_id: null,
    one_time_value_cents: null,
    recurring_value_cents: null,
    recurring_value_period: null,
    closed_at: null,
    next_entry_id: null,
    list_fields: '{}',
    created_at: 1,
    updated_at: 100,
    ...changes,
  }
}

describe('continuations', () => {
  it('continues only orders whose column is never null in the list', () => {
    assert.ok(continuable(NEWEST, false))
    assert.ok(continuable({ column: 'created_at', direction: 'asc' }, false))
    assert.ok(continuable({ column: 'key_number', direction: 'asc' }, true))
    assert.ok(!continuable({ column: 'key_number', direction: 'asc' }, false))
    assert.ok(!continuable({ column: 'closed_at', direction: 'desc' }, true))
  })

  it('recalls where the page before ended, for the same list, filter, order and offset only', () => {
    const kept = new Continuations()
    kept.remember('ws1', 'list1', {}, NEWEST, 0, [row('a', { updated_at: 300 }), row('b', { updated_at: 200 })])
    assert.deepEqual(kept.recall('ws1', 'list1', {}, NEWEST, 2), { value: 200, id: 'b' })
    assert.equal(kept.recall('ws1', 'list1', {}, NEWEST, 3), undefined)
    assert.equal(kept.recall('ws1', 'list1', { statusIds: ['s1'] }, NEWEST, 2), undefined)
    assert.equal(kept.recall('ws1', 'list1', {}, { column: 'updated_at', direction: 'asc' }, 2), undefined)
    assert.equal(kept.recall('ws2', 'list1', {}, NEWEST, 2), undefined)
    assert.equal(kept.recall('ws1', 'list1', {}, NEWEST, 0), undefined, 'a first page needs none')
  })

  it('remembers nothing for an empty page or a last row without a sort value', () => {
    const kept = new Continuations()
    kept.remember('ws1', 'list1', {}, NEWEST, 0, [])
    kept.remember('ws1', 'list1', {}, BY_VALUE, 0, [row('a', { one_time_value_cents: null })])
    assert.equal(kept.size, 0)
  })

  it('keeps a bounded number, dropping the least recently used first', () => {
    const kept = new Continuations()
    const rememberAt = (offset: number) =>
      kept.remember('ws1', 'list1', {}, NEWEST, offset, [row(`r${offset}`, { updated_at: offset })])
    rememberAt(0)
    rememberAt(1)
    for (let offset = 2; offset < 10_001; offset++) {
      // Reading the first one keeps it recent; the second is never read again.
      if (offset === 5_000) assert.ok(kept.recall('ws1', 'list1', {}, NEWEST, 1))
      rememberAt(offset)
    }
    assert.equal(kept.size, 10_000)
    assert.ok(kept.recall('ws1', 'list1', {}, NEWEST, 1), 'recently read: kept')
    assert.equal(kept.recall('ws1', 'list1', {}, NEWEST, 2), undefined, 'least recently used: dropped')
  })

  it('belongs to its instance: two services never share one', () => {
    const one = new Continuations()
    one.remember('ws1', 'list1', {}, NEWEST, 0, [row('a')])
    assert.equal(new Continuations().recall('ws1', 'list1', {}, NEWEST, 1), undefined)
  })
})
