// Connected lists firing: an entry entering a connected status puts its record into the target
// process, once and only once, in the same transaction as the move.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { describeChange, fingerprint } from '../reliability/support/fingerprint.js'
import { TEST_DATABASES } from '../support/databases.js'
import { client, type ApiClient } from '../support/client.js'
import { VALUES, createList, createMember, createOrganization } from '../support/seed.js'
import { startTestServer, type TestServer } from '../support/server.js'

for (const database of TEST_DATABASES) {
  describe(`${database.name}: connected lists`, () => {
    let server: TestServer
    let api: ApiClient
    let prospects: any
    let pipeline: any
    before(async () => {
      server = await startTestServer(database)
      api = client(server, server.workspace.key)
      prospects = await createList(api, {
        template: 'prospects',
        fields: [
          { name: 'Budget', data_type: 'number' },
          { name: 'Only here', data_type: 'text' },
        ],
      })
      pipeline = await createList(api, { template: 'pipeline', fields: [{ name: 'Budget', data_type: 'number' }] })
      const rule = await api.post(`/v1/lists/${prospects.id}/connections`, {
        from_status: 'Qualified',
        to_list_id: pipeline.id,
        to_status: 'Meeting scheduled',
      })
      assert.equal(rule.status, 201, rule.text)
    })
    after(async () => server?.close())

    const entries = async (listId: string) => api.all(`/v1/lists/${listId}/entries`)

    it('fires when an entry enters the status: a new entry at the target status, next_entry_id set, values carried', async () => {
      const member = await createMember(api)
      const org = await createOrganization(api)
      const e = (
        await api.post(`/v1/lists/${prospects.id}/entries`, {
          entryable_id: org.id,
          entryable_type: 'Organization',
          status: 'Working',
          ...VALUES,
          one_time_value_cents: 7700,
          assignee_email: member.email,
          list_fields: [
            { name: 'Budget', value: 5000 },
            { name: 'Only here', value: 'stays' },
          ],
        })
      ).body
      assert.equal(e.next_entry_id, null)
      const moved = await api.patch(`/v1/lists/${prospects.id}/entries/${e.id}`, { status: 'Qualified' })
      assert.equal(moved.status, 200, moved.text)
      assert.ok(moved.body.next_entry_id)
      const next = (await api.get(`/v1/lists/${pipeline.id}/entries/${moved.body.next_entry_id}`)).body
      assert.equal(next.entryable_id, org.id)
      assert.equal(next.status, 'Meeting scheduled')
      assert.match(next.key, /^DEAL-\d+$/)
      assert.equal(next.one_time_value_cents, 7700)
      assert.equal(next.assignee.id, member.id)
      assert.deepEqual(
        Object.values(next.list_fields).map((f: any) => [f.name, f.value]),
        [
          ['Contact', null],
          ['Budget', 5000],
        ],
      )
      const history = (await api.get(`/v1/lists/${pipeline.id}/entries/${next.id}/status_changes`)).body.data
      assert.deepEqual(
        history.map((h: any) => [h.from_status, h.to_status]),
        [[null, 'Meeting scheduled']],
      )
    })

    it('fires once and only once per entry', async () => {
      const org = await createOrganization(api)
      const e = (
        await api.post(`/v1/lists/${prospects.id}/entries`, {
          entryable_id: org.id,
          entryable_type: 'Organization',
          status: 'Working',
          ...VALUES,
        })
      ).body
      const first = (await api.patch(`/v1/lists/${prospects.id}/entries/${e.id}`, { status: 'Qualified' })).body
      await api.patch(`/v1/lists/${prospects.id}/entries/${e.id}`, { status: 'Working' })
      const again = (await api.patch(`/v1/lists/${prospects.id}/entries/${e.id}`, { status: 'Qualified' })).body
      assert.equal(again.next_entry_id, first.next_entry_id)
      const inPipeline = (await entries(pipeline.id)).filter((x) => x.entryable_id === org.id)
      assert.equal(inPipeline.length, 1)
    })

    it('fires when an entry is created in the status', async () => {
      const org = await createOrganization(api)
      const e = (
        await api.post(`/v1/lists/${prospects.id}/entries`, {
          entryable_id: org.id,
          entryable_type: 'Organization',
          status: 'Qualified',
          ...VALUES,
        })
      ).body
      assert.ok(e.next_entry_id)
      assert.equal((await api.get(`/v1/lists/${pipeline.id}/entries/${e.next_entry_id}`)).body.entryable_id, org.id)
    })

    it("reuses the record's entry where the target allows no duplicates", async () => {
      const org = await createOrganization(api)
      const existing = (
        await api.post(`/v1/lists/${pipeline.id}/entries`, {
          entryable_id: org.id,
          entryable_type: 'Organization',
          status: 'Closing',
          ...VALUES,
        })
      ).body
      const e = (
        await api.post(`/v1/lists/${prospects.id}/entries`, {
          entryable_id: org.id,
          entryable_type: 'Organization',
          status: 'Qualified',
          ...VALUES,
        })
      ).body
      assert.equal(e.next_entry_id, existing.id)
      assert.equal(
        (await api.get(`/v1/lists/${pipeline.id}/entries/${existing.id}`)).body.status,
        'Closing',
        'the existing entry is not moved',
      )
      assert.equal((await entries(pipeline.id)).filter((x) => x.entryable_id === org.id).length, 1)
    })

    it('follows chains, and stops where rules form a cycle', async () => {
      const a = await createList(api, {
        name: 'A',
        process: true,
        entry_type: 'Organization',
        identifier: 'A',
        duplicates_allowed: true,
      })
      const b = await createList(api, {
        name: 'B',
        process: true,
        entry_type: 'Organization',
        identifier: 'B',
        duplicates_allowed: true,
      })
      const c = await createList(api, {
        name: 'C',
        process: true,
        entry_type: 'Organization',
        identifier: 'C',
        duplicates_allowed: true,
      })
      await api.post(`/v1/lists/${a.id}/connections`, {
        from_status: 'Completed',
        to_list_id: b.id,
        to_status: 'Completed',
      })
      await api.post(`/v1/lists/${b.id}/connections`, {
        from_status: 'Completed',
        to_list_id: c.id,
        to_status: 'Completed',
      })
      await api.post(`/v1/lists/${c.id}/connections`, {
        from_status: 'Completed',
        to_list_id: a.id,
        to_status: 'Started',
      })
      const org = await createOrganization(api)
      const e = (
        await api.post(`/v1/lists/${a.id}/entries`, {
          entryable_id: org.id,
          entryable_type: 'Organization',
          status: 'Completed',
          ...VALUES,
        })
      ).body
      const inB = (await api.get(`/v1/lists/${b.id}/entries/${e.next_entry_id}`)).body
      assert.equal(inB.status, 'Completed')
      const inC = (await api.get(`/v1/lists/${c.id}/entries/${inB.next_entry_id}`)).body
      assert.equal(inC.status, 'Completed')
      assert.equal(inC.next_entry_id, null, 'the rule back into A is not followed within the chain')
      assert.equal((await entries(a.id)).length, 1)
    })

    /**
     * Makes the database refuse every new entry of `listId` from now on (a trigger), so a rule firing
     * into it fails inside the transaction of the write that fired it, after that write's own changes;
     * returns how to lift the refusal.
     */
    const refuseEntriesIn = async (listId: string): Promise<() => Promise<void>> => {
      const k = server.db.kysely
      if (server.database.name === 'sqlite') {
        await sql`create trigger refuse_entries before insert on entries when new.list_id = ${sql.lit(listId)}
          begin select raise(abort, 'refused by the test'); end`.execute(k)
        return async () => void (await sql`drop trigger refuse_entries`.execute(k))
      }
      await sql`create function refuse_entries() returns trigger language plpgsql as
        $$ begin raise exception 'refused by the test'; end $$`.execute(k)
      await sql`create trigger refuse_entries before insert on entries for each row
        when (new.list_id = ${sql.lit(listId)}) execute function refuse_entries()`.execute(k)
      return async () => {
        await sql`drop trigger refuse_entries on entries`.execute(k)
        await sql`drop function refuse_entries()`.execute(k)
      }
    }

    it('makes nothing when the rule fails inside the transaction of the move or create that fired it', async () => {
      const org = await createOrganization(api)
      const e = (
        await api.post(`/v1/lists/${prospects.id}/entries`, {
          entryable_id: org.id,
          entryable_type: 'Organization',
          status: 'Working',
          ...VALUES,
        })
      ).body
      const other = await createOrganization(api)
      const lift = await refuseEntriesIn(pipeline.id)
      try {
        const before = await fingerprint(server.db)
        // The list-field write and the move are written first; the rule's entry is refused after them.
        const moved = await api.patch(`/v1/lists/${prospects.id}/entries/${e.id}`, {
          status: 'Qualified',
          list_fields: [{ name: 'Budget', value: 4242 }],
        })
        assert.equal(moved.status, 500, moved.text)
        const created = await api.post(`/v1/lists/${prospects.id}/entries`, {
          entryable_id: other.id,
          entryable_type: 'Organization',
          status: 'Qualified',
          ...VALUES,
        })
        assert.equal(created.status, 500, created.text)
        const after = await fingerprint(server.db)
        assert.equal(
          after.hash,
          before.hash,
          `the refused writes changed the database: ${describeChange(before, after)}`,
        )
      } finally {
        await lift()
      }
      // Lifted, the same move goes through: it was the rule's refusal that undid it.
      const moved = await api.patch(`/v1/lists/${prospects.id}/entries/${e.id}`, {
        status: 'Qualified',
        list_fields: [{ name: 'Budget', value: 4242 }],
      })
      assert.equal(moved.status, 200, moved.text)
      assert.ok(moved.body.next_entry_id)
    })
  })
}
