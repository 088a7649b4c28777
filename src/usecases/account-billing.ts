import type { Change } from '../db/index.js'
/**
 * What an agent sees and does with an account's bills: statements (audited views), the balance and
 * its ageing, billing now, rebilling, final bills, the review of held statements, and the PDF.
 */
import { type Db, inTransaction, type Tx } from '../db/index.js'
import { type StatementPdfInput, statementPdf } from '../documents/statement-pdf.js'
import * as accounts from '../modules/accounts/index.js'
import * as billing from '../modules/billing/index.js'
import * as ledger from '../modules/ledger/index.js'
import * as market from '../modules/market/index.js'
import type { Actor } from '../shared/actor.js'
import { localDateOf } from '../shared/time.js'
import { type AccountCall, type AccountPageCall, recordAccountView } from './account-view.js'
import { adequacyReviewOverdue } from './adequacy-review-overdue.js'
import { InvalidMoveDate } from './move.js'
import { type ProductLookups, statementPayment, statementSupplies } from './statement-facts.js'

async function accountIdOf(tx: Tx, accountNumber: string): Promise<string> {
  const account = await accounts.findAccountSupply({ tx, accountNumber })
  if (!account) throw new billing.BillingAccountNotFound(`There is no account ${accountNumber}`)
  return account.id
}

/**
 * Read one of an account's billing lists and record the view of it (`what`) in the same transaction.
 * @throws BillingAccountNotFound
 */
async function viewedList<T>({ tx, accountNumber, actor, at }: AccountCall, what: string, read: () => Promise<T>) {
  const list = await read()
  await recordAccountView(tx, { accountId: await accountIdOf(tx, accountNumber), what, context: {}, actor, at })
  return list
}

/** The account's statements, a page at a time; audited as a view. */
export function accountStatements(call: AccountPageCall) {
  const { tx, accountNumber, limit, cursor } = call
  return viewedList(call, 'statements', () => billing.listStatements({ tx, accountNumber, limit, cursor }))
}

export async function accountStatement({
  tx,
  accountNumber,
  number,
  actor,
  at,
}: AccountCall & {
  number: string
}) {
  const statement = await billing.getStatement({ tx, number, accountNumber })
  await recordAccountView(tx, { accountId: statement.accountId, what: 'statement', context: { number }, actor, at })
  return statement
}

/**
 * The statement as a PDF, or a duplicate of it marked as such (BIL-2); audited. The data is read and
 * the view recorded in one short transaction; the PDF is rendered after it commits, so the audit
 * chain's lock is never held while a PDF is drawn (a view that could not be recorded sends nothing).
 * @throws billing.StatementNotFound, accounts.AccountNotFound
 */
export async function accountStatementPdf({
  db,
  accountNumber,
  number,
  duplicate,
  actor,
  at,
  render = statementPdf,
}: {
  db: Db
  accountNumber: string
  number: string
  duplicate: boolean
  actor: Actor
  at: Date
  /** What draws the PDF (the statement renderer; a test passes one that watches when it runs). */
  render?: (input: StatementPdfInput) => Promise<Buffer>
}): Promise<Buffer> {
  const input = await inTransaction(db, (tx) => statementPdfInput({ tx, accountNumber, number, duplicate, actor, at }))
  return render(input)
}

/**
 * What a statement's PDF is drawn from, recording the view of it in the caller's transaction (as
 * `accountStatementPdf` does): render it with `statementPdf` after that transaction commits.
 * @throws billing.StatementNotFound, accounts.AccountNotFound
 */
export async function statementPdfInput({
  tx,
  accountNumber,
  number,
  duplicate,
  actor,
  at,
  lookups,
}: AccountCall & {
  number: string
  duplicate: boolean
  /** Product lookups shared with the other statements of the same request. */
  lookups?: ProductLookups | undefined
}): Promise<StatementPdfInput> {
  const statement = await billing.getStatement({ tx, number, accountNumber })
  const overview = await accounts.viewAccountOverview({ tx, accountNumber, actor, at, notesLimit: 1 })
  const supplier = await market.getSupplier(tx)
  const replaces = statement.replacesStatementId
    ? (await billing.listStatements({ tx, accountNumber, limit: 100 })).items.find(
        (item) => item.id === statement.replacesStatementId,
      )
    : undefined
  await recordAccountView(tx, {
    accountId: statement.accountId,
    what: 'statement_pdf',
    context: { number, duplicate },
    actor,
    at,
  })
  return {
    supplierName: supplier.name,
    supplier: supplier.details,
    market: supplier.market,
    supplies: await statementSupplies({ tx, accountNumber: overview.account.number, statement, lookups }),
    payment: await statementPayment({ tx, accountId: statement.accountId }),
    duplicate,
    generatedAt: duplicate ? at : (statement.issuedAt ?? statement.createdAt),
    account: {
      number: overview.account.number,
      customerName: overview.customer.displayName,
      addressLines: overview.property.addressLines,
      postcode: overview.property.postcode,
    },
    statement: {
      ...statement,
      currency: supplier.profile.currency,
      replacesNumber: replaces?.number ?? null,
    },
  }
}

