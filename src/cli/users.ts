// `rapport users add|list`: manage the members of a workspace.
import { operator } from '../domain/actor.js'
import { MembersService } from '../domain/workspaces/members-service.js'
import { UsageError, chooseWorkspace, printTable, withDatabase } from './shared.js'

export const USERS_HELP = `Usage: rapport users <command> [options]

Commands:
  add --name <name> --email <email>   Add a member (entries can then be assigned to this email)
  list                                List members

Options:
  --workspace <id>   The workspace (needed when there are several)`

export interface UsersOptions {
  workspace?: string | undefined
  name?: string | undefined
  email?: string | undefined
}

export async function users(command: string | undefined, options: UsersOptions): Promise<void> {
  await withDatabase(async ({ db }) => {
    const members = new MembersService(db)
    const workspace = await chooseWorkspace(db, options.workspace)
    const actor = operator(workspace.id)
    switch (command) {
      case 'add': {
        if (!options.name || !options.email) throw new UsageError('users add needs --name and --email')
        const member = await members.create(actor, { name: options.name, email: options.email })
        console.log(`Added ${member.name} <${member.email}> as ${member.id}.`)
        return
      }
      case 'list': {
        const rows = []
        for (let after = 0; ; ) {
          const page = await members.list(actor, { first: 100, after })
          rows.push(...page.data)
          if (!page.pagination.has_next_page) break
          after = page.pagination.end_cursor
        }
        printTable(rows.map((m) => ({ id: m.id, name: m.name, email: m.email, created: m.created_at })))
        return
      }
      default:
        throw new UsageError(`Unknown users command ${JSON.stringify(command ?? '')}\n\n${USERS_HELP}`)
    }
  })
}
