/**
 * Property test (issue 5): random sequences of payments (succeeding, declined, pending, failing,
 * returned), processor news delivered twice and out of order, goodwill credits and refunds keep the
 * ledger's invariants and agree with the payments' own records; no refund ever exceeds what was paid.
 */
import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import { billingFixture } from '../demo/billing-fixture.js'
import * as ledger from '../modules/ledger/index.js'
import * as payments from '../modules/payments/index.js'
import { systemActor } from '../shared/actor.js'
import { requestAccountCredit, syncPayments, takeAccountPayment } from './index.js'
import { fixtureAccountNumber } from './testing.js'

let database: Database
let ids: string[]
const runs = 20
const start = new Date('2026-11-20T10:00:00Z')
const agent = { kind: 'staff' as const, id: 'usr_agent' }
const processor = new payments.TestProcessor()

beforeAll(async () => {
  database = await openTestDatabase()
  ;({ accountIds: ids } = await billingFixture({ db: database.db, count: runs, at: start }))
}, 120_000)

afterAll(async () => {
  await database?.close()
})

const cards = ['4242424242424242', '4000000000000002', '4000000000000259', '4000000000009995']
const banks = ['11112222', '11110002', '11110003']

const operation = fc.oneof(
  fc.record({
    kind: fc.constant('card' as const),
    card: fc.constantFrom(...cards),
    amount: fc.integer({ min: 1, max: 50_000 }),
  }),
  fc.record({
    kind: fc.constant('bank' as const),
    bank: fc.constantFrom(...banks),
    amount: fc.integer({ min: 1, max: 50_000 }),
  }),
  fc.record({ kind: fc.constant('cash' as const), amount: fc.integer({ min: 1, max: 50_000 }) }),
  fc.record({ kind: fc.constant('credit' as const), amount: fc.integer({ min: 1, max: 20_000 }) }),
  fc.record({ kind: fc.constant('refund' as const), amount: fc.integer({ min: 1, max: 60_000 }) }),
  fc.record({ kind: fc.constant('charge' as const), amount: fc.integer({ min: 1, max: 40_000 }) }),
  fc.record({ kind: fc.constant('news' as const), days: fc.integer({ min: 1, max: 6 }) }),
)

