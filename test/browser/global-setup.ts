/**
 * Once per browser run, before any file: build the web app (for production) and the compiled server
 * when their sources changed, then seed the demo into a folder that every test file serves a copy of
 * (`openConsole`), instead of each file seeding its own. Removed when the run ends.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cuttleEnv, demoTemplateVariable, projectRoot } from './cuttle-env.js'

export default function setup(): () => void {
  // As production: the test runner sets NODE_ENV=test, which would give React's development build.
  const production = { ...process.env, NODE_ENV: 'production' }
  for (const build of ['scripts/build-web-if-stale.mjs', 'scripts/build-server-if-stale.mjs']) {
    execFileSync('node', [build], { cwd: projectRoot, stdio: 'pipe', env: production })
  }
  const folder = mkdtempSync(join(tmpdir(), 'cuttle-browser-demo-'))
  const dataDir = join(folder, 'data')
  execFileSync('node', ['bin/cuttle.js', 'seed', '--accounts', '100', '--history-days', '120'], {
    cwd: projectRoot,
    env: cuttleEnv({ dataDir }),
    stdio: 'pipe',
  })
  process.env[demoTemplateVariable] = dataDir
  return () => rmSync(folder, { recursive: true, force: true })
}
