import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import { billingFixture } from '../demo/billing-fixture.js'
import * as accounts from '../modules/accounts/index.js'
import * as audit from '../modules/audit/index.js'
import * as ledger from '../modules/ledger/index.js'
import * as payments from '../modules/payments/index.js'
import { systemActor } from '../shared/actor.js'
import {
  accountNextCollection,
  accountStatus,
  collectDirectDebits,
  createAccountArrangement,
  requestAccountCredit,
  reviewArrangements,
  reviewDirectDebitAdequacy,
  setAccountNextCollection,
  syncPayments,
  takeAccountPayment,
} from './index.js'
import { accountDealer, postTestCharge } from './testing.js'

let database: Database
const at = new Date('2026-11-20T10:00:00Z')
const agent = { kind: 'staff' as const, id: 'usr_agent' }
const supervisor = { kind: 'staff' as const, id: 'usr_supervisor' }
const otherSupervisor = { kind: 'staff' as const, id: 'usr_supervisor_2' }
const processor = new payments.TestProcessor()
const card = (number: string) => ({ number, expiryMonth: 12, expiryYear: 2030, cvc: '123' })
/** A fresh fixture account for each test, so tests do not see each other's money. */
let freshAccount: () => { id: string; number: string }

beforeAll(async () => {
  database = await openTestDatabase()
  const { accountIds } = await billingFixture({ db: database.db, count: 28, at })
  freshAccount = accountDealer(accountIds)
}, 120_000)

afterAll(async () => {
  await database?.close()
})

async function charge(accountId: string, amountMinor: bigint, dueOn: string, key = `${accountId}:${dueOn}`) {
  await postTestCharge(database.db, {
    idempotencyKey: `test-charge:${key}`,
    referenceId: key,
    accountId,
    amountMinor,
    dueOn,
    effectiveOn: '2026-10-01',
    at,
  })
}

const balance = (accountId: string) => ledger.balanceOf({ tx: database.db, accountId })

function pay(
  accountNumber: string,
  input: Parameters<typeof takeAccountPayment>[0]['input'],
  key: string,
  when: Date = at,
) {
  return takeAccountPayment({
    db: database.db,
    processor,
    accountNumber,
    input,
    idempotencyKey: key,
    actor: agent,
    at: when,
  })
}

