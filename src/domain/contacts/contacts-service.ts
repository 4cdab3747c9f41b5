// Contacts (`/v1/contacts`): lookups by exact email or normalised phone number, create and PATCH (see
// save-contact.ts), removing emails and numbers, and deleting a contact with its entries.
import type { Transaction } from 'kysely'
import type { Db } from '../../db/dialect.js'
import type { ContactRow, Database } from '../../db/schema.js'
import * as q from '../../db/queries/contacts.js'
import { findOrganization } from '../../db/queries/organizations.js'
import type { EntryWrites } from '../entries/entry-writes.js'
import type { Actor } from '../actor.js'
import { removeContactReferences } from '../custom-fields/stored-values.js'
import { emailKey } from '../email-address.js'
import { NotFoundError, invalid } from '../errors.js'
import { pageRequest, toPage, type Page } from '../pagination.js'
import type { DomainSettings } from '../services.js'
import { nowMs, unixSecondsToMs } from '../time.js'
import { retryOnUniqueViolation } from '../unique-retry.js'
import { lookupEmailKey } from './contact-emails.js'
import { normaliseLookupNumber, normalisePhoneNumber } from './phone-numbers.js'
import { saveContact, type ContactInput, type SaveContext } from './save-contact.js'
import { presentContacts, type Contact } from './to-contact.js'

export interface ListContactsQuery {
  first?: number | undefined
  after?: number | undefined
  updated_after?: number | undefined
  /** Exact address, any case. */
  email?: string | undefined
  /** Any written form; matched on the normalised number. */
  phone_number?: string | undefined
  /** Text the display, first or last name contains, any case. */
  name?: string | undefined
}

export class ContactsService {
  constructor(
    private readonly db: Db,
    private readonly settings: DomainSettings,
    private readonly entryWrites: EntryWrites,
  ) {}

  /** One page of contacts; `email` and `phone_number` narrow it (a lookup that cannot match finds none). */
  async list(actor: Actor, query: ListContactsQuery, organizationId?: string): Promise<Page<Contact>> {
    const page = pageRequest(query)
    const numberKey =
      query.phone_number === undefined
        ? undefined
        : normaliseLookupNumber(query.phone_number, this.settings.defaultCountryCode)
    if (query.phone_number !== undefined && numberKey === undefined) return toPage([], page, 0)
    const filter = {
      updatedAfterMs: query.updated_after === undefined ? undefined : unixSecondsToMs(query.updated_after),
      emailKey: query.email === undefined ? undefined : lookupEmailKey(query.email),
      numberKey,
      organizationId,
      nameContains: query.name,
    }
    const { rows, total } = await q.listContacts(this.db.kysely, actor.workspaceId, filter, page)
    return toPage(await presentContacts(this.db.kysely, actor.workspaceId, rows), page, total)
  }

  /** The contacts of one organization (`/organizations/:id/contacts`); 404 for an unknown organization. */
  async listOfOrganization(actor: Actor, organizationId: string, query: ListContactsQuery): Promise<Page<Contact>> {
    if (!(await findOrganization(this.db.kysely, actor.workspaceId, organizationId)))
      throw new NotFoundError('organization', organizationId)
    return this.list(actor, query, organizationId)
  }

  async get(actor: Actor, id: string): Promise<Contact> {
    const row = await q.findContact(this.db.kysely, actor.workspaceId, id)
    if (!row) throw new NotFoundError('contact', id)
    return this.present(actor, row)
  }

  async create(actor: Actor, input: ContactInput): Promise<Contact> {
    const row = await retryOnUniqueViolation(
      () => this.db.transaction((trx) => saveContact(trx, this.context(actor), undefined, input), actor.deadline),
      'emails',
    )
    return this.present(actor, row)
  }

  /** Changes what is sent; `emails` and `phone_numbers` are added to the existing ones. */
  async update(actor: Actor, id: string, input: ContactInput): Promise<Contact> {
    const row = await retryOnUniqueViolation(
      () =>
        this.db.transaction(async (trx) => {
          const current = await q.lockContact(trx, actor.workspaceId, id)
          if (!current) throw new NotFoundError('contact', id)
          return saveContact(trx, this.context(actor), current, input)
        }, actor.deadline),
      'emails',
    )
    return this.present(actor, row)
  }

  /** Removes the listed addresses (any case); a contact with no first name keeps at least one. */
  async removeEmails(actor: Actor, id: string, emails: readonly string[]): Promise<Contact> {
    const keys = emails.map(emailKey)
    return this.removeItems(actor, id, async (trx, current) => {
      const held = ((await q.emailsOf(trx, actor.workspaceId, [id])).get(id) ?? []).map(emailKey)
      const remove = held.filter((key) => keys.includes(key))
      if (remove.length > 0 && remove.length === held.length && current.first_name === null) {
        throw invalid('emails', 'required', "can't remove every email of a contact without a first_name")
      }
      await q.deleteEmails(trx, actor.workspaceId, id, remove)
      return remove.length > 0
    })
  }

  /** Removes the listed numbers, matched on their normalised form (Rapport's own endpoint). */
  async removePhoneNumbers(actor: Actor, id: string, numbers: readonly string[]): Promise<Contact> {
    const keys = numbers
      .map((n) => normalisePhoneNumber(n, this.settings.defaultCountryCode))
      .filter((k): k is string => k !== undefined)
    return this.removeItems(actor, id, async (trx, _current) => {
      const held = ((await q.phonesOf(trx, actor.workspaceId, [id])).get(id) ?? []).map((p) => p.key)
      const remove = held.filter((key) => keys.includes(key))
      await q.deletePhones(trx, actor.workspaceId, id, remove)
      return remove.length > 0
    })
  }

  /** Deletes the contact with its entries in every list and process, and unlinks what pointed at it. */
  async delete(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      const current = await q.lockContact(trx, actor.workspaceId, id)
      if (!current) throw new NotFoundError('contact', id)
      const now = nowMs()
      await this.entryWrites.deleteOfRecord(trx, actor.workspaceId, 'Contact', id, now)
      await removeContactReferences(trx, actor.workspaceId, id, now)
      await q.deleteContact(trx, actor.workspaceId, id)
    }, actor.deadline)
  }

  /** Runs `remove` on a locked contact and bumps updated_at when it removed something. */
  private async removeItems(
    actor: Actor,
    id: string,
    remove: (trx: Transaction<Database>, current: ContactRow) => Promise<boolean>,
  ): Promise<Contact> {
    const row = await this.db.transaction(async (trx) => {
      const current = await q.lockContact(trx, actor.workspaceId, id)
      if (!current) throw new NotFoundError('contact', id)
      if (!(await remove(trx, current))) return current
      const updated_at = nowMs()
      await q.updateContact(trx, actor.workspaceId, id, { updated_at })
      return { ...current, updated_at }
    }, actor.deadline)
    return this.present(actor, row)
  }

  private context(actor: Actor): SaveContext {
    return { workspaceId: actor.workspaceId, defaultCountryCode: this.settings.defaultCountryCode }
  }

  private async present(actor: Actor, row: ContactRow): Promise<Contact> {
    return (await presentContacts(this.db.kysely, actor.workspaceId, [row]))[0]!
  }
}
