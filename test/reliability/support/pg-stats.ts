// What the shared test PostgreSQL counted for one database: deadlocks it had to break. A backend reports
// its counts when it exits, so the reading waits until the database has no sessions left (the server
// processes using it stopped or were killed).
import pg from 'pg'
import { POSTGRES_ADMIN_URL } from '../../support/databases.js'

/** Runs one query on a new admin connection to the test PostgreSQL. */
export async function adminQuery<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
  await admin.connect()
  try {
    return (await admin.query<T>(text, values)).rows
  } finally {
    await admin.end()
  }
}

/** Deadlocks PostgreSQL detected in the database `databaseUrl` names, once its sessions have ended. */
export async function deadlocksOf(databaseUrl: string): Promise<number> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1))
  for (let i = 0; i < 100; i++) {
    const [row] = await adminQuery<{ n: string }>('select count(*) as n from pg_stat_activity where datname = $1', [
      name,
    ])
    if (Number(row!.n) === 0) break
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const [stats] = await adminQuery<{ deadlocks: string }>('select deadlocks from pg_stat_database where datname = $1', [
    name,
  ])
  return Number(stats?.deadlocks ?? 0)
}