describe('taking payments (PAY-2, PAY-3)', () => {
  it('charges a card now, gives a confirmation number and takes it off the balance', async () => {
    const account = freshAccount()
    await charge(account.id, 10_000n, '2026-11-10')
    const { payment, replayed } = await pay(
      account.number,
      { method: 'card', amountMinor: 4_000n, card: card('4242 4242 4242 4242') },
      'card-ok-1',
    )
    expect(replayed).toBe(false)
    expect(payment.status).toBe('succeeded')
    expect(payment.confirmationNumber).toMatch(/^P-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
    expect(payment.methodLabel).toBe('Visa •••• 4242')
    expect(payment.postsOn).toBe('2026-11-20')
    expect(await balance(account.id)).toBe(6_000n)
  })

  it('records a declined card as failed and leaves the balance alone', async () => {
    const account = freshAccount()
    await charge(account.id, 10_000n, '2026-11-10')
    const { payment } = await pay(
      account.number,
      { method: 'card', amountMinor: 4_000n, card: card('4000000000000002') },
      'card-decline-1',
    )
    expect(payment.status).toBe('failed')
    expect(payment.failure?.code).toBe('card_declined')
    expect(await balance(account.id)).toBe(10_000n)
  })

  it('lets a payment that needs a retry succeed on the second attempt', async () => {
    const account = freshAccount()
    const method = await inTransaction(database.db, async (tx) =>
      payments.addPaymentMethod({
        tx,
        accountId: account.id,
        method: await processor.tokenizeCard(card('4000000000000119'), at),
        processor: processor.name,
        actor: agent,
        at,
      }),
    )
    const first = await pay(
      account.number,
      { method: 'card', amountMinor: 1_000n, paymentMethodId: method.id },
      'retry-1',
    )
    expect(first.payment.status).toBe('failed')
    expect(first.payment.failure?.code).toBe('processing_error')
    const second = await pay(
      account.number,
      { method: 'card', amountMinor: 1_000n, paymentMethodId: method.id },
      'retry-2',
    )
    expect(second.payment.status).toBe('succeeded')
  })

  it('returns the same payment for the same key and refuses the key with a different request', async () => {
    const account = freshAccount()
    const input = { method: 'cash' as const, amountMinor: 2_500n }
    const first = await pay(account.number, input, 'same-key-1')
    const again = await pay(account.number, input, 'same-key-1')
    expect(again.replayed).toBe(true)
    expect(again.payment.id).toBe(first.payment.id)
    expect(await balance(account.id)).toBe(-2_500n)
    await expect(pay(account.number, { method: 'cash', amountMinor: 2_600n }, 'same-key-1')).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    })
  })

  it('keeps bank payments pending until settled, and reverses a failed or returned one, however events arrive', async () => {
    const good = freshAccount()
    const failing = freshAccount()
    const returning = freshAccount()
    const chargeback = freshAccount()
    const methodFor = async (accountId: string, accountNumber: string) =>
      inTransaction(database.db, async (tx) =>
        payments.addPaymentMethod({
          tx,
          accountId,
          method: await processor.tokenizeBankAccount({ accountNumber, bankCode: '200000', holderName: 'A Payer' }),
          processor: processor.name,
          actor: agent,
          at,
        }),
      )
    const goodMethod = await methodFor(good.id, '55779911')
    const failingMethod = await methodFor(failing.id, '55770002')
    const returningMethod = await methodFor(returning.id, '55770003')
    const taken = [
      await pay(good.number, { method: 'bank_account', amountMinor: 3_000n, paymentMethodId: goodMethod.id }, 'bank-1'),
      await pay(
        failing.number,
        { method: 'bank_account', amountMinor: 3_000n, paymentMethodId: failingMethod.id },
        'bank-2',
      ),
      await pay(
        returning.number,
        { method: 'bank_account', amountMinor: 3_000n, paymentMethodId: returningMethod.id },
        'bank-3',
      ),
      await pay(
        chargeback.number,
        { method: 'card', amountMinor: 3_000n, card: card('4000000000000259') },
        'card-return',
      ),
    ]
    expect(taken.map((t) => t.payment.status)).toEqual(['pending', 'pending', 'pending', 'succeeded'])
    expect(taken[0]?.payment.postsOn).toBe('2026-11-23')
    for (const account of [good, failing, returning, chargeback]) expect(await balance(account.id)).toBe(-3_000n)
    // A week on, delivered twice (repeats and out of order are part of the test processor's behaviour).
    const later = new Date(at.getTime() + 7 * 86_400_000)
    const synced = await syncPayments({ db: database.db, processor, actor: systemActor('processor'), at: later })
    expect(synced.delivered).toBeGreaterThan(synced.applied)
    const again = await syncPayments({ db: database.db, processor, actor: systemActor('processor'), at: later })
    expect(again.applied).toBe(0)
    const statusOf = async (id: string) =>
      (await sql<{ status: string }>`select status from payments where id = ${id}`.execute(database.db)).rows[0]?.status
    expect(await statusOf(taken[0]!.payment.id)).toBe('succeeded')
    expect(await statusOf(taken[1]!.payment.id)).toBe('failed')
    expect(await statusOf(taken[2]!.payment.id)).toBe('returned')
    expect(await statusOf(taken[3]!.payment.id)).toBe('returned')
    expect(await balance(good.id)).toBe(-3_000n)
    for (const account of [failing, returning, chargeback]) {
      expect(await balance(account.id)).toBe(0n)
      const status = await accountStatus({ tx: database.db, accountId: account.id, at: later })
      expect(status.colour).toBe('red')
      expect(status.reasons.map((reason) => reason.code)).toContain('returned_payment')
    }
    const books = await ledger.trialBalance({ tx: database.db })
    expect([...books.values()].reduce((sum, total) => sum + total, 0n)).toBe(0n)
  })
})

/** The agent refunds an overpayment from the account's credit balance. */
const refundOverpaid = (accountNumber: string, amountMinor: bigint, idempotencyKey: string) =>
  inTransaction(database.db, (tx) =>
    requestAccountCredit({
      tx,
      processor,
      accountNumber,
      kind: 'refund',
      amountMinor,
      reason: 'overpaid',
      idempotencyKey,
      actor: agent,
      at,
    }),
  )

