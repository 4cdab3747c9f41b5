// The request timeout (RAPPORT_REQUEST_TIMEOUT_MS): a request not answered in time gets a 503
// `request_timeout`, and nothing it started is committed afterwards.
//
// Each request has a database deadline (db/deadline.ts), which its Actor carries to every write: once it
// passes, the request can begin no transaction and commit none, so its transaction rolls back whole. A
// timer answers the 503 at the deadline, but only while none of the request's writes is under way: a
// write already begun is let finish (PostgreSQL's statement_timeout bounds it), and its outcome is what
// the client hears. So a 503 `request_timeout` always means "nothing was saved".
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { deadlineIn, isPast, type Deadline } from '../../db/deadline.js'
import { RequestTimeoutError } from '../../domain/errors.js'

/** How often the timer looks again while a write of the timed-out request is under way. */
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

/** Arms the timer that answers 503 at the deadline; while a write is under way it waits. */
function armTimer(
  request: FastifyRequest,
  reply: FastifyReply,
  timers: WeakMap<FastifyRequest, NodeJS.Timeout>,
  delay: number,
): void {
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
      done()
    })
    // A request whose body took its whole budget to arrive is not started.
    app.addHook('preValidation', (request, _reply, done) => {
      const deadline = request.deadline
      done(deadline && isPast(deadline) ? new RequestTimeoutError() : undefined)
    })
    app.addHook('onResponse', async (request) => {
      clearTimeout(timers.get(request))
      // Late work of this request (a handler still running after a 503) must not start anything.
      if (request.deadline) request.deadline.expired = true
    })
  },
  { name: 'request-timeout' },
)
