/**
 * The scheduled money work and what collections specialists do: the daily collections run (COL-1),
 * Direct Debit collection (PAY-5), the arrangement review (PAY-6), processor news (PAY-3), payment
 * arrangements with their letter, disconnection orders, late fees, affordability and debt-advice
 * notes, the vulnerability register, the worklist, and the account's status colour (ACC-6).
 */
import type { AccountsQuery, Db, Tx } from '../db/index.js'
import { inTransaction } from '../db/index.js'
import { arrangementLetterPdf } from '../documents/arrangement-letter.js'
import * as accounts from '../modules/accounts/index.js'
import * as cases from '../modules/cases/index.js'
import * as collections from '../modules/collections/index.js'
import * as comms from '../modules/comms/index.js'
import * as ledger from '../modules/ledger/index.js'
import * as market from '../modules/market/index.js'
import * as payments from '../modules/payments/index.js'
import type { Actor } from '../shared/actor.js'
import { DomainError } from '../shared/errors.js'
import { formatMoney, isCurrency, money } from '../shared/money.js'
import { addDays, localDateOf } from '../shared/time.js'
import { type AccountCall, accountIdOf, type ByAccountNumber, recordAccountView } from './account-view.js'
import { withQueuedMessages } from './communications.js'

/** The debt collection agency named in referral notices. */
const agencyName = 'our debt collection partner'

/** Each dunning step is a logged message: by email to paperless customers with an address, else a letter. */
const sendDunning =
  (actor: Actor, at: Date, queued: string[]): collections.Notify =>
  async (tx, { accountId, action, pastDueMinor, episodeDueOn, on }) => {
    const channel = await comms.preferredChannel({ tx, accountId })
    const balance = { amountMinor: pastDueMinor }
    const fields: Record<string, comms.FieldValue> =
      action === 'payment_reminder' || action === 'final_notice'
        ? { balance, dueDate: episodeDueOn }
        : action === 'disconnection_notice'
          ? { balance, disconnectionDate: addDays(on, 7) }
          : { balance, agencyName, referralDate: addDays(on, 14) }
    const message = await comms.send({
      tx,
      accountId,
      channel,
      template: action,
      fields,
      related: { type: 'account', id: accountId },
      actor,
      at,
    })
    // Kept even if this account's transaction rolls back: the delivery worker skips a missing message.
    queued.push(message.id)
    return message.id
  }

export interface BatchRunSummary {
  readonly on: string
  readonly looked: number
  readonly outcomes: Record<string, number>
  readonly failed: number
  readonly problems: readonly { id: string; code: string; message: string }[]
}

/** Page through ids and do each in its own transaction; one failure never stops the rest. */
async function eachInOwnTransaction({
  db,
  page,
  work,
  onProgress,
}: {
  db: Db
  page: (afterId: string | null) => Promise<string[]>
  work: (tx: Tx, id: string) => Promise<string>
  onProgress?: ((done: number) => void) | undefined
}) {
  const outcomes: Record<string, number> = {}
  const problems: { id: string; code: string; message: string }[] = []
  let failed = 0
  let looked = 0
  let afterId: string | null = null
  for (;;) {
    const ids = await page(afterId)
    if (ids.length === 0) break
    afterId = ids.at(-1) ?? null
    for (const id of ids) {
      looked++
      try {
        const outcome = await inTransaction(db, (tx) => work(tx, id))
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1
      } catch (error) {
        failed++
        if (problems.length < 100) {
          problems.push({
            id,
            code: error instanceof DomainError ? error.code : 'INTERNAL',
            message: error instanceof Error ? error.message : String(error),
          })
        }
      }
      onProgress?.(looked)
    }
  }
  return { looked, outcomes, failed, problems }
}

/**
 * COL-1: move every account past due on `on` along the dunning schedule. Safe to rerun. The answer
 * is tagged with the ids of the notices queued (`queuedMessagesOf`), for the caller to enqueue.
 */
export async function runCollections({
  db,
  on,
  actor,
  at,
  onProgress,
}: {
  db: Db
  on: string
  actor: Actor
  at: Date
  onProgress?: (done: number) => void
}): Promise<BatchRunSummary> {
  const queued: string[] = []
  const notify = sendDunning(actor, at, queued)
  const result = await eachInOwnTransaction({
    db,
    page: (afterId) => ledger.accountsOwingPastDue({ tx: db, asOf: on, afterId, limit: 500 }),
    work: async (tx, accountId) => {
      const outcome = await collections.reviewAccount({ tx, accountId, on, notify, actor, at })
      return outcome.kind === 'taken' ? outcome.action : outcome.kind
    },
    onProgress,
  })
  return withQueuedMessages({ on, ...result }, queued)
}

