// The request timeout (RAPPORT_REQUEST_TIMEOUT_MS): a request not answered in time gets a 503
// `request_timeout`, and nothing it started is committed afterwards.
//
// Each request runs under a database deadline (db/deadline.ts): once it passes, the request can start
// no statement and commit no transaction, so its transaction rolls back whole. A timer answers the 503
// at the deadline, but only while none of the request's statements is at the database: a statement
// (or COMMIT) already sent is let finish (PostgreSQL's statement_timeout bounds it), and its outcome is
// what the client hears. So a 503 `request_timeout` always means "nothing was saved".
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { deadlineIn, isPast, runWithDeadline, type Deadline } from '../../db/deadline.js'
import { RequestTimeoutError } from '../../domain/errors.js'

/** How often the timer looks again while a statement of the timed-out request is at the database. */
const RECHECK_MS = 20

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's database deadline; null when there is no request timeout. */
    deadline: Deadline | null
  }
}

export interface RequestTimeoutOptions {
  timeoutMs: number
}

/** Arms the timer that answers 503 at the deadline; while a statement is at the database it waits. */
function armTimer(request: FastifyRequest, reply: FastifyReply, timers: WeakMap<FastifyRequest, NodeJS.Timeout>, delay: number): void {
  const timer = setTimeout(() => {
    const deadline = request.deadline
    if (reply.sent || !deadline) return
    if (deadline.inFlight > 0) return armTimer(request, reply, timers, RECHECK_MS)
    deadline.expired = true
    // A client that went away gets no answer, but its work is stopped all the same.
    if (request.raw.destroyed || reply.raw.headersSent) return
    reply.send(new RequestTimeoutError())
  }, delay)
  timer.unref()
  timers.set(request, timer)
}

export default fp<RequestTimeoutOptions>(
  async (app, { timeoutMs }) => {
    if (timeoutMs <= 0) return
    app.decorateRequest('deadline', null)
    const timers = new WeakMap<FastifyRequest, NodeJS.Timeout>()
    app.addHook('onRequest', (request, reply, done) => {
      const deadline = deadlineIn(timeoutMs)
      request.deadline = deadline
      armTimer(request, reply, timers, timeoutMs)
      runWithDeadline(deadline, done)
    })
    // The body is read in the socket's own async context; step back into the request's deadline before
    // validation and the handler run.
    app.addHook('preValidation', (request, _reply, done) => {
      const deadline = request.deadline
      if (!deadline) return done()
      if (isPast(deadline)) return done(new RequestTimeoutError())
      runWithDeadline(deadline, done)
    })
    app.addHook('onResponse', async (request) => {
      clearTimeout(timers.get(request))
      // Late work of this request (a handler still running after a 503) must not start anything.
      if (request.deadline) request.deadline.expired = true
    })
  },
  { name: 'request-timeout' },
)
