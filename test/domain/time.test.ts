import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { toIso } from '../../src/domain/time.js'

describe('toIso', () => {
  it('writes exactly what Date#toISOString writes, whatever came before', () => {
    const ms = fc.oneof(
      fc.integer({ min: 0, max: 253402300799999 }),
      fc.integer({ min: 1745900000000, max: 1746100000000 }),
    )
    fc.assert(
      fc.property(fc.array(ms, { minLength: 1, maxLength: 20 }), (values) => {
        for (const value of values) assert.equal(toIso(value), new Date(value).toISOString())
      }),
      { numRuns: 2000 },
    )
  })
  it('handles the edges of a day', () => {
    for (const value of [1745971200000, 1745971199999, 1746057599999, 1746057600000, 0, 86399999]) {
      assert.equal(toIso(value), new Date(value).toISOString())
    }
  })
})
