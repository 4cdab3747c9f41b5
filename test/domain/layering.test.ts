// The one-way dependencies (cli -> app -> http -> domain -> db), checked on the source text: a domain
// file that imports HTTP code or Fastify, names a database or takes a row lock itself, or a db file
// that reaches up into the domain, fails here with its path and the line at fault. Also: no
// module-global state in src/domain or src/http (what a service keeps in memory, it owns).
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : []
    })
}

interface Import {
  line: number
  specifier: string
  /** The imported file relative to src/ (`http/plugins/auth.js`), or the package name. */
  target: string
}

function importsOf(file: string, text: string): Import[] {
  const found: Import[] = []
  text.split('\n').forEach((line, i) => {
    for (const match of line.matchAll(/(?:from\s+|import\s*\(\s*|^import\s+)'([^']+)'/g)) {
      const specifier = match[1]!
      const target = specifier.startsWith('.') ? relative(SRC, resolve(dirname(file), specifier)) : specifier
      found.push({ line: i + 1, specifier, target })
    }
  })
  return found
}

/** `path:line: text` for every line of `file` that matches `pattern`. */
function linesMatching(file: string, text: string, pattern: RegExp): string[] {
  return text
    .split('\n')
    .flatMap((line, i) => (pattern.test(line) ? [`${relative(SRC, file)}:${i + 1}: ${line.trim()}`] : []))
}

const domainFiles = sourceFiles(join(SRC, 'domain')).map((file) => ({ file, text: readFileSync(file, 'utf8') }))
const dbFiles = sourceFiles(join(SRC, 'db')).map((file) => ({ file, text: readFileSync(file, 'utf8') }))
const httpFiles = sourceFiles(join(SRC, 'http')).map((file) => ({ file, text: readFileSync(file, 'utf8') }))

/**
 * Module-level mutable state that is no cache of anything read or served: a buffer of random bytes for
 * ids, and the ISO text of the current day for timestamps (a pure function of the clock).
 */
const ALLOWED_MODULE_STATE = ['domain/ids.ts', 'domain/time.ts']

/** A top-level `let`, or a top-level collection a module could fill as it runs (not a Readonly one). */
const MODULE_STATE = /^(export )?(let |(const|var) \w+(: (?!Readonly)[^=]+)? = new (Map|Set|WeakMap|WeakSet|Array)\b)/

describe('layering', () => {
  it('finds the source files it checks', () => {
    assert.ok(domainFiles.length > 30 && dbFiles.length > 10)
    assert.ok(domainFiles.some(({ file }) => file.endsWith('entries-service.ts')))
  })

  it('src/domain imports nothing of src/http, Fastify, a database driver or a dialect', () => {
    const bad = domainFiles.flatMap(({ file, text }) =>
      importsOf(file, text)
        .filter(
          ({ target }) =>
            target.startsWith('http/') ||
            target.startsWith('cli/') ||
            target === 'app.js' ||
            target === 'config.js' ||
            /fastify/.test(target) ||
            /sqlite|postgres|^pg$/i.test(target),
        )
        .map(({ line, specifier }) => `${relative(SRC, file)}:${line}: ${specifier}`),
    )
    assert.deepEqual(bad, [])
  })

  it('src/domain never names a database, asks which one it runs on, or takes a row lock itself', () => {
    const bad = domainFiles.flatMap(({ file, text }) =>
      linesMatching(
        file,
        text,
        /sqlite|postgres|\btraits\b|supportsForUpdate|\.for(Update|NoKeyUpdate|Share|KeyShare)\(|\bfor (no key )?update\b/i,
      ),
    )
    assert.deepEqual(bad, [])
  })

  it('src/domain sees booleans, never the 0/1 flags they are stored as (src/db/flags.ts)', () => {
    const bad = domainFiles.flatMap(({ file, text }) =>
      linesMatching(
        file,
        text,
        /\b(process|duplicates_allowed|accepts_multiple_values)\s*[!=]==?\s*[01]\b|\?\s*1\s*:\s*0,/,
      ),
    )
    assert.deepEqual(bad, [])
  })

  it('entries are written only through EntryWrites (src/domain/entries/entry-writes.ts)', () => {
    const home = 'domain/entries/entry-writes.ts'
    const bad = [...domainFiles, ...httpFiles]
      .filter(({ file }) => relative(SRC, file) !== home)
      .flatMap(({ file, text }) =>
        importsOf(file, text)
          .filter(({ target }) => target === 'db/queries/entry-writes.js' || target === 'db/queries/entry-cascades.js')
          // A type (the lookup row's shape) writes nothing.
          .filter(({ line }) => !/^import type /.test(text.split('\n')[line - 1] ?? ''))
          .map(({ line, specifier }) => `${relative(SRC, file)}:${line}: ${specifier}`),
      )
    assert.deepEqual(bad, [])
  })

  it('src/db imports nothing of src/domain or src/http', () => {
    const bad = dbFiles.flatMap(({ file, text }) =>
      importsOf(file, text)
        .filter(({ target }) => /^(domain|http|cli)\//.test(target) || target === 'app.js')
        .map(({ line, specifier }) => `${relative(SRC, file)}:${line}: ${specifier}`),
    )
    assert.deepEqual(bad, [])
  })

  it('src/domain and src/http keep no module-global state (caches belong to an instance)', () => {
    const bad = [...domainFiles, ...httpFiles]
      .filter(({ file }) => !ALLOWED_MODULE_STATE.includes(relative(SRC, file)))
      .flatMap(({ file, text }) => linesMatching(file, text, MODULE_STATE))
    assert.deepEqual(bad, [])
  })

  it('the checks catch what they look for', () => {
    const file = join(SRC, 'domain/example.ts')
    assert.deepEqual(
      importsOf(file, "import type { X } from '../http/schemas/x.js'\nimport fp from 'fastify-plugin'").map(
        (i) => i.target,
      ),
      ['http/schemas/x.js', 'fastify-plugin'],
    )
    assert.equal(linesMatching(file, 'const q = db.selectFrom("x").forUpdate()', /\.forUpdate\(/).length, 1)
    const state = [
      'const cache = new Map<string, number>()',
      'let n = 0',
      'export const seen: Set<string> = new Set()',
      '  const local = new Map()',
      'const LIMIT = 5',
      'const NAMES: ReadonlySet<string> = new Set()',
    ].join('\n')
    assert.equal(linesMatching(file, state, MODULE_STATE).length, 3)
  })
})
