// `rapport keys create|list|revoke`: manage a workspace's API keys.
import { operator } from '../domain/actor.js'
import { MembersService } from '../domain/workspaces/members-service.js'
import { WorkspacesService, keyAccess } from '../domain/workspaces/workspaces-service.js'
import { toIso } from '../domain/time.js'
import { UsageError, chooseWorkspace, printTable, withDatabase } from './shared.js'

export const KEYS_HELP = `Usage: rapport keys <command> [options]

Commands:
  create [--name <name>] [--user <email>] [--scope read|read_write] [--lists <ids>]
                                            Make a key and print it once
  list                                      List keys (hint, name, scope, lists, created, revoked)
  revoke <key id>                           Revoke a key; it fails from the next request on

Options:
  --workspace <id>   The workspace (needed when there are several)
  --name <name>      A label for the key (create)
  --user <email>     The member the key acts as, e.g. the author of notes (create)
  --scope <scope>    read (GET only) or read_write (the default) (create)
  --lists <ids>      Comma-separated list ids: the only lists the key may touch; others answer 404,
                     and it cannot make lists (create; default: every list)`

export interface KeysOptions {
  workspace?: string | undefined
  name?: string | undefined
  user?: string | undefined
  scope?: string | undefined
  lists?: string | undefined
}

/** `--lists a,b` → ['a', 'b']; absent → null (every list). */
function listIdsOption(value: string | undefined): string[] | null {
  if (value === undefined) return null
  return value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '')
}

export async function keys(command: string | undefined, args: string[], options: KeysOptions): Promise<void> {
  await withDatabase(async ({ config, db }) => {
    const workspaces = new WorkspacesService(db, config.RAPPORT_KEY_PEPPER)
    const workspace = await chooseWorkspace(db, options.workspace)
    switch (command) {
      case 'create': {
        const userId = options.user
          ? (await new MembersService(db).requireByEmail(operator(workspace.id), options.user, 'user')).id
          : null
        const { key, record } = await workspaces.createKey(workspace.id, {
          name: options.name ?? 'CLI key',
          userId,
          ...(options.scope === undefined ? {} : { scope: options.scope }),
          listIds: listIdsOption(options.lists),
        })
        const access = keyAccess(record)
        const lists = access.listIds === null ? 'every list' : `lists ${access.listIds.join(', ')}`
        console.log(`Created key ${record.id} (${access.scope}, ${lists}) in workspace ${workspace.id}.`)
        console.log('Shown once; store it now:')
        console.log(key)
        return
      }
      case 'list': {
        const rows = await workspaces.listKeys(workspace.id)
        printTable(
          rows.map((r) => ({
            id: r.id,
            name: r.name,
            key: r.key_hint,
            user: r.user_id ?? '',
            scope: keyAccess(r).scope,
            lists: keyAccess(r).listIds?.join(',') ?? '(all)',
            created: toIso(r.created_at),
            revoked: r.revoked_at === null ? '' : toIso(r.revoked_at),
          })),
        )
        return
      }
      case 'revoke': {
        const id = args[0]
        if (!id) throw new UsageError('keys revoke needs a key id (see `rapport keys list`)')
        await workspaces.revokeKey(workspace.id, id)
        console.log(`Revoked key ${id}.`)
        return
      }
      default:
        throw new UsageError(`Unknown keys command ${JSON.stringify(command ?? '')}\n\n${KEYS_HELP}`)
    }
  })
}
