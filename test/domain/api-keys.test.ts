import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  KeyHasher,
  bearerKey,
  generateApiKey,
  hashApiKey,
  isAcceptableNewKey,
  keyHint,
  sameHash,
} from '../../src/domain/workspaces/api-keys.js'
import { newId } from '../../src/domain/ids.js'

describe('API keys and ids', () => {
  it('generates long random keys with a recognisable prefix', () => {
    const a = generateApiKey()
    assert.match(a, /^rpk_[A-Za-z0-9]{40}$/)
    assert.notEqual(a, generateApiKey())
  })
  it('reads only well-formed bearer headers', () => {
    assert.equal(bearerKey('Bearer rpk_abcdefghijklmnop'), 'rpk_abcdefghijklmnop')
    assert.equal(bearerKey('bearer   rpk_abcdefghijklmnop'), 'rpk_abcdefghijklmnop')
    assert.equal(bearerKey('rpk_abcdefghijklmnop'), undefined)
    assert.equal(bearerKey('Bearer abc'), undefined)
    assert.equal(bearerKey('Bearer two words here-long-enough'), undefined)
    assert.equal(bearerKey(undefined), undefined)
  })
  it('compares hashes exactly', () => {
    const h = hashApiKey('rpk_abcdefghijklmnop')
    assert.ok(sameHash(h, hashApiKey('rpk_abcdefghijklmnop')))
    assert.ok(!sameHash(h, hashApiKey('rpk_abcdefghijklmnoq')))
    assert.ok(!sameHash(h, 'abcd'))
  })
  it('hints at a key by its prefix and last 4 characters only', () => {
    assert.equal(keyHint('rpk_aXMx97PhoZJyuEedYN4qgrTQsEOqr5DiTsLwzmTz'), 'rpk_…zmTz')
    assert.equal(keyHint('my-seeded-key-0123456789-abcdefgh'), '…efgh')
  })
  it('accepts new keys of 32 characters and more, while reading stored ones from 16', () => {
    assert.equal(isAcceptableNewKey('k'.repeat(31)), false)
    assert.equal(isAcceptableNewKey('k'.repeat(32)), true)
    assert.equal(bearerKey(`Bearer ${'k'.repeat(16)}`), 'k'.repeat(16))
  })
  it('hashes under the pepper when there is one, and still finds keys stored before it', () => {
    const key = generateApiKey()
    assert.deepEqual(new KeyHasher().candidates(key), [{ hash: hashApiKey(key), scheme: 'sha256' }])
    const peppered = new KeyHasher('p'.repeat(32))
    const [current, legacy] = peppered.candidates(key)
    assert.equal(current!.scheme, 'hmac-sha256')
    assert.notEqual(current!.hash, hashApiKey(key))
    assert.notEqual(current!.hash, new KeyHasher('q'.repeat(32)).current(key).hash)
    assert.deepEqual(legacy, { hash: hashApiKey(key), scheme: 'sha256' })
  })
  it('draws ids evenly from 62 characters', () => {
    const counts = new Map<string, number>()
    for (let i = 0; i < 2000; i++) for (const c of newId()) counts.set(c, (counts.get(c) ?? 0) + 1)
    assert.equal(counts.size, 62)
    const expected = 20000 / 62
    for (const [c, n] of counts) assert.ok(Math.abs(n - expected) < expected * 0.35, `${c} appears ${n} times`)
  })
})
