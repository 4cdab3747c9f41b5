// `--list <id or name>`: the list a transfer command works on, by its id or by its exact name.
import type { Db } from '../db/dialect.js'
import { findList } from '../db/queries/lists.js'
import { findListsByName } from '../db/queries/records.js'
import { UsageError } from './shared.js'

/** The id of the list named by `idOrName` in the workspace; a usage error when none or several match. */
export async function resolveList(db: Db, workspaceId: string, idOrName: string | undefined): Promise<string> {
  if (idOrName === undefined || idOrName.trim() === '') throw new UsageError('--list <id or name> is required')
  const byId = await findList(db.kysely, workspaceId, idOrName)
  if (byId) return byId.id
  const named = await findListsByName(db.kysely, workspaceId, idOrName.trim())
  if (named.length === 1) return named[0]!.id
  if (named.length === 0) throw new UsageError(`No list or process has the id or name ${JSON.stringify(idOrName)}`)
  throw new UsageError(`${named.length} lists are named ${JSON.stringify(idOrName)}: give the id instead`)
}
