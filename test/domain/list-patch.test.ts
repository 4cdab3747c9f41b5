// Planning `PATCH /v1/lists/:id` against the list as stored: which scalar changes are allowed, how
// statuses and fields merge, and the limits that hold for the list as the PATCH leaves it.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { MAX_FIELDS } from '../../src/domain/lists/list-input.js'
import { planListPatch } from '../../src/domain/lists/list-patch.js'
import type { UpdateListInput } from '../../src/domain/lists/list-requests.js'
import { MAX_STATUSES } from '../../src/domain/lists/statuses.js'
import { FIELDS, STATUSES, fieldRow, listRow, problemsOf } from './support/lists.js'

const plan = (input: UpdateListInput, list = listRow()) => planListPatch(list, FIELDS, STATUSES, input)

describe('list PATCH planning', () => {
  it('plans only what changes', () => {
    assert.deepEqual(plan({ name: 'Deals', identifier: 'DEAL' }), { list: {} })
    assert.deepEqual(plan({ name: '  Pipeline ', duplicates_allowed: true, archived: true }), {
      list: { name: 'Pipeline', duplicates_allowed: true },
      archive: true,
    })
    assert.deepEqual(plan({ archived: false }), { list: {} }, 'unarchiving a list that is not archived')
    assert.deepEqual(plan({ archived: false }, listRow({ archived_at: 5 })), { list: {}, archive: false })
  })

  it('refuses changing what a list is, and process-only keys on a regular list', () => {
    assert.deepEqual(
      problemsOf(() => plan({ process: false, entry_type: 'Contact' })),
      [
        ['process', 'immutable'],
        ['entry_type', 'immutable'],
      ],
    )
    const regular = listRow({ process: false, identifier: null })
    assert.deepEqual(
      problemsOf(() => plan({ identifier: 'X', statuses: [], duplicates_allowed: true }, regular)),
      [
        ['identifier', 'not_allowed'],
        ['duplicates_allowed', 'not_allowed'],
        ['statuses', 'not_allowed'],
      ],
    )
    assert.deepEqual(plan({ duplicates_allowed: false }, regular), { list: {} }, 'false is what a list is')
  })

  it('merges statuses by name, reading `done` as won', () => {
    const planned = plan({
      statuses: [
        { name: 'Lead', type: 'done' },
        { name: 'Demo', type: 'active' },
      ],
    })
    assert.deepEqual(
      planned.statuses?.changed.map((c) => [c.existing.id, c.change]),
      [['s1', { type: 'won' }]],
    )
    assert.deepEqual(
      planned.statuses?.added.map((a) => a.value),
      [{ name: 'Demo', type: 'active' }],
    )
    assert.equal(planned.fields, undefined)
  })

  it('keeps at least one status and at most the limit, counted as the PATCH leaves the list', () => {
    assert.deepEqual(
      problemsOf(() => plan({ statuses: STATUSES.map((s) => ({ name: s.name, remove: true })) })),
      [['statuses', 'blank']],
    )
    const many = Array.from({ length: MAX_STATUSES - 2 }, (_, i) => ({ name: `S${i}`, type: 'active' as const }))
    assert.deepEqual(
      problemsOf(() => plan({ statuses: many })),
      [['statuses', 'too_long']],
    )
    assert.deepEqual(
      problemsOf(() => plan({ statuses: [{ name: 'Lead', type: 'open' as 'active' }] })),
      [['statuses[0].type', 'inclusion']],
    )
  })

  it('merges fields by name: a type change, new options, a rename', () => {
    const planned = plan({
      fields: [
        { name: 'Notes', data_type: 'textarea' },
        { name: 'Tier', options: ['Gold', 'Silver', 'Bronze'] },
        { name: 'Score', new_name: 'Rating' },
      ],
    })
    assert.deepEqual(
      planned.fields?.changed.map((c) => [c.existing.id, c.change, c.rename]),
      [
        ['f1', { data_type: 'textarea' }, undefined],
        ['f2', { options: ['Gold', 'Silver', 'Bronze'] }, undefined],
        ['f3', {}, 'Rating'],
      ],
    )
  })

  it('checks field definitions and the field limit of the list as left', () => {
    assert.deepEqual(
      problemsOf(() => plan({ fields: [{ name: 'Tier', options: [] }] })),
      [['fields[0].options', 'required']],
    )
    const current = Array.from({ length: MAX_FIELDS }, (_, i) => fieldRow(`x${i}`, `Field ${i}`))
    assert.deepEqual(
      problemsOf(() =>
        planListPatch(listRow(), current, STATUSES, { fields: [{ name: 'One more', data_type: 'text' }] }),
      ),
      [['fields', 'too_long']],
    )
  })
})
