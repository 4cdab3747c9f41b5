import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Problems } from '../../src/domain/errors.js'
import { checkDomains, isDomain, normaliseDomain } from '../../src/domain/organizations/domain-names.js'

describe('domain normalisation', () => {
  it('lower-cases and drops scheme, www., user, port, path, query, fragment and a trailing dot', () => {
    const cases: Array<[string, string]> = [
      ['relate.so', 'relate.so'],
      ['  Relate.SO ', 'relate.so'],
      ['https://www.relate.so', 'relate.so'],
      ['http://www.Relate.so/pricing?plan=pro#top', 'relate.so'],
      ['HTTPS://app.relate.so:8443/x', 'app.relate.so'],
      ['//relate.so/path', 'relate.so'],
      ['ftp://user:pw@files.relate.so', 'files.relate.so'],
      ['paul@atreid.es', 'atreid.es'],
      ['relate.so.', 'relate.so'],
      ['www.relate.co.kr', 'relate.co.kr'],
      ['sub.www.relate.so', 'sub.www.relate.so'],
    ]
    for (const [input, expected] of cases) assert.equal(normaliseDomain(input), expected, input)
  })
  it('stores unicode names as punycode', () => {
    assert.equal(normaliseDomain('https://www.한국.kr/'), 'xn--3e0b707e.kr')
    assert.equal(normaliseDomain('Bücher.DE'), 'xn--bcher-kva.de')
  })
  it('refuses what is not a domain', () => {
    for (const input of [
      '',
      '   ',
      'relate',
      'localhost',
      '1.2.3.4',
      'http://',
      'relate .so',
      '-relate.so',
      'relate-.so',
      'rel_ate.so',
      'relate.s',
      `${'a'.repeat(64)}.so`,
      'relate..so',
      'www.',
    ]) {
      assert.equal(normaliseDomain(input), undefined, JSON.stringify(input))
    }
  })
  it('isDomain needs two labels and a plausible top level', () => {
    assert.ok(isDomain('a.co'))
    assert.ok(isDomain('xn--3e0b707e.kr'))
    assert.ok(!isDomain('a.c0'))
    assert.ok(!isDomain(`${'a.'.repeat(127)}so`))
  })
  it('checkDomains records invalid ones by index and keeps equal domains once', () => {
    const problems = new Problems()
    const out = checkDomains(['relate.so', 'nope', 'https://www.RELATE.so', 'relate.kr'], 'domains', problems)
    assert.deepEqual(out, [
      { domain: 'relate.so', path: 'domains[0]' },
      { domain: 'relate.kr', path: 'domains[3]' },
    ])
    assert.deepEqual(
      problems.list.map((p) => p.field),
      ['domains[1]'],
    )
  })
})
