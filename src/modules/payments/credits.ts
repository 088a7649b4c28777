/**
 * PAY-4: goodwill credits and refunds of overpayments. What an agent may give without approval is
 * capped by the supplier's limit, counted over everything credited to the account in the last 24
 * hours (so two small credits cannot make one large one); a refund is never more than the credit
 * balance nor more than was paid. Above the limit a request waits for a supervisor, who may not
 * decide their own. Each decision takes the account's row lock, so concurrent requests are decided
 * one after the other and together never pass what is allowed.
 */
import type { AccountChange, Change, Db, Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { newId } from '../../shared/ids.js'
import { localDateOf } from '../../shared/time.js'
import * as access from '../access/index.js'
import * as accounts from '../accounts/index.js'
import * as audit from '../audit/index.js'
import * as ledger from '../ledger/index.js'
import * as market from '../market/index.js'
import type { PaymentProcessor } from './processor.js'
import * as store from './store.js'
import {
  CannotApproveOwnRequest,
  type CreditRequest,
  CreditRequestDecided,
  CreditRequestNotFound,
  IdempotencyKeyReused,
  InvalidCreditRequest,
  PaymentMethodNotFound,
  RefundExceedsCredit,
} from './types.js'

const dayMs = 86_400_000

function toCreditRequest(row: store.CreditRequestRow & { account_number?: string }): CreditRequest {
  return {
    id: row.id,
    accountId: row.account_id,
    ...(row.account_number ? { accountNumber: row.account_number } : {}),
    kind: row.kind,
    amountMinor: row.amount_minor,
    currency: row.currency,
    reason: row.reason,
    status: row.status,
    needsApproval: row.needs_approval,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
  }
}

/**
 * What may still be refunded: the credit balance, but never more than was paid in cleared money and
 * not yet refunded, less refunds waiting for approval (they are reserved).
 */
async function refundable(tx: Tx, accountId: string, at: Date, excluding = 0n): Promise<bigint> {
  const balance = await ledger.balanceOf({ tx, accountId })
  const totals = await store.creditTotals(tx, accountId, new Date(at.getTime() - dayMs))
  const paid = (await store.netSucceededPaid(tx, accountId)) - totals.refunded
  const credit = balance < 0n ? -balance : 0n
  const cap = credit < paid ? credit : paid
  const left = cap - (totals.refundsAwaiting - excluding)
  return left > 0n ? left : 0n
}

async function complete(
  tx: Tx,
  row: store.CreditRequestRow,
  processor: PaymentProcessor,
  actor: Actor,
  at: Date,
): Promise<{ journalId: string; processorRef: string | null }> {
  const supplier = await market.getSupplier(tx)
  let processorRef: string | null = null
  if (row.kind === 'refund' && row.refund_to_payment_method_id) {
    const method = await store.methodById(tx, row.refund_to_payment_method_id)
    if (!method) throw new PaymentMethodNotFound(`There is no payment method ${row.refund_to_payment_method_id}`)
    const sent = await processor.refund({
      token: method.token,
      amountMinor: row.amount_minor,
      currency: row.currency,
      idempotencyKey: `refund:${row.id}`,
      at,
    })
    processorRef = sent.processorRef
  }
  const { journal } = await ledger.postJournal({
    tx,
    journal: {
      idempotencyKey: `credit_request:${row.id}`,
      reason: row.kind === 'refund' ? 'refund.overpayment' : 'credit.goodwill',
      reference: { type: 'credit_request', id: row.id },
      accountId: row.account_id,
      currency: row.currency,
      effectiveOn: localDateOf(at, supplier.profile.timeZone),
      description: row.kind === 'refund' ? `Refund: ${row.reason}` : `Goodwill credit: ${row.reason}`,
      postings:
        row.kind === 'refund'
          ? [
              { book: 'customer', accountId: row.account_id, amountMinor: row.amount_minor },
              { book: 'refunds', accountId: row.account_id, amountMinor: -row.amount_minor },
            ]
          : [
              { book: 'customer', accountId: row.account_id, amountMinor: -row.amount_minor },
              { book: 'goodwill', accountId: row.account_id, amountMinor: row.amount_minor },
            ],
    },
    actor,
    at,
  })
  return { journalId: journal.id, processorRef }
}

/**
 * Ask for a goodwill credit or a refund. Within the limit it is applied now; above it (or when the
 * requester may not give it alone) it waits for approval. Idempotent on `idempotencyKey`.
 * @throws InvalidCreditRequest, RefundExceedsCredit, PaymentMethodNotFound, IdempotencyKeyReused
 */
export async function requestCredit({
  tx,
  processor,
  accountId,
  kind,
  amountMinor,
  reason,
  refundToPaymentMethodId,
  idempotencyKey,
  fingerprint,
  actor,
  at,
}: AccountChange & {
  processor: PaymentProcessor
  kind: 'goodwill_credit' | 'refund'
  amountMinor: bigint
  reason: string
  refundToPaymentMethodId?: string | undefined
  idempotencyKey: string
  fingerprint: string
}): Promise<{ request: CreditRequest; replayed: boolean }> {
  const problems: { path: string; message: string }[] = []
  if (amountMinor <= 0n) problems.push({ path: 'amountMinor', message: 'must be more than 0' })
  if (reason.trim().length === 0 || reason.length > 500) {
    problems.push({ path: 'reason', message: 'say why, in 1 to 500 characters' })
  }
  if (kind === 'goodwill_credit' && refundToPaymentMethodId) {
    problems.push({ path: 'refundToPaymentMethodId', message: 'only a refund is paid out' })
  }
  if (problems.length > 0) throw new InvalidCreditRequest('The request is not valid', problems)
  // One decision at a time per account: concurrent requests queue here.
  await accounts.lockAccount({ tx, accountId })
  const earlier = await store.creditRequestByKey(tx, idempotencyKey)
  if (earlier) {
    if (earlier.request_fingerprint !== fingerprint) {
      throw new IdempotencyKeyReused('The Idempotency-Key was used for a different request; use a new key')
    }
    return { request: toCreditRequest(earlier), replayed: true }
  }
  if (refundToPaymentMethodId) {
    const method = await store.methodById(tx, refundToPaymentMethodId)
    if (!method || method.account_id !== accountId || method.status === 'removed') {
      throw new PaymentMethodNotFound(`There is no payment method ${refundToPaymentMethodId} on this account`)
    }
  }
  const supplier = await market.getSupplier(tx)
  const limit = supplier.settings.creditApprovalLimitMinor
  let needsApproval: boolean
  if (kind === 'refund') {
    const left = await refundable(tx, accountId, at)
    if (amountMinor > left) {
      throw new RefundExceedsCredit(
        `A refund can be at most ${left} (the credit balance, no more than was paid, less refunds awaiting approval)`,
        { refundableMinor: left.toString() },
      )
    }
    needsApproval = amountMinor > limit
  } else {
    const { autoCreditedSince } = await store.creditTotals(tx, accountId, new Date(at.getTime() - dayMs))
    needsApproval = autoCreditedSince + amountMinor > limit
  }
  const row: store.CreditRequestRow = {
    id: newId('crq'),
    account_id: accountId,
    kind,
    amount_minor: amountMinor,
    currency: supplier.profile.currency,
    reason: reason.trim(),
    status: 'pending_approval',
    needs_approval: needsApproval,
    idempotency_key: idempotencyKey,
    request_fingerprint: fingerprint,
    requested_by: actor.id,
    requested_by_kind: actor.kind,
    requested_at: at,
    decided_by: null,
    decided_at: null,
    decision_note: null,
    journal_id: null,
    refund_to_payment_method_id: refundToPaymentMethodId ?? null,
    processor_ref: null,
  }
  await store.insertCreditRequest(tx, row)
  let saved = row
  if (!needsApproval) {
    const done = await complete(tx, row, processor, actor, at)
    saved = { ...row, status: 'completed', journal_id: done.journalId, processor_ref: done.processorRef }
    await store.updateCreditRequest(tx, row.id, {
      status: 'completed',
      journal_id: done.journalId,
      processor_ref: done.processorRef,
    })
  }
  await audit.record(tx, {
    actor,
    action: `payments.${kind}.${needsApproval ? 'requested' : 'applied'}`,
    subject: { type: 'credit_request', id: row.id },
    accountId,
    after: { kind, amountMinor: amountMinor.toString(), reason: row.reason, status: saved.status },
    at,
  })
  return { request: toCreditRequest(saved), replayed: false }
}

/**
 * A supervisor approves or rejects a request waiting for approval; never their own. An approved
 * refund is checked again against what may be refunded now.
 * @throws CreditRequestNotFound, CreditRequestDecided, CannotApproveOwnRequest, RefundExceedsCredit
 */
export async function decideCreditRequest({
  tx,
  processor,
  requestId,
  approve,
  note,
  actor,
  at,
}: Change & {
  processor: PaymentProcessor
  requestId: string
  approve: boolean
  note?: string | undefined
}): Promise<CreditRequest> {
  const found = await store.creditRequestById(tx, requestId)
  if (!found) throw new CreditRequestNotFound(`There is no credit or refund request ${requestId}`)
  await accounts.lockAccount({ tx, accountId: found.account_id })
  const row = await store.creditRequestById(tx, requestId, true)
  if (!row) throw new CreditRequestNotFound(`There is no credit or refund request ${requestId}`)
  if (row.status !== 'pending_approval') {
    throw new CreditRequestDecided(`The request was ${row.status.replace('_', ' ')} already`)
  }
  // By person, not by credential: a request made with someone's API token is theirs (issue 19).
  const requester: Actor = { kind: row.requested_by_kind as Actor['kind'], id: row.requested_by }
  if (await access.samePerson({ tx, a: requester, b: actor })) {
    throw new CannotApproveOwnRequest('A supervisor cannot decide their own request: another supervisor must')
  }
  let change: Parameters<typeof store.updateCreditRequest>[2] = {
    status: approve ? 'completed' : 'rejected',
    decided_by: actor.id,
    decided_at: at,
    decision_note: note?.trim() || null,
  }
  if (approve) {
    if (row.kind === 'refund') {
      const left = await refundable(tx, row.account_id, at, row.amount_minor)
      if (row.amount_minor > left) {
        throw new RefundExceedsCredit(`The account can be refunded at most ${left} now`, {
          refundableMinor: left.toString(),
        })
      }
    }
    const done = await complete(tx, row, processor, actor, at)
    change = { ...change, journal_id: done.journalId, processor_ref: done.processorRef }
  }
  await store.updateCreditRequest(tx, row.id, change)
  await audit.record(tx, {
    actor,
    action: `payments.${row.kind}.${approve ? 'approved' : 'rejected'}`,
    subject: { type: 'credit_request', id: row.id },
    accountId: row.account_id,
    before: { status: row.status },
    after: { status: change.status, note: change.decision_note ?? null },
    at,
  })
  const updated = await store.creditRequestById(tx, row.id)
  if (!updated) throw new Error('unreachable: the request was just read')
  return toCreditRequest(updated)
}

export async function pendingApprovals({ tx, limit = 100 }: { tx: Db | Tx; limit?: number }) {
  return (await store.pendingCreditRequests(tx, limit)).map(toCreditRequest)
}

export async function creditRequestsOf({ tx, accountId }: { tx: Db | Tx; accountId: string }) {
  return (await store.creditRequestsOf(tx, accountId)).map(toCreditRequest)
}
