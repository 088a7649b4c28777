/**
 * Table ownership and SQL placement (run by `npm run lint` after check-layers).
 *
 * Every table and view the migrations create belongs to one module (`tableOwners`, checked against
 * src/db/migrations both ways, so a new table without an owner fails). A module's SQL touches only its
 * own tables: another module's data comes through that module's functions or a view it publishes.
 * SQL lives only in a module's `store.ts`, `queries.ts` or `*-store.ts`; any other file of a module,
 * and everything else under src/ except the platform (src/db), holds none.
 *
 * Like check-layers, this reads the source text itself: table names in Kysely calls (`selectFrom`,
 * `insertInto`, `updateTable`, `deleteFrom`, joins), in `withTables<…>` type maps, in `copyRows`, and
 * in raw `sql` templates.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { moduleLevels } from './check-layers.js'

/** Each table or view of src/db/migrations and the module that owns it. */
export const tableOwners: Record<string, string> = {
  // platform and staff access
  audit_events: 'audit',
  supplier: 'market',
  staff_users: 'access',
  staff_sessions: 'access',
  api_tokens: 'access',
  service_accounts: 'access',
  staff_invitations: 'access',
  staff_role_requests: 'access',
  external_users: 'access',
  external_sessions: 'access',
  account_grants: 'access',
  account_invitations: 'access',
  poa_documents: 'access',
  verification_attempts: 'access',
  account_review_flags: 'access',
  account_secrets: 'access',
  // accounts
  customers: 'accounts',
  properties: 'accounts',
  accounts: 'accounts',
  account_contacts: 'accounts',
  account_notes: 'accounts',
  account_search: 'accounts',
  account_holds: 'accounts',
  account_vulnerabilities: 'accounts',
  account_numbers: 'accounts',
  // metering
  meter_points: 'metering',
  supply_periods: 'metering',
  meters: 'metering',
  registers: 'metering',
  calorific_values: 'metering',
  register_readings: 'metering',
  interval_days: 'metering',
  intervals: 'metering',
  interval_revisions: 'metering',
  ingestions: 'metering',
  meter_point_kinds: 'metering',
  // tariffs
  products: 'tariffs',
  tariffs: 'tariffs',
  tariff_rates: 'tariffs',
  tariff_bands: 'tariffs',
  agreements: 'tariffs',
  dispatches: 'tariffs',
  price_changes: 'tariffs',
  // comms, cases, assist
  comms_messages: 'comms',
  comms_message_events: 'comms',
  comms_letters: 'comms',
  comms_sms_enrolments: 'comms',
  cases: 'cases',
  case_events: 'cases',
  case_notes: 'cases',
  case_attachments: 'cases',
  assist_drafts: 'assist',
  // money
  ledger_journals: 'ledger',
  ledger_postings: 'ledger',
  billing_profiles: 'billing',
  historical_bills: 'billing',
  billing_runs: 'billing',
  billing_documents: 'billing',
  statements: 'billing',
  statement_lines: 'billing',
  final_settlements: 'billing',
  payment_methods: 'payments',
  payments: 'payments',
  payment_events: 'payments',
  credit_requests: 'payments',
  direct_debit_instructions: 'payments',
  direct_debit_collections: 'payments',
  direct_debit_overrides: 'payments',
  payment_arrangements: 'payments',
  arrangement_instalments: 'payments',
  collection_actions: 'collections',
  disconnection_orders: 'collections',
  collection_notes: 'collections',
}

/**
 * Views a module publishes for named modules below or beside it, which may not call it: a reader's
 * SQL may select from them. Each must be created as a view (not a table) in the migrations.
 */
export const publishedViews: Record<string, readonly string[]> = {
  account_numbers: ['access'],
  meter_point_kinds: ['tariffs'],
}

/**
 * Paths (a file, or a folder ending in '/') whose SQL another piece of work is already moving: a
 * split of the file in progress. Their SQL outside a store is printed but does not fail the check
 * (a foreign table still does); an entry under which nothing is pending fails it, so the list only
 * shrinks.
 */
export const pendingFiles: Record<string, string> = {}

const outsideStore = 'SQL outside a store'

