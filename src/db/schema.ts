// The tables, as Kysely sees them. Every table carries `workspace_id` and every key leads with it, so that
// each query can be scoped by workspace and PostgreSQL could later be sharded on that column.
//
// Conventions that hold for every table:
// - ids are app-generated short strings (see domain/ids.ts), so both databases agree and no serial or
//   autoincrement branch exists;
// - timestamps are integer milliseconds since the epoch (`bigint` on PostgreSQL), exact on both;
// - booleans are stored as 0/1 integers, the one representation both databases share; the row types
//   the query functions hand out (ListRow, ...) carry booleans, converted in flags.ts;
// - JSON documents are stored as text and parsed by the mappers, one code path for both databases.
import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely'

/** Milliseconds since the epoch, set once on insert and never changed. */
type CreatedAt = ColumnType<number, number, never>
/** Milliseconds since the epoch. */
type Millis = number
/** 0 or 1. */
type Flag = number
/** A JSON document stored as text. */
type JsonText = string

export interface WorkspacesTable {
  id: string
  name: string
  created_at: CreatedAt
  updated_at: Millis
}

/** Members of a workspace: the people entries are assigned to and notes are written by. */
export interface UsersTable {
  workspace_id: string
  id: string
  name: string
  /** As given, for display. */
  email: string
  /** Lower-cased email; unique per workspace. */
  email_key: string
  created_at: CreatedAt
  updated_at: Millis
}

export interface ApiKeysTable {
  workspace_id: string
  id: string
  name: string
  /**
   * The whole key's sha256, or its HMAC-SHA-256 under RAPPORT_KEY_PEPPER (see key_hash_scheme), hex. The
   * key itself is never stored. Unique across all workspaces.
   */
  key_hash: string
  /** How key_hash was made: `sha256` or `hmac-sha256`. */
  key_hash_scheme: string
  /** `rpk_…` and the key's last 4 characters, so a person can tell keys apart in `keys list`. */
  key_hint: string
  /** The member acting through this key (the author of notes written with it), or null. */
  user_id: string | null
  created_at: CreatedAt
  revoked_at: Millis | null
}

export interface OrganizationsTable {
  workspace_id: string
  id: string
  /** Always set: an organization made from a domain alone is named after the domain. */
  name: string
  description: string | null
  /** `{ "<custom field id>": value }` */
  custom_fields: JsonText
  created_at: CreatedAt
  updated_at: Millis
}

export interface OrganizationDomainsTable {
  workspace_id: string
  /** Normalised domain (lower case, no scheme, no `www.`, no path); unique per workspace. */
  domain: string
  organization_id: string
  /** Order in which the domains were added. */
  position: number
}

export interface ContactsTable {
  workspace_id: string
  id: string
  first_name: string | null
  last_name: string | null
  /** Full display name when the client sent `name`; otherwise derived from first and last name. */
  name: string | null
  title: string | null
  organization_id: string | null
  /** `{ "<custom field id>": value }` */
  custom_fields: JsonText
  created_at: CreatedAt
  updated_at: Millis
}

export interface ContactEmailsTable {
  workspace_id: string
  /** Lower-cased address; unique per workspace (an address belongs to one contact). */
  email_key: string
  /** As given. */
  email: string
  contact_id: string
  position: number
}

export interface ContactPhonesTable {
  workspace_id: string
  contact_id: string
  position: number
  /** As given. */
  number: string
  /** Normalised to E.164-like digits (`+821012345678`) for lookups. */
  number_key: string
}

export interface CustomFieldsTable {
  workspace_id: string
  id: string
  /** `organization` | `contact` | `deal` */
  model: string
  name: string
  /** Lower-cased name; unique per (workspace, model), so values written by name are never ambiguous. */
  name_key: string
  /** One of the nine data types of domain/fields/field-types.ts. */
  data_type: string
  /** JSON array of option strings (select only), else null. */
  options: JsonText | null
  accepts_multiple_values: Flag
  created_at: CreatedAt
  updated_at: Millis
}

export interface NotesTable {
  workspace_id: string
  id: string
  organization_id: string
  /** A process entry's id, or null. */
  deal_id: string | null
  /** The member who wrote the note (owner of the API key), or null. */
  user_id: string | null
  body: string
  created_at: CreatedAt
  updated_at: Millis
}

export interface ListsTable {
  workspace_id: string
  id: string
  name: string
  /** 1 for a process (statuses, keys, values), 0 for a regular list. */
  process: Flag
  /** `Contact` | `Organization` */
  entry_type: string
  /** Prefix of entry keys (`DEAL` gives `DEAL-7`); processes only. */
  identifier: string | null
  duplicates_allowed: Flag
  entry_label: string | null
  status_label: string | null
  /** The last entry number handed out; keys are never reused, so this only grows. */
  last_key_number: number
  /** Number of entries, kept in step with inserts and deletes so `total_count` costs nothing. */
  entry_count: number
  /** Goes up whenever the list's fields or statuses change, so a process may keep them cached. */
  definition_version: number
  archived_at: Millis | null
  created_at: CreatedAt
  updated_at: Millis
}

