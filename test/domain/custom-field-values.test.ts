import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { applyChanges, showValues } from '../../src/domain/custom-fields/custom-field-values.js'
import type { FieldDefinition } from '../../src/domain/fields/field-types.js'

const fields: FieldDefinition[] = [
  { id: 'f1', name: 'House', data_type: 'text', options: null, accepts_multiple_values: false },
  { id: 'f2', name: 'Tags', data_type: 'select', options: ['a', 'b'], accepts_multiple_values: true },
]

describe('custom field values', () => {
  it('applies changes: values replace, null removes, others are kept', () => {
    const stored = { f1: 'Atreides', f2: ['a'] }
    const next = applyChanges(
      stored,
      new Map<string, string | string[] | null>([
        ['f1', null],
        ['f2', ['a', 'b']],
        ['f3', 'new'],
      ]),
    )
    assert.deepEqual(next, { f2: ['a', 'b'], f3: 'new' })
    assert.deepEqual(stored, { f1: 'Atreides', f2: ['a'] }, 'the stored document is not changed in place')
  })
  it('shows only fields that exist and hold a value, keyed by id, in field order', () => {
    const shown = showValues({ f2: ['b'], gone: 'orphan', f1: 'Atreides' }, fields)
    assert.deepEqual(Object.keys(shown), ['f1', 'f2'])
    assert.deepEqual(shown.f1, { name: 'House', data_type: 'text', value: 'Atreides' })
    assert.deepEqual(showValues({}, fields), {})
  })
})
