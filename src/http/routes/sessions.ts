// Signing in to the web app. `signInRoutes` need no credential (sign in, read and use a setup link) and
// are mounted beside the authenticated `/v1` scope; `sessionRoutes` (the current session: read it, sign
// out) are inside it. The cookie, origin and failed-attempt rules are in plugins/sessions.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { NotFoundError, UnauthorizedError } from '../../domain/errors.js'
import { actorOf } from '../plugins/auth.js'
import { errorResponses } from '../schemas/common.js'
import { CreateSessionBody, Session, SetupBody, SetupLink, SetupLookupBody, SignedOut } from '../schemas/sessions.js'

const tags = ['Sessions']
/** OpenAPI: the operation needs no credential. */
const NO_CREDENTIAL: Array<Record<string, string[]>> = []
/** OpenAPI: only a session cookie will do (a request with a key has no session: 404). */
const SESSION_COOKIE_ONLY = [{ sessionCookie: [] }]

export const signInRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { sessions, setupLinks } = app.services
  const web = app.webSessions

  app.post(
    '/sessions',
    {
      schema: {
        operationId: 'createSession',
        tags,
        summary: 'Sign in',
        description:
          'Signs a member in with their email and password: answers the session and sets the `rapport_session` cookie (HttpOnly, SameSite=Lax). A wrong password and an unknown email get the same 401 `invalid_credentials`. Failed sign-ins are limited per address and per account (429 with Retry-After). A browser request from another site (its Origin or Referer) is a 403.',
        security: NO_CREDENTIAL,
        body: CreateSessionBody,
        response: { 201: Session, ...errorResponses({ body: true, public: true }, 401, 403) },
      },
    },
    async (request, reply) => {
      web.refuseOtherOrigin(request)
      const { email, password } = request.body
      web.refuseIfBlocked(request, email)
      const signedIn = await sessions.signIn(email, password)
      if (!signedIn) {
        web.recordFailure(request, email)
        throw new UnauthorizedError('Wrong email or password', 'invalid_credentials')
      }
      web.setCookie(request, reply, signedIn.token, signedIn.session.expires_at)
      return reply.code(201).send(signedIn.resource)
    },
  )

  app.post(
    '/setup/lookup',
    {
      schema: {
        operationId: 'lookupSetupLink',
        tags,
        summary: 'Read a setup link',
        description:
          'What a one-time link (`/setup#<token>`) is for, before the form is shown: the first start’s setup, an invitation or a password reset, and the address it is for. 404 for an unknown token, 410 for one that was used or expired.',
        security: NO_CREDENTIAL,
        body: SetupLookupBody,
        response: { 200: SetupLink, ...errorResponses({ body: true, public: true }, 404, 410) },
      },
    },
    async (request) => {
      web.refuseIfBlocked(request)
      try {
        return await setupLinks.lookup(request.body.token)
      } catch (error) {
        if (error instanceof NotFoundError) web.recordFailure(request)
        throw error
      }
    },
  )

  app.post(
    '/setup',
    {
      schema: {
        operationId: 'completeSetup',
        tags,
        summary: 'Use a setup link',
        description:
          'Sets the name and password (at least 10 characters) of the member the link is for (an invited address becomes a member now), ends their other sessions and signs them in, as `POST /v1/sessions` does. The link then never works again. An invitation or reset must be completed with its own address (422 `mismatch` at `email`).',
        security: NO_CREDENTIAL,
        body: SetupBody,
        response: { 201: Session, ...errorResponses({ body: true, public: true }, 403, 404, 410) },
      },
    },
    async (request, reply) => {
      web.refuseOtherOrigin(request)
      web.refuseIfBlocked(request)
      let signedIn: Awaited<ReturnType<typeof setupLinks.complete>>
      try {
        signedIn = await setupLinks.complete(request.body)
      } catch (error) {
        if (error instanceof NotFoundError) web.recordFailure(request)
        throw error
      }
      web.setCookie(request, reply, signedIn.token, signedIn.session.expires_at)
      return reply.code(201).send(signedIn.resource)
    },
  )
}

const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { sessions } = app.services

  app.get(
    '/sessions/current',
    {
      schema: {
        operationId: 'getCurrentSession',
        tags,
        summary: 'The current session',
        description:
          'Who is signed in with the session cookie, and the `csrf_token` its writes need. 401 when the cookie is missing, ended or expired; 404 for a request made with an API key.',
        security: SESSION_COOKIE_ONLY,
        response: { 200: Session, ...errorResponses({}, 404) },
      },
    },
    async (request) => sessions.current(actorOf(request), request.sessionToken ?? ''),
  )

  app.delete(
    '/sessions/current',
    {
      schema: {
        operationId: 'deleteCurrentSession',
        tags,
        summary: 'Sign out',
        description:
          'Ends the session of the cookie (it stops working at once, here and in every process) and clears the cookie. Needs the CSRF proof of every cookie write. 404 for a request made with an API key.',
        security: SESSION_COOKIE_ONLY,
        response: { 204: SignedOut, ...errorResponses({}, 403, 404) },
      },
    },
    async (request, reply) => {
      await sessions.signOut(actorOf(request))
      app.webSessions.clearCookie(request, reply)
      return reply.code(204).send(null)
    },
  )
}

export default sessionRoutes
