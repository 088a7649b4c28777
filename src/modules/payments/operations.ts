/**
 * PAY-1..3, PAY-7: payment methods kept as tokens, payments taken through the processor and posted
 * to the ledger when taken, and what the processor says afterwards (settled, failed, returned) —
 * a failure or a return reverses the ledger entry.
 */
import { createHash, randomInt } from 'node:crypto'
import type { AccountChange, Change, Db, Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { newId } from '../../shared/ids.js'
import { camelFields } from '../../shared/row-mapping.js'
import { addDays, localDateOf } from '../../shared/time.js'
import * as audit from '../audit/index.js'
import * as ledger from '../ledger/index.js'
import * as market from '../market/index.js'
import type { PaymentProcessor, ProcessorEvent, TokenizedMethod } from './processor.js'
import * as store from './store.js'
import {
  IdempotencyKeyReused,
  InvalidPayment,
  type Payment,
  type PaymentMethod,
  type PaymentMethodKind,
  PaymentMethodNotFound,
  PaymentNotFound,
  type PaymentStatus,
} from './types.js'

/** Letters that cannot be misheard or misread on the phone (no I, L, O, U). */
const confirmationAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
/** The most one payment may be (minor units): larger ones are refused as the processor would. */
export const maxPaymentMinor = 5_000_000n

export function newConfirmationNumber(): string {
  const pick = () => confirmationAlphabet[randomInt(confirmationAlphabet.length)]
  const group = () => Array.from({ length: 4 }, pick).join('')
  return `P-${group()}-${group()}`
}

/** A stable hash of a request's content, to tell a retry from a different request with the same key. */
export function fingerprintOf(request: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(request, (_key, value) => (typeof value === 'bigint' ? value.toString() : value)))
    .digest('hex')
}

export function toMethod(row: store.PaymentMethodRow): PaymentMethod {
  return camelFields(row, ['id', 'kind', 'brand', 'last4', 'expiry_month', 'expiry_year', 'holder_name', 'created_at'])
}

const brandLabels: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'Amex',
  discover: 'Discover',
}

function methodLabel(method: store.PaymentMethodRow | undefined): string | null {
  if (!method) return null
  return `${brandLabels[method.brand] ?? method.brand} •••• ${method.last4}`
}

export function toPayment(
  row: store.PaymentRow,
  method: store.PaymentMethodRow | undefined,
  events: readonly { status: PaymentStatus; source: string; detail: string | null; occurred_at: Date }[],
): Payment {
  return {
    id: row.id,
    confirmationNumber: row.confirmation_number,
    accountId: row.account_id,
    method: row.method,
    methodLabel: methodLabel(method),
    amountMinor: row.amount_minor,
    currency: row.currency,
    statementId: row.statement_id,
    status: row.status,
    failure:
      row.failure_code && (row.status === 'failed' || row.status === 'returned')
        ? { code: row.failure_code, message: row.failure_message ?? '' }
        : null,
    reference: row.reference,
    source: row.source,
    takenOn: row.taken_on,
    postsOn: row.posts_on,
    createdAt: row.created_at,
    events: events.map((event) => ({
      status: event.status,
      source: event.source as PaymentEvent['source'],
      detail: event.detail,
      occurredAt: event.occurred_at,
    })),
  }
}
type PaymentEvent = Payment['events'][number]

export async function loadPayment(db: Db | Tx, row: store.PaymentRow): Promise<Payment> {
  const method = row.payment_method_id ? await store.methodById(db, row.payment_method_id) : undefined
  return toPayment(row, method, await store.paymentEvents(db, [row.id]))
}

/**
 * Keep a tokenized card or bank account on the account (PAY-1). Only the token, brand, last four
 * digits, expiry and holder's name are stored.
 */
export async function addPaymentMethod({
  tx,
  accountId,
  method,
  processor,
  singleUse = false,
  actor,
  at,
}: AccountChange & {
  method: TokenizedMethod
  processor: string
  singleUse?: boolean
}): Promise<PaymentMethod> {
  const row: store.PaymentMethodRow = {
    id: newId('pm'),
    account_id: accountId,
    kind: method.kind,
    processor,
    token: method.token,
    brand: method.brand,
    last4: method.last4,
    expiry_month: method.expiryMonth,
    expiry_year: method.expiryYear,
    holder_name: method.holderName,
    status: singleUse ? 'single_use' : 'active',
    created_at: at,
    removed_at: null,
  }
  await store.insertMethod(tx, row)
  if (!singleUse) {
    await audit.record(tx, {
      actor,
      action: 'payments.method.added',
      subject: { type: 'payment_method', id: row.id },
      accountId,
      after: { kind: row.kind, brand: row.brand, last4: row.last4 },
      at,
    })
  }
  return toMethod(row)
}

