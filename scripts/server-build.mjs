/**
 * The compiled server (dist/, from `tsc -p tsconfig.build.json`) and whether it is the build of the
 * sources as they are now. Like web/.dist-stamp, the inputs are hashed by content, not by mtime: the
 * hash of the sources a build was made from is written to dist/.build-stamp after it succeeds, and
 * `bin/cuttle.js` runs dist/ only when that stamp matches the sources it finds. A stale build never
 * runs.
 *
 * Plain JavaScript on purpose: `bin/cuttle.js` imports it before anything is compiled or registered.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('..', import.meta.url))
export const distDir = join(root, 'dist')
export const stampFile = join(distDir, '.build-stamp')
/** The compiled `cuttle` command. */
export const distEntry = join(distDir, 'cli', 'main.js')
/** What the build reads: the server's sources (tests aside), the compiler settings and the locked dependency versions. */
const inputs = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json']

/**
 * A hash of the paths and contents of every file under `inputs` (folders or files, relative to the
 * project root) that `keep` accepts, sorted so it does not depend on directory order. Both build
 * stamps (the server's dist/ and the web app's web/dist) are this hash of their sources.
 */
export function contentHash(inputs, keep = () => true) {
  const filesUnder = (path) => {
    if (!existsSync(path)) return []
    if (!statSync(path).isDirectory()) return keep(path) ? [path] : []
    return readdirSync(path, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .flatMap((entry) => filesUnder(join(path, entry.name)))
  }
  const hash = createHash('sha256')
  for (const input of inputs) {
    for (const file of filesUnder(join(root, input))) {
      hash.update(relative(root, file).split(sep).join('/'))
      hash.update('\0')
      hash.update(readFileSync(file))
      hash.update('\0')
    }
  }
  return hash.digest('hex')
}

/** A hash of the server's sources (tests and docs aside). */
export function serverSourceHash() {
  return contentHash(inputs, (path) => !/\.test\.ts$|\.md$/.test(path))
}

/** `fresh` when dist/ was built from the sources as they are, `stale` when from others, `missing` when never built. */
export function serverBuildState(wanted = serverSourceHash()) {
  if (!existsSync(stampFile) || !existsSync(distEntry)) return 'missing'
  return readFileSync(stampFile, 'utf8').trim() === wanted ? 'fresh' : 'stale'
}
