// A PostgreSQL server of the test's own: a fresh cluster (initdb) in a temporary folder, on a free port,
// that the test may stop and start at will. The outage suite uses it so that taking PostgreSQL away
// cannot disturb the shared server at 127.0.0.1:5432, which other test files use at the same moment.
//
// The binaries come from PG_BIN, else the newest /usr/lib/postgresql/<version>/bin. PostgreSQL refuses
// to run as root, so under root every command runs as the `postgres` user (runuser).
import { execFile, execFileSync, spawnSync } from 'node:child_process'
import { promisify } from 'node:util'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

export interface PrivatePostgres {
  /** Connection string of the `postgres` database, as the `postgres` superuser (trust auth). */
  readonly adminUrl: string
  /** Connection string of a database on this server. */
  urlOf(database: string): string
  /**
   * Stops the server (`fast` ends sessions and checkpoints; `immediate` is a crash, recovery on start);
   * resolves once it is down. `pg_ctl` runs as a child process while the event loop goes on, so a load
   * in this process keeps sending requests during the shutdown.
   */
  stop(mode: 'fast' | 'immediate'): Promise<void>
  /** Starts it again and resolves once it accepts connections; the event loop goes on meanwhile. */
  start(): Promise<void>
  /** Whether the server runs. */
  running(): boolean
  /** Stops it (immediate) if it runs and removes its folder. Safe to call twice. */
  destroy(): void
  /** The server's log, for failure messages. */
  log(): string
}

function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : []
  versions.sort((a, b) => Number(b) - Number(a))
  if (versions.length === 0)
    throw new Error(
      'No PostgreSQL binaries (initdb, pg_ctl) found under /usr/lib/postgresql; set PG_BIN to their folder',
    )
  return join(root, versions[0]!, 'bin')
}

/** A TCP port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

/** Resolves once `url` takes a query; throws after `timeoutMs`. */
export async function waitForPostgres(url: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 })
    try {
      await probe.connect()
      await probe.query('select 1')
      return
    } catch (error) {
      if (Date.now() > until)
        throw new Error(`PostgreSQL at ${url} did not come back within ${timeoutMs} ms: ${String(error)}`)
    } finally {
      await probe.end().catch(() => {})
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Makes and starts a fresh cluster; resolves once it accepts connections. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir()
  const asRoot = process.getuid?.() === 0
  const run = (command: string, args: string[]) => {
    const full = join(bin, command)
    return asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', full, ...args], { stdio: 'pipe' })
      : execFileSync(full, args, { stdio: 'pipe' })
  }
  const dir = mkdtempSync(join(tmpdir(), 'rapport-pg-'))
  if (asRoot) {
    const { uid, gid } = userIds('postgres')
    chownSync(dir, uid, gid)
  }
  const data = join(dir, 'data')
  const logFile = join(dir, 'server.log')
  const port = await freePort()
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync', '--no-instructions'])
  // Sockets in the folder (not /var/run/postgresql), TCP on loopback only, and small: it serves one test.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=40 -c shared_buffers=16MB`
  const pgCtl = (...args: string[]) => run('pg_ctl', ['-D', data, '-l', logFile, '-o', options, ...args])
  /** pg_ctl as a child process the event loop does not wait on. */
  const pgCtlAsync = async (...args: string[]) => {
    const full = join(bin, 'pg_ctl')
    const all = ['-D', data, '-l', logFile, '-o', options, ...args]
    if (asRoot) await promisify(execFile)('runuser', ['-u', 'postgres', '--', full, ...all])
    else await promisify(execFile)(full, all)
  }
  const isRunning = () =>
    spawnSync(
      asRoot ? 'runuser' : join(bin, 'pg_ctl'),
      asRoot ? ['-u', 'postgres', '--', join(bin, 'pg_ctl'), '-D', data, 'status'] : ['-D', data, 'status'],
    ).status === 0
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`
  let destroyed = false
  const destroy = () => {
    if (destroyed) return
    destroyed = true
    if (isRunning())
      spawnSync(asRoot ? 'runuser' : join(bin, 'pg_ctl'), [
        ...(asRoot ? ['-u', 'postgres', '--', join(bin, 'pg_ctl')] : []),
        '-D',
        data,
        '-m',
        'immediate',
        '-w',
        'stop',
      ])
    rmSync(dir, { recursive: true, force: true })
  }
  // Whatever happens to the test, its server does not outlive the test process.
  process.once('exit', destroy)
  pgCtl('-w', 'start')
  await waitForPostgres(adminUrl)
  return {
    adminUrl,
    urlOf: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop: (mode) => pgCtlAsync('-m', mode, '-w', 'stop'),
    async start() {
      await pgCtlAsync('-w', 'start')
      await waitForPostgres(adminUrl)
    },
    running: isRunning,
    destroy,
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-4000) : ''),
  }
}

function userIds(name: string): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`))
  if (!line) throw new Error(`no user ${name} to run PostgreSQL as (it refuses root)`)
  const [, , uid, gid] = line.split(':')
  return { uid: Number(uid), gid: Number(gid) }
}
