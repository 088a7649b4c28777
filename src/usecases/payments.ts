/**
 * What staff do with an account's money (PAY-1..7): payment methods, taking payments with a
 * confirmation number, credits and refunds with approvals, Direct Debit and its adequacy review,
 * and payment arrangements with their agreement letter. Every view is audited.
 */
import type { Change, Db } from '../db/index.js'
import { inTransaction } from '../db/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as billing from '../modules/billing/index.js'
import * as ledger from '../modules/ledger/index.js'
import * as market from '../modules/market/index.js'
import * as payments from '../modules/payments/index.js'
import type { Actor } from '../shared/actor.js'
import { localDateOf } from '../shared/time.js'
import {
  type AccountCall,
  type AccountPageCall,
  accountIdOf,
  type ByAccountNumber,
  recordAccountView,
} from './account-view.js'

let sharedProcessor: payments.PaymentProcessor | undefined

/**
 * The processor the configuration names (`CUTTLE_PAYMENT_PROCESSOR`, checked at start-up). Only the
 * built-in test processor ships; a real one plugs in behind `payments.PaymentProcessor`. Throws nothing.
 */
export function defaultProcessor(_name: 'test' = 'test'): payments.PaymentProcessor {
  sharedProcessor ??= new payments.TestProcessor()
  return sharedProcessor
}

export async function accountPayments({ tx, accountNumber, limit, cursor, actor, at }: AccountPageCall) {
  const accountId = await accountIdOf(tx, accountNumber)
  const page = await payments.paymentsOf({ tx, accountId, limit, cursor })
  const methods = await payments.paymentMethodsOf({ tx, accountId })
  const directDebit = await payments.directDebitOf({ tx, accountId })
  const requests = await payments.creditRequestsOf({ tx, accountId })
  await recordAccountView(tx, { accountId, what: 'payments', context: {}, actor, at })
  return { ...page, methods, directDebit, creditRequests: requests }
}

export type NewMethodInput =
  | { kind: 'card'; card: payments.CardDetails }
  | { kind: 'bank_account'; bankAccount: payments.BankAccountDetails }

async function tokenize(processor: payments.PaymentProcessor, input: NewMethodInput, at: Date) {
  return input.kind === 'card'
    ? processor.tokenizeCard(input.card, at)
    : processor.tokenizeBankAccount(input.bankAccount)
}

/** Keep a card or bank account on the account: tokenized first, so the number never reaches the database. */
export async function addAccountPaymentMethod({
  tx,
  processor,
  accountNumber,
  input,
  actor,
  at,
}: Change & {
  processor: payments.PaymentProcessor
  accountNumber: string
  input: NewMethodInput
}) {
  const accountId = await accountIdOf(tx, accountNumber)
  const tokenized = await tokenize(processor, input, at)
  return payments.addPaymentMethod({ tx, accountId, method: tokenized, processor: processor.name, actor, at })
}

export async function removeAccountPaymentMethod({
  tx,
  accountNumber,
  paymentMethodId,
  actor,
  at,
}: AccountCall & {
  paymentMethodId: string
}) {
  const accountId = await accountIdOf(tx, accountNumber)
  await payments.removePaymentMethod({ tx, accountId, paymentMethodId, actor, at })
}

export interface TakePaymentInput {
  readonly method: payments.PaymentRequest['method']
  readonly amountMinor: bigint
  readonly paymentMethodId?: string | undefined
  /** A card entered now; `save` keeps it for next time. */
  readonly card?: (payments.CardDetails & { save?: boolean | undefined }) | undefined
  readonly statementNumber?: string | undefined
  readonly reference?: string | undefined
}

/**
 * Take a payment (PAY-2). The idempotency fingerprint covers what was asked, with a new card
 * reduced to its last four digits and expiry (the number itself is never kept, not even hashed).
 */
export async function takeAccountPayment({
  db,
  processor,
  accountNumber,
  input,
  idempotencyKey,
  source = 'staff',
  actor,
  at,
}: {
  db: Db
  processor: payments.PaymentProcessor
  accountNumber: string
  input: TakePaymentInput
  idempotencyKey: string
  source?: 'staff' | 'customer'
  actor: Actor
  at: Date
}) {
  const fingerprint = payments.fingerprintOf({
    accountNumber,
    method: input.method,
    amountMinor: input.amountMinor,
    paymentMethodId: input.paymentMethodId ?? null,
    card: input.card
      ? {
          last4: input.card.number.replace(/\D/g, '').slice(-4),
          expiryMonth: input.card.expiryMonth,
          expiryYear: input.card.expiryYear,
          save: input.card.save ?? false,
        }
      : null,
    statementNumber: input.statementNumber ?? null,
    reference: input.reference ?? null,
  })
  return inTransaction(db, async (tx) => {
    const accountId = await accountIdOf(tx, accountNumber)
    let statementId: string | undefined
    if (input.statementNumber) {
      const statement = await billing.getStatement({ tx, number: input.statementNumber, accountNumber })
      statementId = statement.id
    }
    const newMethod = input.card
      ? { tokenized: await processor.tokenizeCard(input.card, at), save: input.card.save ?? false }
      : undefined
    return payments.takePayment({
      tx,
      processor,
      accountId,
      request: {
        method: input.method,
        amountMinor: input.amountMinor,
        paymentMethodId: input.paymentMethodId,
        newMethod,
        statementId,
        reference: input.reference,
      },
      idempotencyKey,
      fingerprint,
      source,
      actor,
      at,
    })
  })
}