/** @throws PaymentMethodNotFound */
export async function removePaymentMethod({
  tx,
  accountId,
  paymentMethodId,
  actor,
  at,
}: AccountChange & {
  paymentMethodId: string
}): Promise<void> {
  const row = await store.methodById(tx, paymentMethodId)
  if (!row || row.account_id !== accountId || !(await store.removeMethod(tx, row.id, at))) {
    throw new PaymentMethodNotFound(`There is no payment method ${paymentMethodId} on this account`)
  }
  await audit.record(tx, {
    actor,
    action: 'payments.method.removed',
    subject: { type: 'payment_method', id: row.id },
    accountId,
    before: { kind: row.kind, brand: row.brand, last4: row.last4 },
    at,
  })
}

export async function paymentMethodsOf({ tx, accountId }: { tx: Db | Tx; accountId: string }) {
  return (await store.methodsOf(tx, accountId)).map(toMethod)
}

export interface PaymentRequest {
  readonly method: PaymentMethodKind
  readonly amountMinor: bigint
  /** A kept card or bank account (card, bank_account, direct_debit). */
  readonly paymentMethodId?: string | undefined
  /** A card entered for this payment, already tokenized; kept on the account when `save`. */
  readonly newMethod?: { readonly tokenized: TokenizedMethod; readonly save: boolean } | undefined
  /** Pay a particular statement rather than the balance. */
  readonly statementId?: string | undefined
  /** A cheque number, a cash receipt number. */
  readonly reference?: string | undefined
}

/** Working days the money takes to reach the account, by method: read back to the customer. */
const postingDays: Record<PaymentMethodKind, number> = {
  card: 0,
  cash: 0,
  bank_account: 3,
  direct_debit: 3,
  check: 5,
}

/**
 * Take a payment (PAY-2, PAY-3). Idempotent on `idempotencyKey`: the same key with the same request
 * returns the first payment (charging once, even when both arrive together); the same key with a
 * different request is refused. A card is charged now (succeeded or failed); a bank debit or a cheque
 * is pending until it settles; cash succeeds. The ledger entry is posted when the payment is taken
 * and reversed if it later fails or comes back.
 * @throws InvalidPayment, PaymentMethodNotFound, IdempotencyKeyReused
 */
