// The real `rapport` bin (built JavaScript), spawned against a fresh database of each kind. A served
// process is waited on by what it prints (each chunk of its output is an event), never by sleeping.
import assert from 'node:assert/strict'
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process'
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

/** Generous: reached only when the process never prints what is awaited. */
const WAIT_MS = 30_000

interface Served {
  child: ChildProcessWithoutNullStreams
  /** Everything printed so far on each stream. */
  stdout(): string
  stderr(): string
  /** Resolves once the output (stdout, or `stream`) matches `pattern`; rejects if the process exits first. */
  waitFor(pattern: RegExp, stream?: 'stdout' | 'stderr'): Promise<RegExpExecArray>
}

/** Spawns `rapport serve` with `env` on a free port; resolves once it says where it listens. */
async function serve(env: Record<string, string>): Promise<Served & { base: string }> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...process.env, ...env, DATABASE_URL: env.DATABASE_URL ?? '', PORT: '0' },
  })
  const text = { stdout: '', stderr: '' }
  child.stdout.on('data', (chunk) => (text.stdout += chunk))
  child.stderr.on('data', (chunk) => (text.stderr += chunk))
  const waitFor = (pattern: RegExp, stream: 'stdout' | 'stderr' = 'stdout') =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const found = pattern.exec(text[stream])
        if (!found) return
        done()
        resolve(found)
      }
      const exited = () => {
        done()
        reject(new Error(`rapport serve exited before printing ${pattern}:\n${text.stdout}\n${text.stderr}`))
      }
      const timer = setTimeout(() => {
        done()
        reject(new Error(`rapport serve did not print ${pattern} in ${WAIT_MS} ms:\n${text.stdout}\n${text.stderr}`))
      }, WAIT_MS)
      const done = () => {
        clearTimeout(timer)
        child[stream].off('data', check)
        child.off('exit', exited)
      }
      child[stream].on('data', check)
      child.once('exit', exited)
      check()
    })
  const served = { child, stdout: () => text.stdout, stderr: () => text.stderr, waitFor }
  const base = (await waitFor(/listening at (http:\/\/[\d.:]+)/))[1]!
  return { ...served, base }
}

/** The line after the one matching `header` in `text`, trimmed: where the CLI prints a key. */
function lineAfter(text: string, header: RegExp): string | undefined {
  const lines = text.split('\n')
  const at = lines.findIndex((line) => header.test(line))
  return at === -1 ? undefined : lines[at + 1]?.trim()
}

const KEY = /^rpk_[A-Za-z0-9]{40}$/

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
    it('serves on first start with the key printed in its banner on stdout, working, and drains on SIGTERM', async () => {
      const served = await serve({ ...env, LOG_LEVEL: 'info' })
      const { base } = served
      // The banner: the key alone on the line after its header, on stdout.
      const key = lineAfter(served.stdout(), /API key \(shown once; store it now\):$/)
      assert.match(key ?? '', KEY, `the banner prints a key on the line after its header:\n${served.stdout()}`)
      assert.equal((await fetch(`${base}/healthz`)).status, 200)
      assert.equal((await fetch(`${base}/docs/`)).status, 200)
      assert.equal((await fetch(`${base}/v1/users`, { headers: { authorization: `Bearer ${key}` } })).status, 200)
      assert.equal((await fetch(`${base}/v1/users`)).status, 401)
      served.child.kill('SIGTERM')
      const [code] = await once(served.child, 'exit')
      assert.equal(code, 0)
      assert.match(served.stdout(), /shutting down/)
      assert.equal(served.stdout().split(key!).length - 1, 1, 'the key is printed once, in the banner')
      const logLines = served
        .stdout()
        .split('\n')
        .filter((line) => line.startsWith('{'))
      assert.ok(logLines.length > 0, 'the server logged')
      assert.ok(!logLines.some((line) => line.includes('rpk_')), 'no log line holds a key')
      assert.ok(!served.stderr().includes('rpk_'), 'nothing on stderr holds a key')
    })
    it('prints no key on the second start, on either stream', async () => {
      const served = await serve({ ...env, LOG_LEVEL: 'info' })
      served.child.kill('SIGTERM')
      await once(served.child, 'exit')
      assert.doesNotMatch(served.stdout(), /rpk_/)
      assert.doesNotMatch(served.stderr(), /rpk_/)
    })
    it('on SIGTERM finishes a request already in flight, then closes the database and exits 0', async () => {
      const seed = 'drain-test-key-0123456789-abcdefgh'
      // At debug level the server logs each request as it arrives: the signal is sent once it has.
      const served = await serve({ ...env, LOG_LEVEL: 'debug', RAPPORT_API_KEY: seed })
      const base = new URL(served.base)
      const body = JSON.stringify({ name: 'Drained', email: 'drained@example.com' })
      const req = httpRequest({
        host: base.hostname,
        port: base.port,
        path: '/v1/users',
        method: 'POST',
        headers: {
          authorization: `Bearer ${seed}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      })
      const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
        req.on('response', (res) => {
          let text = ''
          res.on('data', (c) => (text += c))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
        })
        req.on('error', reject)
      })
      // Half the body; once the server has the request, SIGTERM; once it is shutting down, the rest.
      req.write(body.slice(0, 10))
      await served.waitFor(/"method":"POST","path":"\/v1\/users","msg":"request received"/)
      served.child.kill('SIGTERM')
      await served.waitFor(/shutting down/)
      req.end(body.slice(10))
      const res = await answered
      assert.equal(res.status, 201, res.text)
      const [code] = await once(served.child, 'exit')
      assert.equal(code, 0)
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
      // The key alone on the line after "store it now:", on stdout, and its hint in the list.
      const key = lineAfter(created.stdout, /Shown once; store it now:$/)
      assert.match(key ?? '', KEY, created.stdout)
      assert.doesNotMatch(created.stderr, /rpk_/)
      const listed = rapport(env, 'keys', 'list')
      // The hint is the prefix and the last four characters: `rpk_…abcd`.
      const hint = new RegExp(`${id}\\s+ci\\s+rpk_…(\\w{4})\\s`).exec(listed.stdout)?.[1]
      assert.ok(hint && key!.endsWith(hint), `the list's hint ends ${hint}, as the key printed does: ${key}`)
      assert.ok(!listed.stdout.includes(key!), 'the list never shows the key itself')
      assert.equal(rapport(env, 'keys', 'revoke', id!).code, 0)
      assert.match(
        rapport(env, 'keys', 'list').stdout,
        new RegExp(`${id}.*\\d{4}-\\d{2}-\\d{2}T.*\\d{4}-\\d{2}-\\d{2}T`),
      )
      assert.equal(rapport(env, 'keys', 'revoke', id!).code, 1, 'a revoked key cannot be revoked again')
    })
    it('creates workspaces, and then needs --workspace', () => {
      const res = rapport(env, 'workspaces', 'create', '--name', 'Second')
      assert.equal(res.code, 0, res.stderr)
      const wsId = /\((\w+)\)/.exec(res.stdout)?.[1]
      assert.match(lineAfter(res.stdout, /Its first API key, shown once:$/) ?? '', KEY, res.stdout)
      assert.match(rapport(env, 'workspaces', 'list').stdout, /Second/)
      const ambiguous = rapport(env, 'users', 'list')
      assert.equal(ambiguous.code, 2)
      assert.match(ambiguous.stderr, /--workspace/)
      assert.equal(rapport(env, 'users', 'list', '--workspace', wsId!).code, 0)
    })
  })
}
