/**
 * Ingestion benchmark (MET-4): half-hourly rows from a CSV file through Cuttle's importer (parse,
 * validate, COPY into staging, idempotent merge into the month-partitioned table), compared with a
 * raw COPY of the same file into a table of the same shape and unique key, measured in the same run.
 * Then the same on PGlite with fewer rows. Prints figures; asserts nothing.
 *
 *   DATABASE_URL=postgres://… BENCH_ROWS=10000000 BENCH_PGLITE_ROWS=1000000 npm run bench:ingest
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { sql } from 'kysely'
import { connect, copyRows, type Database, inTransaction, migrate } from '../src/db/index.js'
import * as accounts from '../src/modules/accounts/index.js'
import * as metering from '../src/modules/metering/index.js'
import { systemActor } from '../src/shared/actor.js'
import { importReadingsFile } from '../src/usecases/index.js'

const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test'
const pgRows = Number(process.env['BENCH_ROWS'] ?? 10_000_000)
const pgliteRows = Number(process.env['BENCH_PGLITE_ROWS'] ?? 1_000_000)
const meterPoints = Number(process.env['BENCH_METER_POINTS'] ?? 1000)
const actor = systemActor('bench')
const folder = mkdtempSync(join(tmpdir(), 'cuttle-ingest-'))

const mpans = Array.from({ length: meterPoints }, (_, i) =>
  metering.withCheckDigit(`12${String(i + 1).padStart(10, '0')}`),
)

/** rows spread over the meter points, consecutive half hours from 1 Jan 2025. */
async function writeFile(rows: number): Promise<string> {
  const path = join(folder, `intervals-${rows}.csv`)
  const out = createWriteStream(path)
  const perPoint = Math.ceil(rows / meterPoints)
  const start = Date.parse('2025-01-01T00:00:00Z')
  let written = 0
  let buffer = `${metering.intervalCsvHeader}\n`
  for (let p = 0; p < meterPoints && written < rows; p++) {
    for (let i = 0; i < perPoint && written < rows; i++) {
      const kwh = ((p * 7 + i * 13) % 900) / 1000 + 0.05
      buffer += `${mpans[p]},${new Date(start + i * 1_800_000).toISOString()},${kwh.toFixed(3)},A\n`
      written++
      if (buffer.length > 1 << 20) {
        if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
        buffer = ''
      }
    }
  }
  out.write(buffer)
  await new Promise<void>((resolve) => out.end(resolve))
  return path
}

async function* lines(path: string) {
  for await (const line of createInterface({ input: createReadStream(path, { highWaterMark: 1 << 20 }) })) yield line
}

async function prepare(database: Database) {
  await migrate(database)
  const at = new Date()
  const [opened] = await inTransaction(database.db, (tx) =>
    accounts.createAccounts({
      tx,
      actor,
      at,
      accounts: [
        {
          number: 'A-BE0C0001',
          customer: { kind: 'business', businessName: 'Benchmark Estates Ltd' },
          property: { line1: '1 Bench Street', town: 'London', postcode: 'EC1A 1BB', gspRegion: '_C' },
          billingAddress: null,
          emails: [],
          phones: [],
          billingMode: 'paperless',
          market: 'gb',
          openedOn: '2024-01-01',
        },
      ],
    }),
  )
  const supply = await inTransaction(database.db, (tx) =>
    accounts.findAccountSupply({ tx, accountNumber: 'A-BE0C0001' }),
  )
  await inTransaction(database.db, (tx) =>
    metering.registerMeterPoints({
      tx,
      actor,
      at,
      meterPoints: mpans.map((identifier, i) => ({
        fuel: 'electricity' as const,
        identifier,
        propertyId: supply?.property.id ?? '',
        accountId: opened?.id ?? '',
        suppliedFrom: '2024-01-01',
        meters: [
          {
            serial: `BENCH${i}`,
            type: 'smart' as const,
            installedOn: '2024-01-01',
            registers: [{ identifier: 'S', rate: 'standard' as const, digits: 6 }],
          },
        ],
      })),
    }),
  )
}

async function rawCopy(database: Database, path: string): Promise<number> {
  await database.execScript(`drop table if exists raw_intervals;
    create table raw_intervals (meter_point text not null, interval_start timestamptz not null,
      kwh numeric(10, 3) not null, quality text not null, primary key (meter_point, interval_start))`)
  const started = performance.now()
  await inTransaction(database.db, async (tx) => {
    async function* body() {
      let first = true
      for await (const line of lines(path)) {
        if (first) {
          first = false
          continue
        }
        yield `${line}\n`
      }
    }
    await copyRows(tx, {
      table: 'raw_intervals',
      columns: ['meter_point', 'interval_start', 'kwh', 'quality'],
      lines: body(),
    })
  })
  return (performance.now() - started) / 1000
}

async function importer(database: Database, path: string) {
  const started = performance.now()
  const summary = await importReadingsFile({
    db: database.db,
    format: 'csv',
    lines: lines(path),
    fileName: path,
    sha256: 'bench',
    actor,
    at: new Date(),
  })
  return { seconds: (performance.now() - started) / 1000, summary }
}

async function run(label: string, database: Database, rows: number) {
  await prepare(database)
  const path = await writeFile(rows)
  const copySeconds = await rawCopy(database, path)
  const first = await importer(database, path)
  const again = await importer(database, path)
  const count = await sql<{ n: string }>`select count(*)::text as n from intervals`.execute(database.db)
  const rate = (seconds: number) => Math.round(rows / seconds).toLocaleString('en-GB')
  console.log(`\n${label}: ${rows.toLocaleString('en-GB')} half-hourly rows, ${meterPoints} meter points`)
  console.log(`  raw COPY into a keyed table   ${copySeconds.toFixed(1)} s  ${rate(copySeconds)} rows/s`)
  console.log(
    `  Cuttle importer, new rows     ${first.seconds.toFixed(1)} s  ${rate(first.seconds)} rows/s  (${first.summary.inserted} inserted, ${first.summary.rejected} rejected)`,
  )
  console.log(
    `  Cuttle importer, same again   ${again.seconds.toFixed(1)} s  ${rate(again.seconds)} rows/s  (${again.summary.unchanged} unchanged)`,
  )
  console.log(`  ratio importer / raw COPY     ${(copySeconds / first.seconds).toFixed(2)}×  (aim ≥ 0.5×)`)
  console.log(`  rows stored                   ${count.rows[0]?.n}`)
  rmSync(path)
}

try {
  if (pgRows > 0) {
    const schema = `bench_ingest_${process.pid}`
    const database = await connect({ databaseUrl, schema, poolSize: 2 })
    try {
      await run('PostgreSQL', database, pgRows)
    } finally {
      await database.execScript(`drop schema if exists ${schema} cascade`)
      await database.close()
    }
  }
  if (pgliteRows > 0) {
    const database = await connect({ dataDir: 'memory' })
    try {
      await run('PGlite (in memory)', database, pgliteRows)
    } finally {
      await database.close()
    }
  }
} finally {
  rmSync(folder, { recursive: true, force: true })
}
