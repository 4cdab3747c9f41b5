// Every domain service, built once over one database. Route plugins reach them as `app.services`.
import type { Db } from '../db/dialect.js'
import { EntriesService } from './entries/entries-service.js'
import { ConnectionsService } from './lists/connections-service.js'
import { ListsService } from './lists/lists-service.js'
import { ContactsService } from './contacts/contacts-service.js'
import { CustomFieldsService } from './custom-fields/custom-fields-service.js'
import { NotesService } from './notes/notes-service.js'
import { OrganizationsService } from './organizations/organizations-service.js'
import { MembersService } from './workspaces/members-service.js'
import { WorkspacesService } from './workspaces/workspaces-service.js'
import type { Resolver } from './webhooks/destination.js'
import { WebhooksService } from './webhooks/webhooks-service.js'

/** Settings the domain rules need (a subset of the configuration, so domain/ never reads config.ts). */
export interface DomainSettings {
  /** Calling code assumed for phone numbers written without one, e.g. `82`. */
  defaultCountryCode: string
  /** RAPPORT_KEY_PEPPER: the secret API keys are hashed under (HMAC-SHA-256), when set. */
  keyPepper?: string | undefined
  /** RAPPORT_WEBHOOK_ALLOW_PRIVATE: webhooks may point at loopback, private and link-local addresses. */
  webhookAllowPrivate?: boolean | undefined
  /** How webhook host names are resolved for that check (the system resolver when absent). */
  webhookResolver?: Resolver | undefined
}

export function createServices(db: Db, settings: DomainSettings) {
  const workspaces = new WorkspacesService(db, settings.keyPepper)
  const members = new MembersService(db)
  const lists = new ListsService(db)
  const connections = new ConnectionsService(db)
  const entries = new EntriesService(db)
  const contacts = new ContactsService(db, settings)
  const organizations = new OrganizationsService(db)
  const customFields = new CustomFieldsService(db)
  const notes = new NotesService(db)
  const webhooks = new WebhooksService(db, {
    allowPrivate: settings.webhookAllowPrivate ?? false,
    resolver: settings.webhookResolver,
  })
  return { workspaces, members, lists, connections, entries, contacts, organizations, customFields, notes, webhooks }
}

export type Services = ReturnType<typeof createServices>
