import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import { billingFixture } from '../demo/billing-fixture.js'
import { catalogueCodes, demoCustomers, demoLifeEvents, seedDemo } from '../demo/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as audit from '../modules/audit/index.js'
import * as comms from '../modules/comms/index.js'
import * as ledger from '../modules/ledger/index.js'
import * as tariffs from '../modules/tariffs/index.js'
import { systemActor } from '../shared/actor.js'
import { addDays, localDateOf } from '../shared/time.js'
import { defaultProcessor, verifyStatements } from '../usecases/index.js'
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

describe('a simulated demo whose customers write, call, move and switch tariff', () => {
  let database: Database
  let report: SimulationReport
  const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(database.db)).rows

  beforeAll(async () => {
    database = await openTestDatabase()
    databases.push(database)
    // Twenty accounts, two of them half-hourly homes with history from the end of August (September's
    // and October's bills to compare); the rest moved onto Cuttle ten days before the demo's day.
    const at = new Date('2026-11-05T09:00:00Z')
    const historyDays = 67
    const shape = { db: database.db, seed: 1, accounts: 20, usageAccounts: 2 }
    await seedDemo({ ...shape, historyDays, at })
    const customers = demoCustomers({ ...shape, processor: defaultProcessor(), actor: systemActor('demo-customers') })
    const lifeEvents = demoLifeEvents(shape)
    report = await simulate({
      database,
      from: addDays(localDateOf(at), -historyDays),
      days: historyDays,
      transports: comms.builtInTransports(),
      duringDay: async (on, noon, queue) => (await customers.act(on, noon)) + (await lifeEvents.act(on, noon, queue)),
    })
  }, 300_000)

  it('has a complaint call become a billing dispute, acknowledged, worked and resolved by the billing team', async () => {
    const cases = await rows(sql<{ type: string; status: string; notes: string }>`select c.type, c.status,
      (select count(*) from case_notes n where n.case_id = c.id)::text as notes from cases c`)
    expect(cases).toEqual([{ type: 'billing_dispute', status: 'resolved', notes: '1' }])
    const sent = await rows(sql<{ template_key: string }>`select template_key from comms_messages
      where template_key = 'dispute_acknowledgement' and status = 'sent'`)
    expect(sent).toHaveLength(1)
  })

  it('answers the emails customers send with the suggested reply, reviewed and sent by an agent', async () => {
    const threads = await rows(sql<{ subject: string; intent: string; status: string; reply: string }>`select
      m.subject, d.intent, d.status, r.status as reply from comms_messages m
      join assist_drafts d on d.inbound_message_id = m.id join comms_messages r on r.id = d.sent_message_id
      where m.direction = 'inbound' and m.channel = 'email' order by m.created_at`)
    expect(threads).toEqual([
      { subject: 'Change my Direct Debit date', intent: 'direct_debit', status: 'sent', reply: 'sent' },
      {
        subject: expect.stringMatching(/^Why is my bill so high\? S-/),
        intent: 'bill_query',
        status: 'sent',
        reply: 'sent',
      },
    ])
    // The Direct Debit was set up again on the day asked for, replacing the first.
    const instructions = await rows(sql<{ status: string; payment_day: number }>`select status, payment_day
      from direct_debit_instructions where account_id = (select account_id from comms_messages
      where subject = 'Change my Direct Debit date') order by created_at`)
    expect(instructions.map((instruction) => instruction.status)).toEqual(['cancelled', 'active'])
    expect(instructions[1]?.payment_day).not.toBe(instructions[0]?.payment_day)
  })

  it('moves two households out with their final bills, and a named customer in after "The Occupier"', async () => {
    const finals = await rows(sql<{ status: string; closed_on: string }>`select s.status, a.closed_on
      from statements s join accounts a on a.id = s.account_id where s.kind = 'final' order by a.closed_on`)
    expect(finals).toHaveLength(3)
    expect(finals.every((statement) => statement.status === 'issued')).toBe(true)
    const opened = await rows(sql<{ id: string }>`select id from accounts where opened_on > '2026-10-01'`)
    const facts = await accounts.accountFactsOf({ tx: database.db, accountIds: opened.map((account) => account.id) })
    const byOpening = [...facts].sort((a, b) => a.openedOn.localeCompare(b.openedOn))
    expect(byOpening.map((account) => account.status)).toEqual(['closed', 'active', 'active'])
    expect(byOpening[0]?.displayName).toBe('The Occupier')
    expect(byOpening[2]?.displayName).not.toBe('The Occupier')
  })

  it('switches a customer who called from the variable to the fixed tariff of the same fuel and region', async () => {
    const all = await rows(sql<{ id: string }>`select id from accounts`)
    const agreements = await tariffs.agreementsOfAccounts({ tx: database.db, accountIds: all.map((row) => row.id) })
    const fixes = agreements.filter((agreement) => agreement.productCode === catalogueCodes.fixed)
    const switched = fixes.flatMap((fixed) =>
      agreements
        .filter(
          (before) =>
            before.meterPointId === fixed.meterPointId && before.validTo?.getTime() === fixed.validFrom.getTime(),
        )
        .map((before) => [before.tariffCode, fixed.tariffCode]),
    )
    expect(switched.length).toBeGreaterThan(0)
    for (const [variable, fixed] of switched) {
      expect(fixed).toBe(variable?.replace(catalogueCodes.variable, catalogueCodes.fixed))
    }
  })

  it('counts what they did, and leaves every statement reconciled and the ledger balanced', async () => {
    expect(report.billingFailures).toBe(0)
    expect(report.messagesFailed).toBe(0)
    expect(report.customerActions).toBeGreaterThan(15)
    expect((await verifyStatements({ db: database.db })).unreconciled).toEqual([])
    const books = await ledger.trialBalance({ tx: database.db })
    expect([...books.values()].reduce((sum, total) => sum + total, 0n)).toBe(0n)
    expect(await audit.verifyChain({ db: database.db })).toMatchObject({ ok: true })
  })
})
