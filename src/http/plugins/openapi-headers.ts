// The headers and answers every `/v1` operation of one kind shares, added to the OpenAPI document in one
// place (so a new route gets them too): `Idempotency-Key` on POST and PATCH, with its 409 and 422 and the
// `Idempotent-Replayed` header of a replayed answer; `ETag` and `If-None-Match` (304) on every GET;
// `If-Match` (412) on every PATCH and DELETE whose object a GET shows (conditional-requests.ts); the 403
// of a key whose scope does not allow a write (scopes.ts).
import { representationPaths } from './conditional-requests.js'
import { MAX_IDEMPOTENCY_KEY_LENGTH } from './idempotency.js'

interface OperationObject {
  parameters?: unknown[]
  responses?: Record<string, ResponseObject>
}

interface ResponseObject {
  description?: string
  headers?: Record<string, unknown>
  content?: unknown
}

interface Document {
  paths?: Record<string, Record<string, OperationObject>>
  components?: Record<string, Record<string, unknown> | undefined>
}

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` })

const errorResponse = (description: string): ResponseObject => ({
  description,
  content: { 'application/json': { schema: ref('schemas', 'ErrorBody') } },
})

const PARAMETERS = {
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'Makes a retry safe: the first answer to a request with this key is kept for 24 hours and sent again, with ' +
      '`Idempotent-Replayed: true`, to a retry of the same request (same method, path, body and credential). ' +
      'The key on a different request is a 422 `idempotency_key_reused`; a retry while the first still runs is a 409 ' +
      '`idempotency_key_in_use`. 5xx, 409 and 429 answers are not kept.',
    schema: { type: 'string', minLength: 1, maxLength: MAX_IDEMPOTENCY_KEY_LENGTH },
    example: '7b7e1a52-3f0c-4c69-9f1e-6d3a2c1b8e40',
  },
  IfNoneMatch: {
    name: 'If-None-Match',
    in: 'header',
    required: false,
    description:
      'ETags of answers you hold (or `*`): when one is the current ETag the answer is a 304 with no body (weak comparison)',
    schema: { type: 'string' },
    example: '"3mHGO8vYz4Wm0tY8bYt9m1Q0sK8r3mO5f9m1e0x2c4Q"',
  },
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    required: false,
    description:
      'The ETag of the object as you last read it (from its GET; `*`: any): the change is made only if the object ' +
      'is still so, else the answer is a 412 `precondition_failed` and nothing changes (strong comparison). Checked ' +
      'in the same transaction as the change.',
    schema: { type: 'string' },
    example: '"3mHGO8vYz4Wm0tY8bYt9m1Q0sK8r3mO5f9m1e0x2c4Q"',
  },
}

const HEADERS = {
  ETag: {
    description:
      'Strong entity tag of this answer: the sha256 of its body (base64url, quoted). It changes with every change ' +
      'the body shows; send it as If-None-Match on a GET or If-Match on a PATCH or DELETE',
    schema: { type: 'string' },
  },
  IdempotentReplayed: {
    description: '`true` when this is the kept answer of an earlier request with the same Idempotency-Key',
    schema: { type: 'string', enum: ['true'] },
  },
}

function addParameter(op: OperationObject, name: keyof typeof PARAMETERS): void {
  op.parameters = [...(op.parameters ?? []), ref('parameters', name)]
}

function addResponse(op: OperationObject, status: string, response: ResponseObject): void {
  op.responses ??= {}
  op.responses[status] ??= response
}

/** Documents response header `name` (component `component`) on the answers whose status passes `statuses`. */
function addHeader(
  op: OperationObject,
  statuses: (status: string) => boolean,
  name: string,
  component: keyof typeof HEADERS,
): void {
  for (const [status, response] of Object.entries(op.responses ?? {}))
    if (statuses(status)) response.headers = { ...response.headers, [name]: ref('headers', component) }
}

/** Adds the shared headers and answers to every `/v1` operation of `document` (the swagger output). */
export function documentSharedHeaders<D>(document: D): D {
  const doc = document as Document
  doc.components = { ...doc.components, parameters: { ...PARAMETERS }, headers: { ...HEADERS } }
  const paths = doc.paths ?? {}
  for (const [path, item] of Object.entries(paths)) {
    if (!path.startsWith('/v1/')) continue
    const shown = representationPaths(path).some((p) => paths[p]?.get !== undefined)
    for (const [method, op] of Object.entries(item)) {
      if (method === 'get') {
        addParameter(op, 'IfNoneMatch')
        addHeader(op, (s) => s === '200', 'ETag', 'ETag')
        addResponse(op, '304', { description: 'Not modified: If-None-Match names the current ETag; no body' })
      }
      if (method !== 'get')
        addResponse(
          op,
          '403',
          errorResponse('The key may only read (scope `read`), or is limited to some lists and this makes a list'),
        )
      if ((method === 'patch' || method === 'delete') && shown) {
        addParameter(op, 'IfMatch')
        addResponse(op, '412', errorResponse('If-Match does not name the current ETag; nothing was changed'))
      }
      if (method === 'post' || method === 'patch') {
        addParameter(op, 'IdempotencyKey')
        addResponse(op, '409', errorResponse('A request with this Idempotency-Key is still running'))
        addResponse(op, '422', errorResponse('Validation failed; `details` names each field'))
        addHeader(op, (s) => /^[24]/.test(s), 'Idempotent-Replayed', 'IdempotentReplayed')
      }
    }
  }
  return document
}
