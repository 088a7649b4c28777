/**
 * Compiles the server (src/ → dist/, with tsc and tsconfig.build.json) only when its sources changed
 * since the last build, so `npm start` does not spend a compile on every restart and `bin/cuttle.js`
 * can run plain JavaScript instead of compiling the TypeScript in memory at every start. Files the
 * server reads at run time (the migrations' .sql) are copied beside the compiled code. dist/ is
 * emptied and its stamp removed before building, so a failed build leaves no stamp and never runs.
 *
 * Usage: node scripts/build-server-if-stale.mjs [--force] [--check]   (`npm run build` is `--force`)
 *   --force  build even when the stamp matches;  --check  only report, exit 1 when a build is needed.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { distDir, root, serverBuildState, serverSourceHash, stampFile } from './server-build.mjs'

/** Copy every file under `from` the server reads at run time (anything but TypeScript and docs) to the same place under `to`. */
function copyRuntimeFiles(from, to) {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name)
    const target = join(to, entry.name)
    if (entry.isDirectory()) copyRuntimeFiles(source, target)
    else if (!/\.(ts|tsx|md)$/.test(entry.name)) {
      mkdirSync(dirname(target), { recursive: true })
      copyFileSync(source, target)
    }
  }
}

const args = new Set(process.argv.slice(2))
const wanted = serverSourceHash()
const state = serverBuildState(wanted)
const stale = args.has('--force') || state !== 'fresh'

if (args.has('--check')) {
  console.log(state === 'fresh' ? 'dist is up to date' : `dist is ${state === 'missing' ? 'missing' : 'out of date'}`)
  process.exitCode = state === 'fresh' ? 0 : 1
} else if (stale) {
  let tsc
  try {
    tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc')
  } catch {
    tsc = undefined
  }
  if (!tsc || !existsSync(tsc)) {
    // An install without dev dependencies (npm ci --omit=dev) cannot compile: it runs the dist/ that
    // was built from these very sources before it was deployed, and refuses anything else.
    console.error(
      `cuttle: dist/ is ${state === 'missing' ? 'missing' : 'older than src/'} and TypeScript (a dev dependency) is not installed to build it.`,
    )
    console.error('Run `npm run build` where the dev dependencies are installed, and deploy dist/ with the code.')
    process.exit(1)
  }
  rmSync(distDir, { recursive: true, force: true })
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
    cwd: root,
    stdio: 'inherit',
  })
  if (result.status !== 0) {
    console.error('cuttle: compiling the server failed (see above); nothing was built.')
    process.exit(result.status ?? 1)
  }
  copyRuntimeFiles(join(root, 'src'), distDir)
  writeFileSync(stampFile, `${wanted}\n`)
}
