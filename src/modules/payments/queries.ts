import { sql } from 'kysely'
import type { AccountPageQuery, Db, StaffTotalsQuery, Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { decodeInstantCursor, encodeInstantCursor, pageOf } from '../../shared/cursor.js'
import { applyProcessorEvent, loadPayment, toPayment } from './operations.js'
import type { PaymentProcessor } from './processor.js'
import * as store from './store.js'
import { type Payment, PaymentNotFound } from './types.js'

/** The account's payments, newest first, with their events, a page at a time. */
export async function paymentsOf({
  tx,
  accountId,
  limit,
  cursor,
}: AccountPageQuery): Promise<{ items: Payment[]; nextCursor: string | null }> {
  const before = decodeInstantCursor(cursor)
  const rows = await store.paymentsPage(tx, { accountId, limit: limit + 1, before })
  const { page, nextCursor } = pageOf(rows, limit, (last) => encodeInstantCursor(last.created_at, last.id))
  const events = await store.paymentEvents(
    tx,
    page.map((row) => row.id),
  )
  const methodIds = [...new Set(page.flatMap((row) => (row.payment_method_id ? [row.payment_method_id] : [])))]
  const methods = new Map<string, store.PaymentMethodRow>()
  for (const methodId of methodIds) {
    const method = await store.methodById(tx, methodId)
    if (method) methods.set(methodId, method)
  }
  const items = page.map((row) =>
    toPayment(
      row,
      row.payment_method_id ? methods.get(row.payment_method_id) : undefined,
      events.filter((event) => event.payment_id === row.id),
    ),
  )
  return { items, nextCursor }
}

/** A payment by its confirmation number, on the given account. @throws PaymentNotFound */
export async function paymentByConfirmation({
  tx,
  accountId,
  confirmationNumber,
}: {
  tx: Db | Tx
  accountId: string
  confirmationNumber: string
}): Promise<Payment> {
  const row = await store.paymentByConfirmation(tx, confirmationNumber)
  if (!row || row.account_id !== accountId) {
    throw new PaymentNotFound(`There is no payment ${confirmationNumber} on this account`)
  }
  return loadPayment(tx, row)
}

export async function paymentIdByConfirmation({ tx, confirmationNumber }: { tx: Db | Tx; confirmationNumber: string }) {
  return (await store.paymentByConfirmation(tx, confirmationNumber))?.id
}

/**
 * Ask the processor what happened to open payments up to `until` and apply it, each new event in
 * its own transaction (a webhook delivery each). Repeats and stale news change nothing.
 */
export async function syncProcessorEvents({
  db,
  processor,
  inTransaction,
  until,
  actor,
  at,
}: {
  db: Db
  processor: PaymentProcessor
  inTransaction: <T>(db: Db, work: (tx: Tx) => Promise<T>) => Promise<T>
  until: Date
  actor: Actor
  at: Date
}): Promise<{ delivered: number; applied: number }> {
  // Returns come up to 60 days after a card payment (chargebacks) and days after a debit.
  const open = await store.openPayments(db, { since: new Date(until.getTime() - 60 * 86_400_000), limit: 100_000 })
  const events = await processor.events({
    charges: open.flatMap((row) =>
      row.processor_ref ? [{ processorRef: row.processor_ref, chargedAt: row.created_at }] : [],
    ),
    until,
  })
  // An event recorded before changes nothing when delivered again: only the new ones take a
  // transaction each (the processor resends all it knows of the open payments every time).
  const recorded = await store.recordedProcessorEventIds(db, [...new Set(events.map((event) => event.id))])
  let applied = 0
  for (const event of events) {
    if (recorded.has(event.id)) continue
    if (await inTransaction(db, (tx) => applyProcessorEvent({ tx, event, actor, at }))) applied++
    recorded.add(event.id)
  }
  return { delivered: events.length, applied }
}

/** What the payments say about an account's standing (ACC-6): a payment that failed or came back recently. */
export async function recentReturnedPayment({ tx, accountId, since }: { tx: Db | Tx; accountId: string; since: Date }) {
  const row = await store.returnedSince(tx, accountId, since)
  return row ? { confirmationNumber: row.confirmation_number, status: row.status, at: row.status_at } : null
}

/**
 * Payments each staff user took in a range that still count (pending or succeeded, not failed or
 * returned): the agent report's payment collection (REP-1).
 */
export async function staffPaymentTotals({
  tx,
  from,
  to,
  staffIds,
}: StaffTotalsQuery): Promise<{ userId: string; count: number; totalMinor: bigint }[]> {
  if (staffIds && staffIds.length === 0) return []
  let query = store
    .tables(tx)
    .selectFrom('payments')
    .select(['created_by', sql<string>`count(*)::text`.as('count'), sql<string>`sum(amount_minor)::text`.as('total')])
    .where('source', '=', 'staff')
    .where('status', 'in', ['pending', 'succeeded'])
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
  if (staffIds) query = query.where('created_by', 'in', staffIds)
  const rows = await query.groupBy('created_by').execute()
  return rows.map((row) => ({ userId: row.created_by, count: Number(row.count), totalMinor: BigInt(row.total) }))
}
