// The benchmark workspace, made through the product's own domain services (so it is exactly what the
// API would make): the workspace and its API key, ten members, and one process with five statuses and
// three typed list fields. Entries, organizations and contacts are then added in bulk by grow.ts.
import type { Db } from '../../src/db/dialect.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { operator } from '../../src/domain/actor.js'
import { ListDefinitions } from '../../src/domain/lists/list-definitions.js'
import { createServices } from '../../src/domain/services.js'

export const PROCESS_IDENTIFIER = 'DEAL'
export const TIER_OPTIONS = [
  'Bronze',
  'Silver',
  'Gold',
  'Platinum',
  'Diamond',
  'Ruby',
  'Emerald',
  'Sapphire',
  'Pearl',
  'Opal',
]
export const MEMBER_COUNT = 10

export interface StatusFixture {
  id: string
  name: string
  type: 'active' | 'won' | 'lost'
}

export interface FieldFixture {
  id: string
  name: string
}

export interface Fixture {
  workspaceId: string
  /** A key of the workspace, sent by the load generator. */
  apiKey: string
  listId: string
  statuses: StatusFixture[]
  /** The three list fields: a select, a number and a date. */
  fields: { tier: FieldFixture; score: FieldFixture; closeDate: FieldFixture }
  memberIds: string[]
}

export async function prepareWorkspace(db: Db): Promise<Fixture> {
  await migrateToLatest(db)
  const services = createServices(db, { defaultCountryCode: '82' })
  const boot = await services.workspaces.bootstrap()
  if (!boot.newKey) throw new Error('the benchmark needs an empty database')
  const actor = operator(boot.workspace.id)
  const memberIds: string[] = []
  for (let i = 0; i < MEMBER_COUNT; i++) {
    memberIds.push(
      (await services.members.create(actor, { name: `Member ${i}`, email: `member${i}@bench.example` })).id,
    )
  }
  const list = await services.lists.create(actor, {
    name: 'Deals',
    process: true,
    entry_type: 'Organization',
    identifier: PROCESS_IDENTIFIER,
    // A company can have several deals; it also means every entry need not have a record of its own.
    duplicates_allowed: true,
    statuses: [
      { name: 'Lead', type: 'active' },
      { name: 'Qualified', type: 'active' },
      { name: 'Proposal', type: 'active' },
      { name: 'Won', type: 'won' },
      { name: 'Lost', type: 'lost' },
    ],
    fields: [
      { name: 'Tier', data_type: 'select', options: TIER_OPTIONS, accepts_multiple_values: false },
      { name: 'Score', data_type: 'number' },
      { name: 'Close date', data_type: 'date' },
    ],
  })
  const def = await new ListDefinitions().load(db.kysely, boot.workspace.id, list.id)
  const field = (name: string): FieldFixture => {
    const found = def.fields.find((f) => f.name === name)
    if (!found) throw new Error(`list field ${name} missing`)
    return { id: found.id, name: found.name }
  }
  return {
    workspaceId: boot.workspace.id,
    apiKey: boot.newKey.key,
    listId: list.id,
    statuses: def.statuses.map((s) => ({ id: s.id, name: s.name, type: s.type as StatusFixture['type'] })),
    fields: { tier: field('Tier'), score: field('Score'), closeDate: field('Close date') },
    memberIds,
  }
}