export async function takePayment({
  tx,
  processor,
  accountId,
  request,
  idempotencyKey,
  fingerprint,
  source = 'staff',
  actor,
  at,
}: {
  tx: Tx
  processor: PaymentProcessor
  accountId: string
  request: PaymentRequest
  idempotencyKey: string
  /** From `fingerprintOf` over the request as the caller sent it (never a card number). */
  fingerprint: string
  source?: 'staff' | 'direct_debit' | 'customer'
  actor: Actor
  at: Date
}): Promise<{ payment: Payment; replayed: boolean }> {
  const earlier = await store.paymentByKey(tx, idempotencyKey)
  if (earlier) return replay(tx, earlier, fingerprint)
  const problems: { path: string; message: string }[] = []
  if (request.amountMinor <= 0n) problems.push({ path: 'amountMinor', message: 'must be more than 0' })
  if (request.amountMinor > maxPaymentMinor) {
    problems.push({ path: 'amountMinor', message: `must be at most ${maxPaymentMinor} in one payment` })
  }
  const needsMethod =
    request.method === 'card' || request.method === 'bank_account' || request.method === 'direct_debit'
  if (needsMethod && !request.paymentMethodId && !request.newMethod) {
    problems.push({ path: 'paymentMethodId', message: `a ${request.method} payment needs a payment method` })
  }
  if (!needsMethod && (request.paymentMethodId || request.newMethod)) {
    problems.push({ path: 'paymentMethodId', message: `a ${request.method} payment takes no payment method` })
  }
  if (request.method === 'check' && !request.reference?.trim()) {
    problems.push({ path: 'reference', message: 'the cheque number' })
  }
  if (problems.length > 0) throw new InvalidPayment('The payment is not valid', problems)

  let method: store.PaymentMethodRow | undefined
  if (request.paymentMethodId) {
    method = await store.methodById(tx, request.paymentMethodId)
    if (!method || method.account_id !== accountId || method.status !== 'active') {
      throw new PaymentMethodNotFound(`There is no payment method ${request.paymentMethodId} on this account`)
    }
  }
  const wanted = request.method === 'direct_debit' ? 'bank_account' : request.method
  const kind = method?.kind ?? request.newMethod?.tokenized.kind
  if (needsMethod && kind !== wanted) {
    throw new InvalidPayment(`A ${request.method} payment needs a ${wanted.replace('_', ' ')}`, [
      { path: 'paymentMethodId', message: `not a ${wanted.replace('_', ' ')}` },
    ])
  }

  const supplier = await market.getSupplier(tx)
  const takenOn = localDateOf(at, supplier.profile.timeZone)
  const row: store.PaymentRow = {
    id: newId('pay'),
    confirmation_number: newConfirmationNumber(),
    account_id: accountId,
    method: request.method,
    payment_method_id: null,
    amount_minor: request.amountMinor,
    currency: supplier.profile.currency,
    statement_id: request.statementId ?? null,
    status: 'pending',
    processor: needsMethod ? processor.name : null,
    processor_ref: null,
    failure_code: null,
    failure_message: null,
    reference: request.reference?.trim() || null,
    source,
    idempotency_key: idempotencyKey,
    request_fingerprint: fingerprint,
    journal_id: null,
    reversal_journal_id: null,
    taken_on: takenOn,
    posts_on: addDays(takenOn, postingDays[request.method]),
    created_by: actor.id,
    created_at: at,
    status_at: at,
  }
  // A concurrent request with the same key waits here for the first to commit, then replays it.
  if (!(await store.insertPayment(tx, row))) {
    const first = await store.paymentByKey(tx, idempotencyKey)
    if (!first) throw new Error('unreachable: the key conflicted but no payment holds it')
    return replay(tx, first, fingerprint)
  }
  if (request.newMethod) {
    const added = await addPaymentMethod({
      tx,
      accountId,
      method: request.newMethod.tokenized,
      processor: processor.name,
      singleUse: !request.newMethod.save,
      actor,
      at,
    })
    method = await store.methodById(tx, added.id)
  }

  let status: PaymentStatus = request.method === 'cash' ? 'succeeded' : 'pending'
  let processorRef: string | null = null
  let failure: { code: string; message: string } | null = null
  if (method) {
    // The processor's idempotency key is ours, so a retry after a crash charges nothing twice.
    const outcome = await processor.charge({
      token: method.token,
      amountMinor: row.amount_minor,
      currency: row.currency,
      idempotencyKey: `${accountId}:${idempotencyKey}`,
      at,
    })
    processorRef = outcome.processorRef
    status = outcome.status
    if (outcome.status === 'failed') failure = { code: outcome.code, message: outcome.message }
  }
  let journalId: string | null = null
  if (status !== 'failed') {
    const { journal } = await ledger.postJournal({
      tx,
      journal: {
        idempotencyKey: `payment:${row.id}`,
        reason: 'payment.received',
        reference: { type: 'payment', id: row.id },
        accountId,
        currency: row.currency,
        effectiveOn: takenOn,
        description: `Payment ${row.confirmation_number} (${request.method.replace('_', ' ')})`,
        postings: [
          { book: 'customer', accountId, amountMinor: -row.amount_minor },
          { book: 'cash', accountId, amountMinor: row.amount_minor },
        ],
      },
      actor,
      at,
    })
    journalId = journal.id
  }
  await store.updatePayment(tx, row.id, {
    status,
    processor_ref: processorRef,
    journal_id: journalId,
    failure_code: failure?.code ?? null,
    failure_message: failure?.message ?? null,
  })
  await store.insertPaymentEvent(tx, {
    id: newId('pev'),
    payment_id: row.id,
    status,
    source: 'taken',
    processor_event_id: null,
    detail: failure ? `${failure.code}: ${failure.message}` : null,
    occurred_at: at,
    recorded_at: at,
  })
  const saved = {
    ...row,
    status,
    processor_ref: processorRef,
    journal_id: journalId,
    payment_method_id: method?.id ?? null,
  }
  if (method) await store.setPaymentMethod(tx, row.id, method.id)
  await audit.record(tx, {
    actor,
    action: 'payments.payment.taken',
    subject: { type: 'payment', id: row.id },
    accountId,
    after: {
      confirmationNumber: row.confirmation_number,
      method: row.method,
      amountMinor: row.amount_minor.toString(),
      status,
      methodLabel: methodLabel(method),
      ...(failure ? { failure: failure.code } : {}),
    },
    at,
  })
  return {
    payment: toPayment(
      { ...saved, failure_code: failure?.code ?? null, failure_message: failure?.message ?? null },
      method,
      await store.paymentEvents(tx, [row.id]),
    ),
    replayed: false,
  }
}

async function replay(tx: Tx, earlier: store.PaymentRow, fingerprint: string) {
  if (earlier.request_fingerprint !== fingerprint) {
    throw new IdempotencyKeyReused(
      `The Idempotency-Key was used for a different payment (${earlier.confirmation_number}); use a new key for a new payment`,
    )
  }
  return { payment: await loadPayment(tx, earlier), replayed: true }
}

