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
      // The banner (key and setup link) comes once the port is known, just after the listening line.
      while (!(/listening at (http:\/\/[\d.:]+)/.test(out) && /\/setup#\S+/.test(out)) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50))
      const base = /listening at (http:\/\/[\d.:]+)/.exec(out)?.[1]
      const key = /(rpk_[A-Za-z0-9]{40})/.exec(out)?.[1]
      assert.ok(base, out)
      assert.ok(key, 'the first start prints a key')
      // And a one-time setup link on the port it listens on, which the web app's setup page can use once.
      const link = /(http:\/\/\S+)\/setup#([A-Za-z0-9_-]{43})/.exec(out)
      assert.ok(link, `the first start prints a setup link: ${out}`)
      assert.equal(new URL(link[1]!).port, new URL(base).port)
      const lookup = await fetch(`${base}/v1/setup/lookup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: link[2] }),
      })
      assert.deepEqual(await lookup.json(), { purpose: 'setup', email: null })
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
      assert.doesNotMatch(out, /\/setup#/, 'the setup link is printed on the first start only')
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
    it('prints invitation and password reset links that work once on the web app setup page', async () => {
      const linkIn = (stdout: string) => {
        const match = /(\S+)\/setup#([A-Za-z0-9_-]{43})/.exec(stdout)
        assert.ok(match, stdout)
        return { base: match[1]!, token: match[2]! }
      }
      const invite = rapport(env, 'users', 'invite', '--email', 'chani@fremen.dune')
      assert.equal(invite.code, 0, invite.stderr)
      assert.equal(linkIn(invite.stdout).base, 'http://127.0.0.1:3000', 'http://HOST:PORT by default')
      const reset = rapport(
        { ...env, RAPPORT_PUBLIC_URL: 'https://crm.example.com/' },
        'users',
        'reset-password',
        '--email',
        'PAUL@atreid.es',
      )
      assert.equal(reset.code, 0, reset.stderr)
      assert.equal(linkIn(reset.stdout).base, 'https://crm.example.com', 'RAPPORT_PUBLIC_URL when set')
      const unknown = rapport(env, 'users', 'reset-password', '--email', 'nobody@example.com')
      assert.equal(unknown.code, 1)
      assert.match(unknown.stderr, /not found/)
      assert.equal(rapport(env, 'users', 'invite', '--email', 'not an email').code, 1)
      assert.equal(rapport(env, 'users', 'invite').code, 2, 'invite needs --email')

      const child = spawn(process.execPath, [BIN, 'serve'], {
        env: { ...process.env, ...env, DATABASE_URL: env.DATABASE_URL ?? '', PORT: '0', LOG_LEVEL: 'info' },
      })
      try {
        let out = ''
        child.stdout.on('data', (chunk) => (out += chunk))
        const deadline = Date.now() + 20_000
        while (!/listening at (http:\/\/[\d.:]+)/.test(out) && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 50))
        const base = /listening at (http:\/\/[\d.:]+)/.exec(out)![1]!
        const post = async (path: string, body: unknown) => {
          const res = await fetch(base + path, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          })
          return { status: res.status, body: await res.json(), cookie: res.headers.get('set-cookie') }
        }
        const password = 'a long enough password'
        const chani = linkIn(invite.stdout).token
        assert.deepEqual((await post('/v1/setup/lookup', { token: chani })).body, {
          purpose: 'invite',
          email: 'chani@fremen.dune',
        })
        const joined = await post('/v1/setup', { token: chani, name: 'Chani', email: 'chani@fremen.dune', password })
        assert.equal(joined.status, 201, JSON.stringify(joined.body))
        assert.match(joined.cookie ?? '', /^rapport_session=/)
        assert.equal((await post('/v1/setup/lookup', { token: chani })).status, 410, 'used once')
        assert.equal((await post('/v1/sessions', { email: 'chani@fremen.dune', password })).status, 201)

        const paul = linkIn(reset.stdout).token
        assert.deepEqual((await post('/v1/setup/lookup', { token: paul })).body, {
          purpose: 'reset',
          email: 'paul@atreid.es',
        })
        const reset1 = await post('/v1/setup', { token: paul, name: 'Paul', email: 'paul@atreid.es', password })
        assert.equal(reset1.status, 201, JSON.stringify(reset1.body))
        assert.equal((await post('/v1/sessions', { email: 'paul@atreid.es', password })).status, 201)

        // A member with a password is not invited again; a reset link replaces the password.
        const again = rapport(env, 'users', 'invite', '--email', 'chani@fremen.dune')
        assert.equal(again.code, 1)
        assert.match(again.stderr, /reset/)
        const newPassword = 'another long password'
        const chaniReset = linkIn(rapport(env, 'users', 'reset-password', '--email', 'chani@fremen.dune').stdout)
        const done = await post('/v1/setup', {
          token: chaniReset.token,
          name: 'Chani Kynes',
          email: 'chani@fremen.dune',
          password: newPassword,
        })
        assert.equal(done.status, 201)
        assert.equal((await post('/v1/sessions', { email: 'chani@fremen.dune', password })).status, 401)
        assert.equal((await post('/v1/sessions', { email: 'chani@fremen.dune', password: newPassword })).status, 201)
      } finally {
        child.kill('SIGTERM')
        await once(child, 'exit')
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
