/**
 * Billing benchmark (BIL-3): a full billing run (statements, lines, ledger journals, audit events)
 * over accounts with a month of half-hourly data each, on PostgreSQL, compared with a lower bound
 * measured in the same run on the same accounts: read everything rating needs and rate it in
 * memory, writing nothing. Prints accounts/s, the ratio, and per-account cost across sizes.
 *
 *   DATABASE_URL=postgres://… BENCH_SIZES=10000,100000 npm run bench:billing
 *
 * Each size's fixture is built once into its own database (`cuttle_billing_fixture_<size>_<key>`,
 * the key a hash of the migrations and the fixture's code, so a changed schema builds a new one)
 * and every measurement runs on a fresh copy of it (CREATE DATABASE … TEMPLATE, a file copy): a
 * 100,000-account fixture takes about an hour to build and a minute or two to copy. BENCH_KEEP=0
 * drops the fixture afterwards; BENCH_PREPARE=1 only builds the fixtures (to measure later on a quiet
 * machine).
 */
import { createHash, randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { sql } from 'kysely'
import pg from 'pg'
import { connect, type Database, inTransaction, migrate } from '../src/db/index.js'
import { billingFixture } from '../src/demo/billing-fixture.js'
import * as billing from '../src/modules/billing/index.js'
import { systemActor } from '../src/shared/actor.js'
import { runBilling } from '../src/usecases/index.js'

const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test'
const sizes = (process.env['BENCH_SIZES'] ?? '10000').split(',').map(Number)
const concurrency = Number(process.env['BENCH_CONCURRENCY'] ?? 3)
const perTransaction = Number(process.env['BENCH_PER_TRANSACTION'] ?? 100)
const keepFixtures = process.env['BENCH_KEEP'] !== '0'
const prepareOnly = process.env['BENCH_PREPARE'] === '1'
const actor = systemActor('bench')
const at = new Date('2026-11-20T09:00:00Z')
const schema = 'bench'
const fixtureMonth = '2026-10'

/** A database name's URL on the same server. */
function urlOf(database: string): string {
  const url = new URL(databaseUrl)
  url.pathname = `/${database}`
  return url.toString()
}

/** What the fixture depends on: the migrations and the fixture's own code. */
function fixtureKey(): string {
  const hash = createHash('sha256')
  const migrations = new URL('../src/db/migrations/', import.meta.url)
  for (const name of readdirSync(migrations).sort()) hash.update(name).update(readFileSync(new URL(name, migrations)))
  hash.update(readFileSync(new URL('../src/demo/billing-fixture.ts', import.meta.url)))
  hash.update(readFileSync(new URL('../src/demo/tariff-catalogue.ts', import.meta.url)))
  return hash.digest('hex').slice(0, 10)
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

async function databaseExists(name: string): Promise<boolean> {
  return withAdmin(async (client) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [name])
    return (found.rowCount ?? 0) > 0
  })
}

/**
 * The fixture database of a size, built if missing: made under a building name and renamed only when
 * complete, so an interrupted build is never taken for a fixture (it is dropped and built again).
 */
async function fixtureDatabase(size: number): Promise<string> {
  const name = `cuttle_billing_fixture_${size}_${fixtureKey()}`
  if (await databaseExists(name)) {
    process.stderr.write(`  fixture ${size} accounts: reusing database ${name}\n`)
    return name
  }
  const building = `${name}_building`
  await withAdmin(async (client) => {
    await client.query(`drop database if exists ${building}`)
    await client.query(`create database ${building}`)
  })
  const started = performance.now()
  const database = await connect({ databaseUrl: urlOf(building), schema, poolSize: 4 })
  try {
    await migrate(database)
    await billingFixture({
      db: database.db,
      count: size,
      month: fixtureMonth,
      at,
      onProgress: (done) => process.stderr.write(`\r  fixture ${done}/${size} accounts`),
    })
    // Set hint bits and the visibility map now, so no measurement pays for the fixture's first read.
    await database.execScript('vacuum analyze')
  } finally {
    await database.close()
  }
  await withAdmin((client) => client.query(`alter database ${building} rename to ${name}`))
  process.stderr.write(`\r  fixture ${size} accounts built in ${((performance.now() - started) / 1000).toFixed(0)} s\n`)
  return name
}

/** A fresh copy of the fixture to measure on (a file copy, not a WAL-logged one). */
async function copyOf(fixture: string): Promise<string> {
  const copy = `cuttle_billing_run_${randomBytes(4).toString('hex')}`
  const started = performance.now()
  await withAdmin(async (client) => {
    await client.query(`create database ${copy} template ${fixture} strategy file_copy`)
  })
  process.stderr.write(`  copied the fixture in ${((performance.now() - started) / 1000).toFixed(0)} s\n`)
  return copy
}

/**
 * Read everything rating needs and rate it, writing nothing: the same batches, the same reads
 * (`gatherBatchForRating` is the read half of `billBatch`) and the same number at a time as the run.
 */
