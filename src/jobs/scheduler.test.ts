import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import { billingFixture } from '../demo/billing-fixture.js'
import * as comms from '../modules/comms/index.js'
import { type Jobs, startJobs } from './index.js'

let database: Database
let jobs: Jobs
let on: string
const schema = `jobs_${randomBytes(4).toString('hex')}`

beforeAll(async () => {
  database = await openTestDatabase()
  ;({ on } = await billingFixture({ db: database.db, count: 3 }))
  jobs = await startJobs({
    database,
    transports: comms.builtInTransports(),
    schema,
    pollingIntervalSeconds: 0.5,
    onError: () => {},
  })
}, 120_000)

afterAll(async () => {
  await jobs?.stop()
  await database.execScript(`drop schema if exists ${schema} cascade`)
  await database.close()
})

async function finished(id: string) {
  for (let i = 0; i < 120; i++) {
    const job = await jobs.job(id)
    if (job && (job.state === 'completed' || job.state === 'failed')) return job
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`job ${id} did not finish`)
}

describe('the scheduled billing run', () => {
  it('is scheduled every morning at 06:00 London time', async () => {
    const { rows } = await sql<{ name: string; cron: string; timezone: string }>`
      select name, cron, timezone from ${sql.table(`${schema}.schedule`)}`.execute(database.db)
    expect(rows.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'billing-run', cron: '0 6 * * *', timezone: 'Europe/London' },
      { name: 'deliver-due', cron: '* * * * *', timezone: 'UTC' },
      { name: 'direct-debit-adequacy-review', cron: '30 5 * * *', timezone: 'Europe/London' },
      { name: 'money-day', cron: '0 7 * * *', timezone: 'Europe/London' },
      { name: 'statement-notices', cron: '*/15 * * * *', timezone: 'UTC' },
    ])
  })

  it('bills the accounts due when a run is asked for, through the queue, and a second run changes nothing', async () => {
    const first = await finished(await jobs.requestBillingRun(on))
    expect(first.state).toBe('completed')
    expect(first.output).toMatchObject({ on, accountsDue: 3, issued: 3, failed: 0 })
    const second = await finished(await jobs.requestBillingRun(on))
    expect(second.output).toMatchObject({ accountsDue: 3, issued: 3, failed: 0 })
    const { rows } = await sql<{ n: string }>`select count(*)::text as n from statements`.execute(database.db)
    expect(rows[0]?.n).toBe('3')
  })
})

describe('the money day', () => {
  it('tells the customers of the statements issued, once, through the queue', async () => {
    // The run above issued three statements; the fixture's customers have no email: they are posted.
    const first = await finished(await jobs.requestStatementNotices())
    expect(first.state).toBe('completed')
    expect(first.output).toMatchObject({ looked: 3, emailed: 0, posted: 3, failed: [] })
    const again = await finished(await jobs.requestStatementNotices())
    expect(again.output).toMatchObject({ looked: 3, emailed: 0, posted: 0, failed: [] })
  })

  it('applies processor news, collects Direct Debits, reviews arrangements and runs collections through the queue', async () => {
    const done = await finished(await jobs.requestMoneyDay(on))
    expect(done.state).toBe('completed')
    expect(done.output).toMatchObject({
      on,
      processorEvents: { delivered: 0, applied: 0 },
      directDebits: { failed: 0 },
      arrangements: { failed: 0 },
      collections: { failed: 0 },
      messages: { enqueued: 0 },
      expiredGrants: 0,
    })
  })
})

describe('the Direct Debit adequacy review', () => {
  it('runs through the queue, and a second run the same day finds nothing due', async () => {
    const first = await finished(await jobs.requestAdequacyReview(on))
    expect(first.state).toBe('completed')
    expect(first.output).toMatchObject({ on, failed: 0 })
    const second = await finished(await jobs.requestAdequacyReview(on))
    expect(second.output).toMatchObject({ on, looked: 0, failed: 0 })
  })
})
