// `rapport users add|list|invite|reset-password`: manage the members of a workspace. `invite` and
// `reset-password` print a one-time link (valid 24 h) to the web app's setup page, where the person
// chooses their password.
import { domainSettings } from '../app.js'
import { publicBaseUrl } from '../config.js'
import { operator } from '../domain/actor.js'
import { createServices } from '../domain/services.js'
import { UsageError, chooseWorkspace, printTable, withDatabase } from './shared.js'

export const USERS_HELP = `Usage: rapport users <command> [options]

Commands:
  add --name <name> --email <email>   Add a member (entries can then be assigned to this email)
  list                                List members
  invite --email <email>              Print a one-time link (24 h) for this address to choose a password
                                      and sign in to the web app (a new address becomes a member then)
  reset-password --email <email>      Print a one-time link (24 h) for a member to choose a new password;
                                      using it ends the member's sessions

Options:
  --workspace <id>   The workspace (needed when there are several)

Links start with RAPPORT_PUBLIC_URL, or http://HOST:PORT when it is unset.`

export interface UsersOptions {
  workspace?: string | undefined
  name?: string | undefined
  email?: string | undefined
}

export async function users(command: string | undefined, options: UsersOptions): Promise<void> {
  await withDatabase(async ({ config, db }) => {
    const { members, setupLinks } = createServices(db, domainSettings(config))
    const workspace = await chooseWorkspace(db, options.workspace)
    const actor = operator(workspace.id)
    const printLink = (token: string, what: string) => {
      console.log(`${what} (valid once, for 24 hours):`)
      console.log(`${publicBaseUrl(config)}/setup#${token}`)
    }
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
      case 'invite': {
        if (!options.email) throw new UsageError('users invite needs --email')
        printLink(await setupLinks.invite(workspace.id, options.email), `Invitation for ${options.email.trim()}`)
        return
      }
      case 'reset-password': {
        if (!options.email) throw new UsageError('users reset-password needs --email')
        printLink(await setupLinks.reset(workspace.id, options.email), `Password reset for ${options.email.trim()}`)
        return
      }
      default:
        throw new UsageError(`Unknown users command ${JSON.stringify(command ?? '')}\n\n${USERS_HELP}`)
    }
  })
}
