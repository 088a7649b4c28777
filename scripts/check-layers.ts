/**
 * The layer rules of ARCHITECTURE.md, checked over every import in src/ and web/ (run by `npm run lint`).
 * dependency-cruiser needs the TypeScript compiler's JavaScript API, which TypeScript 7 no longer ships,
 * so the rules are checked here from the import statements themselves.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Modules from lowest to highest; a module may import only modules on a strictly lower level. */
export const moduleLevels: Record<string, number> = {
  audit: 0,
  market: 1,
  access: 1,
  accounts: 2,
  metering: 3,
  tariffs: 3,
  comms: 3,
  cases: 3,
  assist: 3,
  devices: 4,
  ledger: 4,
  billing: 5,
  payments: 5,
  collections: 6,
  analytics: 7,
}

export interface Violation {
  readonly file: string
  readonly imported: string
  readonly rule: string
}

type Layer =
  | { kind: 'shared' }
  | { kind: 'db' }
  | { kind: 'module'; name: string; entry: boolean }
  | { kind: 'documents' }
  | { kind: 'usecases' }
  | { kind: 'demo' }
  | { kind: 'api' }
  | { kind: 'cli' }
  | { kind: 'jobs' }
  | { kind: 'web' }
  | { kind: 'other' }

function layerOf(path: string): Layer {
  const parts = path.split('/')
  if (parts[0] === 'web') return { kind: 'web' }
  if (parts[0] !== 'src') return { kind: 'other' }
  switch (parts[1]) {
    case 'shared':
      return { kind: 'shared' }
    case 'db':
      return { kind: 'db' }
    case 'modules':
      return { kind: 'module', name: parts[2] ?? '', entry: parts.length === 4 && parts[3] === 'index.ts' }
    case 'documents':
      return { kind: 'documents' }
    case 'usecases':
      return { kind: 'usecases' }
    case 'demo':
      return { kind: 'demo' }
    case 'api':
      return { kind: 'api' }
    case 'cli':
      return { kind: 'cli' }
    case 'jobs':
      return { kind: 'jobs' }
    default:
      return { kind: 'other' }
  }
}

const isTest = (path: string) => /\.test\.tsx?$/.test(path)

/** The rule an import breaks, or null when it is allowed. Paths are relative to the project root. */
export function ruleBroken(from: string, to: string, specifier: string): string | null {
  const source = layerOf(from)
  const target = layerOf(to)
  const external = !specifier.startsWith('.')
  if (external) {
    const interfaceLayer = source.kind === 'api' || source.kind === 'cli' || source.kind === 'jobs'
    return interfaceLayer && specifier === 'kysely' && !isTest(from)
      ? 'interfaces hold no SQL: move the query into a module'
      : null
  }
  if (source.kind === 'web') return target.kind === 'web' || to.startsWith('web/') ? null : 'web/ imports only web/'
  if (target.kind === 'other' && to.startsWith('src/')) return `unknown layer for ${to}`
  if (target.kind === 'web') return 'only web/ imports web/'
  if (target.kind === 'module' && !(source.kind === 'module' && source.name === target.name) && !target.entry) {
    return `import the ${target.name} module through its index.ts only`
  }
  switch (source.kind) {
    case 'shared':
      return target.kind === 'shared' ? null : 'src/shared imports nothing above it'
    case 'db':
      return target.kind === 'shared' || target.kind === 'db' ? null : 'src/db imports only src/shared'
    case 'module': {
      if (target.kind === 'shared' || target.kind === 'db') return null
      if (target.kind !== 'module') return `modules do not import ${target.kind}`
      if (target.name === source.name) return null
      const mine = moduleLevels[source.name]
      const theirs = moduleLevels[target.name]
      if (mine === undefined) return `module ${source.name} has no level in moduleLevels`
      if (theirs === undefined) return `module ${target.name} has no level in moduleLevels`
      if (theirs >= mine)
        return `module ${source.name} may not import ${target.name} (same or higher level); use a use case`
      return null
    }
    case 'documents':
      return ['shared', 'module', 'documents'].includes(target.kind)
        ? null
        : `documents render from module types only and do not import ${target.kind}`
    case 'usecases':
      // A use case's tests may build their accounts with the demo's fixtures; the use case itself may not.
      if (target.kind === 'demo' && isTest(from)) return null
      return ['shared', 'db', 'module', 'documents', 'usecases'].includes(target.kind)
        ? null
        : `use cases do not import ${target.kind}`
    case 'demo':
      return ['shared', 'db', 'module', 'documents', 'usecases', 'demo'].includes(target.kind)
        ? null
        : `the demo does not import ${target.kind}`
    case 'api':
    case 'jobs':
    case 'cli': {
      if (specifier === 'kysely' && !isTest(from)) return 'interfaces hold no SQL: move the query into a module'
      if (target.kind === 'cli' && source.kind !== 'cli') return 'only the CLI imports src/cli'
      if (target.kind === 'jobs' && source.kind === 'api') return 'the API does not import jobs'
      if (target.kind === 'demo' && source.kind !== 'cli' && !isTest(from))
        return 'only the CLI (and tests) import the demo: production code does not depend on demo data'
      return null
    }
    default:
      return null
  }
}

const importPattern = /^\s*(?:import|export)\s[^'";]*?from\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm

/** Every relative or bare import specifier in a source text. */
export function importsOf(text: string): string[] {
  const found: string[] = []
  for (const match of text.matchAll(importPattern)) {
    const specifier = match[1] ?? match[2]
    if (specifier) found.push(specifier)
  }
  return found
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue
    const path = join(dir, name)
    if (statSync(path).isDirectory()) walk(path, out)
    else if (/\.tsx?$/.test(name)) out.push(path)
  }
  return out
}

/** Check every file under src/ and web/ of a project root. */
export function checkLayers(root: string): Violation[] {
  const violations: Violation[] = []
  const files = ['src', 'web'].flatMap((dir) => {
    try {
      return walk(join(root, dir))
    } catch {
      return []
    }
  })
  for (const file of files) {
    const from = relative(root, file).split(sep).join('/')
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      const to = specifier.startsWith('.')
        ? relative(root, resolve(dirname(file), specifier.replace(/\.js$/, '.ts')))
            .split(sep)
            .join('/')
        : specifier
      const rule = ruleBroken(from, to, specifier)
      if (rule) violations.push({ file: from, imported: specifier, rule })
    }
  }
  return violations
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
  const violations = checkLayers(root)
  for (const v of violations) console.error(`${v.file}: imports '${v.imported}': ${v.rule}`)
  if (violations.length > 0) {
    console.error(`${violations.length} layer rule violation(s)`)
    process.exit(1)
  }
  console.log('layers: every import follows the rules in ARCHITECTURE.md')
}
