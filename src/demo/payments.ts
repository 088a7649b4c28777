/**
 * Demo money (issue 5): for the accounts with statements, a year of payments in different ways —
 * Direct Debit customers (variable and fixed), card payers with a decline and its retry, a bank
 * payment that came back, customers in arrears (one on a payment arrangement, one on the Priority
 * Services Register) and the collections steps their debts have reached. Everything goes through the
 * same use cases staff use, with idempotency keys, so seeding again adds nothing twice.
 */
import type { Db } from '../db/index.js'
import { inTransaction } from '../db/index.js'
import * as accounts from '../modules/accounts/index.js'
import type * as billing from '../modules/billing/index.js'
import * as ledger from '../modules/ledger/index.js'
import * as payments from '../modules/payments/index.js'
import type { Actor } from '../shared/actor.js'
import { DomainError } from '../shared/errors.js'
import { addDays, localDateOf, startOfLocalDay } from '../shared/time.js'
import { createAccountArrangement, runCollections, syncPayments } from '../usecases/collections.js'
import { takeAccountPayment } from '../usecases/payments.js'
import { billCycleDate, cycleDates } from './bills.js'
import { demoAccountNumber, generateCustomer } from './people.js'

type Style =
  | 'direct_debit'
  | 'card'
  | 'card_with_decline'
  | 'bank_returned'
  | 'arrears'
  | 'arrangement'
  | 'psr_arrears'
  | 'fixed_direct_debit'

/** How each of the first accounts pays, by index (the rest pay by card). */
const styles: readonly Style[] = [
  'direct_debit',
  'card_with_decline',
  'bank_returned',
  'arrears',
  'arrangement',
  'psr_arrears',
  'fixed_direct_debit',
  'card',
  'direct_debit',
  'card',
  'arrears',
  'direct_debit',
]

const noon = (date: string) => new Date(startOfLocalDay(date).getTime() + 12 * 3_600_000)

async function keepBank(
  db: Db,
  accountId: string,
  number: string,
  processor: payments.PaymentProcessor,
  actor: Actor,
  at: Date,
) {
  const existing = (await payments.paymentMethodsOf({ tx: db, accountId })).find(
    (method) => method.kind === 'bank_account',
  )
  if (existing) return existing.id
  const tokenized = await processor.tokenizeBankAccount({
    accountNumber: number,
    bankCode: '309634',
    holderName: 'Account holder',
  })
  return (
    await inTransaction(db, (tx) =>
      payments.addPaymentMethod({ tx, accountId, method: tokenized, processor: processor.name, actor, at }),
    )
  ).id
}

async function keepCard(db: Db, accountId: string, processor: payments.PaymentProcessor, actor: Actor, at: Date) {
  const existing = (await payments.paymentMethodsOf({ tx: db, accountId })).find((method) => method.kind === 'card')
  if (existing) return existing.id
  const tokenized = await processor.tokenizeCard(
    { number: '4242424242424242', expiryMonth: 8, expiryYear: 2029, cvc: '123' },
    at,
  )
  return (
    await inTransaction(db, (tx) =>
      payments.addPaymentMethod({ tx, accountId, method: tokenized, processor: processor.name, actor, at }),
    )
  ).id
}

/**
 * A year of bills and payments for the first `accounts` accounts (the half-hourly homes), one account
 * at a time in the order they happened: each month's statement is made on the cycle day, then paid
 * (or not) by the account's style on its due date before the next one is made, so every statement
 * shows the payments since the last as the ledger has them.
 */
