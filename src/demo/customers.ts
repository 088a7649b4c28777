/**
 * The demo's customers, acting day by day in a simulation (issue 21 item 2): each day at noon they
 * see the statements the morning's billing run issued and pay what falls due by their own way of
 * paying, through the same use cases staff and the portal use. Direct Debit customers set up their
 * instruction with their first statement and the money day's Direct Debit run collects from then on;
 * card payers pay on the due date (one card declined once and paid the next day); one pays by bank
 * transfer that comes back; households in arrears pay nothing and collections chases them; one of
 * them agrees a payment arrangement; one is on the Priority Services Register. Deterministic: the
 * same statements give the same payments, with idempotency keys, so a day acted twice adds nothing.
 */
import type { Db } from '../db/index.js'
import { inTransaction } from '../db/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as billing from '../modules/billing/index.js'
import * as ledger from '../modules/ledger/index.js'
import * as payments from '../modules/payments/index.js'
import type { Actor } from '../shared/actor.js'
import { DomainError } from '../shared/errors.js'
import { addDays, localDateOf } from '../shared/time.js'
import { createAccountArrangement } from '../usecases/collections.js'
import { takeAccountPayment } from '../usecases/payments.js'
import { demoAccountNumber } from './people.js'

type Style =
  | 'direct_debit'
  | 'card'
  | 'card_with_decline'
  | 'bank_returned'
  | 'arrears'
  | 'arrangement'
  | 'psr_arrears'
  | 'fixed_direct_debit'

/** How the half-hourly homes pay; the rest of the book pays by Direct Debit, a third of it by card. */
const styles: readonly Style[] = [
  'direct_debit',
  'card_with_decline',
  'bank_returned',
  'arrangement',
  'psr_arrears',
  'arrears',
  'fixed_direct_debit',
  'card',
  'direct_debit',
  'card',
  'arrears',
  'direct_debit',
]

/** A demo account the simulation has seen a statement of. */
interface Customer {
  readonly index: number
  readonly accountId: string
  readonly accountNumber: string
  readonly style: Style
  readonly bank: string | null
  readonly card: string | null
  /** Statements issued to it with something to pay, oldest first. */
  readonly issued: billing.Statement[]
}

/** A payment the customer makes on a day: the statement, and whether it is the declined attempt. */
interface Due {
  readonly customer: Customer
  readonly statement: billing.Statement
  readonly declined: boolean
}

export interface DemoCustomers {
  /** The customers act on the local day `on` at `at` (noon): answers how many payments they made. */
  act(on: string, at: Date): Promise<number>
}

async function keepBank(
  db: Db,
  accountId: string,
  number: string,
  processor: payments.PaymentProcessor,
  change: Change,
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
      payments.addPaymentMethod({ tx, accountId, method: tokenized, processor: processor.name, ...change }),
    )
  ).id
}

async function keepCard(db: Db, accountId: string, processor: payments.PaymentProcessor, change: Change) {
  const existing = (await payments.paymentMethodsOf({ tx: db, accountId })).find((method) => method.kind === 'card')
  if (existing) return existing.id
  const tokenized = await processor.tokenizeCard(
    { number: '4242424242424242', expiryMonth: 8, expiryYear: 2029, cvc: '123' },
    change.at,
  )
  return (
    await inTransaction(db, (tx) =>
      payments.addPaymentMethod({ tx, accountId, method: tokenized, processor: processor.name, ...change }),
    )
  ).id
}

interface Change {
  readonly actor: Actor
  readonly at: Date
}

/**
 * A reader of the statements issued since it last looked, in the order they were issued (the first
 * look finds every statement so far): what the demo's customers see each day.
 */
export function statementsIssuedFromNowOn(db: Db): () => Promise<billing.Statement[]> {
  let seenUpTo: { issuedAt: Date; id: string } | null = null
  return async () => {
    const found: billing.Statement[] = []
    for (;;) {
      const page = await billing.statementsIssuedSince({ tx: db, since: new Date(0), after: seenUpTo, limit: 1000 })
      found.push(...page)
      const last = page.at(-1)
      if (!last?.issuedAt) break
      seenUpTo = { issuedAt: last.issuedAt, id: last.id }
      if (page.length < 1000) break
    }
    return found
  }
}

/**
 * The first `accounts` demo accounts as customers (the first `usageAccounts` of them the half-hourly
 * homes with their styles). Started again on a simulated demo, it picks up the customers' ways of
 * paying from the statements already issued and keeps what they set up.
 */
