// `rapport import` and `rapport export`, the real bin against a fresh database of each kind: a file in,
// its summary and refused rows, and the same rows out again.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { loadConfig } from '../../src/config.js'
import { openDatabase, type Db } from '../../src/db/dialect.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { operator } from '../../src/domain/actor.js'
import { createServices } from '../../src/domain/services.js'
import { TEST_DATABASES } from '../support/databases.js'
import { createTestDatabase } from '../support/server.js'

const BIN = fileURLToPath(new URL('../../bin/rapport.js', import.meta.url))

for (const database of TEST_DATABASES) {
  describe(`${database.name}: rapport import and export`, () => {
    let env: Record<string, string>
    let drop: () => Promise<void>
    let db: Db
    const dir = mkdtempSync(join(tmpdir(), 'rapport-cli-'))
    const rapport = (...args: string[]) => {
      const result = spawnSync(process.execPath, [BIN, ...args], {
        env: { ...process.env, ...env, DATABASE_URL: env.DATABASE_URL ?? '' },
        encoding: 'utf8',
      })
      return { code: result.status, stdout: result.stdout, stderr: result.stderr }
    }
    before(async () => {
      const fresh = await createTestDatabase(database)
      env = { ...fresh.env, LOG_LEVEL: 'warn' }
      drop = fresh.drop
      const config = loadConfig({ ...env })
      db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.RAPPORT_DATA_DIR })
      await migrateToLatest(db)
      const services = createServices(db, { defaultCountryCode: '82' })
      const { workspace } = await services.workspaces.bootstrap()
      await services.lists.create(operator(workspace.id), {
        name: 'Pipeline',
        process: true,
        entry_type: 'Organization',
        identifier: 'P',
        duplicates_allowed: false,
        fields: [{ name: 'Size', data_type: 'number' }],
      })
    })
    after(async () => {
      await db?.close()
      await drop?.()
    })

    it('imports a file by list name with a mapping, then exports it', () => {
      const file = join(dir, `${database.name}.csv`)
      writeFileSync(file, 'Firm,Web,Size\nAcme,acme.example,3\nBad,acme2.example,lots\nBeta,beta.example,\n')
      const res = rapport(
        'import',
        file,
        '--list',
        'Pipeline',
        '--map',
        'Firm=organization name',
        '--map',
        'Web=domain',
      )
      assert.equal(res.code, 0, res.stderr + res.stdout)
      assert.match(res.stdout, /succeeded: 3 rows, 2 created, 0 updated, 0 unchanged, 1 rejected/)
      const rejected = readFileSync(`${file}.rejected.csv`, 'utf8')
      assert.match(rejected, /^Firm,Web,Size,reason\n/)
      assert.match(rejected, /Bad,acme2.example,lots,.*not a number/)
      const again = rapport(
        'import',
        file,
        '--list',
        'Pipeline',
        '--map',
        'Firm=organization name',
        '--map',
        'Web=domain',
      )
      assert.match(again.stdout, /0 created, 0 updated, 2 unchanged, 1 rejected/)
      const out = join(dir, `${database.name}-out.csv`)
      const exported = rapport('export', '--list', 'Pipeline', '--out', out)
      assert.equal(exported.code, 0, exported.stderr)
      const lines = readFileSync(out, 'utf8').trim().split('\n')
      assert.equal(lines.length, 3)
      assert.match(lines[1]!, /^P-1,Acme,acme.example,/)
      const jsonl = rapport('export', '--list', 'Pipeline', '--format', 'jsonl')
      assert.equal(jsonl.stdout.trim().split('\n').length, 2)
    })

    it('refuses an unknown list and a missing file argument as usage mistakes', () => {
      assert.equal(rapport('import', join(dir, 'x.csv'), '--list', 'Nope').code, 2)
      assert.equal(rapport('import', '--list', 'Pipeline').code, 2)
      assert.equal(rapport('export', '--list', 'Pipeline', '--format', 'xml').code, 2)
    })
  })
}
