// Signing in to the web app: sessions (`/v1/sessions`) and setup links (`/v1/setup`). Rapport's own;
// Relate has no such API.
import { Type, type Static } from 'typebox'
import { MAX_PASSWORD_LENGTH } from '../../domain/sessions/passwords.js'
import { LINK_PURPOSES } from '../../domain/sessions/setup-links.js'
import { Id, Nullable, Timestamp } from './common.js'
import { User } from './users.js'

const user = {
  id: 'Uq3Xb9LmT2',
  name: 'Paul Atreides',
  email: 'paul@atreid.es',
  created_at: '2025-04-29T22:47:39.635Z',
  updated_at: '2025-04-29T22:47:39.635Z',
}

export const Workspace = Type.Object(
  { id: Id, name: Type.String() },
  { title: 'Workspace', examples: [{ id: 'Wk7Hq2LmT9', name: 'Default workspace' }] },
)

export const Session = Type.Object(
  {
    user: User,
    workspace: Workspace,
    csrf_token: Type.String({
      description: 'Send it as `X-CSRF-Token` on every write (POST, PATCH, PUT, DELETE) made with the session cookie',
    }),
    expires_at: {
      ...Timestamp,
      description:
        'When the session ends if no request comes before: the earlier of its absolute expiry and the idle timeout counted from the last request',
    },
  },
  {
    title: 'Session',
    examples: [
      {
        user,
        workspace: { id: 'Wk7Hq2LmT9', name: 'Default workspace' },
        csrf_token: 'q1V0m3xS8o1n2b5k7a9c4d6f8h0j2l4n6p8r0t2v4x6',
        expires_at: '2025-05-13T22:47:39.635Z',
      },
    ],
  },
)

const Password = Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH })
const Email = Type.String({ minLength: 3, maxLength: 254, description: 'The member’s email, any case' })
const LinkToken = Type.String({
  minLength: 1,
  maxLength: 200,
  description: 'The part of the setup link after `#`',
})

export const CreateSessionBody = Type.Object(
  { email: Email, password: Password },
  { examples: [{ email: 'paul@atreid.es', password: 'correct horse battery staple' }] },
)
export type CreateSessionBody = Static<typeof CreateSessionBody>

export const SetupLookupBody = Type.Object(
  { token: LinkToken },
  { examples: [{ token: 'Zs8cQ1pWm0vX3kR7tY5uB2nD4fH6jL8aE0gI9oK1qS3' }] },
)

export const SetupLink = Type.Object(
  {
    purpose: Type.Enum(LINK_PURPOSES, {
      description:
        '`setup`: the first start’s link, for the owner; `invite`: for a new member; `reset`: a new password for a member',
    }),
    email: Nullable(Type.String(), {
      description: 'The address the link is for (the form must use it); null for `setup`, where the owner chooses',
    }),
  },
  { title: 'SetupLink', examples: [{ purpose: 'invite', email: 'chani@fremen.dune' }] },
)

export const SetupBody = Type.Object(
  {
    token: LinkToken,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    email: Email,
    password: Type.String({
      minLength: 1,
      maxLength: MAX_PASSWORD_LENGTH,
      description: 'At least 10 characters',
    }),
  },
  {
    examples: [
      {
        token: 'Zs8cQ1pWm0vX3kR7tY5uB2nD4fH6jL8aE0gI9oK1qS3',
        name: 'Paul Atreides',
        email: 'paul@atreid.es',
        password: 'correct horse battery staple',
      },
    ],
  },
)
export type SetupBody = Static<typeof SetupBody>

export const SignedOut = Type.Null({ description: 'Signed out; no body' })