describe('credits and refunds (PAY-4)', () => {
  it('applies a credit within the limit and sends a larger one, or one that adds up past it, for approval', async () => {
    const account = freshAccount()
    const ask = (amountMinor: bigint, key: string, actor = agent) =>
      inTransaction(database.db, (tx) =>
        requestAccountCredit({
          tx,
          processor,
          accountNumber: account.number,
          kind: 'goodwill_credit',
          amountMinor,
          reason: 'missed appointment',
          idempotencyKey: key,
          actor,
          at,
        }),
      )
    expect((await ask(6_000n, 'gw-1')).request.status).toBe('completed')
    const second = await ask(6_000n, 'gw-2')
    expect(second.request.status).toBe('pending_approval')
    expect(await balance(account.id)).toBe(-6_000n)
    const decide = (actor: typeof supervisor) =>
      inTransaction(database.db, (tx) =>
        payments.decideCreditRequest({ tx, processor, requestId: second.request.id, approve: true, actor, at }),
      )
    const own = await ask(15_000n, 'gw-3', supervisor)
    await expect(
      inTransaction(database.db, (tx) =>
        payments.decideCreditRequest({
          tx,
          processor,
          requestId: own.request.id,
          approve: true,
          actor: supervisor,
          at,
        }),
      ),
    ).rejects.toMatchObject({ code: 'CANNOT_APPROVE_OWN_REQUEST' })
    expect((await decide(supervisor)).status).toBe('completed')
    await expect(decide(otherSupervisor)).rejects.toMatchObject({ code: 'CREDIT_REQUEST_DECIDED' })
    expect(await balance(account.id)).toBe(-12_000n)
  })

  it('never refunds more than the credit balance or what was paid', async () => {
    const account = freshAccount()
    await pay(account.number, { method: 'cash', amountMinor: 5_000n }, 'overpay-1')
    const refund = (amountMinor: bigint, key: string) => refundOverpaid(account.number, amountMinor, key)
    await expect(refund(5_001n, 'rf-1')).rejects.toMatchObject({ code: 'REFUND_EXCEEDS_CREDIT' })
    expect((await refund(3_000n, 'rf-2')).request.status).toBe('completed')
    await expect(refund(2_001n, 'rf-3')).rejects.toMatchObject({ code: 'REFUND_EXCEEDS_CREDIT' })
    expect((await refund(2_000n, 'rf-4')).request.status).toBe('completed')
    expect(await balance(account.id)).toBe(0n)
  })

  it('lets concurrent refunds together take no more than the credit balance', async () => {
    const account = freshAccount()
    await pay(account.number, { method: 'cash', amountMinor: 9_000n }, 'overpay-2')
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => refundOverpaid(account.number, 2_000n, `rf-par-${i}`)),
    )
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(4)
    expect(await balance(account.id)).toBe(-1_000n)
  })
})

/** Keep a bank account for the account and set up a Direct Debit from it, as an agent. */
function withDirectDebit(
  accountId: string,
  debit: Pick<
    Parameters<typeof payments.setupDirectDebit>[0],
    'kind' | 'amountMinor' | 'debtRepaymentMinor' | 'paymentDay'
  >,
) {
  return inTransaction(database.db, async (tx) => {
    const method = await payments.addPaymentMethod({
      tx,
      accountId,
      method: await processor.tokenizeBankAccount({ accountNumber: '12345678', bankCode: '200000', holderName: 'X' }),
      processor: processor.name,
      actor: agent,
      at,
    })
    await payments.setupDirectDebit({ tx, accountId, paymentMethodId: method.id, ...debit, actor: agent, at })
  })
}

