// The web app (built by Vite into web/dist) served at `/`: hashed files under `/assets/` with a year of
// cache (their names change when their content does), `index.html` never cached, and `index.html` again
// for any other page a browser asks for (`/lists/abc`, `/contacts`), since the app routes on the client.
// `/v1`, `/docs`, `/openapi.json` and `/healthz` keep their meaning: their unknown paths still answer
// the JSON 404, and so does a path asked for by anything that does not want HTML (curl, scripts).
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'

/** Where `npm run build` puts the app: web/dist beside src/ (and dist/, the compiled server). */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../../web/dist', import.meta.url))

/** A year: the longest cache browsers honour; a hashed asset never changes under its name. */
const ASSET_MAX_AGE_S = 31_536_000

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
}

/** Paths that belong to the server, never to the app. */
const SERVER_PATHS = /^\/(v1|docs|assets)(\/|$)|^\/(openapi\.json|healthz)$/

interface Asset {
  path: string
  size: number
  type: string
}

/**
 * The built app, read once per server: its page, and its assets by name. A name not in the map is a 404,
 * so a request can never reach a file outside the folder (no `..`, no encoded slash to get wrong).
 */
export interface WebApp {
  indexHtml: Buffer
  assets: ReadonlyMap<string, Asset>
}

/** The app in `dir`, or null when it has not been built (the API still works without it). */
export function loadWebApp(dir: string = DEFAULT_WEB_DIR): WebApp | null {
  const index = join(dir, 'index.html')
  if (!existsSync(index)) return null
  const assets = new Map<string, Asset>()
  const assetsDir = join(dir, 'assets')
  for (const name of existsSync(assetsDir) ? readdirSync(assetsDir) : []) {
    const path = join(assetsDir, name)
    const type = CONTENT_TYPES[extname(name)]
    const stat = statSync(path)
    if (type !== undefined && stat.isFile()) assets.set(name, { path, size: stat.size, type })
  }
  return { indexHtml: readFileSync(index), assets }
}

function sendPage(app: WebApp, reply: FastifyReply): FastifyReply {
  return reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(app.indexHtml)
}

/**
 * For the root 404 handler: answers the app's page when a browser navigates to a client route (a GET or
 * HEAD that accepts HTML, outside the server's own paths). Returns whether it answered.
 */
export function servePage(app: WebApp | null, request: FastifyRequest, reply: FastifyReply): boolean {
  if (app === null || (request.method !== 'GET' && request.method !== 'HEAD')) return false
  const path = request.url.split('?')[0] ?? ''
  if (SERVER_PATHS.test(path)) return false
  if (!String(request.headers.accept ?? '').includes('text/html')) return false
  sendPage(app, reply)
  return true
}

export default fp<{ web: WebApp }>(
  async (app, { web }) => {
    app.get('/', { schema: { hide: true } }, async (_request, reply) => sendPage(web, reply))
    app.get<{ Params: { file: string } }>('/assets/:file', { schema: { hide: true } }, async (request, reply) => {
      const asset = web.assets.get(request.params.file)
      if (asset === undefined) return reply.callNotFound()
      return reply
        .type(asset.type)
        .header('cache-control', `public, max-age=${ASSET_MAX_AGE_S}, immutable`)
        .header('content-length', asset.size)
        .send(createReadStream(asset.path))
    })
  },
  { name: 'web' },
)
