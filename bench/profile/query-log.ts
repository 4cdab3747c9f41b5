// Records every SQL statement this process sends, with its parameters and how long the database took,
// by wrapping the drivers themselves (better-sqlite3 statements, pg's Client.query), so the entries
// service runs unchanged. For the query tracer only; the benchmark never loads this.
import BetterSqlite3 from 'better-sqlite3'
import pg from 'pg'

export interface LoggedQuery {
  sql: string
  parameters: unknown[]
  ms: number
}

let log: LoggedQuery[] | null = null

/** Starts recording; returns what was recorded when the returned function is called. */
export function record(): () => LoggedQuery[] {
  const current: LoggedQuery[] = []
  log = current
  return () => {
    log = null
    return current
  }
}

let installed = false

export function installQueryLog(): void {
  if (installed) return
  installed = true
  const probe = new BetterSqlite3(':memory:')
  const statementProto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<
    string,
    (...args: unknown[]) => unknown
  >
  probe.close()
  for (const method of ['all', 'run', 'get'] as const) {
    const original = statementProto[method]!
    statementProto[method] = function (this: { source: string }, ...args: unknown[]) {
      const started = performance.now()
      const result = original.apply(this, args)
      log?.push({ sql: this.source, parameters: (args[0] as unknown[]) ?? [], ms: performance.now() - started })
      return result
    }
  }
  const clientProto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }
  const originalQuery = clientProto.query
  clientProto.query = function (this: unknown, ...args: unknown[]) {
    const started = performance.now()
    const result = originalQuery.apply(this, args)
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text
    const target = log
    if (target && text && result && typeof (result as Promise<unknown>).then === 'function') {
      void (result as Promise<unknown>).then(
        () => target.push({ sql: text, parameters: (args[1] as unknown[]) ?? [], ms: performance.now() - started }),
        () => {},
      )
    }
    return result
  }
}