describe('Direct Debit (PAY-5)', () => {
  it('collects a fixed amount plus the debt repayment element once on the payment day', async () => {
    const account = freshAccount()
    await charge(account.id, 20_000n, '2026-11-01')
    await withDirectDebit(account.id, {
      kind: 'fixed',
      amountMinor: 8_000n,
      debtRepaymentMinor: 2_000n,
      paymentDay: 20,
    })
    const run = () =>
      collectDirectDebits({ db: database.db, processor, on: '2026-11-20', actor: systemActor('dd'), at })
    const first = await run()
    expect(first.outcomes['collected']).toBeGreaterThanOrEqual(1)
    const second = await run()
    expect(second.outcomes['collected'] ?? 0).toBe(0)
    expect(await balance(account.id)).toBe(10_000n)
  })

  it('collects only the debt repayment element when it is the whole of a variable Direct Debit (a payment plan)', async () => {
    const account = freshAccount()
    // £200.00 owed.
    await charge(account.id, 20_000n, '2026-11-01')
    await withDirectDebit(account.id, { kind: 'variable', debtRepaymentMinor: 2_000n, paymentDay: 20 })
    const result = await collectDirectDebits({
      db: database.db,
      processor,
      on: '2026-11-20',
      actor: systemActor('dd'),
      at,
    })
    expect(result.outcomes['collected']).toBeGreaterThanOrEqual(1)
    // The plan collects the £20.00 element only: 20,000 − 2,000 = 18,000 still owed
    // (before the fix it took the £200.00 balance plus the £20.00 element, £220.00, leaving −2,000).
    expect(await balance(account.id)).toBe(18_000n)
  })

  it('shows the next collection from the balance, takes an amount a billing specialist set once, and audits it', async () => {
    const account = freshAccount()
    // £150.00 owed; a variable Direct Debit on the 25th collects the balance.
    await charge(account.id, 15_000n, '2026-11-01')
    await withDirectDebit(account.id, { kind: 'variable', paymentDay: 25 })
    const next = () =>
      inTransaction(database.db, (tx) => accountNextCollection({ tx, accountNumber: account.number, actor: agent, at }))
    // `at` is 20 November: the next 25th is this month's.
    expect(await next()).toEqual({
      collectOn: '2026-11-25',
      amountMinor: 15_000n,
      ruleAmountMinor: 15_000n,
      setAmount: null,
    })
    await expect(
      inTransaction(database.db, (tx) =>
        setAccountNextCollection({
          tx,
          accountNumber: account.number,
          amountMinor: -1n,
          reason: ' ',
          actor: agent,
          at,
        }),
      ),
    ).rejects.toMatchObject({
      code: 'INVALID_DIRECT_DEBIT',
      details: [
        { path: 'amountMinor', message: 'zero or more' },
        { path: 'reason', message: '1 to 500 characters' },
      ],
    })
    const set = await inTransaction(database.db, (tx) =>
      setAccountNextCollection({
        tx,
        accountNumber: account.number,
        amountMinor: 9_000n,
        reason: 'Rebilled: the November statement fell by £60.00',
        actor: agent,
        at,
      }),
    )
    expect(set).toMatchObject({ collectOn: '2026-11-25', amountMinor: 9_000n, ruleAmountMinor: 15_000n })
    expect(set.setAmount).toMatchObject({
      amountMinor: 9_000n,
      reason: 'Rebilled: the November statement fell by £60.00',
    })
    const [event] = await audit.listForAccount({
      db: database.db,
      accountId: account.id,
      actionPrefix: 'payments.direct_debit.next_collection_set',
      limit: 1,
    })
    expect(event).toMatchObject({ before: { amountMinor: '15000' }, after: { amountMinor: '9000' } })
    await collectDirectDebits({ db: database.db, processor, on: '2026-11-25', actor: systemActor('dd'), at })
    // 15,000 − 9,000 = 6,000 still owed; the set amount was taken once, so December's is the balance again.
    expect(await balance(account.id)).toBe(6_000n)
    const december = await inTransaction(database.db, (tx) =>
      accountNextCollection({ tx, accountNumber: account.number, actor: agent, at: new Date('2026-11-26T09:00:00Z') }),
    )
    expect(december).toMatchObject({ collectOn: '2026-12-25', amountMinor: 6_000n, setAmount: null })
  })
})

