import { randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { sql } from 'kysely'
import pg from 'pg'
import { connect, type Database, dumpDataDir } from './connect.js'
import { migrate } from './migrate.js'

/** Names the migrated PGlite dump that vitest's global setup writes and the test workers start from. */
const templateVariable = 'CUTTLE_TEST_TEMPLATE'
/** Names the migrated PostgreSQL database that vitest's global setup creates and each test file's database is copied from. */
const postgresTemplateVariable = 'CUTTLE_TEST_PG_TEMPLATE'

/** Test databases (and templates) on a PostgreSQL server: `t_<creation time in base 36>_<random>`. */
const testDatabasePattern = /^t_([0-9a-z]{6,9})_[0-9a-f]{8}$/
/** A test database older than this is left over from a run that died; younger ones may belong to a run going on now. */
const leftOverAfterMs = 6 * 60 * 60 * 1000

function newTestDatabaseName(): string {
  return `t_${Math.floor(Date.now() / 1000).toString(36)}_${randomBytes(4).toString('hex')}`
}

/**
 * Migrate an in-memory PGlite once and write its data folder to `file`; this process and the test
 * workers it starts afterwards then open their test databases from it instead of migrating each.
 * The dump is trimmed, since every test file unpacks it again: the template databases go (tests never
 * create a database on PGlite) and, after a checkpoint, so do the write-ahead log segments other than
 * the one the checkpoint's redo starts in. About a third smaller and faster to open.
 * @throws Error when the migrations or the write fail
 */
export async function writeTestTemplate({ file }: { file: string }): Promise<void> {
  const database = await connect({ dataDir: 'memory' })
  try {
    await migrate(database)
    await database.execScript(
      `update pg_database set datistemplate = false where datname in ('template0', 'template1')`,
    )
    // One statement each: dropping a database cannot run inside the block a script runs in.
    for (const statement of ['drop database template0', 'drop database template1', 'checkpoint']) {
      await database.execScript(statement)
    }
    const { rows } = await sql<{ redo: string; at: string }>`select redo_wal_file as redo,
        pg_walfile_name(checkpoint_lsn) as at from pg_control_checkpoint()`.execute(database.db)
    const checkpoint = rows[0]
    if (!checkpoint || checkpoint.redo !== checkpoint.at)
      throw new Error('writeTestTemplate: the checkpoint spans segments')
    const dump = await dumpDataDir(database)
    const kept = tarWithout(new Uint8Array(await dump.arrayBuffer()), (name) =>
      /(^|\/)pg_wal\/[0-9A-F]{24}$/.test(name) ? !name.endsWith(checkpoint.redo) : false,
    )
    await writeFile(file, kept)
  } finally {
    await database.close()
  }
  process.env[templateVariable] = file
}

/** A tar archive without the entries `drop` names (ustar: 512-byte headers, contents padded to 512). */
export function tarWithout(tar: Uint8Array, drop: (name: string) => boolean): Uint8Array {
  const text = (from: number, to: number) =>
    new TextDecoder('latin1').decode(tar.subarray(from, to)).replace(/\0.*$/s, '')
  const parts: Uint8Array[] = []
  let offset = 0
  while (offset + 512 <= tar.length && tar.subarray(offset, offset + 512).some((byte) => byte !== 0)) {
    const prefix = text(offset + 345, offset + 500)
    const name = prefix ? `${prefix}/${text(offset, offset + 100)}` : text(offset, offset + 100)
    const size = Number.parseInt(text(offset + 124, offset + 136).trim() || '0', 8)
    const end = offset + 512 + Math.ceil(size / 512) * 512
    if (!drop(name)) parts.push(tar.subarray(offset, end))
    offset = end
  }
  parts.push(new Uint8Array(1024))
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

/** The URL of database `name` on the server `databaseUrl` points at. */
function urlOfDatabase(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl)
  url.pathname = `/${name}`
  return url.toString()
}

async function withAdmin<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/**
 * On the PostgreSQL server `databaseUrl` points at: create a database, migrate it once, and name it
 * as the template each test file's database is copied from (`CREATE DATABASE … TEMPLATE`, a file
 * copy, instead of every migration per file). Test databases left by runs that died hours ago are
 * dropped first. Answers a function that drops the template.
 * @throws Error when the server refuses or a migration fails
 */
export async function createPostgresTestTemplate(databaseUrl: string): Promise<() => Promise<void>> {
  const name = newTestDatabaseName()
  await withAdmin(databaseUrl, async (client) => {
    const existing = await client.query<{ datname: string }>('select datname from pg_database')
    for (const { datname } of existing.rows) {
      const made = testDatabasePattern.exec(datname)?.[1]
      if (made && Date.now() - Number.parseInt(made, 36) * 1000 > leftOverAfterMs) {
        await client.query(`drop database if exists ${datname} with (force)`)
      }
    }
    await client.query(`create database ${name}`)
  })
  const database = await connect({ databaseUrl: urlOfDatabase(databaseUrl, name), poolSize: 1 })
  try {
    await migrate(database)
  } finally {
    await database.close()
  }
  process.env[postgresTemplateVariable] = name
  return () =>
    withAdmin(databaseUrl, async (client) => void (await client.query(`drop database if exists ${name} with (force)`)))
}

/**
 * Drop a test database once the connections just closed have gone from the server (a closed pool's
 * last connections linger for a moment); only after five seconds are stragglers cut off, since a
 * connection cut by `with (force)` can raise an error in the process that held it.
 */
async function dropWhenUnused(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await client.query(`drop database if exists ${name}`)
      return
    } catch (error) {
      // 55006: object_in_use (other sessions are still connected).
      if ((error as { code?: string }).code !== '55006') throw error
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  await client.query(`drop database if exists ${name} with (force)`)
}

/**
 * Test databases of this worker that a finished test file gave back, reset to the template: booting
 * PGlite and unpacking the template costs about a second a file, resetting a used one a tenth of that.
 */
const idle: Database[] = []
/** How many PGlite test databases this worker booted from the template (the rest were given back and reused). */
let booted = 0

/** How many PGlite test databases this worker has booted from the template: for the test of `giveBack`. */
export function testDatabasesBooted(): number {
  return booted
}

/** The template's state, taken once from the first database opened from it, that `giveBack` restores. */
interface TemplateState {
  /** What the catalogue holds: a file that created, dropped or disabled anything does not give back. */
  readonly fingerprint: string
  /** Every table, quoted and qualified. */
  readonly tables: readonly string[]
  /** The rows the migrations wrote (their bookkeeping, reference data), per table, as JSON. */
  readonly rows: readonly { table: string; columns: readonly string[]; json: string }[]
  /** Each sequence's value: `setval` arguments. */
  readonly sequences: readonly { name: string; value: string; called: boolean }[]
}

let templateState: Promise<TemplateState> | undefined

/** Schemas of the system, never the test's. */
const userRelations = sql`n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
  and n.nspname not like 'pg_temp%'`

/**
 * What the schema is, by name and definition (relations, columns, constraints, triggers and their
 * switches, functions, schemas), as one digest: equal when a file left the schema as it found it.
 */
async function fingerprintOf(database: Database): Promise<string> {
  const { rows } = await sql<{ fingerprint: string }>`select md5(concat_ws('|',
      (select string_agg(x, ',' order by x) from (select n.nspname || '.' || c.relname || ':' || c.relkind::text as x
        from pg_class c join pg_namespace n on n.oid = c.relnamespace where ${userRelations}) r),
      (select string_agg(x, ',' order by x) from (select c.oid::regclass::text || '.' || a.attname || ':'
          || format_type(a.atttypid, a.atttypmod) || ':' || a.attnotnull || ':'
          || coalesce(pg_get_expr(d.adbin, d.adrelid), '') as x
        from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
        where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p') and ${userRelations}) a),
      (select string_agg(x, ',' order by x) from (select k.conrelid::regclass::text || '.' || k.conname || ':'
          || pg_get_constraintdef(k.oid) as x
        from pg_constraint k join pg_namespace n on n.oid = k.connamespace where ${userRelations}) k),
      (select string_agg(x, ',' order by x) from (select t.tgrelid::regclass::text || '.' || t.tgname || ':'
          || t.tgenabled::text as x from pg_trigger t where not t.tgisinternal) t),
      (select string_agg(x, ',' order by x) from (select p.oid::regprocedure::text as x
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace where ${userRelations}) p),
      (select string_agg(nspname::text, ',' order by nspname) from pg_namespace n where ${userRelations}))) as fingerprint`.execute(
    database.db,
  )
  return rows[0]?.fingerprint ?? ''
}

async function stateOf(database: Database): Promise<TemplateState> {
  const { rows: tables } = await sql<{
    name: string
    oid: number
  }>`select format('%I.%I', n.nspname, c.relname) as name,
      c.oid::int as oid
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
      and n.nspname not like 'pg_toast%' order by 1`.execute(database.db)
  const rows: { table: string; columns: string[]; json: string }[] = []
  for (const table of tables) {
    const { rows: columns } = await sql<{ name: string }>`select quote_ident(attname) as name from pg_attribute
      where attrelid = ${table.oid} and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`.execute(
      database.db,
    )
    const { rows: data } = await sql<{ json: string | null }>`select json_agg(t)::text as json
      from ${sql.raw(table.name)} t`.execute(database.db)
    const json = data[0]?.json
    if (json) rows.push({ table: table.name, columns: columns.map((column) => column.name), json })
  }
  const { rows: sequences } = await sql<{ name: string; value: string; called: boolean }>`select
      format('%I.%I', schemaname, sequencename) as name, coalesce(last_value, start_value)::text as value,
      last_value is not null as called
    from pg_sequences`.execute(database.db)
  return { fingerprint: await fingerprintOf(database), tables: tables.map((table) => table.name), rows, sequences }
}

async function openFromTemplate(file: string): Promise<Database> {
  const database = await connect({ dataDir: 'memory', loadDataDir: await readTemplate(file) })
  booted += 1
  // On the template this only checks that every migration is applied and unchanged.
  await migrate(database)
  templateState ??= stateOf(database)
  await templateState
  return database
}

/**
 * A test file is done with its database: empty it back to the template (every table truncated with
 * the append-only triggers off, the migrations' rows and the sequences restored, the session reset)
 * and keep it for the next file. A database whose schema the file changed is closed instead.
 */
async function giveBack(database: Database): Promise<void> {
  const state = await (templateState as Promise<TemplateState>)
  try {
    // A transaction the file left open (a test that failed half-way) ends here.
    await database.execScript('rollback')
    // Tables the file's work made (a month's partition of half-hourly data) go; then the schema must
    // be the template's again, or the database is not reused.
    const { rows: made } = await sql<{ name: string }>`select format('%I.%I', n.nspname, c.relname) as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and ${userRelations}`.execute(database.db)
    const known = new Set(state.tables)
    for (const { name } of made) if (!known.has(name)) await database.execScript(`drop table if exists ${name} cascade`)
    if ((await fingerprintOf(database)) !== state.fingerprint) throw new Error('the schema changed')
    const restore = state.rows.map(
      ({ table, columns, json }) =>
        `insert into ${table} (${columns.join(', ')}) overriding system value
         select ${columns.join(', ')} from json_populate_recordset(null::${table}, ${literal(json)});`,
    )
    const sequences = state.sequences.map(
      ({ name, value, called }) => `select setval(${literal(name)}, ${value}, ${called});`,
    )
    await database.execScript(`set session_replication_role = replica;
      truncate ${state.tables.join(', ')} restart identity cascade;
      ${restore.join('\n')}
      ${sequences.join('\n')}`)
    await database.execScript('discard all')
    idle.push(database)
  } catch {
    await database.close()
  }
}

/** A string as an SQL literal. */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`
}

/** The template, read once per worker process. */
let template: Promise<Blob> | undefined

function readTemplate(file: string): Promise<Blob> {
  template ??= readFile(file).then((bytes) => new Blob([bytes]))
  return template
}

/**
 * A migrated database for one test file: PGlite in memory by default, or — when `DATABASE_URL` is
 * set — a database of its own on that PostgreSQL server, dropped on close. Each starts from the
 * template the global setup made when there is one (`writeTestTemplate`, `createPostgresTestTemplate`):
 * copying it is cheaper than migrating.
 */
export async function openTestDatabase(): Promise<Database> {
  const databaseUrl = process.env['DATABASE_URL']
  if (!databaseUrl) {
    const file = process.env[templateVariable]
    if (!file) {
      const database = await connect({ dataDir: 'memory' })
      await migrate(database)
      return database
    }
    const database = idle.pop() ?? (await openFromTemplate(file))
    return { ...database, close: () => giveBack(database) }
  }
  const template = process.env[postgresTemplateVariable]
  if (!template) return openTestSchema(databaseUrl)
  const name = newTestDatabaseName()
  await withAdmin(databaseUrl, (client) => client.query(`create database ${name} template ${template}`))
  const database = await connect({ databaseUrl: urlOfDatabase(databaseUrl, name), poolSize: 4 })
  // On the copy this only checks that every migration is applied and unchanged.
  await migrate(database)
  return {
    ...database,
    async close() {
      await database.close()
      await withAdmin(databaseUrl, (client) => dropWhenUnused(client, name))
    },
  }
}

/** Without a template (a test run outside vitest's global setup): a fresh schema, migrated, dropped on close. */
async function openTestSchema(databaseUrl: string): Promise<Database> {
  const schema = `t_${randomBytes(6).toString('hex')}`
  const database = await connect({ databaseUrl, dataDir: 'memory', schema, poolSize: 4 })
  await migrate(database)
  return {
    ...database,
    async close() {
      await database.execScript(`drop schema if exists ${schema} cascade`)
      await database.close()
    },
  }
}
