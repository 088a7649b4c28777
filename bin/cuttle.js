#!/usr/bin/env node
// The `cuttle` command. It runs the compiled server in dist/ when dist/ was built from the sources as
// they are now (`npm start` and `npm run build` compile it: scripts/build-server-if-stale.mjs), which
// starts in a fraction of the time; otherwise it runs the TypeScript sources through tsx, so a stale
// build never runs and development needs no build step.
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { distEntry, serverBuildState } from '../scripts/server-build.mjs'

// `cuttle --version` (or -V) alone answers from package.json without loading the server.
const [only, ...rest] = process.argv.slice(2)
if ((only === '--version' || only === '-V') && rest.length === 0) {
  console.log(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version)
  process.exit(0)
}

const state = serverBuildState()
if (state === 'fresh') {
  await import(pathToFileURL(distEntry).href)
} else {
  let tsx
  try {
    tsx = await import('tsx/esm/api')
  } catch {
    tsx = undefined
  }
  if (!tsx) {
    console.error(
      `cuttle: the compiled server in dist/ is ${state === 'missing' ? 'missing' : 'older than src/'}, and tsx (a dev dependency) is not installed to run the sources.`,
    )
    console.error('Run `npm run build` where the dev dependencies are installed, and deploy dist/ with the code.')
    process.exit(1)
  }
  // Said to a person at a terminal only: a command's output (`cuttle --version`, a refusal's one line
  // on stderr) stays what scripts expect.
  if (state === 'stale' && process.stderr.isTTY) {
    console.error('cuttle: dist/ is older than src/, so the sources run through tsx; `npm run build` compiles them.')
  }
  tsx.register()
  await import('../src/cli/main.ts')
}