export async function recordCheque({
  tx,
  accountNumber,
  confirmationNumber,
  outcome,
  actor,
  at,
}: AccountCall & {
  confirmationNumber: string
  outcome: 'succeeded' | 'failed'
}) {
  const accountId = await accountIdOf(tx, accountNumber)
  const payment = await payments.paymentByConfirmation({ tx, accountId, confirmationNumber })
  return payments.recordChequeOutcome({ tx, paymentId: payment.id, outcome, actor, at })
}

/** A credit or refund asked for by account number; its fingerprint is made from the request here. */
export async function requestAccountCredit({
  tx,
  accountNumber,
  ...request
}: Omit<ByAccountNumber<typeof payments.requestCredit>, 'fingerprint'>) {
  const { kind, amountMinor, reason, refundToPaymentMethodId } = request
  return payments.requestCredit({
    ...request,
    tx,
    accountId: await accountIdOf(tx, accountNumber),
    fingerprint: payments.fingerprintOf({ accountNumber, kind, amountMinor, reason, refundToPaymentMethodId }),
  })
}

export async function setupAccountDirectDebit({
  tx,
  accountNumber,
  actor,
  at,
  ...directDebit
}: ByAccountNumber<typeof payments.setupDirectDebit>) {
  const accountId = await accountIdOf(tx, accountNumber)
  const set = await payments.setupDirectDebit({ tx, accountId, ...directDebit, actor, at })
  // Direct Debit customers are billed at the Direct Debit prices (DOMAIN: price variants).
  await billing.setBillingProfile({ tx, accountId, changes: { paymentMethod: 'DIRECT_DEBIT' }, actor, at })
  return set
}

export async function accountAdequacyReview({ tx, accountNumber, actor, at }: AccountCall) {
  const accountId = await accountIdOf(tx, accountNumber)
  const facts = await accounts.accountFacts({ tx, accountId })
  if (!facts) throw new accounts.AccountNotFound(`There is no account ${accountNumber}`)
  const review = await payments.adequacyReview({ tx, accountId, openedOn: facts.openedOn, at })
  await recordAccountView(tx, { accountId, what: 'payment_adequacy', context: {}, actor, at })
  return review
}

/**
 * The account's next Direct Debit collection (date, amount, any amount a specialist set), or null
 * without one; recorded as a view of the account. @throws AccountNotFound
 */
export async function accountNextCollection({ tx, accountNumber, actor, at }: AccountCall) {
  const accountId = await accountIdOf(tx, accountNumber)
  const next = await payments.nextCollection({ tx, accountId, on: localDateOf(at) })
  await recordAccountView(tx, { accountId, what: 'next_collection', context: {}, actor, at })
  return next
}

/**
 * Set the amount of the account's next Direct Debit collection (a billing specialist, after a
 * rebill, say). @throws AccountNotFound, payments.InvalidDirectDebit
 */
export async function setAccountNextCollection({
  tx,
  accountNumber,
  amountMinor,
  reason,
  actor,
  at,
}: AccountCall & {
  amountMinor: bigint
  reason: string
}) {
  const accountId = await accountIdOf(tx, accountNumber)
  return payments.setNextCollectionAmount({ tx, accountId, amountMinor, reason, actor, at })
}

export async function accountArrangements({ tx, accountNumber, actor, at }: AccountCall) {
  const accountId = await accountIdOf(tx, accountNumber)
  const list = await payments.arrangementsOf({ tx, accountId, at })
  const supplier = await market.getSupplier(tx)
  const today = localDateOf(at, supplier.profile.timeZone)
  const { pastDueMinor } = await ledger.ageing({ tx, accountId, asOf: today })
  await recordAccountView(tx, { accountId, what: 'arrangements', context: {}, actor, at })
  return { items: list, today, pastDueMinor, downPaymentPercent: supplier.settings.arrangementDownPaymentPercent }
}
