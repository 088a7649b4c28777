/**
 * Styling through tokens (issue 20, item 10): the web app's colours, spacing, corner radii and type
 * sizes are named once, in web/src/styles/tokens.css, so a supplier re-brands by changing tokens
 * only. This finds what breaks that: a raw colour (`#hex`, `rgb(`, `hsl(`) in any other stylesheet
 * or in a string in the web app's code, a pixel size in a `padding`, `margin`, `gap`, `font-size` or
 * `border-radius` outside the tokens, a token used but never declared, and anything in the tokens
 * file other than custom properties.
 *
 * Usage: npx tsx scripts/check-web-styles.ts   (exit 1 and one line per problem when there are any)
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export const tokensFile = 'web/src/styles/tokens.css'
const rawColour = /#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?)\(/
const sizedProperty = /^\s*(padding|margin|gap|row-gap|column-gap|font-size|border-radius)(-[a-z-]+)?\s*:\s*([^;]*)/
const pixels = /(?<![\w-])\d*\.?\d+px\b/

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]))
}

/** CSS without its comments, keeping line numbers. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
}

/** The custom properties a stylesheet declares. */
export function declaredTokens(css: string): Set<string> {
  return new Set([...withoutComments(css).matchAll(/(--[\w-]+)\s*:/g)].map((match) => match[1] ?? ''))
}

/** Problems in one stylesheet (not the tokens file), given the declared tokens. */
export function stylesheetProblems(path: string, css: string, tokens: ReadonlySet<string>): string[] {
  const problems: string[] = []
  withoutComments(css)
    .split('\n')
    .forEach((line, index) => {
      const where = `${path}:${index + 1}`
      if (rawColour.test(line)) problems.push(`${where}: a raw colour; use a colour token from ${tokensFile}`)
      const sized = sizedProperty.exec(line)
      if (sized && pixels.test(sized[3] ?? '')) {
        problems.push(`${where}: a pixel size in ${sized[1]}${sized[2] ?? ''}; use a token from ${tokensFile}`)
      }
      if (/^\s*--[\w-]+\s*:/.test(line)) problems.push(`${where}: a custom property; declare tokens in ${tokensFile}`)
      for (const match of line.matchAll(/var\(\s*(--[\w-]+)/g)) {
        if (!tokens.has(match[1] ?? '')) problems.push(`${where}: ${match[1]} is not declared in ${tokensFile}`)
      }
    })
  return problems
}

/** Problems in the tokens file: only custom properties, inside `:root` (or a media query's `:root`). */
export function tokensFileProblems(path: string, css: string): string[] {
  const problems: string[] = []
  withoutComments(css)
    .split('\n')
    .forEach((line, index) => {
      const text = line.trim()
      if (text === '' || text === '}' || text === ':root {' || /^@media [^{]+\{$/.test(text)) return
      if (!/^--[\w-]+\s*:/.test(text)) problems.push(`${path}:${index + 1}: only custom properties belong here`)
    })
  return problems
}

/** Raw colours in string literals of the web app's code (a canvas or inline style must read tokens). */
export function codeProblems(path: string, source: string): string[] {
  const problems: string[] = []
  source.split('\n').forEach((line, index) => {
    if (/(['"`])\s*(#[0-9a-fA-F]{3,8}|(?:rgba?|hsla?)\()/.test(line)) {
      problems.push(`${path}:${index + 1}: a raw colour in code; read a token from ${tokensFile}`)
    }
  })
  return problems
}

/** Every problem in the web app under `root`. */
export function webStyleProblems(root: string): string[] {
  const webSrc = join(root, 'web', 'src')
  const name = (file: string) => relative(root, file).split(sep).join('/')
  const tokensCss = readFileSync(join(root, tokensFile), 'utf8')
  const tokens = declaredTokens(tokensCss)
  const problems = tokensFileProblems(tokensFile, tokensCss)
  for (const file of filesUnder(webSrc)) {
    if (name(file) === tokensFile) continue
    if (file.endsWith('.css')) problems.push(...stylesheetProblems(name(file), readFileSync(file, 'utf8'), tokens))
    else if (/\.tsx?$/.test(file)) problems.push(...codeProblems(name(file), readFileSync(file, 'utf8')))
  }
  // The entry pages too (the tab icon is added from the tokens at build time: web/vite.config.ts).
  for (const page of ['index.html', 'portal.html']) {
    const file = join(root, 'web', page)
    problems.push(...codeProblems(name(file), readFileSync(file, 'utf8')))
  }
  return problems
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const problems = webStyleProblems(fileURLToPath(new URL('..', import.meta.url)))
  for (const problem of problems) console.error(problem)
  process.exitCode = problems.length > 0 ? 1 : 0
}
