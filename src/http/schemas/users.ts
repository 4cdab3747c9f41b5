// Members of the workspace: `/v1/users` (Rapport's own; Relate has no users API).
import { Type, type Static } from 'typebox'
import { Id, Page, PageQuery, Timestamp } from './common.js'

const example = {
  id: 'Uq3Xb9LmT2',
  name: 'Paul Atreides',
  email: 'paul@atreid.es',
  created_at: '2025-04-29T22:47:39.635Z',
  updated_at: '2025-04-29T22:47:39.635Z',
}

export const User = Type.Object(
  {
    id: Id,
    name: Type.String(),
    email: Type.String({ description: 'As written when the member was added; matched case-insensitively' }),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { title: 'User', examples: [example] },
)

export const CreateUserBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    email: Type.String({ minLength: 3, maxLength: 254, description: 'Unique in the workspace, any case' }),
  },
  { examples: [{ name: 'Paul Atreides', email: 'paul@atreid.es' }] },
)
export type CreateUserBody = Static<typeof CreateUserBody>

export const ListUsersQuery = PageQuery
export const UserPage = Page(User, {
  title: 'UserPage',
  examples: [{ data: [example], pagination: { end_cursor: 1, has_next_page: false, total_count: 1 } }],
})
