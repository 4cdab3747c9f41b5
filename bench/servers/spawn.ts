// Starts a benchmark server as a child process of its own, so the load generator in this process never
// shares an event loop with it: bare Fastify (a small TypeScript script), or Rapport exactly as it
// ships (`bin/rapport.js serve`, the production entry point, from the compiled dist/). Resolves once
// the server answers.
import { fork, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ROOT } from './build.js'

export interface RunningServer {
  url: string
  pid: number
  stop(): Promise<void>
}

export interface SpawnOptions {
  /** Environment of the child on top of this process's. */
  env?: Record<string, string>
  /** Extra node flags, e.g. `--cpu-prof`. */
  nodeFlags?: string[]
  /** How long the child may take to answer. */
  timeoutMs?: number
}

const BARE_SCRIPT = fileURLToPath(new URL('./bare-server.ts', import.meta.url))
const RAPPORT_BIN = join(ROOT, 'bin', 'rapport.js')

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  )
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>, how: () => void): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  how()
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
  await exited
  clearTimeout(timer)
}

export async function spawnBare(options: SpawnOptions = {}): Promise<RunningServer> {
  const child = fork(BARE_SCRIPT, [], {
    execArgv: ['--import', 'tsx', ...(options.nodeFlags ?? [])],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const exited = exitOf(child)
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bare server did not start in time')), options.timeoutMs ?? 30_000)
    void exited.then((code) => reject(new Error(`bare server exited with code ${code} before listening`)))
    child.on('message', (message: { type?: string; port?: number }) => {
      if (message?.type !== 'ready') return
      clearTimeout(timer)
      resolve(message.port!)
    })
  })
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: () => stopChild(child, exited, () => child.send('stop')),
  }
}

export async function spawnRapport(options: SpawnOptions = {}): Promise<RunningServer> {
  const port = await freePort()
  const child = fork(RAPPORT_BIN, ['serve'], {
    execArgv: options.nodeFlags ?? [],
    env: { ...process.env, ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  const exited = exitOf(child)
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + (options.timeoutMs ?? 30_000)
  let early: number | null | undefined
  void exited.then((code) => (early = code))
  for (;;) {
    if (early !== undefined) throw new Error(`rapport serve exited with code ${early} before answering`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error('rapport serve did not answer in time')
    }
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) break
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  // SIGTERM: `rapport serve` drains, closes the database and exits 0 (so --cpu-prof writes its file).
  return { url, pid: child.pid!, stop: () => stopChild(child, exited, () => child.kill('SIGTERM')) }
}
