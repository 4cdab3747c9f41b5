// Micro-batching: items submitted while a batch is being gathered or run are handled together by one
// call of a batch function, which answers each item on its own (a value or an error). Used where one
// database round (one COMMIT, one lock, one multi-row INSERT) can serve many requests.
//
// Request deadlines (deadline.ts) stay per item: an item whose deadline has passed when its batch
// starts is refused alone, and while an item waits or runs it counts as in flight, so the request
// timeout never answers "nothing saved" for an item that is about to be committed.
//
// A batch serves requests of every workspace. When the batch itself fails (the shared transaction or
// its COMMIT, not one item, which the batch function answers alone), the item at fault is not known
// and the others did nothing wrong: each item then runs again in a batch of its own, so only the one at
// fault fails. Not when the database is unreachable or the work timed out: those would fail alone too.
import { DeadlineExceededError, isPast, type Deadline } from './deadline.js'
import { isTimedOut, isUnavailable } from './errors.js'

export type Outcome<O> = { ok: true; value: O } | { ok: false; error: unknown }

export interface BatchItem<I> {
  input: I
  /** The deadline of the request that submitted it, if any. */
  deadline: Deadline | undefined
}

interface Pending<I, O> extends BatchItem<I> {
  settle(outcome: Outcome<O>): void
}

export class MicroBatcher<I, O> {
  readonly #queue: Array<Pending<I, O>> = []
  #draining = false

  /**
   * `run` handles one batch and returns one outcome per item, in order; if it throws, each item runs
   * again alone (see above). `maxBatch` bounds how long one batch keeps the others waiting.
   */
  constructor(
    private readonly run: (items: Array<BatchItem<I>>) => Promise<Array<Outcome<O>>>,
    private readonly maxBatch: number,
  ) {}

  submit(input: I, deadline?: Deadline): Promise<O> {
    if (deadline && isPast(deadline)) return Promise.reject(new DeadlineExceededError())
    if (deadline) deadline.inFlight++
    return new Promise<O>((resolve, reject) => {
      this.#queue.push({
        input,
        deadline,
        settle: (outcome) => {
          if (deadline) deadline.inFlight--
          if (outcome.ok) resolve(outcome.value)
          else reject(outcome.error)
        },
      })
      if (!this.#draining) {
        this.#draining = true
        void this.#drain()
      }
    })
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        // Let every request already in hand reach its submit first: one turn of the event loop costs
        // microseconds and gathers a whole batch.
        await new Promise((resolve) => setImmediate(resolve))
        const taken = this.#queue.splice(0, this.maxBatch)
        const live = taken.filter((item) => {
          if (item.deadline && isPast(item.deadline)) item.settle({ ok: false, error: new DeadlineExceededError() })
          else return true
          return false
        })
        if (live.length > 0) await this.#runBatch(live)
      }
    } finally {
      this.#draining = false
    }
  }

  async #runBatch(items: Array<Pending<I, O>>): Promise<void> {
    let outcomes: Array<Outcome<O>>
    try {
      outcomes = await this.run(items)
    } catch (error) {
      if (items.length === 1 || isUnavailable(error) || isTimedOut(error)) {
        for (const item of items) item.settle({ ok: false, error })
        return
      }
      for (const item of items) {
        if (item.deadline && isPast(item.deadline)) item.settle({ ok: false, error: new DeadlineExceededError() })
        else await this.#runBatch([item])
      }
      return
    }
    for (const [i, item] of items.entries()) {
      item.settle(outcomes[i] ?? { ok: false, error: new Error('batch gave no outcome for an item') })
    }
  }
}
