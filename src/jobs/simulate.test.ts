import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import { billingFixture } from '../demo/billing-fixture.js'
import * as audit from '../modules/audit/index.js'
import * as comms from '../modules/comms/index.js'
import * as ledger from '../modules/ledger/index.js'
import { verifyStatements } from '../usecases/index.js'
import { type SimulationReport, simulate } from './simulate.js'

const databases: Database[] = []

async function simulatedDays() {
  const database = await openTestDatabase()
  databases.push(database)
  // Four homes with October's half-hourly data, due to be billed on 1 November.
  await billingFixture({ db: database.db, count: 4, month: '2026-10' })
  const arrivals: string[] = []
  const report = await simulate({
    database,
    from: '2026-10-30',
    days: 4,
    transports: comms.builtInTransports(),
    beforeJobs: async (on) => {
      arrivals.push(on)
    },
  })
  return { database, report, arrivals }
}

/** The report's counts: its times differ from run to run. */
function withoutTimes({ milliseconds, ...counts }: SimulationReport) {
  expect(Object.values(milliseconds).every((ms) => Number.isInteger(ms) && ms >= 0)).toBe(true)
  return counts
}

let first: Awaited<ReturnType<typeof simulatedDays>>

beforeAll(async () => {
  first = await simulatedDays()
}, 120_000)

afterAll(async () => {
  for (const database of databases) await database.close()
})

describe('simulated days through the morning jobs', () => {
  it('bills the homes on their day, tells each customer and delivers the letters, day by day', () => {
    expect(first.arrivals).toEqual(['2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02'])
    expect(withoutTimes(first.report)).toEqual({
      days: 4,
      statementsIssued: 4,
      statementsHeld: 0,
      billingFailures: 0,
      directDebitsCollected: 0,
      adequacyReviews: 0,
      noticesEmailed: 0,
      // The fixture's homes have no email on file: their statements go by post.
      noticesPosted: 4,
      messagesSent: 4,
      messagesFailed: 0,
      customerActions: 0,
    })
  })

  it('leaves every statement reconciled, the ledger balanced and the audit chain whole', async () => {
    const db = first.database.db
    const statements = await verifyStatements({ db })
    expect(statements.checked).toBe(4)
    expect(statements.unreconciled).toEqual([])
    const books = await ledger.trialBalance({ tx: db })
    expect([...books.values()].reduce((sum, total) => sum + total, 0n)).toBe(0n)
    expect(await audit.verifyChain({ db })).toMatchObject({ ok: true })
  })

  it('does the same again from the same data', async () => {
    const again = await simulatedDays()
    expect(withoutTimes(again.report)).toEqual(withoutTimes(first.report))
  })
})