export interface ListFieldsTable {
  workspace_id: string
  id: string
  list_id: string
  name: string
  data_type: string
  options: JsonText | null
  accepts_multiple_values: Flag
  position: number
  created_at: CreatedAt
  updated_at: Millis
}

export interface StatusesTable {
  workspace_id: string
  id: string
  list_id: string
  name: string
  /** `active` | `won` | `lost` */
  type: string
  position: number
  /** Number of entries in this status, kept in step like lists.entry_count. */
  entry_count: number
  created_at: CreatedAt
  updated_at: Millis
}

/** Connected lists: an entry entering `from_status_id` is put into `to_list_id` at `to_status_id`. */
export interface ListConnectionsTable {
  workspace_id: string
  id: string
  from_list_id: string
  from_status_id: string
  to_list_id: string
  to_status_id: string
  created_at: CreatedAt
}

export interface EntriesTable {
  workspace_id: string
  id: string
  list_id: string
  /** `Contact` | `Organization` */
  entryable_type: string
  entryable_id: string
  contact_id: string | null
  /** `<identifier>-<n>` as it was when the entry was made; null in regular lists. */
  key: string | null
  /** The `n` of the key; unique per process, never reused. */
  key_number: number | null
  status_id: string | null
  assignee_id: string | null
  /** cents; integer; never float */
  one_time_value_cents: number | null
  /** cents; integer; never float */
  recurring_value_cents: number | null
  /** `monthly` | `annual` | `one_time` */
  recurring_value_period: string | null
  closed_at: Millis | null
  next_entry_id: string | null
  /** `{ "<list field id>": value }` */
  list_fields: JsonText
  created_at: CreatedAt
  updated_at: Millis
}

/**
 * One row per (entry, list field, value): what `field[<name>]=<value>` filters search. The entry's
 * `list_fields` column stays the source for reading; this table only serves lookups.
 */
export interface EntryFieldValuesTable {
  workspace_id: string
  field_id: string
  /** The value in its canonical text form (see domain/fields/field-types.ts `indexKeys`). */
  value: string
  entry_id: string
}

/** Every status an entry has entered, with who moved it. The first row (from null) is its creation. */
export interface EntryStatusChangesTable {
  workspace_id: string
  id: string
  entry_id: string
  list_id: string
  from_status_id: string | null
  /** The status name at the time, kept in case the status is later renamed or removed. */
  from_status_name: string | null
  to_status_id: string
  to_status_name: string
  changed_at: Millis
  user_id: string | null
  api_key_id: string | null
}

export interface Database {
  workspaces: WorkspacesTable
  users: UsersTable
  api_keys: ApiKeysTable
  organizations: OrganizationsTable
  organization_domains: OrganizationDomainsTable
  contacts: ContactsTable
  contact_emails: ContactEmailsTable
  contact_phones: ContactPhonesTable
  custom_fields: CustomFieldsTable
  notes: NotesTable
  lists: ListsTable
  list_fields: ListFieldsTable
  statuses: StatusesTable
  list_connections: ListConnectionsTable
  entries: EntriesTable
  entry_field_values: EntryFieldValuesTable
  entry_status_changes: EntryStatusChangesTable
}

/** `Row` with the stored 0/1 columns `K` as booleans. */
type WithBooleans<Row, K extends keyof Row> = Omit<Row, K> & { [P in K]: boolean }

export type WorkspaceRow = Selectable<WorkspacesTable>
export type UserRow = Selectable<UsersTable>
export type ApiKeyRow = Selectable<ApiKeysTable>
export type OrganizationRow = Selectable<OrganizationsTable>
export type OrganizationDomainRow = Selectable<OrganizationDomainsTable>
export type ContactRow = Selectable<ContactsTable>
export type ContactEmailRow = Selectable<ContactEmailsTable>
export type ContactPhoneRow = Selectable<ContactPhonesTable>
/** A row as stored, 0/1 flags and all: only src/db/queries handles these (see flags.ts). */
export type StoredCustomFieldRow = Selectable<CustomFieldsTable>
/** A custom field as the query functions hand it out: its flag a boolean. */
export type CustomFieldRow = WithBooleans<StoredCustomFieldRow, 'accepts_multiple_values'>
export type NoteRow = Selectable<NotesTable>
export type StoredListRow = Selectable<ListsTable>
/** A list as the query functions hand it out: its flags booleans. */
export type ListRow = WithBooleans<StoredListRow, 'process' | 'duplicates_allowed'>
export type StoredListFieldRow = Selectable<ListFieldsTable>
/** A list field as the query functions hand it out: its flag a boolean. */
export type ListFieldRow = WithBooleans<StoredListFieldRow, 'accepts_multiple_values'>
export type StatusRow = Selectable<StatusesTable>
export type ListConnectionRow = Selectable<ListConnectionsTable>
export type EntryRow = Selectable<EntriesTable>
export type NewEntry = Insertable<EntriesTable>
export type EntryUpdate = Updateable<EntriesTable>
export type EntryStatusChangeRow = Selectable<EntryStatusChangesTable>
