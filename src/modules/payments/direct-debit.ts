/**
 * PAY-5: Direct Debit (auto-pay). A fixed monthly amount or variable (collects what the bills left
 * owing), on the instruction's payment day, with an optional debt repayment element: on top of a
 * fixed amount, or, on a variable Direct Debit, the whole amount (a payment plan; see
 * `direct-debit-amount.ts`). A business debit over the supplier's threshold waits for a manual approval (BIL-4).
 * The payment adequacy review recommends a new fixed amount from the last year's charges and the
 * balance.
 */
import type { AccountChange, Change, Db, DueBatchQuery, Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { newId } from '../../shared/ids.js'
import { camelFields } from '../../shared/row-mapping.js'
import { addDays, daysBetween, isLocalDate, localDateOf, monthsBefore, startOfLocalDay } from '../../shared/time.js'
import * as accounts from '../accounts/index.js'
import * as audit from '../audit/index.js'
import * as ledger from '../ledger/index.js'
import * as market from '../market/index.js'
import { directDebitAmount } from './direct-debit-amount.js'
import * as ddStore from './direct-debit-store.js'
import { fingerprintOf, takePayment } from './operations.js'
import type { PaymentProcessor } from './processor.js'
import * as store from './store.js'
import { CollectionNotFound, CreditRequestDecided, InvalidDirectDebit, PaymentMethodNotFound } from './types.js'

export interface DirectDebit {
  readonly id: string
  readonly accountId: string
  readonly paymentMethodId: string
  readonly kind: 'fixed' | 'variable'
  readonly amountMinor: bigint | null
  readonly debtRepaymentMinor: bigint
  readonly paymentDay: number
  readonly status: 'active' | 'cancelled'
  readonly createdAt: Date
  /** The local date of the last payment adequacy review, null when never reviewed. */
  readonly adequacyReviewedOn: string | null
}

function toDirectDebit(row: store.InstructionRow): DirectDebit {
  return camelFields(row, [
    'id',
    'account_id',
    'payment_method_id',
    'kind',
    'amount_minor',
    'debt_repayment_minor',
    'payment_day',
    'status',
    'created_at',
    'adequacy_reviewed_on',
  ])
}

/**
 * Set up (or replace) the account's Direct Debit from a kept bank account.
 * @throws InvalidDirectDebit, PaymentMethodNotFound
 */
export async function setupDirectDebit({
  tx,
  accountId,
  paymentMethodId,
  kind,
  amountMinor,
  debtRepaymentMinor = 0n,
  paymentDay,
  actor,
  at,
}: AccountChange & {
  paymentMethodId: string
  kind: 'fixed' | 'variable'
  amountMinor?: bigint | undefined
  debtRepaymentMinor?: bigint | undefined
  paymentDay: number
}): Promise<DirectDebit> {
  const problems: { path: string; message: string }[] = []
  if (kind === 'fixed' && (amountMinor === undefined || amountMinor <= 0n)) {
    problems.push({ path: 'amountMinor', message: 'a fixed Direct Debit needs an amount above 0' })
  }
  if (kind === 'variable' && amountMinor !== undefined) {
    problems.push({ path: 'amountMinor', message: 'a variable Direct Debit collects what each bill leaves owing' })
  }
  if (debtRepaymentMinor < 0n) problems.push({ path: 'debtRepaymentMinor', message: 'must not be negative' })
  if (!Number.isInteger(paymentDay) || paymentDay < 1 || paymentDay > 28) {
    problems.push({ path: 'paymentDay', message: 'a day 1 to 28 (every month has it)' })
  }
  if (problems.length > 0) throw new InvalidDirectDebit('The Direct Debit is not valid', problems)
  const method = await store.methodById(tx, paymentMethodId)
  if (!method || method.account_id !== accountId || method.status !== 'active' || method.kind !== 'bank_account') {
    throw new PaymentMethodNotFound(`There is no bank account ${paymentMethodId} kept on this account`)
  }
  const replaced = await ddStore.cancelActiveInstruction(tx, accountId, at)
  const row: store.InstructionRow = {
    id: newId('ddi'),
    account_id: accountId,
    payment_method_id: paymentMethodId,
    kind,
    amount_minor: kind === 'fixed' ? (amountMinor ?? null) : null,
    debt_repayment_minor: debtRepaymentMinor,
    payment_day: paymentDay,
    status: 'active',
    created_at: at,
    cancelled_at: null,
    adequacy_reviewed_on: null,
    adequacy_recommended_minor: null,
  }
  await ddStore.insertInstruction(tx, row)
  await audit.record(tx, {
    actor,
    action: 'payments.direct_debit.set_up',
    subject: { type: 'direct_debit', id: row.id },
    accountId,
    before: replaced ? { kind: replaced.kind, amountMinor: replaced.amount_minor?.toString() ?? null } : undefined,
    after: {
      kind,
      amountMinor: row.amount_minor?.toString() ?? null,
      debtRepaymentMinor: debtRepaymentMinor.toString(),
      paymentDay,
      bankLast4: method.last4,
    },
    at,
  })
  return toDirectDebit(row)
}

export async function cancelDirectDebit({ tx, accountId, actor, at }: AccountChange): Promise<boolean> {
  const cancelled = await ddStore.cancelActiveInstruction(tx, accountId, at)
  if (!cancelled) return false
  await audit.record(tx, {
    actor,
    action: 'payments.direct_debit.cancelled',
    subject: { type: 'direct_debit', id: cancelled.id },
    accountId,
    at,
  })
  return true
}

export async function directDebitOf({ tx, accountId }: { tx: Db | Tx; accountId: string }) {
  const row = await ddStore.activeInstructionOf(tx, accountId)
  return row ? toDirectDebit(row) : null
}

/** Active instructions whose payment day is `on`'s day of the month, a page at a time by id. */
export async function instructionsDue({ tx, on, afterId, limit }: DueBatchQuery): Promise<string[]> {
  return ddStore.instructionIdsDue(tx, { paymentDay: Number(on.slice(8, 10)), afterId, limit })
}

export type CollectionOutcome = store.CollectionRow['outcome']

/**
 * Collect one instruction's Direct Debit for the date `on`: at most once per instruction and date,
 * however often it runs. @returns the collection's outcome (`null` when it was collected before)
 */
export async function collectDirectDebit({
  tx,
  processor,
  instructionId,
  on,
  actor,
  at,
}: Change & {
  processor: PaymentProcessor
  instructionId: string
  on: string
}): Promise<{ outcome: CollectionOutcome; amountMinor: bigint } | null> {
  const instruction = await ddStore.instructionById(tx, instructionId, true)
  if (instruction?.status !== 'active') return null
  if (await ddStore.collectedOn(tx, instructionId, on)) return null
  // A billing specialist may have set this collection's amount (after a rebill, say): it is taken once.
  const amount = await collectionAmount(tx, instruction, on)
  const supplier = await market.getSupplier(tx)
  const facts = await accounts.accountFacts({ tx, accountId: instruction.account_id })
  const business = facts?.customerKind === 'business'
  let outcome: CollectionOutcome
  let paymentId: string | null = null
  let detail: string | null = null
  if (amount <= 0n) {
    outcome = 'nothing_due'
  } else if (business && amount > supplier.settings.invoicePaymentApprovalMinor) {
    outcome = 'awaiting_approval'
    detail = `over the ${supplier.settings.invoicePaymentApprovalMinor} threshold for business invoice payments`
  } else {
    const { payment } = await collect(tx, processor, instruction, on, amount, actor, at)
    paymentId = payment.id
    outcome = payment.status === 'failed' ? 'failed' : 'collected'
  }
  await ddStore.insertCollection(tx, {
    id: newId('ddc'),
    instruction_id: instructionId,
    collect_on: on,
    statement_id: null,
    payment_id: paymentId,
    amount_minor: amount,
    outcome,
    detail,
    created_at: at,
    decided_by: null,
    decided_at: null,
  })
  return { outcome, amountMinor: amount }
}

/** What the instruction collects on `on`: the amount set for that day, else what its rule says of the balance now. */
async function collectionAmount(db: Db | Tx, instruction: store.InstructionRow, on: string): Promise<bigint> {
  const set = await ddStore.overrideFor(db, instruction.id, on)
  if (set) return set.amount_minor
  const balance = await ledger.balanceOf({ tx: db, accountId: instruction.account_id })
  return directDebitAmount({
    kind: instruction.kind,
    amountMinor: instruction.amount_minor,
    debtRepaymentMinor: instruction.debt_repayment_minor,
    balanceMinor: balance,
  })
}

/** The instruction's next collection date on or after `on` (its payment day, at most the 28th, so every month has it). */
export function nextCollectionDate(paymentDay: number, on: string): string {
  const [year, month, day] = on.split('-').map(Number) as [number, number, number]
  const inMonth = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-${String(paymentDay).padStart(2, '0')}`
  if (day <= paymentDay) return inMonth(year, month)
  return month === 12 ? inMonth(year + 1, 1) : inMonth(year, month + 1)
}

/** A Direct Debit's next collection: its date, the amount it would take now, and any amount a specialist set. */
export interface NextCollection {
  readonly collectOn: string
  readonly amountMinor: bigint
  /** What the instruction's rule says of the balance now, whatever was set. */
  readonly ruleAmountMinor: bigint
  readonly setAmount: {
    readonly amountMinor: bigint
    readonly reason: string
    readonly setBy: string | null
    readonly setAt: Date
  } | null
}

/**
 * The account's next Direct Debit collection from the local date `on` (a collection already made that
 * day moves it to the next month), or null without an active Direct Debit. Throws nothing.
 */
export async function nextCollection({
  tx,
  accountId,
  on,
}: {
  tx: Tx
  accountId: string
  on: string
}): Promise<NextCollection | null> {
  const instruction = await ddStore.activeInstructionOf(tx, accountId)
  if (!instruction) return null
  let collectOn = nextCollectionDate(instruction.payment_day, on)
  if (await ddStore.collectedOn(tx, instruction.id, collectOn)) {
    collectOn = nextCollectionDate(instruction.payment_day, addDays(collectOn, 1))
  }
  const set = await ddStore.overrideFor(tx, instruction.id, collectOn)
  const balance = await ledger.balanceOf({ tx, accountId })
  const ruleAmountMinor = directDebitAmount({
    kind: instruction.kind,
    amountMinor: instruction.amount_minor,
    debtRepaymentMinor: instruction.debt_repayment_minor,
    balanceMinor: balance,
  })
  return {
    collectOn,
    amountMinor: set ? set.amount_minor : ruleAmountMinor,
    ruleAmountMinor,
    setAmount: set ? { amountMinor: set.amount_minor, reason: set.reason, setBy: set.set_by, setAt: set.set_at } : null,
  }
}

/**
 * Set the amount of the account's next Direct Debit collection (a billing specialist, after a rebill):
 * that day's collection takes it instead of the rule's amount, once. Audited with the amount before.
 * @throws InvalidDirectDebit without an active Direct Debit, for a negative amount or an empty reason
 */
export async function setNextCollectionAmount({
  tx,
  accountId,
  amountMinor,
  reason,
  actor,
  at,
}: AccountChange & {
  amountMinor: bigint
  reason: string
}): Promise<NextCollection> {
  const problems: { path: string; message: string }[] = []
  if (amountMinor < 0n) problems.push({ path: 'amountMinor', message: 'zero or more' })
  if (reason.trim().length === 0 || reason.length > 500)
    problems.push({ path: 'reason', message: '1 to 500 characters' })
  if (problems.length > 0) throw new InvalidDirectDebit('The next collection cannot be set to that', problems)
  const before = await nextCollection({ tx, accountId, on: localDateOf(at) })
  const instruction = await ddStore.activeInstructionOf(tx, accountId)
  if (!before || !instruction) {
    throw new InvalidDirectDebit('The account has no active Direct Debit', [
      { path: 'accountNumber', message: 'no Direct Debit' },
    ])
  }
  const setBy = actor.kind === 'staff' ? actor.id : null
  await ddStore.upsertOverride(tx, {
    instruction_id: instruction.id,
    collect_on: before.collectOn,
    amount_minor: amountMinor,
    reason: reason.trim(),
    set_by: setBy,
    set_at: at,
  })
  await audit.record(tx, {
    actor,
    action: 'payments.direct_debit.next_collection_set',
    subject: { type: 'direct_debit', id: instruction.id },
    accountId,
    before: { collectOn: before.collectOn, amountMinor: before.amountMinor.toString() },
    after: { collectOn: before.collectOn, amountMinor: amountMinor.toString(), reason: reason.trim() },
    at,
  })
  return { ...before, amountMinor, setAmount: { amountMinor, reason: reason.trim(), setBy, setAt: at } }
}

function collect(
  tx: Tx,
  processor: PaymentProcessor,
  instruction: store.InstructionRow,
  on: string,
  amount: bigint,
  actor: Actor,
  at: Date,
) {
  const request = {
    method: 'direct_debit' as const,
    amountMinor: amount,
    paymentMethodId: instruction.payment_method_id,
  }
  return takePayment({
    tx,
    processor,
    accountId: instruction.account_id,
    request,
    idempotencyKey: `direct_debit:${instruction.id}:${on}`,
    fingerprint: fingerprintOf(request),
    source: 'direct_debit',
    actor,
    at,
  })
}

/**
 * Approve or reject a business Direct Debit waiting over the threshold; approving collects it.
 * @throws CollectionNotFound, CreditRequestDecided
 */
export async function decideDirectDebitCollection({
  tx,
  processor,
  collectionId,
  approve,
  actor,
  at,
}: Change & {
  processor: PaymentProcessor
  collectionId: string
  approve: boolean
}) {
  const row = await ddStore.lockCollection(tx, collectionId)
  if (!row) throw new CollectionNotFound(`There is no Direct Debit collection ${collectionId}`)
  if (row.outcome !== 'awaiting_approval') throw new CreditRequestDecided(`The collection is ${row.outcome} already`)
  const instruction = await ddStore.instructionById(tx, row.instruction_id, false)
  if (!instruction) throw new CollectionNotFound(`There is no Direct Debit instruction ${row.instruction_id}`)
  let paymentId: string | null = null
  let outcome: CollectionOutcome = 'rejected'
  if (approve) {
    const { payment } = await collect(tx, processor, instruction, row.collect_on, row.amount_minor, actor, at)
    paymentId = payment.id
    outcome = payment.status === 'failed' ? 'failed' : 'collected'
  }
  await ddStore.decideCollection(tx, collectionId, {
    outcome,
    payment_id: paymentId,
    decided_by: actor.id,
    decided_at: at,
  })
  await audit.record(tx, {
    actor,
    action: `payments.direct_debit.${approve ? 'approved' : 'rejected'}`,
    subject: { type: 'direct_debit_collection', id: collectionId },
    accountId: instruction.account_id,
    after: { amountMinor: row.amount_minor.toString(), outcome },
    at,
  })
  return { outcome, paymentId }
}

export interface CollectionAwaitingApproval {
  readonly id: string
  readonly accountNumber: string
  readonly collectOn: string
  readonly amountMinor: bigint
  readonly thresholdMinor: bigint
}

export async function collectionsAwaitingApproval({ tx }: { tx: Db | Tx }): Promise<CollectionAwaitingApproval[]> {
  const supplier = await market.getSupplier(tx)
  const rows = await ddStore.collectionsAwaitingApproval(tx)
  const numbers = await accounts.accountNumbersOf({ tx, accountIds: rows.map((row) => row.account_id) })
  return rows.map((row) => ({
    id: row.id,
    accountNumber: numbers.get(row.account_id) ?? '',
    collectOn: row.collect_on,
    amountMinor: row.amount_minor,
    thresholdMinor: supplier.settings.invoicePaymentApprovalMinor,
  }))
}

export interface AdequacyReview {
  readonly currentMinor: bigint | null
  /** Charges over the last year, scaled up when the account is younger than a year. */
  readonly projectedAnnualMinor: bigint
  readonly balanceMinor: bigint
  /** A year's projected charges plus what is owed (less any credit), over 12 months, rounded up to a whole unit. */
  readonly recommendedMinor: bigint
  readonly basisDays: number
}

/** PAY-5: what a fixed Direct Debit should be now. */
export async function adequacyReview({
  tx,
  accountId,
  openedOn,
  at,
}: {
  tx: Db | Tx
  accountId: string
  openedOn: string
  at: Date
}): Promise<AdequacyReview> {
  const supplier = await market.getSupplier(tx)
  const today = localDateOf(at, supplier.profile.timeZone)
  const basisDays = Math.max(1, Math.min(365, daysBetween(openedOn, today)))
  const charged = await ledger.chargesSince({ tx, accountId, since: new Date(at.getTime() - 365 * 86_400_000) })
  const projected = (charged * 365n + BigInt(basisDays) - 1n) / BigInt(basisDays)
  const balance = await ledger.balanceOf({ tx, accountId })
  const total = projected + balance
  const monthly = total > 0n ? (total + 11n) / 12n : 0n
  const recommended = ((monthly + 99n) / 100n) * 100n
  const current = await directDebitOf({ tx, accountId })
  return {
    currentMinor: current?.amountMinor ?? null,
    projectedAnnualMinor: projected,
    balanceMinor: balance,
    recommendedMinor: recommended,
    basisDays,
  }
}

/**
 * The yearly payment adequacy review (seed 002): active instructions due one on `on` (last reviewed a
 * year or more before it, or never), a page at a time by id.
 */
export async function instructionsDueAdequacyReview({ tx, on, afterId, limit }: DueBatchQuery): Promise<string[]> {
  return ddStore.instructionIdsDueAdequacyReview(tx, { reviewedBy: monthsBefore(on, 12), afterId, limit })
}

/**
 * Review one instruction's adequacy on `on` (`adequacyReview`) and record the date and the amount it
 * recommends on the instruction, audited. Safe to run twice: an instruction cancelled, unknown or
 * reviewed within the year is left alone (null). Never changes the amount collected.
 */
export async function reviewInstructionAdequacy({
  tx,
  instructionId,
  on,
  actor,
  at,
}: Change & { instructionId: string; on: string }): Promise<AdequacyReview | null> {
  const instruction = await ddStore.instructionById(tx, instructionId, true)
  if (instruction?.status !== 'active') return null
  const reviewed = instruction.adequacy_reviewed_on
  if (reviewed !== null && reviewed > monthsBefore(on, 12)) return null
  const facts = await accounts.accountFacts({ tx, accountId: instruction.account_id })
  if (!facts) return null
  const review = await adequacyReview({ tx, accountId: instruction.account_id, openedOn: facts.openedOn, at })
  await ddStore.recordAdequacyReview(tx, instructionId, {
    adequacy_reviewed_on: on,
    adequacy_recommended_minor: review.recommendedMinor,
  })
  await audit.record(tx, {
    actor,
    action: 'payments.direct_debit.adequacy_reviewed',
    subject: { type: 'direct_debit', id: instructionId },
    accountId: instruction.account_id,
    before: { reviewedOn: reviewed },
    after: {
      reviewedOn: on,
      currentMinor: review.currentMinor?.toString() ?? null,
      recommendedMinor: review.recommendedMinor.toString(),
      projectedAnnualMinor: review.projectedAnnualMinor.toString(),
      balanceMinor: review.balanceMinor.toString(),
    },
    at,
  })
  return review
}

/**
 * Of these accounts, those whose active Direct Debit has had no payment adequacy review in over a
 * year on the local date `on`: last reviewed before the same day a year earlier, or never reviewed
 * and set up before it. An account without a Direct Debit is never among them. One query.
 */
export async function accountsWithAdequacyReviewOverdue({
  tx,
  accountIds,
  on,
}: {
  tx: Db | Tx
  accountIds: readonly string[]
  on: string
}): Promise<Set<string>> {
  if (!isLocalDate(on)) throw new InvalidDirectDebit('A local date', [{ path: 'on', message: 'a date YYYY-MM-DD' }])
  const supplier = await market.getSupplier(tx)
  const yearBefore = monthsBefore(on, 12)
  const overdue = await ddStore.accountsWithoutAdequacyReviewSince(tx, {
    accountIds,
    reviewedBefore: yearBefore,
    setUpBefore: startOfLocalDay(yearBefore, supplier.profile.timeZone),
  })
  return new Set(overdue)
}
