// `npm run bench:profile`: seeds one workspace per database to BENCH_PROFILE_SIZE entries, then for each
// hot path (retrieve by id, list page of 100, create, PATCH status) runs the Rapport server under
// `node --cpu-prof`, drives it as the benchmark does, and prints where the server's CPU time went.
// Profiles are kept in BENCH_PROFILE_DIR (default: a temporary folder) for Chrome DevTools.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadBenchOptions, parseSize } from '../config.js'
import { createBenchDatabase } from '../databases.js'
import { drive } from '../load/drive.js'
import { SCENARIOS, sampleEntries, type ScenarioContext } from '../scenarios.js'
import { growTo, newSeedState } from '../seed/grow.js'
import { prng } from '../seed/rows.js'
import { prepareWorkspace } from '../seed/workspace.js'
import { ensureBuilt } from '../servers/build.js'
import { spawnRapport } from '../servers/spawn.js'
import { summarise } from './cpuprofile.js'

const options = loadBenchOptions()
const size = parseSize(process.env.BENCH_PROFILE_SIZE ?? '100k')
const names = (process.env.BENCH_SCENARIOS ?? 'get,list-first,create,patch-status').split(',')
const dir = process.env.BENCH_PROFILE_DIR ?? mkdtempSync(join(tmpdir(), 'rapport-profile-'))
const log = (m: string) => console.error(m)
ensureBuilt(log)

for (const name of options.databases) {
  const database = await createBenchDatabase(name, options.postgresAdminUrl)
  const db = await database.open()
  try {
    const fixture = await prepareWorkspace(db)
    const writer = await database.writer()
    const state = newSeedState(size)
    await growTo(writer, fixture, state, 0, size)
    await writer.settle()
    await writer.close()
    const sample = await sampleEntries(db, fixture)
    for (const scenario of SCENARIOS.filter((s) => names.includes(s.name))) {
      const file = `${name}-${scenario.name}.cpuprofile`
      const server = await spawnRapport({
        env: {
          ...database.env,
          RAPPORT_RATE_LIMIT: '0',
          LOG_LEVEL: options.logLevel,
          RAPPORT_DB_POOL_SIZE: String(options.connections),
        },
        nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${file}`],
      })
      const ctx: ScenarioContext = {
        fixture,
        total: size,
        sample,
        entryIds: state.entryIds,
        orgIds: state.orgIds,
        random: prng(1),
      }
      const settings = {
        url: server.url,
        connections: options.connections,
        durationS: options.durationS,
        headers: { authorization: `Bearer ${fixture.apiKey}` },
      }
      await drive({ ...settings, durationS: options.warmupS }, scenario.requests(ctx))
      const result = await drive(settings, scenario.requests(ctx))
      await server.stop()
      const summary = summarise(join(dir, file))
      const perRequestUs = (summary.busyMs * 1000) / (result.ok + 1e-9)
      console.log(
        `\n=== ${name} ${size} ${scenario.name}: ${Math.round(result.rps)}/s; server busy ${Math.round(summary.busyMs)} ms over the whole profile`,
      )
      console.log(
        `(profile includes start-up and warm-up; about ${Math.round(perRequestUs)} us of server CPU per measured request)`,
      )
      const pct = (ms: number) => `${((100 * ms) / summary.busyMs).toFixed(1).padStart(5)}%`
      console.log('-- self time by package / source folder')
      for (const [k, v] of summary.groups) console.log(`${pct(v)}  ${k}`)
      console.log('-- top functions, self time')
      for (const [k, v] of summary.functions) console.log(`${pct(v)}  ${k}`)
      console.log('-- inclusive time')
      for (const [k, v] of summary.inclusive) console.log(`${pct(v)}  ${k}`)
    }
  } finally {
    await db.close()
    await database.drop()
  }
}
console.error(`profiles in ${dir}`)
