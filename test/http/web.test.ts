// The web app as the server serves it (src/http/plugins/web.ts): the page at / and at every client route
// a browser navigates to, hashed assets with a year of cache, the page never cached, and the server's own
// paths (/v1, /docs, /openapi.json, /healthz) unchanged, their unknown paths still the JSON 404.
import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { after, before, describe, it } from 'node:test'
import { PAGE_POLICY } from '../../src/http/plugins/security-headers.js'
import { DEFAULT_WEB_DIR } from '../../src/http/plugins/web.js'
import { TEST_DATABASES } from '../support/databases.js'
import { startTestServer, type TestServer } from '../support/server.js'

/** The budget for the first page's scripts, gzipped. */
const FIRST_PAGE_JS_BUDGET = 250 * 1024

const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }

for (const database of TEST_DATABASES) {
  describe(`${database.name}: web app serving`, () => {
    let server: TestServer
    before(async () => {
      server = await startTestServer(database)
    })
    after(() => server?.close())

    it('serves the page at / and at client routes, never cached, with the page CSP', async () => {
      for (const path of ['/', '/lists/abc123', '/contacts?q=x', '/settings/keys']) {
        const res = await fetch(server.url + path, { headers: HTML })
        assert.equal(res.status, 200, path)
        assert.match(res.headers.get('content-type') ?? '', /^text\/html/)
        assert.equal(res.headers.get('cache-control'), 'no-cache')
        assert.equal(res.headers.get('content-security-policy'), PAGE_POLICY)
        const html = await res.text()
        assert.match(html, /<div id="root"><\/div>/)
        assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script: the CSP forbids it')
      }
    })

    it('serves hashed assets with a year of cache, and 404s the unknown ones as JSON', async () => {
      const names = readdirSync(join(DEFAULT_WEB_DIR, 'assets'))
      const script = names.find((name) => name.endsWith('.js'))
      assert.ok(script, 'the build wrote a script')
      const res = await fetch(`${server.url}/assets/${script}`)
      assert.equal(res.status, 200)
      assert.match(res.headers.get('content-type') ?? '', /^text\/javascript/)
      assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable')
      assert.ok((await res.text()).length > 1000)
      for (const path of ['/assets/nope-123.js', '/assets/..%2Fpackage.json', '/assets/%2e%2e%2findex.html']) {
        const missing = await fetch(server.url + path, { headers: HTML })
        assert.equal(missing.status, 404, path)
        assert.equal(((await missing.json()) as any).code, 'not_found')
      }
    })

    it('loads the first page with less than 250 KB of gzipped JavaScript', async () => {
      const html = await (await fetch(server.url, { headers: HTML })).text()
      const scripts = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!)
      assert.ok(scripts.length > 0)
      let gzipped = 0
      for (const path of scripts)
        gzipped += gzipSync(Buffer.from(await (await fetch(server.url + path)).arrayBuffer())).length
      assert.ok(gzipped < FIRST_PAGE_JS_BUDGET, `${gzipped} bytes of gzipped JavaScript`)
    })

    it('keeps the server paths: /v1 needs a key, unknown /v1 and non-HTML paths are the JSON 404', async () => {
      const v1 = await fetch(`${server.url}/v1/nothing-here`, { headers: HTML })
      assert.equal(v1.status, 401)
      const keyed = await fetch(`${server.url}/v1/nothing-here`, {
        headers: { ...HTML, authorization: `Bearer ${server.workspace.key}` },
      })
      assert.equal(keyed.status, 404)
      assert.equal(((await keyed.json()) as any).code, 'not_found')
      const health = await fetch(`${server.url}/healthz`, { headers: HTML })
      assert.equal(((await health.json()) as any).status, 'ok')
      const openapi = await fetch(`${server.url}/openapi.json`, { headers: HTML })
      assert.equal(((await openapi.json()) as any).openapi, '3.1.0')
      const docs = await fetch(`${server.url}/docs/nothing`, { headers: HTML })
      assert.equal(docs.status, 404)
      const script = await fetch(`${server.url}/lists/abc123`)
      assert.equal(script.status, 404, 'a client that does not ask for HTML gets the API 404')
      const post = await fetch(`${server.url}/lists/abc123`, { method: 'POST', headers: HTML })
      assert.equal(post.status, 404)
    })
  })
}
