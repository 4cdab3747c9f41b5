// Micro-batching when a batch fails as a whole: the items run again one by one, so only the item at
// fault fails; not when the database is unreachable, where each would fail the same way.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { MicroBatcher } from '../../src/db/micro-batch.js'

describe('micro-batching', () => {
  /** A batch function that fails whole whenever a batch holds 'bad', and records the batches it saw. */
  function batcher(failure: Error & { code?: string }) {
    const batches: string[][] = []
    const made = new MicroBatcher<string, string>(async (items) => {
      const inputs = items.map((i) => i.input)
      batches.push(inputs)
      if (inputs.includes('bad')) throw failure
      return inputs.map((input) => ({ ok: true, value: input.toUpperCase() }))
    }, 10)
    return { batches, batcher: made }
  }

  it('runs each item of a failed batch again alone: only the item at fault fails', async () => {
    const { batches, batcher: b } = batcher(new Error('the batch failed'))
    const results = await Promise.allSettled(['a', 'bad', 'c'].map((input) => b.submit(input)))
    assert.deepEqual(results[0], { status: 'fulfilled', value: 'A' })
    assert.equal(results[1]!.status, 'rejected')
    assert.deepEqual(results[2], { status: 'fulfilled', value: 'C' })
    assert.deepEqual(batches, [['a', 'bad', 'c'], ['a'], ['bad'], ['c']])
  })
  it('fails the whole batch at once when the database is unreachable', async () => {
    const { batches, batcher: b } = batcher(Object.assign(new Error('down'), { code: 'ECONNREFUSED' }))
    const results = await Promise.allSettled(['a', 'bad', 'c'].map((input) => b.submit(input)))
    assert.ok(results.every((r) => r.status === 'rejected'))
    assert.deepEqual(batches, [['a', 'bad', 'c']])
  })
})
