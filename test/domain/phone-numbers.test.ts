import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Problems } from '../../src/domain/errors.js'
import {
  checkPhoneNumbers,
  normaliseLookupNumber,
  normalisePhoneNumber,
} from '../../src/domain/contacts/phone-numbers.js'

describe('phone number normalisation', () => {
  it('makes the documented Korean forms one number with country code 82', () => {
    for (const input of [
      '+821012345678',
      '01012345678',
      '010-1234-5678',
      '010 1234 5678',
      '(010) 1234-5678',
      '+82 10-1234-5678',
      '+82 (0)10 1234 5678',
      '0082 10 1234 5678',
      '010.1234.5678',
    ]) {
      assert.equal(normalisePhoneNumber(input, '82'), '+821012345678', input)
    }
  })
  it('uses the configured default country code for national numbers', () => {
    assert.equal(normalisePhoneNumber('020 7946 0958', '44'), '+442079460958')
    assert.equal(normalisePhoneNumber('(415) 555-0123', '1'), '+14155550123')
    assert.equal(normalisePhoneNumber('1588-1234', '82'), '+8215881234')
    // International numbers ignore the default.
    assert.equal(normalisePhoneNumber('+1 415 555 0123', '82'), '+14155550123')
  })
  it('refuses what is not a phone number', () => {
    for (const input of [
      '',
      'call me',
      '010-1234-567a',
      '12',
      '+0 10 1234',
      '+82 10 1234 5678 9012 345',
      '010+1234',
      '010-1234-5678 ext 9',
      '＋821012345678',
    ]) {
      assert.equal(normalisePhoneNumber(input, '82'), undefined, JSON.stringify(input))
    }
  })
  it('reads a leading space in a lookup as the + a URL turned into a space', () => {
    assert.equal(normaliseLookupNumber(' 821012345678', '82'), '+821012345678')
    assert.equal(normaliseLookupNumber('821012345678', '82'), '+82821012345678')
    assert.equal(normaliseLookupNumber('010-1234-5678', '82'), '+821012345678')
  })
  it('checkPhoneNumbers records invalid ones by index and keeps equal numbers once, as first written', () => {
    const problems = new Problems()
    const out = checkPhoneNumbers(
      [' 010-1234-5678 ', 'nope', '+821012345678', '02-555-0101'],
      'phone_numbers',
      problems,
      '82',
    )
    assert.deepEqual(out, [
      { number: '010-1234-5678', key: '+821012345678' },
      { number: '02-555-0101', key: '+8225550101' },
    ])
    assert.deepEqual(
      problems.list.map((p) => p.field),
      ['phone_numbers[1]'],
    )
  })
})
