// The batch endpoints (`POST /v1/lists/:list_id/entries/batch`, `/v1/contacts/batch`,
// `/v1/organizations/batch`): up to 1,000 items, each as a single create takes it, and one answer per
// item in input order.
import { Type, type TSchema } from 'typebox'
import { MAX_BATCH_ITEMS } from '../batch-items.js'

/** `{ "<key>": [item, ...], "upsert": bool }` */
export function BatchBody<T extends TSchema>(key: string, item: T, example: unknown) {
  return Type.Object(
    {
      [key]: Type.Array(item, {
        minItems: 1,
        maxItems: MAX_BATCH_ITEMS,
        description: `1 to ${MAX_BATCH_ITEMS} items, each checked on its own: an invalid one is answered 422 in its place`,
      }),
      upsert: Type.Optional(
        Type.Boolean({
          description: 'Update the record or entry an item matches instead of refusing or duplicating it',
        }),
      ),
    },
    { examples: [{ [key]: [example], upsert: true }] },
  )
}

/** `{ "data": [{ "status": 201|200|422, "<key>": resource } | { "status": 422, "error": ErrorBody }] }` */
export function BatchResult<T extends TSchema>(key: string, resource: T, title: string) {
  return Type.Object(
    {
      data: Type.Array(
        Type.Object({
          status: Type.Integer({
            description: '201 created, 200 updated (upsert), 422 refused (or another 4xx a single create would get)',
          }),
          [key]: Type.Optional(resource),
          error: Type.Optional(Type.Ref('ErrorBody')),
        }),
        { description: 'One answer per item, in input order' },
      ),
    },
    { title },
  )
}