/** PAY-5: collect every Direct Debit whose payment day is `on`. Safe to rerun. */
export async function collectDirectDebits({
  db,
  processor,
  on,
  actor,
  at,
  onProgress,
}: {
  db: Db
  processor: payments.PaymentProcessor
  on: string
  actor: Actor
  at: Date
  onProgress?: (done: number) => void
}): Promise<BatchRunSummary> {
  const result = await eachInOwnTransaction({
    db,
    page: (afterId) => payments.instructionsDue({ tx: db, on, afterId, limit: 500 }),
    work: async (tx, instructionId) => {
      const outcome = await payments.collectDirectDebit({ tx, processor, instructionId, on, actor, at })
      return outcome?.outcome ?? 'collected_before'
    },
    onProgress,
  })
  return { on, ...result }
}

/**
 * PAY-5 and seed 002: review the adequacy of each active Direct Debit whose last review is a year or
 * more old (or never happened), each in its own transaction, recording the review's date on the
 * instruction; at most `max` a run, the rest left for the next day's. Safe to rerun.
 */
export async function reviewDirectDebitAdequacy({
  db,
  on,
  max = 5000,
  pageSize = 500,
  actor,
  at,
}: {
  db: Db
  on: string
  /** Instructions reviewed at most in one run. */
  max?: number
  pageSize?: number
  actor: Actor
  at: Date
}): Promise<BatchRunSummary> {
  let taken = 0
  const result = await eachInOwnTransaction({
    db,
    page: async (afterId) => {
      const limit = Math.min(pageSize, max - taken)
      if (limit <= 0) return []
      const ids = await payments.instructionsDueAdequacyReview({ tx: db, on, afterId, limit })
      taken += ids.length
      return ids
    },
    work: async (tx, instructionId) => {
      const review = await payments.reviewInstructionAdequacy({ tx, instructionId, on, actor, at })
      return review ? 'reviewed' : 'not_due'
    },
  })
  return { on, ...result }
}

/** PAY-6: complete paid arrangements and break those with an instalment missed beyond the grace period. */
export async function reviewArrangements({ db, actor, at }: { db: Db; actor: Actor; at: Date }) {
  const supplier = await market.getSupplier(db)
  const result = await eachInOwnTransaction({
    db,
    page: (afterId) => payments.activeArrangementIds({ tx: db, afterId, limit: 500 }),
    work: async (tx, arrangementId) =>
      (await payments.reviewArrangement({ tx, arrangementId, actor, at })) ?? 'on_track',
  })
  return { on: localDateOf(at, supplier.profile.timeZone), ...result }
}

/** PAY-3: what the processor says happened to open payments, applied once each. */
export async function syncPayments({
  db,
  processor,
  actor,
  at,
}: {
  db: Db
  processor: payments.PaymentProcessor
  actor: Actor
  at: Date
}) {
  return payments.syncProcessorEvents({ db, processor, inTransaction, until: at, actor, at })
}

const frequencyWords = { weekly: 'every week', fortnightly: 'every two weeks', monthly: 'every month' }

/**
 * PAY-6: set up an arrangement and send its terms (email or letter by the customer's preference),
 * in one transaction. The agreement letter PDF is made on demand from the stored arrangement.
 */
export async function createAccountArrangement({
  tx,
  accountNumber,
  actor,
  at,
  ...terms
}: ByAccountNumber<typeof payments.createArrangement>) {
  const accountId = await accountIdOf(tx, accountNumber)
  const arrangement = await payments.createArrangement({ tx, accountId, ...terms, actor, at })
  const instalments = arrangement.schedule.filter((item) => item.seq > 0)
  const message = await comms.send({
    tx,
    accountId,
    channel: await comms.preferredChannel({ tx, accountId }),
    template: 'payment_arrangement_terms',
    fields: {
      balance: { amountMinor: arrangement.pastDueMinor },
      downPayment: { amountMinor: arrangement.downPaymentMinor },
      downPaymentDate: arrangement.startsOn,
      instalmentCount: instalments.length,
      instalmentAmount: { amountMinor: arrangement.instalmentMinor },
      frequency: frequencyWords[arrangement.frequency],
      firstInstalmentDate: instalments[0]?.dueOn ?? arrangement.startsOn,
    },
    related: { type: 'payment_arrangement', id: arrangement.id },
    actor,
    at,
  })
  return { arrangement, messageId: message.id }
}

/**
 * The agreement letter of an arrangement, as PDF (audited as an account view). The letter's facts
 * are read and the view recorded in one short transaction; the PDF is drawn after it commits, so the
 * audit chain's lock is not held while drawing.
 */