/** Where a payment may go from each state: only forward, and failed and returned are final. */
const allowedNext: Record<PaymentStatus, readonly PaymentStatus[]> = {
  pending: ['succeeded', 'failed', 'returned'],
  succeeded: ['returned'],
  failed: [],
  returned: [],
}

/**
 * Record a new state of a payment from the processor (a webhook) or staff (a cheque cleared or
 * bounced). Repeats of the same event change nothing; news older than the payment's state (a
 * "settled" arriving after "returned") is kept in the history but does not move it back. A failure
 * or return reverses the payment's ledger entry.
 * @returns whether the payment's status changed
 */
export async function applyPaymentStatus({
  tx,
  payment,
  status,
  source,
  processorEventId = null,
  code = null,
  message = null,
  occurredAt,
  actor,
  at,
}: Change & {
  payment: store.PaymentRow
  status: PaymentStatus
  source: 'processor' | 'staff'
  processorEventId?: string | null
  code?: string | null
  message?: string | null
  occurredAt: Date
}): Promise<boolean> {
  const recorded = await store.insertPaymentEvent(tx, {
    id: newId('pev'),
    payment_id: payment.id,
    status,
    source,
    processor_event_id: processorEventId,
    detail: code ? `${code}${message ? `: ${message}` : ''}`.slice(0, 300) : null,
    occurred_at: occurredAt,
    recorded_at: at,
  })
  if (!recorded) return false
  if (!allowedNext[payment.status].includes(status)) return false
  let reversalId: string | null = null
  if ((status === 'failed' || status === 'returned') && payment.journal_id) {
    const supplier = await market.getSupplier(tx)
    const { journal } = await ledger.reverseJournal({
      tx,
      journalId: payment.journal_id,
      idempotencyKey: `payment:${payment.id}:${status}`,
      reason: `payment.${status}`,
      effectiveOn: localDateOf(at, supplier.profile.timeZone),
      actor,
      at,
    })
    reversalId = journal.id
  }
  await store.updatePayment(tx, payment.id, {
    status,
    status_at: at,
    ...(code ? { failure_code: code, failure_message: message?.slice(0, 300) ?? null } : {}),
    ...(reversalId ? { reversal_journal_id: reversalId } : {}),
  })
  await audit.record(tx, {
    actor,
    action: `payments.payment.${status}`,
    subject: { type: 'payment', id: payment.id },
    accountId: payment.account_id,
    before: { status: payment.status },
    after: { status, ...(code ? { code } : {}) },
    at,
  })
  return true
}

/**
 * Apply one processor event (a webhook delivery). Unknown payments and repeats are ignored.
 * @returns whether the event changed a payment
 */
export async function applyProcessorEvent({
  tx,
  event,
  actor,
  at,
}: Change & {
  event: ProcessorEvent
}): Promise<boolean> {
  const payment = await store.paymentByRef(tx, event.processorRef)
  if (!payment) return false
  const status: PaymentStatus =
    event.type === 'payment.succeeded' ? 'succeeded' : event.type === 'payment.failed' ? 'failed' : 'returned'
  return applyPaymentStatus({
    tx,
    payment,
    status,
    source: 'processor',
    processorEventId: event.id,
    code: event.code ?? null,
    message: event.message ?? null,
    occurredAt: event.occurredAt,
    actor,
    at,
  })
}

/** A cheque cleared or bounced, recorded by staff. @throws PaymentNotFound, InvalidPayment */
export async function recordChequeOutcome({
  tx,
  paymentId,
  outcome,
  actor,
  at,
}: Change & {
  paymentId: string
  outcome: 'succeeded' | 'failed'
}): Promise<Payment> {
  const payment = await store.paymentById(tx, paymentId, true)
  if (!payment) throw new PaymentNotFound(`There is no payment ${paymentId}`)
  if (payment.method !== 'check' || payment.status !== 'pending') {
    throw new InvalidPayment(`Payment ${payment.confirmation_number} is not a pending cheque`, [
      { path: 'outcome', message: `the payment is a ${payment.method} payment, ${payment.status}` },
    ])
  }
  await applyPaymentStatus({
    tx,
    payment,
    status: outcome,
    source: 'staff',
    ...(outcome === 'failed' ? { code: 'cheque_bounced', message: 'The cheque was returned unpaid' } : {}),
    occurredAt: at,
    actor,
    at,
  })
  const updated = await store.paymentById(tx, paymentId)
  if (!updated) throw new Error('unreachable: the payment was just read')
  return loadPayment(tx, updated)
}
