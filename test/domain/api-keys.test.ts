import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { bearerKey, generateApiKey, hashApiKey, sameHash } from '../../src/domain/workspaces/api-keys.js'
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
  it('draws ids evenly from 62 characters', () => {
    const counts = new Map<string, number>()
    for (let i = 0; i < 2000; i++) for (const c of newId()) counts.set(c, (counts.get(c) ?? 0) + 1)
    assert.equal(counts.size, 62)
    const expected = 20000 / 62
    for (const [c, n] of counts) assert.ok(Math.abs(n - expected) < expected * 0.35, `${c} appears ${n} times`)
  })
})
