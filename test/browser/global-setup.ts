/**
 * Once per browser run, before any file: build the web app (for production) and the compiled server
 * when their sources changed, then seed the demo into a folder that every test file serves a copy of
 * (`openConsole`), instead of each file seeding its own. Removed when the run ends.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cuttleEnv, demoTemplateVariable, projectRoot } from './cuttle-env.js'

export default function setup(): () => void {
  buildWebAppIfStale()
  execFileSync('node', ['scripts/build-server-if-stale.mjs'], { cwd: projectRoot, stdio: 'pipe' })
  const folder = mkdtempSync(join(tmpdir(), 'cuttle-browser-demo-'))
  const dataDir = join(folder, 'data')
  execFileSync('node', ['bin/cuttle.js', 'seed', '--accounts', '200'], {
    cwd: projectRoot,
    env: cuttleEnv({ dataDir }),
    stdio: 'pipe',
  })
  process.env[demoTemplateVariable] = dataDir
  return () => rmSync(folder, { recursive: true, force: true })
}

/**
 * Build web/dist when it is missing or older than the console's sources. As production: the test
 * runner sets NODE_ENV=test, which would otherwise give React's development build.
 */
function buildWebAppIfStale(): void {
  const built = join(projectRoot, 'web', 'dist', 'index.html')
  if (existsSync(built) && newestChange(join(projectRoot, 'web', 'src')) <= statSync(built).mtimeMs) return
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], {
    cwd: projectRoot,
    stdio: 'pipe',
    env: { ...process.env, NODE_ENV: 'production' },
  })
}

function newestChange(folder: string): number {
  let newest = statSync(folder).mtimeMs
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs)
  }
  return newest
}
