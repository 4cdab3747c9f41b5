// Proof that the isolation walker works on resources it has never seen and catches leaks: made-up
// `boxes` and nested `widgets` (kept in memory, mounted under /v1 behind the real plugins) are walked
// once written correctly and once with a leak of each kind. Runs on one database: the made-up routes
// store nothing there; the walk over the real routes is isolation.test.ts.
import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import type { FastifyPluginAsync } from 'fastify'
import { actorOf } from '../../src/http/plugins/auth.js'
import { newId } from '../../src/domain/ids.js'
import { NotFoundError } from '../../src/domain/errors.js'
import { TEST_DATABASES } from '../support/databases.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { IsolationWalk } from './support/isolation-walk.js'
import { closeRawClient } from './support/raw-client.js'
import { WALK_SERVER_ENV } from './support/records.js'

type Leak = 'none' | 'nested-read' | 'filter' | 'list' | 'no-way-to-make'

interface Row {
  workspaceId: string
  id: string
  boxId?: string
  label: string
}

const id = { type: 'string', pattern: '^[A-Za-z0-9]{1,32}$' }
const error = { $ref: 'ErrorBody#' }
const errors = { 401: error, 404: error, 422: error }
const page = { type: 'object', properties: { data: { type: 'array' }, pagination: { type: 'object' } } }

/** Boxes, widgets in boxes, and a widget list filterable by box, written with the given leak. */
function madeUpResources(leak: Leak): FastifyPluginAsync {
  return async (app) => {
    const boxes = new Map<string, Row>()
    const widgets = new Map<string, Row>()
    const ws = (request: Parameters<typeof actorOf>[0]) => actorOf(request).workspaceId
    const findBox = (workspaceId: string, boxId: string) => {
      const box = boxes.get(boxId)
      if (!box || box.workspaceId !== workspaceId) throw new NotFoundError('box', boxId)
      return box
    }
    const findWidget = (workspaceId: string, boxId: string, widgetId: string) => {
      const widget = widgets.get(widgetId)
      // The leak a nested route invites: finding the child by id alone.
      if (leak === 'nested-read' && widget) return widget
      if (!widget || widget.workspaceId !== workspaceId || widget.boxId !== boxId)
        throw new NotFoundError('widget', widgetId)
      return widget
    }
    const out = (row: Row) => ({ id: row.id, label: row.label, box_id: row.boxId ?? null })
    const body = {
      type: 'object',
      required: ['label'],
      properties: { label: { type: 'string', minLength: 1 } },
      examples: [{ label: 'A label' }],
    }
    const schema = (extra: object) => ({ tags: ['Made up'], summary: 'made up', ...extra })

    if (leak !== 'no-way-to-make') {
      app.post(
        '/boxes',
        { schema: schema({ body, response: { 201: { type: 'object', additionalProperties: true }, ...errors } }) },
        async (request, reply) => {
          const row = { workspaceId: ws(request), id: newId(), label: (request.body as { label: string }).label }
          boxes.set(row.id, row)
          return reply.code(201).send(out(row))
        },
      )
    }
    app.get(
      '/boxes/:box_id',
      {
        schema: schema({
          params: { type: 'object', properties: { box_id: id } },
          response: { 200: { type: 'object', additionalProperties: true }, ...errors },
        }),
      },
      async (request) => out(findBox(ws(request), (request.params as { box_id: string }).box_id)),
    )
    const nested = { type: 'object', properties: { box_id: id, id } }
    app.post(
      '/boxes/:box_id/widgets',
      {
        schema: schema({
          params: { type: 'object', properties: { box_id: id } },
          body,
          response: { 201: { type: 'object', additionalProperties: true }, ...errors },
        }),
      },
      async (request, reply) => {
        const box = findBox(ws(request), (request.params as { box_id: string }).box_id)
        const row = {
          workspaceId: box.workspaceId,
          id: newId(),
          boxId: box.id,
          label: (request.body as { label: string }).label,
        }
        widgets.set(row.id, row)
        return reply.code(201).send(out(row))
      },
    )
    app.get(
      '/boxes/:box_id/widgets/:id',
      {
        schema: schema({
          params: nested,
          response: { 200: { type: 'object', additionalProperties: true }, ...errors },
        }),
      },
      async (request) => {
        const { box_id, id: widgetId } = request.params as { box_id: string; id: string }
        return out(findWidget(ws(request), box_id, widgetId))
      },
    )
    app.delete(
      '/boxes/:box_id/widgets/:id',
      { schema: schema({ params: nested, response: { 204: { type: 'null' }, ...errors } }) },
      async (request, reply) => {
        const { box_id, id: widgetId } = request.params as { box_id: string; id: string }
        widgets.delete(findWidget(ws(request), box_id, widgetId).id)
        return reply.code(204).send()
      },
    )
    app.get(
      '/widgets',
      {
        schema: schema({
          querystring: { type: 'object', properties: { box_id: id } },
          response: { 200: page, ...errors },
        }),
      },
      async (request) => {
        const workspaceId = ws(request)
        const boxId = (request.query as { box_id?: string }).box_id
        const rows = [...widgets.values()].filter(
          (w) =>
            (leak === 'list' || (leak === 'filter' && boxId !== undefined) || w.workspaceId === workspaceId) &&
            (boxId === undefined || w.boxId === boxId),
        )
        return {
          data: rows.map(out),
          pagination: { end_cursor: rows.length, has_next_page: false, total_count: rows.length },
        }
      },
    )
  }
}