export function demoCustomers({
  db,
  seed,
  accounts: count,
  usageAccounts,
  processor,
  actor,
}: {
  db: Db
  seed: number
  accounts: number
  usageAccounts: number
  processor: payments.PaymentProcessor
  actor: Actor
}): DemoCustomers {
  const indexOf = new Map<string, number>()
  for (let index = 0; index < count; index++) indexOf.set(demoAccountNumber({ seed, index }), index)
  const customers = new Map<string, Customer>()
  const dueOn = new Map<string, Due[]>()
  /** The household that agrees an arrangement, once it has a statement; `arranged` once it has agreed. */
  let debtor: Customer | undefined
  let arranged = false

  // The showcase home (the first) pays by Direct Debit; the other half-hourly homes take the next
  // style in the order their first statement is issued (a home held for review takes none).
  let styled = 1
  const styleOf = (index: number): Style => {
    if (index >= usageAccounts) return index % 3 === 0 ? 'card' : 'direct_debit'
    if (index === 0) return styles[0] ?? 'direct_debit'
    return styles[styled++] ?? 'card'
  }

  /** The customer's way of paying, set up with its first statement. */
  const becomeCustomer = async (index: number, accountId: string, accountNumber: string, change: Change) => {
    const style = styleOf(index)
    if (style === 'psr_arrears' && (await accounts.vulnerabilitiesOf({ tx: db, accountId })).length === 0) {
      const today = localDateOf(change.at)
      await inTransaction(db, (tx) =>
        accounts.registerVulnerability({
          tx,
          accountId,
          register: 'psr',
          category: 'medical_equipment',
          consentGiven: true,
          consentOn: today,
          reviewOn: addDays(today, 365),
          note: 'Home oxygen concentrator',
          ...change,
        }),
      )
    }
    const byBank = style === 'direct_debit' || style === 'fixed_direct_debit' || style === 'bank_returned'
    // The processor's simulator returns payments from account 41220003.
    const bankNumber = style === 'bank_returned' ? '41220003' : `4122${String(1000 + (index % 9000)).slice(-4)}`
    const bank = byBank ? await keepBank(db, accountId, bankNumber, processor, change) : null
    const card =
      style.startsWith('card') || style === 'bank_returned' || style === 'arrangement'
        ? await keepCard(db, accountId, processor, change)
        : null
    const customer: Customer = { index, accountId, accountNumber, style, bank, card, issued: [] }
    customers.set(accountId, customer)
    if (style === 'arrangement') debtor ??= customer
    return customer
  }

  const startDirectDebit = async (customer: Customer, first: billing.Statement, change: Change) => {
    if (!customer.bank || (customer.style !== 'direct_debit' && customer.style !== 'fixed_direct_debit')) return
    if (await payments.directDebitOf({ tx: db, accountId: customer.accountId })) return
    const fixed = customer.style === 'fixed_direct_debit'
    const paymentMethodId = customer.bank
    // Collected on the first statement's due day each month; a fixed amount is the bill rounded up to a pound.
    const paymentDay = Math.min(Number((first.dueOn ?? localDateOf(change.at)).slice(8, 10)), 28)
    await inTransaction(db, (tx) =>
      payments.setupDirectDebit({
        tx,
        accountId: customer.accountId,
        paymentMethodId,
        kind: fixed ? 'fixed' : 'variable',
        ...(fixed ? { amountMinor: ((first.totalMinor + 99n) / 100n) * 100n } : {}),
        paymentDay,
        ...change,
      }),
    )
  }

  const newStatements = statementsIssuedFromNowOn(db)

  const pay = async (due: Due, on: string, at: Date): Promise<boolean> => {
    const { customer, statement, declined } = due
    const input: Parameters<typeof takeAccountPayment>[0]['input'] | null = declined
      ? {
          method: 'card',
          amountMinor: statement.totalMinor,
          card: { number: '4000000000000002', expiryMonth: 3, expiryYear: 2028, cvc: '321' },
          statementNumber: statement.number,
        }
      : customer.style === 'bank_returned' && customer.issued.indexOf(statement) === 1 && customer.bank
        ? {
            method: 'bank_account',
            amountMinor: statement.totalMinor,
            paymentMethodId: customer.bank,
            statementNumber: statement.number,
          }
        : customer.card
          ? {
              method: 'card',
              amountMinor: statement.totalMinor,
              paymentMethodId: customer.card,
              statementNumber: statement.number,
            }
          : null
    if (!input) return false
    try {
      const { replayed } = await takeAccountPayment({
        db,
        processor,
        accountNumber: customer.accountNumber,
        input,
        idempotencyKey: `demo:${customer.accountNumber}:${statement.number}${declined ? ':declined' : ''}:${on}`,
        actor,
        at,
      })
      return !replayed
    } catch (error) {
      // A declined card is a refusal the customer sees; the demo carries on.
      if (!(error instanceof DomainError)) throw error
      return false
    }
  }

  /**
   * Three weeks after its first statement fell due unpaid, the household in arrears agrees an
   * arrangement with an agent (once).
   */
  const agreeArrangement = async (on: string, change: Change) => {
    const household = debtor
    const firstDue = household?.issued[0]?.dueOn
    if (arranged || !household || !firstDue || on < addDays(firstDue, 21)) return
    arranged = true
    const { accountId, accountNumber } = household
    const { pastDueMinor } = await ledger.ageing({ tx: db, accountId, asOf: on })
    if (pastDueMinor <= 0n || (await payments.arrangementsOf({ tx: db, accountId, at: change.at })).length > 0) return
    await inTransaction(db, (tx) =>
      createAccountArrangement({
        tx,
        accountNumber,
        instalmentMinor: ((pastDueMinor / 6n + 99n) / 100n) * 100n,
        frequency: 'monthly',
        ...change,
      }),
    )
  }

  /** The household on an arrangement pays each instalment by card on its day. */
  const payInstalments = async (on: string, at: Date): Promise<number> => {
    if (!arranged || !debtor?.card) return 0
    const { accountId, accountNumber, card } = debtor
    let made = 0
    for (const arrangement of await payments.arrangementsOf({ tx: db, accountId, at })) {
      if (arrangement.status !== 'active') continue
      for (const instalment of arrangement.schedule) {
        const owed = instalment.amountMinor - instalment.paidMinor
        if (instalment.dueOn !== on || owed <= 0n) continue
        const { replayed } = await takeAccountPayment({
          db,
          processor,
          accountNumber,
          input: { method: 'card', amountMinor: owed, paymentMethodId: card },
          idempotencyKey: `demo:${accountNumber}:instalment:${arrangement.id}:${instalment.seq}`,
          actor,
          // An hour after noon: after an arrangement agreed at noon, whose down payment is due that day.
          at: new Date(at.getTime() + 3_600_000),
        })
        if (!replayed) made++
      }
    }
    return made
  }

  const schedule = (on: string, due: Due) => {
    const list = dueOn.get(on) ?? []
    list.push(due)
    dueOn.set(on, list)
  }

  return {
    async act(on, at) {
      const change = { actor, at }
      const issued = await newStatements()
      if (issued.length > 0) {
        const numbers = await accounts.accountNumbersOf({
          tx: db,
          accountIds: [...new Set(issued.map((statement) => statement.accountId))],
        })
        for (const statement of issued) {
          if (statement.status !== 'issued' && statement.status !== 'invoiced') continue
          if (!statement.dueOn || statement.totalMinor <= 0n) continue
          const accountNumber = numbers.get(statement.accountId)
          const index = accountNumber === undefined ? undefined : indexOf.get(accountNumber)
          if (accountNumber === undefined || index === undefined) continue
          const customer =
            customers.get(statement.accountId) ??
            (await becomeCustomer(index, statement.accountId, accountNumber, change))
          customer.issued.push(statement)
          if (customer.issued.length === 1) await startDirectDebit(customer, statement, change)
          if (customer.style === 'direct_debit' || customer.style === 'fixed_direct_debit') continue
          if (customer.style === 'arrears' || customer.style === 'arrangement' || customer.style === 'psr_arrears')
            continue
          // The second statement is the one that went wrong: a declined card, paid the next day.
          const declined = customer.style === 'card_with_decline' && customer.issued.length === 2
          if (declined) schedule(statement.dueOn, { customer, statement, declined: true })
          schedule(declined ? addDays(statement.dueOn, 1) : statement.dueOn, { customer, statement, declined: false })
        }
      }
      let made = 0
      for (const due of dueOn.get(on) ?? []) if (await pay(due, on, at)) made++
      dueOn.delete(on)
      await agreeArrangement(on, change)
      made += await payInstalments(on, at)
      return made
    },
  }
}
