// The configuration users run, for the suites that must run under it (the fuzzer and the soak):
// rate limiting and the failed-authentication limit on, with quotas high enough that a test's own load
// never trips them (a 429 would change the answers the suites judge), and logging at `info` into a sink
// the test reads, so the logging path runs on every request and an error line is seen.
import { Writable } from 'node:stream'
import type { FastifyBaseLogger } from 'fastify'
import pino from 'pino'

/** Limits on, as by default, with quotas no test reaches. */
export const UNTRIPPED_LIMITS: Record<string, string> = {
  RAPPORT_RATE_LIMIT: '100000000',
  RAPPORT_AUTH_FAILURE_LIMIT: '100000000',
}

/** pino's level numbers: 50 is `error`, 60 `fatal`. */
const ERROR_LEVEL = 50

export interface LogSink {
  /** A logger at `info` writing into the sink. */
  logger: FastifyBaseLogger
  /** Lines written so far. */
  lines(): number
  /** Lines at `error` or above, as written (at most 20 kept). */
  errors(): string[]
}

/** A pino logger at `info` whose lines are counted and dropped, except errors, which are kept. */
export function logSink(): LogSink {
  let lines = 0
  const errors: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split('\n')) {
        if (line === '') continue
        lines++
        const level = Number(/"level":(\d+)/.exec(line)?.[1] ?? 0)
        if (level >= ERROR_LEVEL && errors.length < 20) errors.push(line.slice(0, 1000))
      }
      done()
    },
  })
  return { logger: pino({ level: 'info' }, stream) as FastifyBaseLogger, lines: () => lines, errors: () => errors }
}
