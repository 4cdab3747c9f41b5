// How a PATCH's statuses or fields merge into the list's by name: added, changed, renamed, removed,
// reordered, and every mistake named at its path.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Problems } from '../../src/domain/errors.js'
import { type MergeRules, mergeByName } from '../../src/domain/lists/merge-by-name.js'

interface Item {
  name?: unknown
  new_name?: unknown
  remove?: unknown
  type?: string
}
interface Existing {
  id: string
  name: string
  type: string
}

const CURRENT: Existing[] = [
  { id: 'a', name: 'Lead', type: 'active' },
  { id: 'b', name: 'Won', type: 'won' },
  { id: 'c', name: 'Lost', type: 'lost' },
]

const RULES: MergeRules<Existing, Item, { name: string; type: string }, { type?: string }> = {
  noun: 'status',
  maxNameLength: 10,
  checkNew: (item, path, problems) => {
    if (item.type === undefined) {
      problems.add(`${path}.type`, 'required', "can't be blank")
      return undefined
    }
    return { name: String(item.name), type: item.type }
  },
  checkChange: (item, existing) => (item.type === undefined || item.type === existing.type ? {} : { type: item.type }),
  isEmptyChange: (change) => change.type === undefined,
}

function merge(items: Item[]) {
  const problems = new Problems()
  const plan = mergeByName(CURRENT, items, 'statuses', RULES, problems)
  return { plan, problems: problems.list.map((p) => [p.field, p.code]) }
}

describe('merge by name', () => {
  it('adds a new name last and keeps the order of the rest when not every item is named', () => {
    const { plan, problems } = merge([{ name: 'Demo', type: 'active' }])
    assert.deepEqual(problems, [])
    assert.deepEqual(plan.added, [{ path: 'statuses[0]', value: { name: 'Demo', type: 'active' } }])
    assert.deepEqual(plan.order, [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { added: 0 }])
  })

  it('takes the order of the request when it names every remaining item', () => {
    const { plan } = merge([{ name: 'Lost' }, { name: 'New', type: 'active' }, { name: 'Lead' }, { name: 'Won' }])
    assert.deepEqual(plan.order, [{ id: 'c' }, { added: 0 }, { id: 'a' }, { id: 'b' }])
    assert.deepEqual(plan.changed, [], 'naming an item without changing it is no change')
  })

  it('changes, renames and removes known items', () => {
    const { plan, problems } = merge([
      { name: 'Lead', type: 'won' },
      { name: 'Won', new_name: 'Closed' },
      { name: 'Lost', remove: true },
    ])
    assert.deepEqual(problems, [])
    assert.deepEqual(
      plan.changed.map((c) => [c.existing.id, c.change, c.rename]),
      [
        ['a', { type: 'won' }, undefined],
        ['b', {}, 'Closed'],
      ],
    )
    assert.deepEqual(
      plan.removed.map((r) => r.existing.id),
      ['c'],
    )
    assert.deepEqual(plan.order, [{ id: 'a' }, { id: 'b' }], 'the request named both items left')
  })

  it('names every mistake at its path', () => {
    const { problems } = merge([
      { name: 'Lead' },
      { name: 'Lead', type: 'won' },
      { name: 'Nope', remove: true },
      { name: 'Ghost', new_name: 'Other' },
      { name: 'Won', new_name: 'Lost' },
      { name: 'Lost', remove: 'yes' },
      { name: '  ' },
      { name: 'Far too long a name' },
      { name: 'Fresh' },
    ])
    assert.deepEqual(problems, [
      ['statuses[1].name', 'taken'],
      ['statuses[2].name', 'unknown'],
      ['statuses[3].name', 'unknown'],
      ['statuses[4].new_name', 'taken'],
      ['statuses[5].remove', 'type'],
      ['statuses[6].name', 'blank'],
      ['statuses[7].name', 'too_long'],
      ['statuses[8].type', 'required'],
    ])
  })

  it('lets two items swap names in one request', () => {
    const { plan, problems } = merge([
      { name: 'Won', new_name: 'Temp' },
      { name: 'Lost', new_name: 'Won' },
    ])
    assert.deepEqual(problems, [])
    assert.deepEqual(
      plan.changed.map((c) => [c.existing.id, c.rename]),
      [
        ['b', 'Temp'],
        ['c', 'Won'],
      ],
    )
  })

  it('refuses a new name that an existing item keeps', () => {
    const { problems } = merge([
      { name: 'Demo', type: 'active' },
      { name: 'Lead', new_name: 'Demo' },
    ])
    assert.deepEqual(problems, [['statuses[1].new_name', 'taken']])
  })
})
