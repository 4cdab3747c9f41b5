// Every domain service, built once over one database, and the state they keep in memory (each service
// owns its own; none is module-global). Route plugins reach them as `app.services`.
import type { Db } from '../db/dialect.js'
import { EntriesService } from './entries/entries-service.js'
import { EntryWrites } from './entries/entry-writes.js'
import { ConnectionsService } from './lists/connections-service.js'
import { ListDefinitions } from './lists/list-definitions.js'
import { ListsService } from './lists/lists-service.js'
import { ContactsService } from './contacts/contacts-service.js'
import { CustomFieldsService } from './custom-fields/custom-fields-service.js'
import { NotesService } from './notes/notes-service.js'
import { OrganizationsService } from './organizations/organizations-service.js'
import { ApiKeysService } from './workspaces/api-keys-service.js'
import { MembersService } from './workspaces/members-service.js'
import { WorkspacesService } from './workspaces/workspaces-service.js'

/** Settings the domain rules need (a subset of the configuration, so domain/ never reads config.ts). */
export interface DomainSettings {
  /** Calling code assumed for phone numbers written without one, e.g. `82`. */
  defaultCountryCode: string
  /** RAPPORT_KEY_PEPPER: the secret API keys are hashed under (HMAC-SHA-256), when set. */
  keyPepper?: string | undefined
}

export function createServices(db: Db, settings: DomainSettings) {
  const workspaces = new WorkspacesService(db, settings.keyPepper)
  const members = new MembersService(db)
  const apiKeys = new ApiKeysService(db, workspaces)
  // The cache of lists' fields and statuses, shared by the services that read them (see its rule).
  const definitions = new ListDefinitions()
  // Every write of an entry goes through this one instance, whoever makes it (entry-writes.ts).
  const entryWrites = new EntryWrites(definitions)
  const lists = new ListsService(db, entryWrites)
  const connections = new ConnectionsService(db, definitions)
  const entries = new EntriesService(db, definitions, entryWrites)
  const contacts = new ContactsService(db, settings, entryWrites)
  const organizations = new OrganizationsService(db, entryWrites)
  const customFields = new CustomFieldsService(db)
  const notes = new NotesService(db)
  return { workspaces, members, apiKeys, lists, connections, entries, contacts, organizations, customFields, notes }
}

export type Services = ReturnType<typeof createServices>
