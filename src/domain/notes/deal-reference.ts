// A note's `deal_id`: Relate's notes hang off organizations and may name a deal; in Rapport a deal is an
// entry of a process in the same workspace. Entries of regular lists are not deals.
import type { Executor } from '../../db/dialect.js'
import { findEntry } from '../../db/queries/entry-reads.js'
import { isProcessList } from '../../db/queries/notes.js'
import type { Problems } from '../errors.js'

/** Records a problem on `deal_id` unless `dealId` is a process entry of the workspace. */
export async function checkDeal(db: Executor, workspaceId: string, dealId: string, problems: Problems): Promise<void> {
  const entry = await findEntry(db, workspaceId, dealId)
  if (!entry) {
    problems.add('deal_id', 'unknown', `is not a deal (a process entry) of this workspace: ${JSON.stringify(dealId)}`)
  } else if (!(await isProcessList(db, workspaceId, entry.list_id))) {
    problems.add('deal_id', 'not_a_deal', 'is an entry of a regular list, not of a process')
  }
}