describe('payments, failures, returns, credits and refunds', () => {
  it('keep the ledger balanced and in step with the payments, and refund no more than was paid', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 14 }), async (operations) => {
        const accountId = ids[run] as string
        const accountNumber = fixtureAccountNumber(run)
        run++
        let at = new Date(start)
        let step = 0
        for (const op of operations) {
          step++
          const key = `${accountId}:${step}`
          at = new Date(at.getTime() + 60_000)
          try {
            if (op.kind === 'card') {
              await takeAccountPayment({
                db: database.db,
                processor,
                accountNumber,
                input: {
                  method: 'card',
                  amountMinor: BigInt(op.amount),
                  card: { number: op.card, expiryMonth: 1, expiryYear: 2031, cvc: '123' },
                },
                idempotencyKey: key,
                actor: agent,
                at,
              })
            } else if (op.kind === 'bank') {
              const method = await inTransaction(database.db, async (tx) =>
                payments.addPaymentMethod({
                  tx,
                  accountId,
                  method: await processor.tokenizeBankAccount({
                    accountNumber: op.bank,
                    bankCode: '200000',
                    holderName: 'P',
                  }),
                  processor: processor.name,
                  actor: agent,
                  at,
                }),
              )
              await takeAccountPayment({
                db: database.db,
                processor,
                accountNumber,
                input: { method: 'bank_account', amountMinor: BigInt(op.amount), paymentMethodId: method.id },
                idempotencyKey: key,
                actor: agent,
                at,
              })
            } else if (op.kind === 'cash') {
              await takeAccountPayment({
                db: database.db,
                processor,
                accountNumber,
                input: { method: 'cash', amountMinor: BigInt(op.amount) },
                idempotencyKey: key,
                actor: agent,
                at,
              })
            } else if (op.kind === 'credit' || op.kind === 'refund') {
              const asked = await inTransaction(database.db, (tx) =>
                requestAccountCredit({
                  tx,
                  processor,
                  accountNumber,
                  kind: op.kind === 'credit' ? 'goodwill_credit' : 'refund',
                  amountMinor: BigInt(op.amount),
                  reason: 'property test',
                  idempotencyKey: key,
                  actor: agent,
                  at,
                }),
              )
              if (op.kind === 'refund' && asked.request.status === 'completed') {
                // No refund beyond what was paid in cleared money, at the moment it is made.
                const { rows } = await sql<{ paid: string; refunded: string }>`select
                    (select coalesce(sum(amount_minor), 0) from payments
                      where account_id = ${accountId} and status = 'succeeded')::text as paid,
                    (select coalesce(sum(amount_minor), 0) from credit_requests
                      where account_id = ${accountId} and kind = 'refund' and status = 'completed')::text as refunded`.execute(
                  database.db,
                )
                expect(BigInt(rows[0]?.refunded ?? '0')).toBeLessThanOrEqual(BigInt(rows[0]?.paid ?? '0'))
                expect(await ledger.balanceOf({ tx: database.db, accountId })).toBeLessThanOrEqual(0n)
              }
            } else if (op.kind === 'charge') {
              await inTransaction(database.db, (tx) =>
                ledger.postJournal({
                  tx,
                  journal: {
                    idempotencyKey: `prop-charge:${key}`,
                    reason: 'statement.charge',
                    reference: { type: 'test', id: key },
                    accountId,
                    currency: 'GBP',
                    effectiveOn: '2026-11-20',
                    description: 'charge',
                    postings: [
                      { book: 'customer', accountId, amountMinor: BigInt(op.amount), dueOn: '2026-12-10' },
                      { book: 'energy_revenue', accountId, amountMinor: -BigInt(op.amount) },
                    ],
                  },
                  actor: agent,
                  at,
                }),
              )
            } else {
              at = new Date(at.getTime() + op.days * 86_400_000)
              await syncPayments({ db: database.db, processor, actor: systemActor('processor'), at })
            }
          } catch (error) {
            // Refusals (a refund above what may be refunded) are expected; nothing else is.
            if (!(error instanceof payments.RefundExceedsCredit)) throw error
          }
        }
        // Every book together sums to zero.
        const books = await ledger.trialBalance({ tx: database.db })
        expect([...books.values()].reduce((sum, total) => sum + total, 0n)).toBe(0n)
        // The account's balance is what its records say.
        const { rows } = await sql<{ paid: string; credited: string; refunded: string; charged: string }>`select
            (select coalesce(sum(amount_minor), 0) from payments
              where account_id = ${accountId} and status in ('pending', 'succeeded'))::text as paid,
            (select coalesce(sum(amount_minor), 0) from credit_requests
              where account_id = ${accountId} and kind = 'goodwill_credit' and status = 'completed')::text as credited,
            (select coalesce(sum(amount_minor), 0) from credit_requests
              where account_id = ${accountId} and kind = 'refund' and status = 'completed')::text as refunded,
            (select coalesce(sum(p.amount_minor), 0) from ledger_postings p join ledger_journals j on j.id = p.journal_id
              where p.account_id = ${accountId} and p.book = 'customer' and j.reason = 'statement.charge')::text as charged`.execute(
          database.db,
        )
        const record = rows[0]
        if (!record) throw new Error('no row')
        const balance = await ledger.balanceOf({ tx: database.db, accountId })
        expect(balance).toBe(
          BigInt(record.charged) - BigInt(record.paid) - BigInt(record.credited) + BigInt(record.refunded),
        )
        // A failed or returned payment that had been posted was reversed, once.
        const unreversed = await sql<{ n: string }>`select count(*)::text as n from payments
          where account_id = ${accountId} and status in ('failed', 'returned')
            and journal_id is not null and reversal_journal_id is null`.execute(database.db)
        expect(unreversed.rows[0]?.n).toBe('0')
      }),
      { numRuns: runs },
    )
  }, 300_000)
})
