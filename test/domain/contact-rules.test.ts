import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Problems } from '../../src/domain/errors.js'
import { autoCandidates } from '../../src/domain/contacts/auto-organization.js'
import { checkEmails, lookupEmailKey } from '../../src/domain/contacts/contact-emails.js'
import { cleanText, joinNames, resolveNames, splitFullName } from '../../src/domain/contacts/contact-names.js'

const NONE = { first_name: null, last_name: null, name: null }

describe('contact names', () => {
  it('cleans text: trimmed, blank is null, absent stays absent', () => {
    assert.equal(cleanText('  Paul '), 'Paul')
    assert.equal(cleanText('   '), null)
    assert.equal(cleanText(null), null)
    assert.equal(cleanText(undefined), undefined)
  })
  it('joins and splits names', () => {
    assert.equal(joinNames('Paul', 'Atreides'), 'Paul Atreides')
    assert.equal(joinNames(null, 'Atreides'), 'Atreides')
    assert.equal(joinNames(null, null), null)
    assert.deepEqual(splitFullName('Paul Muad Dib'), { first_name: 'Paul', last_name: 'Muad Dib' })
    assert.deepEqual(splitFullName('홍길동'), { first_name: '홍길동', last_name: null })
  })
  it('derives the display name, and fills first and last name from a name sent alone', () => {
    assert.deepEqual(resolveNames(NONE, { first_name: 'Paul', last_name: 'Atreides' }), {
      first_name: 'Paul',
      last_name: 'Atreides',
      name: 'Paul Atreides',
    })
    assert.deepEqual(resolveNames(NONE, { name: 'Paul Atreides' }), {
      first_name: 'Paul',
      last_name: 'Atreides',
      name: 'Paul Atreides',
    })
    assert.deepEqual(resolveNames(NONE, { name: 'Usul', first_name: 'Paul' }), {
      first_name: 'Paul',
      last_name: null,
      name: 'Usul',
    })
  })
  it('keeps stored names when the input names nothing, and rebuilds the display name when it does', () => {
    const stored = { first_name: 'Paul', last_name: 'Atreides', name: 'Muad Dib' }
    assert.deepEqual(resolveNames(stored, {}), stored)
    assert.deepEqual(resolveNames(stored, { last_name: null }), { first_name: 'Paul', last_name: null, name: 'Paul' })
    assert.deepEqual(resolveNames(stored, { name: null }), {
      first_name: 'Paul',
      last_name: 'Atreides',
      name: 'Paul Atreides',
    })
  })
})

describe('contact emails', () => {
  it('records invalid addresses by index and keeps case variants once', () => {
    const problems = new Problems()
    const out = checkEmails(['Paul@Atreid.es', 'bad', ' paul@atreid.es', 'usul@arrak.is'], 'emails', problems)
    assert.deepEqual(
      out.map((e) => [e.email, e.key, e.path]),
      [
        ['Paul@Atreid.es', 'paul@atreid.es', 'emails[0]'],
        ['usul@arrak.is', 'usul@arrak.is', 'emails[3]'],
      ],
    )
    assert.deepEqual(
      problems.list.map((p) => p.field),
      ['emails[1]'],
    )
  })
  it('reads spaces in a lookup as the + a URL turned into spaces', () => {
    assert.equal(lookupEmailKey('Paul crm@Atreid.es'), 'paul+crm@atreid.es')
    assert.equal(lookupEmailKey(' PAUL@atreid.es '), 'paul@atreid.es')
  })
})

describe('"auto" organization candidates', () => {
  it('looks at every email domain in order and creates for the first company domain', () => {
    assert.deepEqual(autoCandidates(['paul@gmail.com', 'Paul@Atreid.es', 'duke@atreid.es', 'x@caladan.test']), {
      lookup: ['gmail.com', 'atreid.es', 'caladan.test'],
      create: 'atreid.es',
    })
  })
  it('creates nothing for personal mail providers only', () => {
    assert.deepEqual(autoCandidates(['a@naver.com', 'b@GMAIL.com']), {
      lookup: ['naver.com', 'gmail.com'],
      create: undefined,
    })
    assert.deepEqual(autoCandidates([]), { lookup: [], create: undefined })
  })
})
