// The web app's pure rules, without a browser: where a 422 problem shows on a form, how a search box
// reads what was typed, and how amounts, initials and days read.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { problemsByField } from '../../web/src/api/field-errors.js'
import { daysSince, formatValue, initials } from '../../web/src/format.js'
import { searchFilter } from '../../web/src/pages/search-filter.js'

describe('web app rules', () => {
  it('puts a problem of the i-th field sent at that field, others at their first segment', () => {
    assert.deepEqual(
      problemsByField(
        {
          'list_fields[1].value': 'is not a number',
          'emails[0]': 'is not a valid email',
          one_time_value_cents: 'must be >= 0',
          'custom_fields[0]': 'is not an option',
        },
        ['Stage', 'Budget'],
      ),
      {
        'field:Budget': 'is not a number',
        emails: 'is not a valid email',
        one_time_value_cents: 'must be >= 0',
        'field:Stage': 'is not an option',
      },
    )
    assert.deepEqual(problemsByField({ 'list_fields[5].value': 'x' }, ['A']), { list_fields: 'x' })
  })

  it('reads a search as an email, a phone number, a domain, or a name', () => {
    assert.deepEqual(searchFilter('contacts', ' paul@atreid.es '), { email: 'paul@atreid.es' })
    assert.deepEqual(searchFilter('contacts', '+82 10-1234-5678'), { phone_number: '+82 10-1234-5678' })
    assert.deepEqual(searchFilter('contacts', 'Paul'), { name: 'Paul' })
    assert.deepEqual(searchFilter('organizations', 'https://www.atreid.es/about'), {
      domain: 'https://www.atreid.es/about',
    })
    assert.deepEqual(searchFilter('organizations', 'House Atreides'), { name: 'House Atreides' })
    assert.deepEqual(searchFilter('organizations', '  '), {})
  })

  it('reads initials, days and values', () => {
    assert.equal(initials('Paul Muad Dib Atreides'), 'PA')
    assert.equal(initials('chani'), 'C')
    assert.equal(initials('  '), '?')
    const now = Date.parse('2026-01-10T12:00:00Z')
    assert.equal(daysSince('2026-01-10T01:00:00Z', now), 0)
    assert.equal(daysSince('2026-01-07T11:00:00Z', now), 3)
    assert.equal(daysSince(null, now), null)
    assert.equal(formatValue(['a', 2, null]), 'a, 2, ')
    assert.equal(formatValue(null), '')
  })
})
