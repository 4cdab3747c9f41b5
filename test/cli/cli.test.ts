// The real `rapport` bin (built JavaScript), spawned against a fresh database of each kind.
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { request as httpRequest } from 'node:http'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { TEST_DATABASES } from '../support/databases.js'
import { createTestDatabase } from '../support/server.js'

const BIN = fileURLToPath(new URL('../../bin/rapport.js', import.meta.url))

function rapport(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env, DATABASE_URL: env.DATABASE_URL ?? '' },
    encoding: 'utf8',
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** `rapport serve` on port 0 with `extra` environment; resolves once it listens. */
async function serve(env: Record<string, string>, extra: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...process.env, ...env, DATABASE_URL: env.DATABASE_URL ?? '', PORT: '0', LOG_LEVEL: 'info', ...extra },
  })
  let out = ''
  child.stdout.on('data', (chunk) => (out += chunk))
  child.stderr.on('data', (chunk) => (out += chunk))
  const deadline = Date.now() + 20_000
  while (!/listening at (http:\/\/[\d.:]+)/.test(out) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50))
  const base = /listening at (http:\/\/[\d.:]+)/.exec(out)?.[1]
  assert.ok(base, out)
  return {
    base,
    async stop() {
      child.kill('SIGTERM')
      await once(child, 'exit')
    },
  }
}

