import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { PGlite } from '@electric-sql/pglite'
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { copyMark, takeCopySource } from './copy.js'
import { lockDataFolder } from './lock.js'
import { PGliteDialect } from './pglite-dialect.js'
import type { Backend, Db } from './types.js'

/** Type OIDs whose parsing we align across PGlite and `pg`. */
const oid = { int8: 20, numeric: 1700, date: 1082, json: 114, jsonb: 3802 } as const

/**
 * Both backends return the same JavaScript values: int8 → bigint (money in minor units), numeric →
 * exact decimal string, date → 'YYYY-MM-DD' string, timestamptz → Date, json → parsed value.
 */
const parsers: Record<number, (value: string) => unknown> = {
  [oid.int8]: (value) => BigInt(value),
  [oid.numeric]: (value) => value,
  [oid.date]: (value) => value,
  [oid.json]: (value) => JSON.parse(value),
  [oid.jsonb]: (value) => JSON.parse(value),
}

export interface Database {
  readonly db: Db
  readonly backend: Backend
  /** Run a script of several statements (migrations); no parameters. */
  execScript(sql: string): Promise<void>
  close(): Promise<void>
}

export interface ConnectOptions {
  /** A PostgreSQL URL; when absent the embedded PGlite is used. */
  databaseUrl?: string | undefined
  /** PGlite's folder (the configured `CUTTLE_DATA_DIR`); `memory` keeps everything in memory (tests). Required without a URL. */
  dataDir?: string | 'memory'
  /** PostgreSQL only: a schema to work in (each test file gets its own). */
  schema?: string
  /** PostgreSQL only: pool size. */
  poolSize?: number
  /** PGlite in memory only: start from this dump of a data folder (see `dumpDataDir`) instead of an empty one. */
  loadDataDir?: Blob
}

/** Open the database: PostgreSQL when a URL is given, otherwise PGlite. */
export async function connect(options: ConnectOptions): Promise<Database> {
  return options.databaseUrl ? connectPostgres(options.databaseUrl, options) : connectPGlite(options)
}

async function connectPGlite(options: ConnectOptions): Promise<Database> {
  if (!options.dataDir) throw new Error('connect: give PGlite a dataDir (or `memory`)')
  if (options.loadDataDir && options.dataDir !== 'memory')
    throw new Error('connect: loadDataDir needs dataDir `memory`')
  const folder = options.dataDir === 'memory' ? undefined : resolve(options.dataDir)
  const dataDir = folder ? join(folder, 'pgdata') : undefined
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  // One process per folder: a second PGlite on the same files would lose one side's writes.
  const lock = folder ? lockDataFolder(folder) : undefined
  let pglite: PGlite
  try {
    pglite = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { pg_trgm, btree_gist },
      parsers,
      relaxedDurability: options.dataDir === 'memory',
    })
  } catch (error) {
    lock?.release()
    throw error
  }
  const db = new Kysely<object>({ dialect: new PGliteDialect(pglite) }) as Db
  const database: Database = {
    db,
    backend: 'pglite',
    async execScript(sql) {
      await pglite.exec(sql)
    },
    async close() {
      try {
        await db.destroy()
        await pglite.close()
      } finally {
        lock?.release()
      }
    },
  }
  pglites.set(database, pglite)
  return database
}

/** The PGlite behind each open PGlite database, for `dumpDataDir`. */
const pglites = new WeakMap<Database, PGlite>()

/**
 * A tarball of a PGlite database's data folder, to start another from with `loadDataDir` (tests
 * migrate once and start every test database from the dump).
 * @throws Error when the database is not PGlite
 */
export async function dumpDataDir(database: Database): Promise<Blob> {
  const pglite = pglites.get(database)
  if (!pglite) throw new Error('dumpDataDir: only a PGlite database can be dumped')
  return pglite.dumpDataDir('none')
}

async function connectPostgres(databaseUrl: string, options: ConnectOptions): Promise<Database> {
  const schema = options.schema
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`)
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    ...(schema ? { options: `-c search_path=${schema},public` } : {}),
    types: {
      getTypeParser: ((typeId: number, format?: string) =>
        parsers[typeId] ?? pg.types.getTypeParser(typeId, format as 'text')) as typeof pg.types.getTypeParser,
    },
  })
  if (schema) {
    const client = await pool.connect()
    try {
      await client.query(`create schema if not exists ${schema}`)
    } finally {
      client.release()
    }
  }
  const db = new Kysely<object>({ dialect: new PostgresDialect({ pool: copyingPool(pool) }) }) as Db
  return {
    db,
    backend: 'postgres',
    async execScript(sql) {
      await pool.query(sql)
    },
    async close() {
      await db.destroy()
    },
  }
}

/**
 * The pool Kysely uses, with one addition: a marked `COPY … FROM STDIN` (see copy.ts) is streamed
 * through pg-copy-streams on the same client, so it joins the caller's transaction.
 */
function copyingPool(pool: pg.Pool): PostgresPool {
  return {
    async connect() {
      const client = await pool.connect()
      return {
        query(statement: unknown, parameters?: readonly unknown[]) {
          if (typeof statement === 'string' && statement.startsWith(copyMark)) return copyIn(client, statement)
          return client.query(statement as string, parameters as unknown[])
        },
        release: () => client.release(),
      } as unknown as PostgresPoolClient
    },
    end: () => pool.end(),
  }
}

async function copyIn(client: pg.PoolClient, marked: string) {
  const { statement, source } = takeCopySource(marked)
  const stream = client.query(copyFrom(statement))
  await pipeline(Readable.from(source), stream)
  return { command: 'COPY', rowCount: stream.rowCount, rows: [] }
}