export async function seedDemoHistory({
  db,
  seed,
  accounts: count,
  processor,
  actor,
  at,
}: {
  db: Db
  seed: number
  accounts: number
  processor: payments.PaymentProcessor
  actor: Actor
  at: Date
}): Promise<{ statements: number; payments: number }> {
  let made = 0
  let statementsMade = 0
  const today = localDateOf(at)
  const styled = new Map<Style, string>()
  let styledCount = 0
  for (let index = 0; index < count; index++) {
    const accountNumber = demoAccountNumber({ seed, index })
    const account = await inTransaction(db, (tx) => accounts.findAccountSupply({ tx, accountNumber }))
    if (!account) continue
    const pay = async (input: Parameters<typeof takeAccountPayment>[0]['input'], key: string, when: Date) => {
      try {
        const { replayed } = await takeAccountPayment({
          db,
          processor,
          accountNumber,
          input,
          idempotencyKey: `demo:${key}`,
          actor,
          at: when,
        })
        if (!replayed) made++
      } catch (error) {
        if (!(error instanceof DomainError)) throw error
      }
    }
    // The account's style goes to it with its first issued statement, in order (some never get one:
    // a business account waits for its invoice, a home without readings is held for review).
    let style: Style | null = null
    let bank: string | null = null
    let card: string | null = null
    const setUp = async (): Promise<Style> => {
      const chosen = styles[styledCount++] ?? 'card'
      if (!styled.has(chosen)) styled.set(chosen, accountNumber)
      if (chosen === 'psr_arrears') {
        const registered = await accounts.vulnerabilitiesOf({ tx: db, accountId: account.id })
        if (registered.length === 0) {
          await inTransaction(db, (tx) =>
            accounts.registerVulnerability({
              tx,
              accountId: account.id,
              register: 'psr',
              category: 'medical_equipment',
              consentGiven: true,
              consentOn: addDays(today, -200),
              reviewOn: addDays(today, 165),
              note: 'Home oxygen concentrator',
              actor,
              at,
            }),
          )
        }
      }
      bank =
        chosen === 'direct_debit' || chosen === 'fixed_direct_debit' || chosen === 'bank_returned'
          ? await keepBank(
              db,
              account.id,
              chosen === 'bank_returned' ? '41220003' : `4122${String(1000 + index).slice(-4)}`,
              processor,
              actor,
              at,
            )
          : null
      card =
        chosen.startsWith('card') || chosen === 'bank_returned'
          ? await keepCard(db, account.id, processor, actor, at)
          : null
      return chosen
    }
    // Homes are billed on the day of the month they joined (at most the 28th); businesses on the 1st (BIL-4).
    const business = generateCustomer({ seed, index }).kind === 'business'
    const dates = cycleDates(business ? 1 : Math.min(Number(account.openedOn.slice(8, 10)), 28), today)
    const issued: billing.Statement[] = []
    for (const on of dates) {
      const billed = await billCycleDate({ db, accountId: account.id, on, actor, at })
      if (billed === 'stop') break
      if (!billed) continue
      if (billed.created) statementsMade++
      const { statement } = billed
      if (statement.status !== 'issued' || !statement.dueOn || statement.totalMinor <= 0n) continue
      issued.push(statement)
      style ??= await setUp()
      const due = statement.dueOn
      if (due > today) continue
      // The account's second statement is the one that went wrong: by bank transfer that came back,
      // or a declined card paid the next day. Households in arrears have no way to pay on file.
      const second = issued.length === 2
      const key = `${accountNumber}:${statement.number}`
      if (bank && style !== 'bank_returned') {
        await pay(
          {
            method: 'direct_debit',
            amountMinor: statement.totalMinor,
            paymentMethodId: bank,
            statementNumber: statement.number,
          },
          key,
          noon(due),
        )
      } else if (bank && second) {
        // By bank transfer, which came back (the payer's bank returned it).
        await pay(
          {
            method: 'bank_account',
            amountMinor: statement.totalMinor,
            paymentMethodId: bank,
            statementNumber: statement.number,
          },
          key,
          noon(due),
        )
      } else if (card) {
        const declinedFirst = style === 'card_with_decline' && second
        if (declinedFirst) {
          // A declined card, then paid the next day with the card on file.
          await pay(
            {
              method: 'card',
              amountMinor: statement.totalMinor,
              card: { number: '4000000000000002', expiryMonth: 3, expiryYear: 2028, cvc: '321' },
              statementNumber: statement.number,
            },
            `${key}:declined`,
            noon(due),
          )
        }
        await pay(
          {
            method: 'card',
            amountMinor: statement.totalMinor,
            paymentMethodId: card,
            statementNumber: statement.number,
          },
          key,
          noon(declinedFirst ? addDays(due, 1) : due),
        )
      }
    }
    if (style === 'direct_debit' || style === 'fixed_direct_debit') {
      const current = await payments.directDebitOf({ tx: db, accountId: account.id })
      const paymentMethodId = bank
      if (!current && paymentMethodId) {
        const monthly =
          issued.length > 0 ? issued.reduce((sum, s) => sum + s.totalMinor, 0n) / BigInt(issued.length) : 6_000n
        await inTransaction(db, (tx) =>
          payments.setupDirectDebit({
            tx,
            accountId: account.id,
            paymentMethodId,
            kind: style === 'fixed_direct_debit' ? 'fixed' : 'variable',
            ...(style === 'fixed_direct_debit' ? { amountMinor: ((monthly + 99n) / 100n) * 100n } : {}),
            paymentDay: Math.min(Number(account.openedOn.slice(8, 10)), 28),
            actor,
            at,
          }),
        )
      }
    }
  }
  // What the processor has said since: bank payments settled, the returned one came back.
  await syncPayments({ db, processor, actor, at })
  // Arrears: collections has reached its steps; one household agreed an arrangement.
  for (const back of [21, 14, 7, 0]) {
    await runCollections({ db, on: addDays(today, -back), actor, at: noon(addDays(today, -back)) })
  }
  // One household in arrears agreed a payment arrangement (once).
  const arranged = styled.get('arrangement')
  const arrangedId = arranged
    ? (await inTransaction(db, (tx) => accounts.findAccountSupply({ tx, accountNumber: arranged })))?.id
    : undefined
  if (arranged && arrangedId && (await payments.arrangementsOf({ tx: db, accountId: arrangedId, at })).length === 0) {
    const { pastDueMinor } = await ledger.ageing({ tx: db, accountId: arrangedId, asOf: today })
    if (pastDueMinor > 0n) {
      await inTransaction(db, (tx) =>
        createAccountArrangement({
          tx,
          accountNumber: arranged,
          instalmentMinor: ((pastDueMinor / 6n + 99n) / 100n) * 100n,
          frequency: 'monthly',
          actor,
          at,
        }),
      )
    }
  }
  return { statements: statementsMade, payments: made }
}
