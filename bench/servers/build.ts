// The Rapport server is measured as it ships: the compiled JavaScript run by `bin/rapport.js serve`, not
// the TypeScript sources through a loader (which adds ~45 MiB of RSS and a transpile step). This makes
// sure dist/ is there and not older than src/ before a run.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))

function newestMtime(dir: string): number {
  let newest = 0
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    const stat = statSync(path)
    newest = Math.max(newest, stat.isDirectory() ? newestMtime(path) : stat.mtimeMs)
  }
  return newest
}

export function ensureBuilt(log: (message: string) => void): void {
  const built = join(ROOT, 'dist', 'app.js')
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(join(ROOT, 'src'))) return
  log('building dist/ (tsc -p tsconfig.build.json) so the server runs as it ships')
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc')
  const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' })
  if (result.status !== 0) throw new Error('the build failed')
}
