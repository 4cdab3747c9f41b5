// `rapport workspaces create|list`: each workspace is a separate CRM with its own keys and data.
import { toIso } from '../domain/time.js'
import { WorkspacesService } from '../domain/workspaces/workspaces-service.js'
import { UsageError, printTable, withDatabase } from './shared.js'

export const WORKSPACES_HELP = `Usage: rapport workspaces <command> [options]

Commands:
  create --name <name>   Make a workspace and its first API key (printed once)
  list                   List workspaces`

export async function workspaces(command: string | undefined, options: { name?: string | undefined }): Promise<void> {
  await withDatabase(async ({ config, db }) => {
    const service = new WorkspacesService(db, config.RAPPORT_KEY_PEPPER)
    switch (command) {
      case 'create': {
        const name = options.name?.trim()
        if (!name) throw new UsageError('workspaces create needs --name <name>')
        const workspace = await service.create(name)
        const { key } = await service.createKey(workspace.id, { name: 'First key' })
        console.log(`Created workspace "${workspace.name}" (${workspace.id}). Its first API key, shown once:`)
        console.log(key)
        return
      }
      case 'list':
        printTable((await service.list()).map((w) => ({ id: w.id, name: w.name, created: toIso(w.created_at) })))
        return
      default:
        throw new UsageError(`Unknown workspaces command ${JSON.stringify(command ?? '')}\n\n${WORKSPACES_HELP}`)
    }
  })
}
