/**
 * Local days only through src/shared/time (issue 21, item 10): a date turned into an instant by
 * gluing on `T00:00:00Z` is the UTC midnight, which in a British summer is 01:00 local, an hour into
 * the supplier's day. This refuses `T00:00:00Z` (or `T00:00:00.000Z`) built in a template or by string
 * concatenation in the server code (src/ and scripts/) outside src/shared/time.ts and test files: a
 * local day starts at `startOfLocalDay`, and where a UTC midnight is really meant (an API bound, a
 * far-past default, formatting a date-only value) `utcMidnight` says so. A whole literal instant
 * ('2026-01-01T00:00:00Z') is not built and stays allowed. The browser app (web/) is not checked.
 *
 * Usage: npx tsx scripts/check-local-days.ts   (exit 1 and one line per problem when there are any)
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export const timeModule = 'src/shared/time.ts'
const checkedFolders = ['src', 'scripts']
const midnight = 'T00:00:00(?:\\.000)?Z'
/** An interpolation right before the midnight: `${date}T00:00:00Z`. */
const afterInterpolation = new RegExp(`\\}${midnight}`)
/** A string that is only (or starts with) the midnight, to be glued on: 'T00:00:00Z', date + "T00:00:00.000Z". */
const gluedFragment = new RegExp(`(['"\`])${midnight}`)
/** A concatenation onto a string that ends with the midnight: x + '…T00:00:00Z' or '…T00:00:00Z' + x. */
const concatenated = new RegExp(`\\+\\s*(['"\`])[^'"\`]*${midnight}\\1|(['"\`])[^'"\`]*${midnight}\\2\\s*\\+`)

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]))
}

/** Whether a file is exempt: the time module itself, and tests (which write the instants they expect). */
export function isExempt(path: string): boolean {
  return path === timeModule || /\.test\.tsx?$/.test(path) || path.startsWith('test/') || path.includes('/test/')
}

/** Problems in one file, as 'path:line: message'. */
export function localDayProblems(path: string, source: string): string[] {
  if (isExempt(path)) return []
  const problems: string[] = []
  source.split('\n').forEach((line, index) => {
    const code = line.trim()
    if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return
    if (afterInterpolation.test(line) || gluedFragment.test(line) || concatenated.test(line)) {
      problems.push(
        `${path}:${index + 1}: a midnight built by hand; use startOfLocalDay (a local day) or utcMidnight (a UTC date) from ${timeModule}`,
      )
    }
  })
  return problems
}

/** Every problem in the server code under `root`. */
export function checkLocalDays(root: string): string[] {
  const name = (file: string) => relative(root, file).split(sep).join('/')
  return checkedFolders.flatMap((folder) =>
    filesUnder(join(root, folder))
      .filter((file) => /\.(ts|tsx|mts)$/.test(file))
      .flatMap((file) => localDayProblems(name(file), readFileSync(file, 'utf8'))),
  )
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const problems = checkLocalDays(fileURLToPath(new URL('..', import.meta.url)))
  for (const problem of problems) console.error(problem)
  process.exitCode = problems.length > 0 ? 1 : 0
}
