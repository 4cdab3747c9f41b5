// API keys: how each key's hash was made (`sha256`, or `hmac-sha256` under RAPPORT_KEY_PEPPER; see
// domain/workspaces/api-keys.ts), and hints that carry no secret. Hints used to be the key's first 8
// characters, half of a 16-character seeded key; the new hint is the `rpk_` prefix and the last 4
// characters, which the stored hash cannot give back, so existing hints keep only their `rpk_` prefix.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('api_keys')
    .addColumn('key_hash_scheme', 'text', (c) => c.notNull().defaultTo('sha256'))
    .execute()
  await sql`update api_keys set key_hint = case when key_hint like 'rpk\_%' escape '\\' then 'rpk_…' else '…' end`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('api_keys').dropColumn('key_hash_scheme').execute()
}