/** The account's balance and what is past due, by age (LED-2). */
export async function accountBalance({ tx, accountNumber, actor, at }: AccountCall) {
  const accountId = await accountIdOf(tx, accountNumber)
  const ageing = await ledger.ageing({ tx, accountId, asOf: localDateOf(at) })
  const supplier = await market.getSupplier(tx)
  await recordAccountView(tx, { accountId, what: 'balance', context: {}, actor, at })
  return { ...ageing, currency: supplier.profile.currency }
}

/** A call to bill the account now, up to the start of `on` (default today). */
type BillNowCall = AccountCall & { on?: string | undefined }

/** What billing the account now starts from: its id, the day billed up to, and whether its adequacy review is overdue. */
async function billNowTerms({ tx, accountNumber, on, at }: BillNowCall) {
  const accountId = await accountIdOf(tx, accountNumber)
  return {
    accountId,
    on: on ?? localDateOf(at),
    adequacyReviewOverdue: await adequacyReviewOverdue({ tx, accountId, at }),
  }
}

/** Bill the account now, up to the start of `on` (default today). */
export async function billAccountNow(call: BillNowCall) {
  const { tx, actor, at } = call
  const result = await billing.billAccount({ tx, ...(await billNowTerms(call)), actor, at })
  return { statement: billing.toStatementView(result.statement), created: result.created }
}

/**
 * What "Bill now" up to the start of `on` (default today) would make, written nowhere: the draft
 * statement, the status it would get and why it would be held. Recorded as a view of the account.
 * @throws AccountNotFound, and what billing.previewBill throws (NothingToBill when the period is billed already)
 */
export async function previewBillNow(call: BillNowCall): Promise<billing.BillPreview> {
  const { tx, actor, at } = call
  const terms = await billNowTerms(call)
  const preview = await billing.previewBill({ tx, ...terms, actor, at })
  await recordAccountView(tx, {
    accountId: terms.accountId,
    what: 'bill_preview',
    context: { on: terms.on },
    actor,
    at,
  })
  return preview
}

/**
 * BIL-7: bill the account to its move-out date (estimating the final read if none) and settle. The
 * date is the first day not supplied, as for a move: today at the latest, since energy not yet used
 * cannot be billed.
 * @throws InvalidMoveDate for a date after today
 */
export async function finalBill({
  tx,
  accountNumber,
  moveOutOn,
  actor,
  at,
}: AccountCall & {
  moveOutOn: string
}) {
  const today = localDateOf(at)
  if (moveOutOn > today) {
    throw new InvalidMoveDate(`A final bill runs to a move-out on or before today (${today}), not ${moveOutOn}`, [
      { path: 'moveOutOn', message: `on or before ${today}` },
    ])
  }
  const accountId = await accountIdOf(tx, accountNumber)
  const result = await billing.billAccount({
    tx,
    accountId,
    on: moveOutOn,
    kind: 'final',
    adequacyReviewOverdue: await adequacyReviewOverdue({ tx, accountId, at }),
    actor,
    at,
  })
  return { statement: billing.toStatementView(result.statement), created: result.created }
}

/** BIL-5: rebill a statement by its number. */
export async function rebillStatement({ tx, number, actor, at }: { tx: Tx; number: string; actor: Actor; at: Date }) {
  const { id, accountId } = await billing.getStatement({ tx, number })
  const overdue = await adequacyReviewOverdue({ tx, accountId, at })
  return billing.toStatementView(
    await billing.rebill({ tx, statementId: id, adequacyReviewOverdue: overdue, actor, at }),
  )
}

/** BIL-3: a billing specialist issues a held statement, or rejects it with the reason. */
export async function decideHeldStatement({
  tx,
  number,
  decision,
  actor,
  at,
}: Change & {
  number: string
  decision: { release: true } | { reject: string }
}) {
  const { id } = await billing.getStatement({ tx, number })
  const row =
    'reject' in decision
      ? await billing.rejectStatement({ tx, statementId: id, reason: decision.reject, actor, at })
      : await billing.releaseStatement({ tx, statementId: id, actor, at })
  return billing.toStatementView(row)
}

/** BIL-8: the bills the old system sent, on a migrated account; audited as a view. */
export function accountHistoricalBills(call: AccountCall) {
  const { tx, accountNumber } = call
  return viewedList(call, 'historical_bills', () => billing.historicalBills({ tx, accountNumber }))
}

/** BIL-4: a business account's uninvoiced charges and credits and its documents; audited as a view. */
export function accountBusinessBilling(call: AccountCall) {
  const { tx, accountNumber } = call
  return viewedList(call, 'business_billing', () => billing.businessBilling({ tx, accountNumber }))
}

/** How an account is billed (cycle day, payment method, migrated from a transfer reading, shell, reading prevented). */
export async function changeBillingProfile({
  tx,
  accountNumber,
  changes,
  actor,
  at,
}: AccountCall & {
  changes: Parameters<typeof billing.setBillingProfile>[0]['changes']
}) {
  return billing.setBillingProfile({ tx, accountId: await accountIdOf(tx, accountNumber), changes, actor, at })
}