after(() => closeRawClient())

const database = TEST_DATABASES[0]
if (database) {
  describe(`${database.name}: the isolation walker on made-up resources`, () => {
    const servers: TestServer[] = []
    const walkOver = async (leak: Leak) => {
      const server = await startTestServer(database, { env: WALK_SERVER_ENV, extraV1Routes: madeUpResources(leak) })
      servers.push(server)
      return IsolationWalk.prepare(server)
    }
    after(async () => {
      for (const server of servers) await server.close()
    })

    it('walks nested ids, filters and lists of a resource it has never seen, and finds nothing wrong', async () => {
      // The real API is walked too; what the made-up routes add is measured against a walk of it alone.
      const baseline = await IsolationWalk.prepare(
        await (async () => {
          const server = await startTestServer(database, { env: WALK_SERVER_ENV })
          servers.push(server)
          return server
        })(),
      )
      const base = {
        ids: await baseline.probePathIds(),
        filters: await baseline.probeFilters(),
        lists: await baseline.probeLists(),
      }
      const walk = await walkOver('none')
      assert.deepEqual(walk.unreachable, [], walk.failures())
      const { operations, probes } = await walk.probePathIds()
      // boxes/{box_id}, boxes/{box_id}/widgets (POST), widgets/{id} (GET, DELETE)
      assert.equal(operations - base.ids.operations, 4)
      assert.equal(probes - base.ids.probes, 1 + 1 + 3 + 3)
      assert.ok((await walk.probeFilters()) - base.filters >= 1, 'the box_id filter is probed')
      const lists = await walk.probeLists()
      assert.deepEqual(
        { lists: lists.lists - base.lists.lists, reads: lists.reads - base.lists.reads },
        { lists: 1, reads: 2 },
      )
    })
    it('catches a nested route that finds the child by its id alone', async () => {
      const walk = await walkOver('nested-read')
      await assert.rejects(walk.probePathIds(), /GET \/v1\/boxes\/\w+\/widgets\/\w+ with A's key answered 200/)
    })
    it('catches a filter that ignores the workspace', async () => {
      const walk = await walkOver('filter')
      await assert.rejects(walk.probeFilters(), /GET \/v1\/widgets\?box_id=\w+ returned rows for an id of B/)
    })
    it("catches a list that shows other workspaces' rows", async () => {
      const walk = await walkOver('list')
      await assert.rejects(walk.probeLists(), /GET \/v1\/widgets shows ids of B/)
    })
    it('names a route whose records it has no way to make', async () => {
      const walk = await walkOver('no-way-to-make')
      assert.ok(walk.unreachable.includes('GET /v1/boxes/{box_id}'), walk.unreachable.join(', '))
      assert.match(walk.failures(), /cannot|GET \/v1\/boxes → 404|no record/)
    })
  })
}
