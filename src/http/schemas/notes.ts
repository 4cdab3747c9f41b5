// Notes: `/v1/notes`.
import { Type, type Static } from 'typebox'
import { Id, Page, PageQuery, Timestamp, NullableString, Nullable } from './common.js'

const example = {
  id: 'Nt6Vb3Mq8D',
  body: 'this is a note',
  organization_id: 'Or2Gx5Hn7C',
  deal_id: null,
  user: { id: 'Uq3Xb9LmT2', name: 'Paul Atreides', email: 'paul@atreid.es' },
  created_at: '2025-04-29T22:47:39.635Z',
  updated_at: '2025-04-29T22:47:39.635Z',
}

const Author = Type.Object({ id: Id, name: Type.String(), email: Type.String() }, { title: 'NoteAuthor' })

export const Note = Type.Object(
  {
    id: Id,
    body: Type.String({ description: 'As written (plain text or HTML)' }),
    organization_id: Id,
    deal_id: NullableString({ description: 'A process entry' }),
    user: Nullable(Author, { description: 'The member owning the API key that wrote it, or null' }),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { title: 'Note', examples: [example] },
)

const Body = Type.String({ maxLength: 100_000 })
const DealId = NullableString({ maxLength: 32, description: 'The id of an entry of a process, or null' })

export const CreateNoteBody = Type.Object(
  { organization_id: Type.String({ maxLength: 32 }), body: Body, deal_id: Type.Optional(DealId) },
  { examples: [{ organization_id: 'Or2Gx5Hn7C', deal_id: 'En5Kd2Pw4E', body: 'this is a note' }] },
)
export type CreateNoteBody = Static<typeof CreateNoteBody>

export const UpdateNoteBody = Type.Object(
  {
    body: Type.Optional(Body),
    deal_id: Type.Optional(DealId),
    organization_id: Type.Optional(
      Type.String({ maxLength: 32, description: 'Cannot change: accepted only with the stored value' }),
    ),
  },
  { examples: [{ body: 'this is an edited note' }] },
)
export type UpdateNoteBody = Static<typeof UpdateNoteBody>

export const ListNotesQuery = Type.Object({
  ...PageQuery.properties,
  organization_id: Type.Optional(
    Type.String({ maxLength: 32, description: "Only this organization's notes (Rapport's own filter)" }),
  ),
})

export const NotePage = Page(Note, {
  title: 'NotePage',
  examples: [{ data: [example], pagination: { end_cursor: 1, has_next_page: false, total_count: 1 } }],
})