/** The pending entry covering a violation (SQL outside a store in a listed path), if any. */
export function pendingEntry(
  violation: { file: string; message: string },
  pending: Record<string, string> = pendingFiles,
): string | undefined {
  if (!violation.message.startsWith(outsideStore)) return undefined
  const { file } = violation
  return Object.keys(pending).find((entry) => (entry.endsWith('/') ? file.startsWith(entry) : file === entry))
}

export interface TableViolation {
  readonly file: string
  readonly line: number
  readonly message: string
}

const identifier = '[a-z_][a-z0-9_]*'

/** The tables and views a migration creates (partitions made by `format()` at run time are not named). */
export function tablesCreatedIn(migration: string, kinds = 'table|view'): string[] {
  const pattern = new RegExp(
    `\\bcreate\\s+(?:or\\s+replace\\s+)?(?:materialized\\s+)?(?:${kinds})\\s+(?:if\\s+not\\s+exists\\s+)?(?:public\\.)?(?!if\\b)(${identifier})\\b`,
    'gi',
  )
  return [...stripSqlComments(migration).matchAll(pattern)].map((m) => (m[1] ?? '').toLowerCase())
}

/** Problems with the map itself: a migrated table without an owner, an owner of nothing, an unknown module. */
export function checkOwnerMap(
  created: readonly string[],
  owners: Record<string, string>,
  views: readonly string[] = created,
  published: Record<string, readonly string[]> = {},
): string[] {
  const problems: string[] = []
  const made = new Set(created)
  for (const table of made) {
    if (!owners[table]) problems.push(`table ${table} has no owner in tableOwners (scripts/check-tables.ts)`)
  }
  for (const [table, owner] of Object.entries(owners)) {
    if (!made.has(table)) problems.push(`tableOwners names ${table}, which no migration creates`)
    if (moduleLevels[owner] === undefined) problems.push(`table ${table} is owned by ${owner}, which is not a module`)
  }
  for (const [view, readers] of Object.entries(published)) {
    if (!views.includes(view)) problems.push(`publishedViews names ${view}, which no migration creates as a view`)
    for (const reader of readers)
      if (moduleLevels[reader] === undefined)
        problems.push(`view ${view} is published to ${reader}, which is not a module`)
  }
  return problems
}

function stripSqlComments(text: string): string {
  return text.replace(/--[^\n]*/g, (c) => ' '.repeat(c.length))
}

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length

/** Where the template literal opened by the backtick at `open` ends (the index of its closing backtick). */
function templateEnd(text: string, open: number): number {
  let i = open + 1
  while (i < text.length) {
    const c = text[i]
    if (c === '\\') i += 2
    else if (c === '`') return i
    else if (c === '$' && text[i + 1] === '{') i = expressionEnd(text, i + 2) + 1
    else i++
  }
  return text.length
}

/** Where the `${…}` expression starting at `start` ends (the index of its closing brace). */
function expressionEnd(text: string, start: number): number {
  let depth = 1
  let i = start
  while (i < text.length) {
    const c = text[i]
    if (c === '`') i = templateEnd(text, i) + 1
    else if (c === "'" || c === '"') {
      i++
      while (i < text.length && text[i] !== c) i += text[i] === '\\' ? 2 : 1
      i++
    } else {
      if (c === '{') depth++
      if (c === '}' && --depth === 0) return i
      i++
    }
  }
  return text.length
}

/** The literal text of a template (its `${…}` parts masked with #, positions kept). */
function templateText(text: string, open: number, end: number): string {
  let out = ''
  let i = open + 1
  while (i < end) {
    if (text[i] === '$' && text[i + 1] === '{') {
      const close = expressionEnd(text, i + 2)
      out += '#'.repeat(close + 1 - i)
      i = close + 1
    } else {
      out += text[i]
      i++
    }
  }
  return out
}

export interface TableUse {
  readonly table: string
  readonly line: number
  readonly how: 'kysely' | 'type map' | 'sql' | 'copy'
}

