import fc from 'fast-check'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { inTransaction, type Tx } from '../db/index.js'
import { seedTariffCatalogue } from '../demo/tariff-catalogue.js'
import * as billing from '../modules/billing/index.js'
import * as ledger from '../modules/ledger/index.js'
import * as metering from '../modules/metering/index.js'
import { systemActor } from '../shared/actor.js'
import { addDays, settlementPeriodsOfDay } from '../shared/time.js'
import { billingTestDatabase, openTestHome } from './testing.js'
import { verifyStatements } from './verify-statements.js'

const actor = systemActor('test')
const specialist = { kind: 'staff', id: 'usr_billing' } as const
const at = new Date('2026-12-24T09:00:00Z')
const database = billingTestDatabase({ seedCatalogue: seedTariffCatalogue, actor, at })
const run = <T>(work: (tx: Tx) => Promise<T>) => inTransaction(database.db, work)
let serial = 0
let journalSerial = 0

/** A smart-metered home on the variable tariff from 1 July 2026, with 0.25 kWh every half hour to December. */
async function home(): Promise<{ accountId: string; number: string }> {
  serial += 1
  const number = `A-${String(serial).padStart(8, '0')}`
  const mpan = metering.withCheckDigit(`10${String(900_000 + serial).padStart(10, '0')}`)
  const meterSerial = `22E${String(serial).padStart(7, '0')}`
  const { accountId, meterPointId } = await openTestHome(database.db, {
    number,
    customer: { kind: 'person', title: 'Ms', givenName: 'Test', familyName: `Home${serial}` },
    property: { line1: `${serial} Mill Lane` },
    openedOn: '2026-07-01',
    meterPoints: [
      { fuel: 'electricity', identifier: mpan, meterSerial, type: 'smart', tariffCode: 'E-1R-VAR-22-11-01-A' },
    ],
    actor,
    at,
  })
  const rows: metering.IntervalToStage[] = []
  for (let date = '2026-07-01'; date < '2026-12-01'; date = addDays(date, 1)) {
    for (const period of settlementPeriodsOfDay(date)) {
      rows.push({ line: rows.length + 1, meterPointId, intervalStart: period.startAt, kwh: '0.250', quality: 'actual' })
    }
  }
  await run((tx) => metering.loadIntervals({ tx, ingestionId: `ing_${meterPointId}`, rows, at }))
  return { accountId, number }
}

/** A journal between the customer's book and another: positive `amountMinor` raises what the customer owes. */
function post(accountId: string, reason: string, book: ledger.Book, amountMinor: bigint, effectiveOn: string) {
  journalSerial += 1
  return run((tx) =>
    ledger.postJournal({
      tx,
      journal: {
        idempotencyKey: `test-${journalSerial}`,
        reason,
        reference: { type: 'test', id: String(journalSerial) },
        accountId,
        currency: 'GBP',
        effectiveOn,
        description: `${reason} ${journalSerial}`,
        postings: [
          { book: 'customer', accountId, amountMinor },
          { book, accountId, amountMinor: -amountMinor },
        ],
      },
      actor,
      at,
    }),
  )
}

const bill = (accountId: string, on: string) => run((tx) => billing.billAccount({ tx, accountId, on, actor, at }))
const detail = (number: string) => run((tx) => billing.getStatement({ tx, number }))

