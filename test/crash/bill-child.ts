/**
 * The billing process the crash test kills: runs the billing of one day on the schema it is given.
 * Prints the run's summary as JSON when it gets to the end.
 */
import { connect } from '../../src/db/index.js'
import { systemActor } from '../../src/shared/actor.js'
import { runBilling } from '../../src/usecases/billing-run.js'

const databaseUrl = process.env['DATABASE_URL']
const schema = process.env['CRASH_SCHEMA']
const on = process.env['CRASH_ON']
if (!databaseUrl || !schema || !on) throw new Error('DATABASE_URL, CRASH_SCHEMA and CRASH_ON are needed')
const database = await connect({ databaseUrl, schema, poolSize: 6 })
try {
  // The parent times its kill from here, not from the process start (which takes longer than a run).
  process.stdout.write('billing\n')
  const summary = await runBilling({
    db: database.db,
    on,
    batchSize: 20,
    accountsPerTransaction: 10,
    concurrency: 4,
    actor: systemActor('crash-test'),
    at: new Date('2026-11-20T09:00:00Z'),
  })
  process.stdout.write(`${JSON.stringify({ ...summary, problems: summary.problems.slice(0, 5) })}\n`)
} finally {
  await database.close()
}
