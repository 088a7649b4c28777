/**
 * Billing benchmark (BIL-3): a full billing run (statements, lines, ledger journals, audit events)
 * over accounts with a month of half-hourly data each, on PostgreSQL, compared with a lower bound
 * measured in the same run on the same accounts: read everything rating needs and rate it in
 * memory, writing nothing. Prints accounts/s, the ratio, and per-account cost across sizes.
 *
 *   DATABASE_URL=postgres://… BENCH_SIZES=10000,100000 npm run bench:billing
 */
import { randomBytes } from 'node:crypto'
import { connect, type Database, inTransaction, migrate } from '../src/db/index.js'
import * as billing from '../src/modules/billing/index.js'
import { systemActor } from '../src/shared/actor.js'
import { billingFixture } from '../src/usecases/demo/billing-fixture.js'
import { runBilling } from '../src/usecases/index.js'

const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test'
const sizes = (process.env['BENCH_SIZES'] ?? '10000').split(',').map(Number)
const concurrency = Number(process.env['BENCH_CONCURRENCY'] ?? 3)
const perTransaction = Number(process.env['BENCH_PER_TRANSACTION'] ?? 100)
const actor = systemActor('bench')
const at = new Date('2026-11-20T09:00:00Z')

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

const results: { size: number; runS: number; boundS: number }[] = []
for (const size of sizes) {
  const schema = `bench_billing_${randomBytes(4).toString('hex')}`
  const database = await connect({ databaseUrl, schema, poolSize: concurrency + 2 })
  try {
    await migrate(database)
    const loadStarted = performance.now()
    const { on, accountIds } = await billingFixture({
      db: database.db,
      count: size,
      at,
      onProgress: (done) => process.stderr.write(`\r  fixture ${done}/${size} accounts`),
    })
    process.stderr.write(`\r  fixture ${size} accounts in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s\n`)
    // Set hint bits and the visibility map now, so neither measurement pays for the fixture's first read.
    await database.execScript('vacuum analyze')
    const boundS = await lowerBound(database, accountIds, on)
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
      `  ratio run / lower bound                 ${(boundS / runS).toFixed(2)}×  (aim ≥ 0.4×; aim ≥ 1,000 accounts/s)`,
    )
  } finally {
    await database.execScript(`drop schema if exists ${schema} cascade`)
    await database.close()
  }
}
if (results.length > 1) {
  const first = results[0]!
  const last = results.at(-1)!
  const ratio = last.runS / last.size / (first.runS / first.size)
  console.log(`\nper-account cost at ${last.size} vs ${first.size}: ${ratio.toFixed(2)}× (aim ≤ 1.25×)`)
}