describe('the yearly payment adequacy review (PAY-5, seed 002)', () => {
  const reviewer = systemActor('adequacy-review')
  const review = (on: string, when: Date, max?: number) =>
    reviewDirectDebitAdequacy({ db: database.db, on, actor: reviewer, at: when, ...(max ? { max } : {}) })
  const overdue = async (accountId: string, on: string) =>
    (await payments.accountsWithAdequacyReviewOverdue({ tx: database.db, accountIds: [accountId], on })).has(accountId)
  const instructionOf = async (accountId: string) =>
    (await payments.directDebitOf({ tx: database.db, accountId })) as payments.DirectDebit

  it('reviews a Direct Debit never reviewed, records the date on it, and reviews it again a year later', async () => {
    const account = freshAccount()
    // £100.00 charged on 20 November 2026; the fixture's accounts opened on 1 October 2026.
    await charge(account.id, 10_000n, '2026-12-01')
    await withDirectDebit(account.id, { kind: 'fixed', amountMinor: 5_000n, paymentDay: 1 })
    // Set up at 10:00 on 20 November 2026 and never reviewed: on 20 November 2027 that is not yet
    // over a year (the day it was set up is not before the same day a year back); on the 21st it is.
    expect(await overdue(account.id, '2027-11-20')).toBe(false)
    expect(await overdue(account.id, '2027-11-21')).toBe(true)

    const first = await review('2026-11-20', at)
    expect(first.failed).toBe(0)
    expect(first.outcomes['reviewed']).toBeGreaterThanOrEqual(1)
    expect((await instructionOf(account.id)).adequacyReviewedOn).toBe('2026-11-20')
    // 50 days from 1 October to 20 November: £100.00 × 365 ÷ 50 = £730.00 projected for a year;
    // plus £100.00 owed = £830.00; ÷ 12 = £69.17 (6,916.67 rounded up to 6,917) and up to whole
    // pounds: £70.00 a month recommended.
    const { rows: events } = await sql<{ action: string; after: { reviewedOn: string; recommendedMinor: string } }>`
      select action, after from audit_events
      where account_id = ${account.id} and action = 'payments.direct_debit.adequacy_reviewed'`.execute(database.db)
    expect(events).toEqual([
      {
        action: 'payments.direct_debit.adequacy_reviewed',
        after: expect.objectContaining({ reviewedOn: '2026-11-20', recommendedMinor: '7000' }),
      },
    ])

    // Reviewed within the year: a second run the same day, or on 19 November 2027, leaves it alone.
    await review('2026-11-20', at)
    await review('2027-11-19', new Date('2027-11-19T05:30:00Z'))
    expect((await instructionOf(account.id)).adequacyReviewedOn).toBe('2026-11-20')
    // Reviewed on 20 November 2026: a year on (20 November 2027) it is due again, but only over a year
    // (from the 21st) is it overdue for the backbilling rule.
    expect(await overdue(account.id, '2027-11-20')).toBe(false)
    expect(await overdue(account.id, '2027-11-21')).toBe(true)
    await review('2027-11-20', new Date('2027-11-20T05:30:00Z'))
    expect((await instructionOf(account.id)).adequacyReviewedOn).toBe('2027-11-20')
    expect(await overdue(account.id, '2027-11-21')).toBe(false)
  })

  it("reviews at most a run's limit and leaves the rest for the next run", async () => {
    const account = freshAccount()
    await withDirectDebit(account.id, { kind: 'variable', paymentDay: 1 })
    // Five years on every Direct Debit of this file is due: a run of one looks at one.
    const later = new Date('2031-11-20T05:30:00Z')
    expect((await review('2031-11-20', later, 1)).looked).toBe(1)
    const rest = await review('2031-11-20', later)
    expect(rest.looked).toBeGreaterThanOrEqual(1)
    expect((await instructionOf(account.id)).adequacyReviewedOn).toBe('2031-11-20')
    expect((await review('2031-11-20', later)).looked).toBe(0)
  })
})

