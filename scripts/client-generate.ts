// Writes the files made from the OpenAPI document into packages/client: `openapi.json` (the document, as
// `/openapi.json` serves it) and `src/schema.ts` (its types, by openapi-typescript). With `--check` it
// writes nothing and fails when either file differs from what the code makes now, so a route changed
// without `npm run client:generate` fails `npm test`.
//
// The document comes from the same buildApp as the server, on an in-memory SQLite database that is never
// migrated or queried: building the app and asking for its swagger output needs no server and no data.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import { openDatabase } from '../src/db/dialect.js'

const CLIENT_DIR = join(import.meta.dirname, '..', 'packages', 'client')
const DOCUMENT_FILE = join(CLIENT_DIR, 'openapi.json')
const TYPES_FILE = join(CLIENT_DIR, 'src', 'schema.ts')

const TYPES_HEADER = `// Generated from openapi.json by openapi-typescript (\`npm run client:generate\` in the repository root).
// Do not edit: change the route schemas in src/http and regenerate. \`npm test\` fails when this is stale.
`

/** The OpenAPI document of the current code, exactly as `GET /openapi.json` answers it. */
async function buildDocument(): Promise<OpenAPI3> {
  const db = await openDatabase({ dataDir: '.', sqliteFile: ':memory:' })
  try {
    const app = await buildApp({ db, config: loadConfig({ LOG_LEVEL: 'silent' }) })
    await app.ready()
    const document = app.swagger() as OpenAPI3
    await app.close()
    return document
  } finally {
    await db.close()
  }
}

async function generate(): Promise<Map<string, string>> {
  const document = await buildDocument()
  const types = astToString(await openapiTS(document, { alphabetize: false }))
  return new Map([
    [DOCUMENT_FILE, `${JSON.stringify(document, null, 2)}\n`],
    [TYPES_FILE, TYPES_HEADER + types],
  ])
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return ''
  }
}

const check = process.argv.includes('--check')
const files = await generate()
const stale: string[] = []
for (const [file, text] of files) {
  if (readOrEmpty(file) === text) continue
  if (check) stale.push(file)
  else writeFileSync(file, text)
}
if (stale.length > 0) {
  console.error(`Stale: ${stale.join(', ')}.\nThe API changed: run \`npm run client:generate\` and commit the result.`)
  process.exit(1)
}
console.log(check ? 'The client types are current.' : `Wrote ${[...files.keys()].join(', ')}`)
