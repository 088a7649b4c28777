/**
 * Builds the web console (web/dist) only when its sources changed since the last build, so `npm start`
 * does not spend a Vite build on every restart. The inputs are hashed by content, not by mtime: a fresh
 * clone or a branch switch touches every file's mtime without changing what the build would produce.
 * After a build the hash is written to web/.dist-stamp, beside web/dist rather than in it because the
 * server serves every file in web/dist. The stamp is removed before building, so a failed build
 * leaves none and the next start builds again.
 *
 * Plain JavaScript on purpose: it runs before the server, and must not need tsx or Vite when web/dist
 * is already up to date (Vite is imported only when a build is needed).
 *
 * Usage: node scripts/build-web-if-stale.mjs [--force] [--check]   (`npm run build` is `--force`)
 *   --force  build even when the stamp matches;  --check  only report, exit 1 when a build is needed.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { contentHash, root } from './server-build.mjs'

const distDir = join(root, 'web', 'dist')
const stampFile = join(root, 'web', '.dist-stamp')
/** What the build reads: the web app's sources, its two entry pages (console and portal) and config, and the locked dependency versions. */
const inputs = ['web/src', 'web/index.html', 'web/portal.html', 'web/vite.config.ts', 'package-lock.json']

/** A hash of the inputs' paths and contents. */
export function sourceHash() {
  return contentHash(inputs)
}

function builtHash() {
  return existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : undefined
}

const args = new Set(process.argv.slice(2))
const wanted = sourceHash()
const stale = args.has('--force') || builtHash() !== wanted || !existsSync(join(distDir, 'index.html'))

if (args.has('--check')) {
  console.log(stale ? 'web/dist is out of date' : 'web/dist is up to date')
  process.exitCode = stale ? 1 : 0
} else if (stale) {
  let vite
  try {
    vite = await import('vite')
  } catch {
    vite = undefined
  }
  if (!vite) {
    // An install without dev dependencies (npm ci --omit=dev) cannot build: it serves the web/dist
    // that was built before it was deployed, and refuses to start without one.
    if (!existsSync(join(distDir, 'index.html'))) {
      console.error('cuttle: web/dist is missing and Vite (a dev dependency) is not installed to build it.')
      console.error('Run `npm run build` where the dev dependencies are installed, and deploy web/dist with the code.')
      process.exit(1)
    }
    console.warn('cuttle: Vite is not installed, so web/dist is served as it is (it may be older than web/src).')
    process.exit(0)
  }
  rmSync(stampFile, { force: true })
  await vite.build({ configFile: join(root, 'web', 'vite.config.ts'), logLevel: 'warn' })
  writeFileSync(stampFile, `${wanted}\n`)
}