describe('payment arrangements (PAY-6) and the status colour (ACC-6)', () => {
  it('plans a down payment of 25% of past due and instalments, turns the account yellow, and breaks when one is missed', async () => {
    const account = freshAccount()
    await charge(account.id, 30_001n, '2026-10-15')
    expect((await accountStatus({ tx: database.db, accountId: account.id, at })).colour).toBe('red')
    const { arrangement, messageId } = await inTransaction(database.db, (tx) =>
      createAccountArrangement({
        tx,
        accountNumber: account.number,
        instalmentMinor: 10_000n,
        frequency: 'monthly',
        actor: agent,
        at,
      }),
    )
    expect(messageId).toMatch(/^msg_/)
    expect(arrangement.downPaymentMinor).toBe(7_501n)
    expect(arrangement.schedule.map((item) => [item.dueOn, item.amountMinor])).toEqual([
      ['2026-11-20', 7_501n],
      ['2026-12-20', 10_000n],
      ['2027-01-20', 10_000n],
      ['2027-02-20', 2_500n],
    ])
    const status = await accountStatus({ tx: database.db, accountId: account.id, at })
    expect(status.colour).toBe('yellow')
    expect(status.reasons.map((reason) => reason.code)).toEqual(['arrangement'])
    await pay(account.number, { method: 'cash', amountMinor: 7_501n }, 'arr-down', new Date(at.getTime() + 60_000))
    const onTrack = await reviewArrangements({
      db: database.db,
      actor: systemActor('review'),
      at: new Date('2026-12-26T10:00:00Z'),
    })
    expect(onTrack.outcomes['broken'] ?? 0).toBe(0)
    const late = await reviewArrangements({
      db: database.db,
      actor: systemActor('review'),
      at: new Date('2026-12-28T10:00:00Z'),
    })
    expect(late.outcomes['broken']).toBe(1)
    expect(
      (await accountStatus({ tx: database.db, accountId: account.id, at: new Date('2026-12-28T10:00:00Z') })).colour,
    ).toBe('red')
  })

  it('refuses an arrangement when nothing is past due', async () => {
    const account = freshAccount()
    await expect(
      inTransaction(database.db, (tx) =>
        createAccountArrangement({
          tx,
          accountNumber: account.number,
          instalmentMinor: 1_000n,
          frequency: 'weekly',
          actor: agent,
          at,
        }),
      ),
    ).rejects.toMatchObject({ code: 'NOTHING_PAST_DUE' })
  })

  it('is green in good standing and yellow when a payment falls due within five days', async () => {
    const account = freshAccount()
    expect((await accountStatus({ tx: database.db, accountId: account.id, at })).colour).toBe('green')
    await charge(account.id, 1_000n, '2026-11-24')
    const status = await accountStatus({ tx: database.db, accountId: account.id, at })
    expect(status).toMatchObject({ colour: 'yellow', reasons: [{ code: 'due_soon' }] })
  })

  it('is gray during a seasonal hold, and not before it or after it is lifted', async () => {
    const account = freshAccount()
    const hold = await inTransaction(database.db, (tx) =>
      accounts.placeHold({
        tx,
        accountId: account.id,
        kind: 'seasonal',
        reason: 'Holiday home empty for the winter',
        startsOn: '2026-11-20',
        endsOn: '2027-03-01',
        actor: agent,
        at,
      }),
    )
    const before = await accountStatus({ tx: database.db, accountId: account.id, at: new Date('2026-11-19T10:00:00Z') })
    expect(before.colour).toBe('green')
    const during = await accountStatus({ tx: database.db, accountId: account.id, at })
    expect(during).toMatchObject({ colour: 'gray', reasons: [{ code: 'seasonal_hold' }] })
    await inTransaction(database.db, (tx) =>
      accounts.liftHold({ tx, accountId: account.id, holdId: hold.id, actor: agent, at }),
    )
    expect((await accountStatus({ tx: database.db, accountId: account.id, at })).colour).toBe('green')
  })

  it('is gray for a closed account', async () => {
    const account = freshAccount()
    await sql`update accounts set status = 'closed', closed_on = '2026-11-01' where id = ${account.id}`.execute(
      database.db,
    )
    expect((await accountStatus({ tx: database.db, accountId: account.id, at })).colour).toBe('gray')
  })
})

describe('the PSR register (ACC-7)', () => {
  it('needs consent for a PSR need and lists current needs', async () => {
    const account = freshAccount()
    const register = (consent: { consentGiven: boolean; consentOn?: string; reviewOn?: string }) =>
      inTransaction(database.db, (tx) =>
        accounts.registerVulnerability({
          tx,
          accountId: account.id,
          register: 'psr',
          category: 'medical_equipment',
          ...consent,
          actor: agent,
          at,
        }),
      )
    await expect(register({ consentGiven: false })).rejects.toMatchObject({ code: 'INVALID_VULNERABILITY' })
    await register({ consentGiven: true, consentOn: '2026-11-20', reviewOn: '2027-11-20' })
    expect(await accounts.vulnerabilitiesOf({ tx: database.db, accountId: account.id })).toMatchObject([
      { register: 'psr', category: 'medical_equipment', reviewOn: '2027-11-20' },
    ])
  })
})
