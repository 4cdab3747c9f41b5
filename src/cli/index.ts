// The `rapport` command: parses argv and hands off to one file per command. Nothing imports this file.
import { parseArgs } from 'node:util'
import { ConfigError } from '../config.js'
import { RapportError } from '../domain/errors.js'
import { KEYS_HELP, keys } from './keys.js'
import { MIGRATE_HELP, migrate } from './migrate.js'
import { SERVE_HELP, serve } from './serve.js'
import { UsageError } from './shared.js'
import { USERS_HELP, users } from './users.js'
import { WORKSPACES_HELP, workspaces } from './workspaces.js'

const HELP = `Usage: rapport <command> [options]

Rapport: a self-hosted CRM server with a Relate-compatible API.

Commands:
  serve        Start the HTTP server (creates the database, a workspace and a key on first start)
  migrate      Apply pending database migrations
  keys         create | list | revoke API keys
  users        add | list workspace members
  workspaces   create | list workspaces

Run \`rapport <command> --help\` for a command's options. Configuration comes from the environment
(DATABASE_URL, RAPPORT_DATA_DIR, PORT, HOST, ...; see the README).`

const COMMAND_HELP: Record<string, string> = {
  serve: SERVE_HELP,
  migrate: MIGRATE_HELP,
  keys: KEYS_HELP,
  users: USERS_HELP,
  workspaces: WORKSPACES_HELP,
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      workspace: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      user: { type: 'string' },
      scope: { type: 'string' },
      lists: { type: 'string' },
    },
  })
  const [command, subcommand, ...rest] = positionals
  if (command === undefined) {
    console.log(HELP)
    return values.help ? 0 : 2
  }
  const help = COMMAND_HELP[command]
  if (help === undefined) throw new UsageError(`Unknown command ${JSON.stringify(command)}\n\n${HELP}`)
  if (values.help) {
    console.log(help)
    return 0
  }
  switch (command) {
    case 'serve':
      await serve()
      return -1 // keeps running
    case 'migrate':
      await migrate()
      return 0
    case 'keys':
      await keys(subcommand, rest, values)
      return 0
    case 'users':
      await users(subcommand, values)
      return 0
    case 'workspaces':
      await workspaces(subcommand, values)
      return 0
  }
  return 2
}

/** Runs the CLI: exit 0 on success, 1 on a failure, 2 on a usage mistake. */
export function run(argv: string[]): void {
  main(argv).then(
    (code) => {
      if (code >= 0) process.exitCode = code
    },
    (error: unknown) => {
      if (
        error instanceof UsageError ||
        error instanceof ConfigError ||
        (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
      ) {
        console.error(`rapport: ${(error as Error).message}`)
        process.exitCode = 2
      } else if (error instanceof RapportError) {
        console.error(`rapport: ${error.message}`)
        process.exitCode = 1
      } else {
        console.error(error)
        process.exitCode = 1
      }
    },
  )
}