const kyselyCall =
  /\b(selectFrom|insertInto|updateTable|deleteFrom|mergeInto|replaceInto|innerJoin|leftJoin|rightJoin|fullJoin|crossJoin|innerJoinLateral|leftJoinLateral|crossJoinLateral)\s*\(\s*(\[[^\]]*\]|'[^']*'|"[^"]*")/g
/** The shared query helpers of `src/db/query-*.ts` name their table second: `rowsWhere(tables(db), 'meter_points', …)`. */
const queryHelperCall =
  /\b(rowsOfAccount|rowsWhere|rowsWhereIn|insertUnlessTaken|upsertRow)\s*\(\s*[^,()]*(?:\([^()]*\))?\s*,\s*('[^']*'|"[^"]*")/g
const sqlTablePosition = new RegExp(
  `\\b(?:from|join|into|update|table|copy|using)\\s+(?:only\\s+)?(?:public\\.)?(${identifier})\\b(?!\\s*[.(])`,
  'gi',
)

const commaList = new RegExp(
  `\\bfrom\\s+((?:${identifier}(?:\\s+(?:as\\s+)?(?!where\\b|join\\b|on\\b)${identifier})?\\s*,\\s*)+${identifier})`,
  'gi',
)

/** Table names in one SQL text; `offset` and `source` place them on a line of the file. */
function tablesInSql(sqlText: string, source: string, offset: number): TableUse[] {
  const uses: TableUse[] = []
  const clean = stripSqlComments(sqlText)
  for (const m of clean.matchAll(sqlTablePosition)) {
    uses.push({ table: (m[1] ?? '').toLowerCase(), line: lineAt(source, offset + (m.index ?? 0)), how: 'sql' })
  }
  // The second and later tables of a comma-separated FROM list (`from statements s, accounts a`).
  for (const m of clean.matchAll(commaList)) {
    let at = (m.index ?? 0) + (m[0].length - (m[1] ?? '').length)
    for (const item of (m[1] ?? '').split(',').slice(1)) {
      at += item.length + 1
      const name = /^\s*(?:public\.)?([a-z_][a-z0-9_]*)/i.exec(item)?.[1]
      if (name) uses.push({ table: name.toLowerCase(), line: lineAt(source, offset + at - item.length), how: 'sql' })
    }
  }
  return uses
}

/** The tables created at run time (`create temp table …`) in a source text: they belong to its module. */
export function tempTablesIn(text: string): string[] {
  const pattern = new RegExp(
    `\\bcreate\\s+(?:temp|temporary)\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(${identifier})`,
    'gi',
  )
  return [...text.matchAll(pattern)].map((m) => (m[1] ?? '').toLowerCase())
}

/** The keys of a `withTables<{ … }>` type map, or of the interface or type it names in the same file. */
function typeMapKeys(text: string, argument: string): string[] {
  let body = argument.trim()
  if (!body.startsWith('{')) {
    const named = new RegExp(`(?:interface\\s+${body}\\s*|type\\s+${body}\\s*=\\s*)\\{([^}]*)\\}`).exec(text)
    body = named ? `{${named[1]}}` : ''
  }
  return [...body.slice(1, -1).matchAll(new RegExp(`(?:^|[;,\\n{])\\s*(${identifier})\\s*\\??:`, 'g'))].map(
    (m) => m[1] ?? '',
  )
}

/**
 * The tables whose row type a source file declares itself: a key of its `withTables<{ … }>` map whose
 * type is an interface or type alias declared in the same file (not imported), with its line.
 */
export function rowTypesDeclaredIn(text: string): { table: string; line: number }[] {
  const found: { table: string; line: number }[] = []
  for (const m of text.matchAll(/\bwithTables\s*<\s*\{([^}]*)\}\s*>/g)) {
    for (const entry of (m[1] ?? '').matchAll(new RegExp(`(${identifier})\\s*\\??:\\s*([A-Za-z_$][\\w$]*)`, 'g'))) {
      const type = entry[2] ?? ''
      const declared = new RegExp(`^\\s*(?:export\\s+)?(?:interface\\s+${type}\\b|type\\s+${type}\\s*=)`, 'm').exec(
        text,
      )
      if (declared) found.push({ table: entry[1] ?? '', line: lineAt(text, declared.index) })
    }
  }
  return found
}