export async function arrangementLetter({
  db,
  accountNumber,
  arrangementId,
  actor,
  at,
}: {
  db: Db
  accountNumber: string
  arrangementId: string
  actor: Actor
  at: Date
}): Promise<Buffer> {
  const input = await inTransaction(db, (tx) => arrangementLetterInput({ tx, accountNumber, arrangementId, actor, at }))
  return arrangementLetterPdf(input)
}

async function arrangementLetterInput({
  tx,
  accountNumber,
  arrangementId,
  actor,
  at,
}: AccountCall & {
  arrangementId: string
}): Promise<Parameters<typeof arrangementLetterPdf>[0]> {
  const accountId = await accountIdOf(tx, accountNumber)
  const arrangement = (await payments.arrangementsOf({ tx, accountId, at })).find((item) => item.id === arrangementId)
  if (!arrangement) throw new payments.InvalidArrangement(`There is no arrangement ${arrangementId} on this account`)
  const supplier = await market.getSupplier(tx)
  const account = await accounts.findAccountSupply({ tx, accountNumber })
  const facts = await accounts.accountFacts({ tx, accountId })
  const currency = supplier.profile.currency
  await recordAccountView(tx, { accountId, what: 'arrangement_letter', context: { arrangementId }, actor, at })
  return {
    supplierName: supplier.name,
    customerName: facts?.displayName ?? accountNumber,
    accountNumber,
    address: account
      ? [account.property.line1, account.property.line2, account.property.town, account.property.postcode].filter(
          (line): line is string => Boolean(line),
        )
      : [],
    currency: isCurrency(currency) ? currency : 'GBP',
    arrangement,
    signposts: collections.debtAdviceSignposts,
    generatedAt: at,
  }
}

/** What collections knows of an account: its position, steps taken, orders, notes, protections. */
export async function accountCollections({ tx, accountNumber, actor, at }: AccountCall) {
  const accountId = await accountIdOf(tx, accountNumber)
  const supplier = await market.getSupplier(tx)
  const today = localDateOf(at, supplier.profile.timeZone)
  const position = await ledger.collectionsPosition({ tx, accountId, asOf: today })
  const result = {
    today,
    position,
    actions: await collections.collectionActionsOf({ tx, accountId }),
    disconnectionOrders: await collections.disconnectionOrdersOf({ tx, accountId }),
    notes: await collections.collectionNotesOf({ tx, accountId }),
    vulnerabilities: await accounts.vulnerabilitiesOf({ tx, accountId }),
    arrangements: await payments.arrangementsOf({ tx, accountId, at }),
    signposts: collections.debtAdviceSignposts,
  }
  await recordAccountView(tx, { accountId, what: 'collections', context: {}, actor, at })
  return result
}

export async function collectionsWorklist({ tx, limit, at }: { tx: Tx; limit: number; at: Date }) {
  const supplier = await market.getSupplier(tx)
  const on = localDateOf(at, supplier.profile.timeZone)
  const items = await collections.worklist({ tx, on, limit })
  const numbers = new Map<string, string>()
  for (const item of items) {
    const facts = await accounts.accountFacts({ tx, accountId: item.accountId })
    if (facts) numbers.set(item.accountId, `${facts.number}|${facts.displayName}`)
  }
  return {
    on,
    items: items.map((item) => {
      const [accountNumber = '', name = ''] = (numbers.get(item.accountId) ?? '').split('|')
      return { ...item, accountNumber, name }
    }),
  }
}

export type StatusColour = 'green' | 'yellow' | 'red' | 'gray'

export interface StatusReason {
  readonly colour: StatusColour
  readonly code: string
  /** For people: "£231.68 past due since 1 October 2026". */
  readonly detail: string
  /** The same facts for machines. */
  readonly amountMinor?: bigint
  readonly on?: string
  readonly reference?: string
}

export interface AccountStatus {
  readonly colour: StatusColour
  readonly reasons: readonly StatusReason[]
}

/** A local date as people read it in the supplier's market: "1 October 2026". */
function spokenDate(date: string, locale: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
}

/**
 * ACC-6: the status colour, computed from rules and never set by hand, with every reason that
 * applies. Gray (inactive) wins over red, red over yellow, yellow over green.
 */
export async function accountStatus({
  tx,
  accountId,
  at,
}: {
  tx: Db | Tx
  accountId: string
  at: Date
}): Promise<AccountStatus> {
  const statuses = await accountStatuses({ tx, accountIds: [accountId], at })
  return statuses.get(accountId) ?? { colour: 'green', reasons: [] }
}

/**
 * The status colour of many accounts (a page of search results), by account id: the rules that read
 * many accounts at once do so in one query each. An id with no account is left out.
 */
