// The real server as a child process: `node bin/rapport.js serve` (the built `dist/`, run `npm run
// build` first), as a deployment runs it, so a test can SIGKILL it, restart it, or run several at once.
// The port is chosen by the system (PORT=0) and read from the "Server listening at" log line.
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const BIN = fileURLToPath(new URL('../../../bin/rapport.js', import.meta.url))
const DIST = fileURLToPath(new URL('../../../dist/cli/index.js', import.meta.url))
/** A start (migrations included) that takes longer than this has failed. */
const START_TIMEOUT_MS = 30_000
/** Lines of output kept for failure messages. */
const KEPT_LINES = 200
const LISTENING = /Server listening at (http:\/\/[0-9.]+:\d+)/

/** An API key every test server process is seeded with (RAPPORT_API_KEY). */
export const TEST_API_KEY = 'rpk_reliability_test_key_0123456789abcdef'

export interface ServerProcess {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string
  readonly child: ChildProcess
  /** The last lines the process wrote (stdout and stderr), for failure messages. */
  output(): string
  /** Log lines at level error or above (pino level >= 50) seen so far: 500s and crashes. */
  readonly errors: string[]
  /** Sends SIGKILL and resolves once the process is gone. */
  kill(): Promise<void>
  /** Sends SIGTERM (drain, close the database) and resolves with the exit code. */
  stop(): Promise<number | null>
}

/**
 * Starts `rapport serve` with `env` over the inherited environment (DATABASE_URL cleared unless given,
 * rate limiting off, the test key seeded); resolves once it listens.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  if (!existsSync(DIST)) throw new Error('dist/ is missing: run `npm run build` before the reliability tests')
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      RAPPORT_RATE_LIMIT: '0',
      RAPPORT_API_KEY: TEST_API_KEY,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const errors: string[] = []
  let url: string | undefined
  let pending = ''
  const onLine = (line: string) => {
    lines.push(line)
    if (lines.length > KEPT_LINES) lines.shift()
    url ??= LISTENING.exec(line)?.[1]
    const level = /^\{"level":(\d+)/.exec(line)?.[1]
    if ((level !== undefined && Number(level) >= 50) || /^(Error|TypeError|RangeError)\b|Uncaught/.test(line))
      errors.push(line)
  }
  const onData = (chunk: Buffer) => {
    pending += chunk.toString('utf8')
    const parts = pending.split('\n')
    pending = parts.pop()!
    for (const line of parts) onLine(line)
  }
  child.stdout!.on('data', onData)
  child.stderr!.on('data', onData)
  // once() rejects if the child emits 'error' (it could not be spawned); that shows as a failed start.
  const exited = once(child, 'exit').catch(() => undefined)

  const deadline = Date.now() + START_TIMEOUT_MS
  while (url === undefined) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`rapport serve exited during start (${child.exitCode ?? child.signalCode}):\n${lines.join('\n')}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`rapport serve did not listen within ${START_TIMEOUT_MS} ms:\n${lines.join('\n')}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  const gone = () => child.exitCode !== null || child.signalCode !== null
  return {
    url,
    child,
    errors,
    output: () => lines.join('\n'),
    async kill() {
      if (!gone()) {
        child.kill('SIGKILL')
        await exited
      }
    },
    async stop() {
      if (!gone()) {
        child.kill('SIGTERM')
        await exited
      }
      return child.exitCode
    },
  }
}
