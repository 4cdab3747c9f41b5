// API keys (`/v1/api_keys`, Rapport's own): listed by their hint; the key itself only in the create answer.
import { Type, type Static } from 'typebox'
import { Assignee } from './entries.js'
import { Id, Nullable, NullableTimestamp, Page, PageQuery, Timestamp } from './common.js'

const example = {
  id: 'Kx7Pq2NmLa',
  name: 'Zapier',
  key_hint: 'rpk_…Tz4Q',
  user: { id: 'Uq3Xb9LmT2', name: 'Paul Atreides', email: 'paul@atreid.es' },
  created_at: '2025-04-29T22:47:39.635Z',
  revoked_at: null,
}

const properties = {
  id: Id,
  name: Type.String(),
  key_hint: Type.String({ description: '`rpk_…` and the last 4 characters of the key' }),
  user: Nullable(Assignee, { description: 'The member acting through the key (author of its notes), or null' }),
  created_at: Timestamp,
  revoked_at: NullableTimestamp,
}

export const ApiKey = Type.Object(properties, { title: 'ApiKey', examples: [example] })

export const NewApiKey = Type.Object(
  {
    ...properties,
    key: Type.String({ description: 'The key: shown in this answer only (it is stored as a hash)' }),
  },
  { title: 'NewApiKey', examples: [{ ...example, key: 'rpk_aXMx97PhoZJyuEedYN4qgrTQsEOqr5DiTsLwTz4Q' }] },
)

export const CreateApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, description: 'What the key is for' }),
    user_id: Type.Optional(
      Nullable(Id, {
        description: 'The member the key acts as; default: the member making the request (none for a key without one)',
      }),
    ),
  },
  { examples: [{ name: 'Zapier' }] },
)
export type CreateApiKeyBody = Static<typeof CreateApiKeyBody>

export const ListApiKeysQuery = Type.Object({ first: PageQuery.properties.first, after: PageQuery.properties.after })

export const ApiKeyPage = Page(ApiKey, {
  title: 'ApiKeyPage',
  examples: [{ data: [example], pagination: { end_cursor: 1, has_next_page: false, total_count: 1 } }],
})