export async function accountStatuses({
  tx,
  accountIds,
  at,
}: AccountsQuery & { at: Date }): Promise<Map<string, AccountStatus>> {
  const supplier = await market.getSupplier(tx)
  const { locale, timeZone } = supplier.profile
  const currency = isCurrency(supplier.profile.currency) ? supplier.profile.currency : 'GBP'
  const cash = (amountMinor: bigint) => formatMoney(money(amountMinor, currency), locale)
  const today = localDateOf(at, timeZone)
  const since = new Date(at.getTime() - 30 * 86_400_000)
  const [facts, disconnected, arranged, disputes, pendingDisconnection, investigations] = await Promise.all([
    accounts.accountFactsOf({ tx, accountIds }),
    collections.disconnectedAccounts({ tx, accountIds }),
    payments.activeArrangementAccounts({ tx, accountIds }),
    cases.activeBillingDisputes({ tx, accountIds }),
    collections.pendingDisconnections({ tx, accountIds }),
    cases.openInvestigations({ tx, accountIds }),
  ])
  const statuses = new Map<string, AccountStatus>()
  for (const fact of facts) {
    const accountId = fact.id
    const reasons: StatusReason[] = []
    if (fact.status === 'closed') {
      reasons.push({
        colour: 'gray',
        code: 'closed',
        detail: fact.closedOn ? `Closed on ${spokenDate(fact.closedOn, locale)}` : 'Closed',
        ...(fact.closedOn ? { on: fact.closedOn } : {}),
      })
    }
    for (const hold of await accounts.holdsInForce({ tx, accountId, on: today })) {
      reasons.push({
        colour: 'gray',
        code: 'seasonal_hold',
        detail: `Seasonal hold since ${spokenDate(hold.startsOn, locale)}${hold.endsOn ? ` until ${spokenDate(hold.endsOn, locale)}` : ''}: ${hold.reason}`,
        on: hold.startsOn,
      })
    }
    if (disconnected.has(accountId)) {
      reasons.push({ colour: 'gray', code: 'disconnected', detail: 'The supply is disconnected' })
    }
    const position = await ledger.collectionsPosition({ tx, accountId, asOf: today })
    const onArrangement = arranged.has(accountId)
    if (position.pastDueMinor > 0n && !onArrangement && position.oldestPastDueOn) {
      reasons.push({
        colour: 'red',
        code: 'past_due',
        detail: `${cash(position.pastDueMinor)} past due since ${spokenDate(position.oldestPastDueOn, locale)}`,
        amountMinor: position.pastDueMinor,
        on: position.oldestPastDueOn,
      })
    }
    if (disputes.has(accountId)) {
      reasons.push({ colour: 'red', code: 'active_dispute', detail: 'A billing dispute is open' })
    }
    if (pendingDisconnection.has(accountId)) {
      reasons.push({ colour: 'red', code: 'disconnection_pending', detail: 'A disconnection order is pending' })
    }
    const returned = await payments.recentReturnedPayment({ tx, accountId, since })
    if (returned) {
      const on = localDateOf(returned.at, timeZone)
      reasons.push({
        colour: 'red',
        code: 'returned_payment',
        detail: `Payment ${returned.confirmationNumber} ${returned.status === 'returned' ? 'came back' : 'failed'} on ${spokenDate(on, locale)}`,
        on,
        reference: returned.confirmationNumber,
      })
    }
    if (onArrangement)
      reasons.push({ colour: 'yellow', code: 'arrangement', detail: 'A payment arrangement is in place' })
    if (investigations.has(accountId)) {
      reasons.push({ colour: 'yellow', code: 'pending_investigation', detail: 'An account investigation is open' })
    }
    if (position.nextDueOn && position.nextDueOn <= addDays(today, 5) && position.balanceMinor > 0n) {
      reasons.push({
        colour: 'yellow',
        code: 'due_soon',
        detail: `Payment due on ${spokenDate(position.nextDueOn, locale)}`,
        on: position.nextDueOn,
      })
    }
    const rank: Record<StatusColour, number> = { gray: 3, red: 2, yellow: 1, green: 0 }
    const colour = reasons.reduce<StatusColour>(
      (best, reason) => (rank[reason.colour] > rank[best] ? reason.colour : best),
      'green',
    )
    statuses.set(accountId, { colour, reasons })
  }
  return statuses
}

/** Resolve the account number, then do the collections or vulnerability action on its id. */
export async function onAccount<T>(tx: Tx, accountNumber: string, work: (accountId: string) => Promise<T>): Promise<T> {
  return work(await accountIdOf(tx, accountNumber))
}

/** The status colour as staff see it on the account (ACC-6), audited as an account view. */
export async function viewAccountStatus({ tx, accountNumber, actor, at }: AccountCall): Promise<AccountStatus> {
  const accountId = await accountIdOf(tx, accountNumber)
  const status = await accountStatus({ tx, accountId, at })
  await recordAccountView(tx, { accountId, what: 'status', context: { colour: status.colour }, actor, at })
  return status
}
