import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import { catalogueCodes, demoAccountNumber } from '../demo/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as audit from '../modules/audit/index.js'
import { listStatements } from '../modules/billing/index.js'
import * as comms from '../modules/comms/index.js'
import * as ledger from '../modules/ledger/index.js'
import * as tariffs from '../modules/tariffs/index.js'
import { systemActor } from '../shared/actor.js'
import { statementPdfInput } from '../usecases/account-billing.js'
import { verifyStatements } from '../usecases/index.js'
import { seedSimulatedDemo } from './demo.js'

const at = new Date('2026-11-20T09:00:00Z')
const eleanorNumber = demoAccountNumber({ seed: 1, index: 0 })
let database: Database
let first: Awaited<ReturnType<typeof seedSimulatedDemo>>
const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(database.db)).rows

const seeded = () =>
  seedSimulatedDemo({
    database,
    accounts: 40,
    seed: 1,
    usageAccounts: 12,
    historyDays: 100,
    at,
    transports: comms.builtInTransports(),
  })

beforeAll(async () => {
  database = await openTestDatabase()
  first = await seeded()
}, 300_000)

afterAll(async () => {
  await database.close()
})

// The simulated customers also write in, call to complain, move out and in and fix their prices
// (src/demo/life-events.ts): the tests after the payment history check what that left behind.
describe('the demo, simulated through the jobs', () => {
  it('runs every day up to the seed through the jobs, billing and collecting as a supplier would', () => {
    expect(first.simulated.days).toBe(100)
    expect(first.simulated.billingFailures).toBe(0)
    expect(first.simulated.messagesFailed).toBe(0)
    expect(first.simulated.statementsIssued).toBeGreaterThan(15)
    expect(first.simulated.directDebitsCollected).toBeGreaterThanOrEqual(3)
    expect(first.simulated.customerActions).toBeGreaterThan(5)
  })

  it('bills the half-hourly homes monthly, each statement following the last, all posted to the ledger', async () => {
    const { rows } = await sql<{ status: string; period_from: Date; period_to: Date; total_minor: string }>`
      select s.status, s.period_from, s.period_to, s.total_minor::text from statements s
      join accounts a on a.id = s.account_id where a.number = ${eleanorNumber} order by s.period_from`.execute(
      database.db,
    )
    expect(rows.length).toBeGreaterThanOrEqual(3)
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.period_from).toEqual(rows[i - 1]?.period_to)
    const balance = await sql<{ total: string }>`select coalesce(sum(p.amount_minor), 0)::text as total
      from ledger_postings p join accounts a on a.id = p.account_id
      where p.book = 'customer' and a.number = ${eleanorNumber}`.execute(database.db)
    const issued = rows.filter((row) => row.status === 'issued').reduce((sum, row) => sum + BigInt(row.total_minor), 0n)
    const paid = await sql<{ total: string }>`select coalesce(sum(p.amount_minor), 0)::text as total
      from payments p join accounts a on a.id = p.account_id
      where p.status in ('pending', 'succeeded') and a.number = ${eleanorNumber}`.execute(database.db)
    expect(BigInt(balance.rows[0]?.total ?? '0')).toBe(issued - BigInt(paid.rows[0]?.total ?? '0'))
  })

  it('bills every half-hourly home: no statement held for a missing rate or reading (smart gas read on the bill day, Economy 7 by its bands)', async () => {
    const usageNumbers = Array.from({ length: 12 }, (_, index) => demoAccountNumber({ seed: 1, index }))
    const held = await rows(sql<{
      number: string
      reasons: { code: string }[]
    }>`select a.number, s.hold_reasons as reasons
      from statements s join accounts a on a.id = s.account_id
      where s.status = 'held' and a.number in (${sql.join(usageNumbers)})`)
    // A bill far above the account's usual (winter after a short summer history) is rightly held for a look.
    const wrong = held.filter((statement) =>
      statement.reasons.some((reason) => reason.code !== 'charge_far_above_usual'),
    )
    expect(wrong, JSON.stringify(wrong)).toEqual([])
    const issued = await rows(sql<{ n: number }>`select count(distinct s.account_id)::int as n from statements s
      join accounts a on a.id = s.account_id where a.number in (${sql.join(usageNumbers)})
      and s.status in ('issued', 'uninvoiced', 'invoiced')`)
    expect(issued[0]?.n).toBe(12)
  })

  it('makes each statement after the payments before it, so every statement reconciles to the ledger', async () => {
    const { rows } = await sql<{ payments: string | null; closing: string | null; total: string }>`
      select s.payments_minor::text as payments, s.closing_balance_minor::text as closing, s.total_minor::text as total
      from statements s join accounts a on a.id = s.account_id
      where a.number = ${eleanorNumber} and s.status = 'issued' order by s.period_from`.execute(database.db)
    // Eleanor pays each statement in full by Direct Debit on its due date, before the next one is made:
    // every statement after the first shows that payment, and each closes owing just its own charges.
    expect(rows.length).toBeGreaterThanOrEqual(3)
    for (const [index, row] of rows.entries()) {
      expect(row.closing, `statement ${index + 1}`).toBe(row.total)
      if (index > 0) expect(row.payments, `statement ${index + 1}`).toBe(rows[index - 1]?.total)
    }
    const report = await verifyStatements({ db: database.db })
    expect(report.checked).toBeGreaterThan(15)
    expect(report.unreconciled).toEqual([])
  })

  it('gives Eleanor’s statement PDF what a UK bill must carry, from her supplies and her Direct Debit', async () => {
    const [latest] = (await listStatements({ tx: database.db, accountNumber: eleanorNumber, limit: 1 })).items
    const input = await inTransaction(database.db, (tx) =>
      statementPdfInput({
        tx,
        accountNumber: eleanorNumber,
        number: latest?.number ?? '',
        duplicate: false,
        actor: systemActor('test'),
        at,
      }),
    )
    expect(input.supplier).toMatchObject({ legalName: 'Good Egg Energy Ltd', phone: '0808 157 0192' })
    expect(input.market).toBe('gb')
    expect(input.payment).toMatchObject({ kind: 'direct_debit', amountMinor: null })
    expect(input.supplies.map((supply) => [supply.fuel, supply.productName])).toEqual([
      ['electricity', 'Intelligent Egg Go'],
      ['gas', 'Flexible Egg'],
    ])
    const gas = input.supplies[1]
    expect(gas?.meterSerials).toHaveLength(1)
    expect(gas?.readings).toEqual([
      expect.objectContaining({ unit: 'm3', from: expect.objectContaining({ estimated: false }) }),
    ])
    for (const supply of input.supplies) {
      expect(Number(supply.annualKwh)).toBeGreaterThan(1000)
      expect(supply.projectedAnnualCostMinor).toBeGreaterThan(0n)
      expect(supply.tariffComparisonRate).toMatch(/^\d+\.\d\d$/)
    }
  })

  it('gives the billed homes a payment history: Direct Debits, cards, a decline, a return, arrears and an arrangement', async () => {
    const { rows } = await sql<{ method: string; status: string; n: string }>`select method, status, count(*)::text as n
      from payments group by method, status`.execute(database.db)
    const count = (method: string, status: string) =>
      Number(rows.find((row) => row.method === method && row.status === status)?.n ?? 0)
    expect(count('direct_debit', 'succeeded')).toBeGreaterThanOrEqual(3)
    expect(count('card', 'succeeded')).toBeGreaterThan(1)
    expect(count('card', 'failed')).toBe(1)
    expect(count('bank_account', 'returned')).toBe(1)
    const extra = await sql<{ arrangements: string; psr: string; steps: string; instructions: string }>`select
        (select count(*) from payment_arrangements where status = 'active')::text as arrangements,
        (select count(*) from account_vulnerabilities where register = 'psr')::text as psr,
        (select count(*) from collection_actions)::text as steps,
        (select count(*) from direct_debit_instructions where status = 'active')::text as instructions`.execute(
      database.db,
    )
    expect(extra.rows[0]).toMatchObject({ arrangements: '1', psr: '1' })
    expect(Number(extra.rows[0]?.steps)).toBeGreaterThan(2)
    expect(Number(extra.rows[0]?.instructions)).toBeGreaterThanOrEqual(2)
  })

  it('has complaint calls become cases, a billing dispute among them acknowledged, worked and resolved', async () => {
    const cases = await rows(sql<{ type: string; status: string; notes: number }>`select c.type, c.status,
      (select count(*) from case_notes n where n.case_id = c.id)::int as notes from cases c order by c.opened_at`)
    expect(cases[0]).toEqual({ type: 'billing_dispute', status: 'resolved', notes: 1 })
    const disputes = cases.filter((item) => item.type === 'billing_dispute').length
    const sent = await rows(sql<{ template_key: string }>`select template_key from comms_messages
      where template_key = 'dispute_acknowledgement' and status = 'sent'`)
    expect(sent).toHaveLength(disputes)
  })

  it('answers the emails customers send with the suggested reply, reviewed and sent by an agent', async () => {
    const threads = await rows(sql<{ subject: string; intent: string; status: string; reply: string }>`select
      m.subject, d.intent, d.status, r.status as reply from comms_messages m
      join assist_drafts d on d.inbound_message_id = m.id join comms_messages r on r.id = d.sent_message_id
      where m.direction = 'inbound' and m.channel = 'email' order by m.created_at`)
    expect(new Set(threads.map((thread) => thread.intent))).toEqual(new Set(['bill_query', 'direct_debit']))
    for (const thread of threads) expect(thread).toMatchObject({ status: 'sent', reply: 'sent' })
    expect(threads.find((thread) => thread.intent === 'bill_query')?.subject).toMatch(/^Why is my bill so high\? S-/)
    // The Direct Debit was set up again on the day asked for, replacing the first.
    const instructions = await rows(sql<{ status: string; payment_day: number }>`select status, payment_day
      from direct_debit_instructions where account_id = (select account_id from comms_messages
      where subject = 'Change my Direct Debit date' limit 1) order by created_at`)
    expect(instructions.map((instruction) => instruction.status)).toEqual(['cancelled', 'active'])
    expect(instructions[1]?.payment_day).not.toBe(instructions[0]?.payment_day)
  })

  it('moves households out with their final bills, and a named customer in after "The Occupier"', async () => {
    const finals = await rows(sql<{ status: string }>`select s.status from statements s where s.kind = 'final'`)
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

  it('leaves the ledger balanced and the audit chain whole', async () => {
    const books = await ledger.trialBalance({ tx: database.db })
    expect([...books.values()].reduce((sum, total) => sum + total, 0n)).toBe(0n)
    expect(await audit.verifyChain({ db: database.db })).toMatchObject({ ok: true })
  })

  it('has nothing left to simulate when run again, adding no statement twice', async () => {
    const count = async () =>
      Number((await sql<{ n: string }>`select count(*)::text as n from statements`.execute(database.db)).rows[0]?.n)
    const before = await count()
    const again = await seeded()
    expect(again.seeded.accountsCreated).toBe(0)
    expect(again.simulated.days).toBe(0)
    expect(await count()).toBe(before)
  })
})
