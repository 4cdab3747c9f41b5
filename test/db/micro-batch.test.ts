// Micro-batching: items submitted together share a batch (bounded in size), each is answered with its
// own outcome, deadlines stay per item, and when a batch fails as a whole the items run again one by
// one, so only the item at fault fails; not when the database is unreachable, where each would fail
// the same way.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { DeadlineExceededError, deadlineIn } from '../../src/db/deadline.js'
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

  it('gathers what is submitted together into one batch, at most maxBatch items each', async () => {
    const batches: number[][] = []
    const b = new MicroBatcher<number, number>(async (items) => {
      batches.push(items.map((i) => i.input))
      return items.map((i) => ({ ok: true, value: i.input * 2 }))
    }, 3)
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => b.submit(n)))
    assert.deepEqual(results, [2, 4, 6, 8, 10])
    assert.deepEqual(batches, [
      [1, 2, 3],
      [4, 5],
    ])
    assert.equal(await b.submit(6), 12, 'an idle batcher starts again')
    assert.deepEqual(batches.at(-1), [6])
  })

  it('answers each item with its own outcome, without running any again', async () => {
    let runs = 0
    const b = new MicroBatcher<string, string>(async (items) => {
      runs++
      return items.map((i) =>
        i.input === 'no' ? { ok: false, error: new Error('refused') } : { ok: true, value: i.input },
      )
    }, 10)
    const results = await Promise.allSettled(['yes', 'no', 'also'].map((input) => b.submit(input)))
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    )
    assert.equal(runs, 1)
  })

  it('refuses an item whose deadline has passed, alone, and counts a waiting item in flight', async () => {
    const seen: string[] = []
    const b = new MicroBatcher<string, string>(async (items) => {
      seen.push(...items.map((i) => i.input))
      return items.map((i) => ({ ok: true, value: i.input }))
    }, 10)
    const past = deadlineIn(-1)
    await assert.rejects(b.submit('late', past), DeadlineExceededError)
    const live = deadlineIn(60_000)
    const expiring = deadlineIn(60_000)
    const pending = Promise.allSettled([b.submit('on time', live), b.submit('given up', expiring)])
    assert.equal(live.inFlight, 1, 'waiting in the batch counts as in flight')
    expiring.expired = true
    const [onTime, givenUp] = await pending
    assert.deepEqual(onTime, { status: 'fulfilled', value: 'on time' })
    assert.ok(givenUp.status === 'rejected' && givenUp.reason instanceof DeadlineExceededError)
    assert.deepEqual(seen, ['on time'], 'an expired item never reaches the batch function')
    assert.equal(live.inFlight, 0)
    assert.equal(expiring.inFlight, 0)
  })

  it('fails an item the batch function gave no outcome for', async () => {
    const b = new MicroBatcher<string, string>(async () => [], 10)
    await assert.rejects(b.submit('forgotten'), /no outcome/)
  })
})
