// Waits until the server under test is idle again. A closed-loop load generator stops sending at its
// deadline, but the server (and PostgreSQL) still finish the requests already accepted; on SQLite,
// whose one connection serves requests in turn, ten slow requests can keep it busy for many seconds.
// Measuring the next scenario before that backlog drains would charge it with the previous one's work.
// Only the server process and its own PostgreSQL backends are watched, not the whole machine, so other
// work on a shared machine does not hold the run up.
import { readFileSync, readdirSync } from 'node:fs'

/** CPU share of one core below which a process group counts as idle. */
const IDLE_BELOW = 0.1
const WINDOW_MS = 200
/** Linux reports process CPU time in clock ticks of 1/100 s on every common configuration. */
const TICKS_PER_S = 100

export interface Watched {
  /** The server process. */
  pid: number
  /** PostgreSQL database the server uses: its backend processes are watched too. */
  postgresDatabase?: string
}

function cpuTicks(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces) start at ')'; utime and stime are 14 and 15.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[11]) + Number(fields[12])
  } catch {
    return 0
  }
}

function backendsOf(database: string): number[] {
  const pids: number[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      // A backend's title is `postgres: <user> <database> <client> <state>`.
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(` ${database} `)) pids.push(Number(name))
    } catch {
      // The process ended meanwhile.
    }
  }
  return pids
}

function groupTicks(watched: Watched): number {
  const pids = [watched.pid, ...(watched.postgresDatabase ? backendsOf(watched.postgresDatabase) : [])]
  return pids.reduce((sum, pid) => sum + cpuTicks(pid), 0)
}

/** Resolves once the watched processes stay idle for two windows in a row, or after `maxMs`; returns ms waited. */
export async function waitForIdle(watched: Watched, maxMs = 120_000): Promise<number> {
  const started = Date.now()
  let quietWindows = 0
  let before = groupTicks(watched)
  while (Date.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS))
    const now = groupTicks(watched)
    const share = (now - before) / TICKS_PER_S / (WINDOW_MS / 1000)
    before = now
    quietWindows = share < IDLE_BELOW ? quietWindows + 1 : 0
    if (quietWindows >= 2) break
  }
  return Date.now() - started
}
