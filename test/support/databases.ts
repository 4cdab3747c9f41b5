// The databases every database-backed test runs on, in one place. RAPPORT_TEST_DBS=sqlite,postgres
// chooses; without it, DATABASE_URL set means PostgreSQL only, and unset means both. Under CI=true an
// unreachable PostgreSQL fails the run; elsewhere it is skipped with a warning.
import pg from 'pg'
import type { DatabaseName } from '../../src/db/dialect.js'

export interface TestDatabase {
  name: DatabaseName
}

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test'

/** The PostgreSQL server tests create their throw-away databases on. */
export const POSTGRES_ADMIN_URL = process.env.DATABASE_URL || DEFAULT_POSTGRES_URL

function chosenNames(): DatabaseName[] {
  const listed = process.env.RAPPORT_TEST_DBS
  if (listed) {
    const names = listed
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    for (const name of names)
      if (name !== 'sqlite' && name !== 'postgres') throw new Error(`RAPPORT_TEST_DBS: unknown database ${name}`)
    return names as DatabaseName[]
  }
  return process.env.DATABASE_URL ? ['postgres'] : ['sqlite', 'postgres']
}

/** Attempts, and the time each may take: a test file's modules load while the first attempt waits, and on a
 * busy machine that alone blocked the event loop past a single 3 s attempt (a reachable server reported down). */
const REACHABLE_ATTEMPTS = 3
const REACHABLE_TIMEOUT_MS = 5000

async function postgresReachable(): Promise<boolean> {
  for (let attempt = 1; attempt <= REACHABLE_ATTEMPTS; attempt++) {
    const client = new pg.Client({
      connectionString: POSTGRES_ADMIN_URL,
      connectionTimeoutMillis: REACHABLE_TIMEOUT_MS,
    })
    try {
      await client.connect()
      await client.query('select 1')
      return true
    } catch {
      // tried again below
    } finally {
      await client.end().catch(() => {})
    }
  }
  return false
}

async function resolveDatabases(): Promise<TestDatabase[]> {
  const names = chosenNames()
  if (names.includes('postgres') && !(await postgresReachable())) {
    const hint = `PostgreSQL is unreachable at ${POSTGRES_ADMIN_URL}: is PostgreSQL running at 127.0.0.1:5432?`
    if (process.env.CI === 'true' || process.env.RAPPORT_TEST_DBS?.includes('postgres') || process.env.DATABASE_URL)
      throw new Error(hint)
    console.warn(`warning: ${hint} Skipping the PostgreSQL runs.`)
    return names.filter((n) => n !== 'postgres').map((name) => ({ name }))
  }
  return names.map((name) => ({ name }))
}

export const TEST_DATABASES: readonly TestDatabase[] = await resolveDatabases()

/** A per-database expectation; adding a database breaks compilation until every one is given. */
export function byDatabase<T>(database: TestDatabase, values: Record<DatabaseName, T>): T {
  return values[database.name]
}