/** Every table a source file names in SQL, with its line. */
export function tablesUsedIn(text: string): TableUse[] {
  const uses: TableUse[] = []
  for (const m of [...text.matchAll(kyselyCall), ...text.matchAll(queryHelperCall)]) {
    const start = (m.index ?? 0) + m[0].length - (m[2] ?? '').length
    for (const literal of (m[2] ?? '').matchAll(/'([^']*)'|"([^"]*)"/g)) {
      const name =
        (literal[1] ?? literal[2] ?? '')
          .trim()
          .split(/\s+/)[0]
          ?.replace(/^public\./, '') ?? ''
      if (name) uses.push({ table: name, line: lineAt(text, start + (literal.index ?? 0)), how: 'kysely' })
    }
  }
  for (const m of text.matchAll(/\bwithTables\s*<\s*(\{[^}]*\}|[A-Za-z_$][\w$]*)\s*>/g)) {
    const line = lineAt(text, m.index ?? 0)
    for (const table of typeMapKeys(text, m[1] ?? '')) uses.push({ table, line, how: 'type map' })
  }
  for (const m of text.matchAll(/\bsql\s*(?:<[^`;]*?>)?\s*`/g)) {
    const open = (m.index ?? 0) + m[0].length - 1
    const end = templateEnd(text, open)
    uses.push(...tablesInSql(templateText(text, open, end), text, open + 1))
  }
  for (const m of text.matchAll(/\bsql\.(?:raw|table|id)\(\s*(?:'([^']*)'|"([^"]*)"|`([^`$]*)`)/g)) {
    const literal = m[1] ?? m[2] ?? m[3] ?? ''
    const at = (m.index ?? 0) + m[0].length - literal.length - 1
    if (m[0].startsWith('sql.raw')) uses.push(...tablesInSql(literal, text, at))
    else uses.push({ table: literal.split('.').pop() ?? literal, line: lineAt(text, at), how: 'sql' })
  }
  for (const m of text.matchAll(/\bcopyRows\s*\([^)]*?\btable\s*:\s*'([^']*)'/g)) {
    uses.push({ table: m[1] ?? '', line: lineAt(text, m.index ?? 0), how: 'copy' })
  }
  return uses.sort((a, b) => a.line - b.line)
}

/** The lines of a source text that hold SQL or the means to write it. */
export function sqlLines(text: string): number[] {
  const lines = new Set<number>()
  const patterns = [
    /^\s*import\s+\{[^}]*(?<!type\s)\bsql\b[^}]*\}\s+from\s+['"]kysely['"]/gm,
    /\bwithTables\s*</g,
    /\bsql\s*(?:<[^`;]*?>)?\s*`/g,
    /\bsql\.(?:raw|table|id|ref|lit|join)\(/g,
    /\b(?:selectFrom|insertInto|updateTable|deleteFrom|mergeInto|replaceInto)\s*\(/g,
    /\bcopyRows\s*\(/g,
  ]
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) lines.add(lineAt(text, m.index ?? 0))
  }
  return [...lines].sort((a, b) => a - b)
}

/** Where a file sits: a module (and whether SQL may live in it), the platform, or anything else in src. */
export function placeOf(path: string): { kind: 'module'; module: string; store: boolean } | { kind: 'db' | 'other' } {
  const parts = path.split('/')
  if (parts[0] === 'src' && parts[1] === 'db') return { kind: 'db' }
  if (parts[0] === 'src' && parts[1] === 'modules' && parts.length >= 4) {
    const name = basename(path)
    return {
      kind: 'module',
      module: parts[2] ?? '',
      store: name === 'store.ts' || name === 'queries.ts' || /-(?:store|queries)\.ts$/.test(name),
    }
  }
  return { kind: 'other' }
}

/**
 * The violations in one file at `path` (relative to the project root). `temporary` maps each module
 * to the tables it creates at run time.
 */
export function checkFile(
  path: string,
  text: string,
  owners: Record<string, string> = tableOwners,
  temporary: Record<string, readonly string[]> = {},
  published: Record<string, readonly string[]> = publishedViews,
): TableViolation[] {
  const place = placeOf(path)
  if (place.kind === 'db' || /\.test\.tsx?$/.test(path)) return []
  const violations: TableViolation[] = []
  if (place.kind !== 'module' || !place.store) {
    const where =
      place.kind === 'module'
        ? `move it into the ${place.module} module's store.ts or queries.ts`
        : 'move it into the store of the module that owns the tables'
    for (const line of sqlLines(text)) violations.push({ file: path, line, message: `${outsideStore}: ${where}` })
  }
  if (place.kind !== 'module') return violations
  const mine = new Set(temporary[place.module] ?? [])
  const seen = new Set<string>()
  for (const use of tablesUsedIn(text)) {
    const owner = owners[use.table]
    const key = `${use.line}:${use.table}`
    if (seen.has(key)) continue
    seen.add(key)
    if (owner === undefined) {
      if (use.how === 'type map' && !mine.has(use.table))
        violations.push({
          file: path,
          line: use.line,
          message: `module ${place.module} types table ${use.table}, which no migration creates`,
        })
      continue
    }
    const readable = published[use.table]?.includes(place.module) ?? false
    if (owner !== place.module && !mine.has(use.table) && !readable)
      violations.push({
        file: path,
        line: use.line,
        message: `module ${place.module} uses table ${use.table} owned by ${owner}`,
      })
  }
  return violations
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

/** Check the owner map against the migrations and every file under src/ of a project root. */
export function checkTables(
  root: string,
  owners: Record<string, string> = tableOwners,
  published: Record<string, readonly string[]> = publishedViews,
): TableViolation[] {
  const violations: TableViolation[] = []
  const migrations = join(root, 'src', 'db', 'migrations')
  const texts = readdirSync(migrations)
    .filter((name) => name.endsWith('.sql'))
    .map((name) => readFileSync(join(migrations, name), 'utf8'))
  const created = texts.flatMap((text) => tablesCreatedIn(text))
  const views = texts.flatMap((text) => tablesCreatedIn(text, 'view'))
  for (const message of checkOwnerMap(created, owners, views, published)) {
    violations.push({ file: 'src/db/migrations', line: 0, message })
  }
  const files = walk(join(root, 'src')).map((file) => ({
    path: relative(root, file).split(sep).join('/'),
    text: readFileSync(file, 'utf8'),
  }))
  const temporary: Record<string, string[]> = {}
  for (const { path, text } of files) {
    const place = placeOf(path)
    if (place.kind !== 'module') continue
    temporary[place.module] = [...(temporary[place.module] ?? []), ...tempTablesIn(text)]
  }
  for (const { path, text } of files) violations.push(...checkFile(path, text, owners, temporary, published))
  const declarations = new Map<string, { file: string; line: number }[]>()
  for (const { path, text } of files) {
    if (placeOf(path).kind !== 'module' || /\.test\.tsx?$/.test(path)) continue
    for (const { table, line } of rowTypesDeclaredIn(text))
      declarations.set(table, [...(declarations.get(table) ?? []), { file: path, line }])
  }
  for (const [table, places] of declarations) {
    if (places.length < 2) continue
    for (const place of places.slice(1))
      violations.push({
        ...place,
        message: `the row type of ${table} is declared again (first in ${places[0]?.file}): import it from there`,
      })
  }
  return violations
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
  const found = checkTables(root)
  const violations = found.filter((v) => pendingEntry(v) === undefined)
  for (const v of found) {
    const entry = pendingEntry(v)
    if (entry !== undefined) console.warn(`${v.file}:${v.line}: ${v.message} (pending: ${pendingFiles[entry]})`)
  }
  for (const entry of Object.keys(pendingFiles).filter((entry) => !found.some((v) => pendingEntry(v) === entry))) {
    violations.push({
      file: entry,
      line: 0,
      message: 'listed in pendingFiles but breaks no rule: remove it from the list',
    })
  }
  for (const v of violations) console.error(`${v.file}:${v.line}: ${v.message}`)
  if (violations.length > 0) {
    console.error(`${violations.length} table rule violation(s)`)
    process.exit(1)
  }
  console.log('tables: every module touches only its own tables, and SQL lives only in stores')
}