async function lowerBound(database: Database, accountIds: string[], on: string): Promise<number> {
  const started = performance.now()
  const cache: billing.TariffCache = new Map()
  const chunks: string[][] = []
  for (let start = 0; start < accountIds.length; start += perTransaction) {
    chunks.push(accountIds.slice(start, start + perTransaction))
  }
  let rated = 0
  const worker = async () => {
    for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
      const ids = chunk
      await inTransaction(database.db, async (tx) => {
        for await (const input of billing.gatherBatchForRating({ tx, accountIds: ids, on, cache, actor, at })) {
          billing.rate(input)
          rated += 1
        }
      })
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  if (rated !== accountIds.length) throw new Error(`the lower bound rated ${rated} of ${accountIds.length} accounts`)
  return (performance.now() - started) / 1000
}

/** The server's write-ahead log position in bytes (the whole server's: measure on a quiet machine). */
async function walPosition(): Promise<number> {
  return withAdmin(async (client) => {
    const found = await client.query<{ at: string }>(`select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text as at`)
    return Number(found.rows[0]?.at)
  })
}

/** The size, with indexes, of each table a billing run writes. */
async function writtenSizes(database: Database): Promise<{ name: string; bytes: number }[]> {
  const names = ['statements', 'statement_lines', 'ledger_journals', 'ledger_postings', 'audit_events']
  const found = await sql<{ name: string; bytes: string }>`
    select name, pg_total_relation_size(format('%I.%I', ${schema}::text, name))::text as bytes
    from unnest(${names}::text[]) as name`.execute(database.db)
  return found.rows.map((row) => ({ name: row.name, bytes: Number(row.bytes) }))
}

const results: { size: number; runS: number; boundS: number }[] = []
for (const size of sizes) {
  const fixture = await fixtureDatabase(size)
  if (prepareOnly) continue
  const copy = await copyOf(fixture)
  const database = await connect({ databaseUrl: urlOf(copy), schema, poolSize: concurrency + 2 })
  try {
    const accountIds = (
      await database.db
        .selectFrom('accounts' as never)
        .select('id' as never)
        .orderBy('id' as never)
        .execute()
    ).map((row) => (row as { id: string }).id)
    if (accountIds.length !== size)
      throw new Error(`the fixture ${fixture} holds ${accountIds.length} accounts, not ${size}`)
    const on = '2026-11-01'
    const boundS = await lowerBound(database, accountIds, on)
    const walBefore = await walPosition()
    const runStarted = performance.now()
    const summary = await runBilling({
      db: database.db,
      on,
      batchSize: 1000,
      accountsPerTransaction: perTransaction,
      concurrency,
      actor,
      at,
      onBatchFailed: (error) => {
        throw new Error(`a batch failed: ${error instanceof Error ? error.stack : String(error)}`)
      },
    })
    const runS = (performance.now() - runStarted) / 1000
    const walBytes = (await walPosition()) - walBefore
    if (summary.issued !== size || summary.failed !== 0) {
      throw new Error(
        `the run issued ${summary.issued} of ${size} (${summary.failed} failed): ${JSON.stringify(summary.problems.slice(0, 3))}`,
      )
    }
    results.push({ size, runS, boundS })
    console.log(
      `\nPostgreSQL: ${size.toLocaleString('en-GB')} accounts, a month of half-hourly data each (${perTransaction} a transaction, ${concurrency} transactions at a time)`,
    )
    console.log(
      `  read and rate, no writes (lower bound)  ${boundS.toFixed(1)} s  ${(size / boundS).toFixed(0)} accounts/s`,
    )
    console.log(
      `  full billing run (every write)          ${runS.toFixed(1)} s  ${(size / runS).toFixed(0)} accounts/s`,
    )
    console.log(
      `  write-ahead log written by the run      ${(walBytes / 2 ** 20).toFixed(0)} MB  ${(walBytes / size / 1024).toFixed(1)} KB an account`,
    )
    for (const { name, bytes } of await writtenSizes(database)) {
      console.log(`    ${name.padEnd(38)}${(bytes / 2 ** 20).toFixed(1).padStart(7)} MB with indexes`)
    }
    console.log(
      `  ratio run / lower bound                 ${(boundS / runS).toFixed(2)}×  (aim ≥ 0.4×; aim ≥ 1,000 accounts/s)`,
    )
  } finally {
    await database.close()
    await withAdmin((client) => client.query(`drop database if exists ${copy}`))
    if (!keepFixtures) await withAdmin((client) => client.query(`drop database if exists ${fixture}`))
  }
}
if (results.length > 1) {
  const first = results[0]!
  const last = results.at(-1)!
  const ratio = last.runS / last.size / (first.runS / first.size)
  console.log(`\nper-account cost at ${last.size} vs ${first.size}: ${ratio.toFixed(2)}× (aim ≤ 1.25×)`)
}