describe('statements reconcile to the ledger (BIL-10)', () => {
  it('shows a payment back-dated before the previous statement on the next one, as a payment', async () => {
    const h = await home()
    const july = await detail((await bill(h.accountId, '2026-08-01')).statement.number)
    // July: nothing before it, so it opens at 0 and closes at its own charge.
    expect(july).toMatchObject({ openingBalanceMinor: 0n, paymentsMinor: 0n, creditsMinor: 0n, adjustmentsMinor: 0n })
    expect(july.chargesMinor).toBe(july.totalMinor)
    expect(july.closingBalanceMinor).toBe(july.totalMinor)
    // £50.00 received after July's statement was issued but dated 15 July, inside its period.
    await post(h.accountId, 'payment.received', 'cash', -5000n, '2026-07-15')
    const august = await detail((await bill(h.accountId, '2026-09-01')).statement.number)
    // opening July's total + August's charge − 50.00 = closing
    expect(august.openingBalanceMinor).toBe(july.totalMinor)
    expect(august.paymentsMinor).toBe(5000n)
    expect(august.creditsMinor).toBe(0n)
    expect(august.chargesMinor).toBe(august.totalMinor)
    expect(august.closingBalanceMinor).toBe(july.totalMinor + august.totalMinor - 5000n)
    expect(august.closingBalanceMinor).toBe(await run((tx) => ledger.balanceOf({ tx, accountId: h.accountId })))
  })

  it('reports a statement whose figures no longer match the ledger', async () => {
    const h = await home()
    await bill(h.accountId, '2026-08-01')
    await post(h.accountId, 'payment.received', 'cash', -2000n, '2026-08-10')
    const { statement } = await bill(h.accountId, '2026-09-01')
    expect((await verifyStatements({ db: database.db })).unreconciled).toEqual([])

    // Tamper: £1.00 more of payments and £1.00 less closing still adds up, but is not the ledger.
    await sql`alter table statements disable trigger statements_guard`.execute(database.db)
    try {
      await sql`update statements set payments_minor = payments_minor + 100,
        closing_balance_minor = closing_balance_minor - 100 where id = ${statement.id}`.execute(database.db)
    } finally {
      await sql`alter table statements enable trigger statements_guard`.execute(database.db)
    }

    const report = await verifyStatements({ db: database.db })
    expect(report.unreconciled.map((each) => each.number)).toEqual([statement.number])
    const problems = report.unreconciled[0]?.problems.join('; ') ?? ''
    expect(problems).toContain('closing')
    expect(problems).toContain('payments 2100 are not the ledger')
  })

  it('holds the identity for every statement whatever order payments, credits, refunds, reversals, rebills and statements come in', async () => {
    type Step =
      | { kind: 'payment' | 'credit' | 'refund' | 'fee'; amountMinor: bigint; daysBack: number }
      | { kind: 'return' | 'rebill' | 'statement' }
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({
        kind: fc.constantFrom('payment' as const, 'credit' as const, 'refund' as const, 'fee' as const),
        amountMinor: fc.bigInt({ min: 1n, max: 20_000n }),
        daysBack: fc.integer({ min: 0, max: 120 }),
      }),
      fc.record({ kind: fc.constantFrom('return' as const, 'rebill' as const, 'statement' as const) }),
    )
    const tried = new Set<string>()
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 12 }), async (steps) => {
        const h = await home()
        tried.add(h.accountId)
        const payments: string[] = []
        let month = 8 // the next statement runs to the 1st of this month
        for (const each of steps) {
          // Back-dated from the last bill date: postings arrive in any order of accounting dates.
          const on = (daysBack: number) => addDays(`2026-${String(month).padStart(2, '0')}-01`, -daysBack)
          if (each.kind === 'payment') {
            payments.push(
              (await post(h.accountId, 'payment.received', 'cash', -each.amountMinor, on(each.daysBack))).journal.id,
            )
          } else if (each.kind === 'credit') {
            await post(h.accountId, 'credit.goodwill', 'goodwill', -each.amountMinor, on(each.daysBack))
          } else if (each.kind === 'refund') {
            await post(h.accountId, 'refund.overpayment', 'refunds', each.amountMinor, on(each.daysBack))
          } else if (each.kind === 'fee') {
            await post(h.accountId, 'fee.late_payment', 'fees', each.amountMinor, on(each.daysBack))
          } else if (each.kind === 'return') {
            const journalId = payments.pop()
            if (journalId) {
              await run((tx) =>
                ledger.reverseJournal({
                  tx,
                  journalId,
                  idempotencyKey: `return-${journalId}`,
                  reason: 'payment.returned',
                  effectiveOn: on(0),
                  actor,
                  at,
                }),
              )
            }
          } else if (each.kind === 'rebill') {
            const [latest] = await run((tx) => billing.listStatements({ tx, accountNumber: h.number, limit: 1 })).then(
              (page) => page.items,
            )
            if (latest?.status === 'issued') {
              await run((tx) => billing.rebill({ tx, statementId: latest.id, actor: specialist, at }))
            }
          } else if (month <= 12) {
            await bill(h.accountId, `2026-${String(month).padStart(2, '0')}-01`)
            month += 1
          }
        }
        const page = await run((tx) => billing.listStatements({ tx, accountNumber: h.number, limit: 50 }))
        let previousClosing: bigint | null = null
        const issued = page.items
          .filter((statement) => statement.cutoffPostingId !== null)
          .sort((a, b) => Number((a.cutoffPostingId ?? 0n) - (b.cutoffPostingId ?? 0n)))
        for (const statement of issued) {
          const { openingBalanceMinor, chargesMinor, paymentsMinor, creditsMinor, adjustmentsMinor } = statement
          // opening + charges − payments − credits + adjustments = closing
          expect(
            (openingBalanceMinor ?? 0n) +
              (chargesMinor ?? 0n) -
              (paymentsMinor ?? 0n) -
              (creditsMinor ?? 0n) +
              (adjustmentsMinor ?? 0n),
          ).toBe(statement.closingBalanceMinor)
          // = the ledger's balance at the cut-off
          expect(statement.closingBalanceMinor).toBe(
            await run((tx) =>
              ledger.balanceAtPosting({ tx, accountId: h.accountId, postingId: statement.cutoffPostingId ?? 0n }),
            ),
          )
          // and each opens where the one before it closed
          if (previousClosing !== null) expect(openingBalanceMinor).toBe(previousClosing)
          previousClosing = statement.closingBalanceMinor
        }
      }),
      { numRuns: 12, seed: 2110 },
    )
    // The command's own check agrees (the test before this one tampered with a statement of its own).
    const report = await verifyStatements({ db: database.db })
    expect(report.unreconciled.filter((each) => tried.has(each.accountId))).toEqual([])
  }, 300_000)
})