for (const database of TEST_DATABASES) {
  describe(`${database.name}: rapport CLI`, () => {
    let env: Record<string, string>
    let drop: () => Promise<void>
    before(async () => {
      const fresh = await createTestDatabase(database)
      env = { ...fresh.env, LOG_LEVEL: 'warn' }
      drop = fresh.drop
    })
    after(async () => drop?.())

    it('prints help for every command', () => {
      for (const command of ['serve', 'migrate', 'keys', 'users', 'workspaces']) {
        const res = rapport(env, command, '--help')
        assert.equal(res.code, 0, res.stderr)
        assert.match(res.stdout, new RegExp(`Usage: rapport ${command}`))
      }
      const top = rapport(env, '--help')
      assert.equal(top.code, 0)
      assert.match(top.stdout, /serve.*\n.*migrate/s)
    })
    it('refuses an unknown command with exit code 2', () => {
      const res = rapport(env, 'frobnicate')
      assert.equal(res.code, 2)
      assert.match(res.stderr, /Unknown command/)
    })
    it('migrates an empty database, then has nothing left to do', () => {
      const first = rapport(env, 'migrate')
      assert.equal(first.code, 0, first.stderr)
      assert.match(first.stdout, /applied 0001-workspaces/)
      const again = rapport(env, 'migrate')
      assert.equal(again.code, 0)
      assert.doesNotMatch(again.stdout, /applied/)
    })
    it('serves on first start with a printed key that works, and drains on SIGTERM', async () => {
      const child = spawn(process.execPath, [BIN, 'serve'], {
        env: { ...process.env, ...env, DATABASE_URL: env.DATABASE_URL ?? '', PORT: '0', LOG_LEVEL: 'info' },
      })
      let out = ''
      child.stdout.on('data', (chunk) => (out += chunk))
      child.stderr.on('data', (chunk) => (out += chunk))
      const deadline = Date.now() + 20_000
      while (!/listening at (http:\/\/[\d.:]+)/.test(out) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50))
      const base = /listening at (http:\/\/[\d.:]+)/.exec(out)?.[1]
      const key = /(rpk_[A-Za-z0-9]{40})/.exec(out)?.[1]
      assert.ok(base, out)
      assert.ok(key, 'the first start prints a key')
      assert.equal((await fetch(`${base}/healthz`)).status, 200)
      assert.equal((await fetch(`${base}/docs/`)).status, 200)
      assert.equal((await fetch(`${base}/v1/users`, { headers: { authorization: `Bearer ${key}` } })).status, 200)
      assert.equal((await fetch(`${base}/v1/users`)).status, 401)
      child.kill('SIGTERM')
      const [code] = await once(child, 'exit')
      assert.equal(code, 0)
      assert.match(out, /shutting down/)
      assert.equal(out.split(key!).length - 1, 1, 'the key is printed once, in the banner, and never logged')
      this_key = key!
    })
    let this_key = ''
    it('prints no key on the second start', async () => {
      const child = spawn(process.execPath, [BIN, 'serve'], {
        env: { ...process.env, ...env, DATABASE_URL: env.DATABASE_URL ?? '', PORT: '0', LOG_LEVEL: 'info' },
      })
      let out = ''
      child.stdout.on('data', (chunk) => (out += chunk))
      const deadline = Date.now() + 20_000
      while (!/listening/.test(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
      child.kill('SIGTERM')
      await once(child, 'exit')
      assert.match(out, /listening/)
      assert.doesNotMatch(out, /rpk_/)
      assert.ok(this_key)
    })
    it('on SIGTERM finishes a request already in flight, then closes the database and exits 0', async () => {
      const seed = 'drain-test-key-0123456789-abcdefgh'
      const child = spawn(process.execPath, [BIN, 'serve'], {
        env: {
          ...process.env,
          ...env,
          DATABASE_URL: env.DATABASE_URL ?? '',
          PORT: '0',
          LOG_LEVEL: 'info',
          RAPPORT_API_KEY: seed,
        },
      })
      let out = ''
      child.stdout.on('data', (chunk) => (out += chunk))
      const deadline = Date.now() + 20_000
      while (!/listening at (http:\/\/[\d.:]+)/.test(out) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50))
      const base = new URL(/listening at (http:\/\/[\d.:]+)/.exec(out)![1]!)
      const body = JSON.stringify({ name: 'Drained', email: 'drained@example.com' })
      // Half the body now, SIGTERM, then the rest: the request is in flight when the signal arrives.
      const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = httpRequest(
          {
            host: base.hostname,
            port: base.port,
            path: '/v1/users',
            method: 'POST',
            headers: {
              authorization: `Bearer ${seed}`,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
          },
          (res) => {
            let text = ''
            res.on('data', (c) => (text += c))
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
          },
        )
        req.on('error', reject)
        req.write(body.slice(0, 10))
        setTimeout(() => {
          child.kill('SIGTERM')
          setTimeout(() => req.end(body.slice(10)), 300)
        }, 200)
      })
      const res = await answered
      assert.equal(res.status, 201, res.text)
      const [code] = await once(child, 'exit')
      assert.equal(code, 0)
      assert.match(out, /shutting down/)
      // The write was committed before the database closed.
      assert.match(rapport(env, 'users', 'list').stdout, /drained@example\.com/)
    })
    it('adds and lists members, creates, lists and revokes keys', () => {
      const add = rapport(env, 'users', 'add', '--name', 'Paul Atreides', '--email', 'paul@atreid.es')
      assert.equal(add.code, 0, add.stderr)
      assert.match(rapport(env, 'users', 'list').stdout, /paul@atreid\.es/)
      const dup = rapport(env, 'users', 'add', '--name', 'Again', '--email', 'PAUL@atreid.es')
      assert.equal(dup.code, 1)
      assert.match(dup.stderr, /has already been taken/)

      const created = rapport(env, 'keys', 'create', '--name', 'ci', '--user', 'paul@atreid.es')
      assert.equal(created.code, 0, created.stderr)
      const id = /Created key (\w+)/.exec(created.stdout)?.[1]
      assert.ok(id)
      const listed = rapport(env, 'keys', 'list')
      assert.match(listed.stdout, new RegExp(`${id}\\s+ci\\s+rpk_`))
      assert.equal(rapport(env, 'keys', 'revoke', id!).code, 0)
      assert.match(
        rapport(env, 'keys', 'list').stdout,
        new RegExp(`${id}.*\\d{4}-\\d{2}-\\d{2}T.*\\d{4}-\\d{2}-\\d{2}T`),
      )
      assert.equal(rapport(env, 'keys', 'revoke', id!).code, 1, 'a revoked key cannot be revoked again')
    })
    it('creates keys with a scope and a set of lists, which the server then holds them to', async () => {
      const seed = 'scope-test-key-0123456789-abcdefghij'
      const server = await serve(env, { RAPPORT_API_KEY: seed })
      try {
        const full = (method: string, path: string, body?: unknown) =>
          fetch(`${server.base}${path}`, {
            method,
            headers: { authorization: `Bearer ${seed}`, 'content-type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body),
          })
        const make = async (name: string) =>
          (
            (await (await full('POST', '/v1/lists', { name, process: false, entry_type: 'Contact' })).json()) as {
              id: string
            }
          ).id
        const [mine, other] = [await make('Mine'), await make('Not mine')]

        const created = rapport(env, 'keys', 'create', '--name', 'reader', '--scope', 'read', '--lists', mine)
        assert.equal(created.code, 0, created.stderr)
        assert.match(created.stdout, new RegExp(`\\(read, lists ${mine}\\)`))
        const key = /(rpk_[A-Za-z0-9]{40})/.exec(created.stdout)?.[1]
        assert.ok(key)
        assert.match(rapport(env, 'keys', 'list').stdout, new RegExp(`reader\\s+rpk_\\S+\\s+\\S*\\s*read\\s+${mine}`))
        const as = (method: string, path: string) =>
          fetch(`${server.base}${path}`, {
            method,
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body: method === 'GET' ? undefined : '{}',
          })
        const index = (await (await as('GET', '/v1/lists')).json()) as { data: Array<{ id: string }> }
        assert.deepEqual(
          index.data.map((l) => l.id),
          [mine],
        )
        assert.equal((await as('GET', `/v1/lists/${other}`)).status, 404)
        const refused = await as('PATCH', `/v1/lists/${mine}`)
        assert.equal(refused.status, 403)
        assert.equal(((await refused.json()) as { code: string }).code, 'insufficient_scope')

        const bad = rapport(env, 'keys', 'create', '--scope', 'admin')
        assert.equal(bad.code, 1)
        assert.match(bad.stderr, /scope is not included in the list \(read, read_write\)/)
        const unknown = rapport(env, 'keys', 'create', '--lists', `${mine},nosuchlist`)
        assert.equal(unknown.code, 1)
        assert.match(unknown.stderr, /are not lists of this workspace: nosuchlist/)
      } finally {
        await server.stop()
      }
    })
    it('creates workspaces, and then needs --workspace', () => {
      const res = rapport(env, 'workspaces', 'create', '--name', 'Second')
      assert.equal(res.code, 0, res.stderr)
      const wsId = /\((\w+)\)/.exec(res.stdout)?.[1]
      assert.match(res.stdout, /rpk_/)
      assert.match(rapport(env, 'workspaces', 'list').stdout, /Second/)
      const ambiguous = rapport(env, 'users', 'list')
      assert.equal(ambiguous.code, 2)
      assert.match(ambiguous.stderr, /--workspace/)
      assert.equal(rapport(env, 'users', 'list', '--workspace', wsId!).code, 0)
    })
  })
}
