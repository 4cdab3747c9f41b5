// Child process: the bare Fastify baseline. One route returning a fixed small JSON document through a
// response schema (as Rapport's routes do), no plugins, no logging: what this machine's Node and
// Fastify can do, against which every Rapport figure is reported as a ratio. Tells its parent the port
// over IPC; exits when the parent says 'stop' or goes away.
import Fastify from 'fastify'

const DOCUMENT = {
  id: 'QrhZvA8sYt',
  key: 'DEAL-1',
  status: 'Started',
  one_time_value_cents: 0,
  created_at: '2025-04-29T22:52:52.818Z',
}

const app = Fastify({ logger: false })
app.get(
  '/',
  {
    schema: {
      response: {
        200: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            key: { type: 'string' },
            status: { type: 'string' },
            one_time_value_cents: { type: 'integer' },
            created_at: { type: 'string' },
          },
        },
      },
    },
  },
  async () => DOCUMENT,
)
await app.listen({ port: 0, host: '127.0.0.1' })
const address = app.server.address()
if (address === null || typeof address === 'string') throw new Error('server has no TCP address')
const stop = () => void app.close().then(() => process.exit(0))
process.on('message', (message) => message === 'stop' && stop())
process.on('disconnect', stop)
process.send?.({ type: 'ready', port: address.port })
