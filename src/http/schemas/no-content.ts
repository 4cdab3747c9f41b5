// The response of a delete: 204 with no body.
import { Type } from 'typebox'

export const NoContent = Type.Null({ description: 'Deleted; no body' })
