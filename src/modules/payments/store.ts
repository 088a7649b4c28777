import { type Selectable, sql } from 'kysely'
import { type Db, type FeedPosition, strictlyBefore, type Tx, withTables } from '../../db/index.js'
import { insertUnlessTaken } from '../../db/query-insert.js'
import { firstRow, rowsOfAccount, rowsWhere, rowsWhereIn } from '../../db/query-rows.js'
import * as accounts from '../accounts/index.js'

export interface PaymentMethodRow {
  id: string
  account_id: string
  kind: 'card' | 'bank_account'
  processor: string
  token: string
  brand: string
  last4: string
  expiry_month: number | null
  expiry_year: number | null
  holder_name: string | null
  status: 'active' | 'removed' | 'single_use'
  created_at: Date
  removed_at: Date | null
}

export interface PaymentRow {
  id: string
  confirmation_number: string
  account_id: string
  method: 'card' | 'bank_account' | 'direct_debit' | 'check' | 'cash'
  payment_method_id: string | null
  amount_minor: bigint
  currency: string
  statement_id: string | null
  status: 'pending' | 'succeeded' | 'failed' | 'returned'
  processor: string | null
  processor_ref: string | null
  failure_code: string | null
  failure_message: string | null
  reference: string | null
  source: 'staff' | 'direct_debit' | 'customer'
  idempotency_key: string
  request_fingerprint: string
  journal_id: string | null
  reversal_journal_id: string | null
  taken_on: string
  posts_on: string
  created_by: string
  created_at: Date
  status_at: Date
}

export interface PaymentEventsTable {
  id: string
  payment_id: string
  status: PaymentRow['status']
  source: 'taken' | 'processor' | 'staff'
  processor_event_id: string | null
  detail: string | null
  occurred_at: Date
  recorded_at: Date
}

export interface CreditRequestRow {
  id: string
  account_id: string
  kind: 'goodwill_credit' | 'refund'
  amount_minor: bigint
  currency: string
  reason: string
  status: 'pending_approval' | 'completed' | 'rejected'
  needs_approval: boolean
  idempotency_key: string
  request_fingerprint: string
  requested_by: string
  requested_by_kind: string
  requested_at: Date
  decided_by: string | null
  decided_at: Date | null
  decision_note: string | null
  journal_id: string | null
  refund_to_payment_method_id: string | null
  processor_ref: string | null
}

/** The amount a billing specialist set for one day's collection of an instruction. */
export interface OverrideRow {
  instruction_id: string
  collect_on: string
  amount_minor: bigint
  reason: string
  set_by: string | null
  set_at: Date
}

export interface InstructionRow {
  id: string
  account_id: string
  payment_method_id: string
  kind: 'fixed' | 'variable'
  amount_minor: bigint | null
  debt_repayment_minor: bigint
  payment_day: number
  status: 'active' | 'cancelled'
  created_at: Date
  cancelled_at: Date | null
  /** The local date of the last payment adequacy review (migration 0027), null when never reviewed. */
  adequacy_reviewed_on: string | null
  /** The monthly amount that review recommended. */
  adequacy_recommended_minor: bigint | null
}

export interface CollectionRow {
  id: string
  instruction_id: string
  collect_on: string
  statement_id: string | null
  payment_id: string | null
  amount_minor: bigint
  outcome: 'collected' | 'nothing_due' | 'failed' | 'awaiting_approval' | 'rejected'
  detail: string | null
  created_at: Date
  decided_by: string | null
  decided_at: Date | null
}

export interface ArrangementRow {
  id: string
  account_id: string
  past_due_minor: bigint
  down_payment_minor: bigint
  instalment_minor: bigint
  frequency: 'weekly' | 'fortnightly' | 'monthly'
  instalments: number
  starts_on: string
  grace_days: number
  status: 'active' | 'completed' | 'broken' | 'cancelled'
  created_by: string
  created_at: Date
  ended_at: Date | null
  end_reason: string | null
}

export interface InstalmentRow {
  arrangement_id: string
  seq: number
  due_on: string
  amount_minor: bigint
}

export const tables = withTables<{
  payment_methods: PaymentMethodRow
  payments: PaymentRow
  payment_events: PaymentEventsTable
  credit_requests: CreditRequestRow
  direct_debit_instructions: InstructionRow
  direct_debit_collections: CollectionRow
  direct_debit_overrides: OverrideRow
  payment_arrangements: ArrangementRow
  arrangement_instalments: InstalmentRow
}>()

export async function insertMethod(tx: Tx, row: PaymentMethodRow): Promise<void> {
  await tables(tx).insertInto('payment_methods').values(row).execute()
}

export async function methodById(db: Db | Tx, id: string): Promise<PaymentMethodRow | undefined> {
  return rowsWhere(tables(db), 'payment_methods', 'id', id).executeTakeFirst()
}

export async function methodsOf(db: Db | Tx, accountId: string): Promise<PaymentMethodRow[]> {
  return rowsOfAccount(tables(db), 'payment_methods', accountId)
    .where('status', '=', 'active')
    .orderBy('created_at', 'desc')
    .execute()
}

export async function removeMethod(tx: Tx, id: string, at: Date): Promise<boolean> {
  const result = await tables(tx)
    .updateTable('payment_methods')
    .set({ status: 'removed', removed_at: at })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Insert unless the idempotency key is taken (waiting for a concurrent insert of the same key). */
export async function insertPayment(tx: Tx, row: PaymentRow): Promise<boolean> {
  return insertUnlessTaken(tables(tx), 'payments', row, ['idempotency_key'])
}

export async function paymentByKey(db: Db | Tx, key: string): Promise<PaymentRow | undefined> {
  return rowsWhere(tables(db), 'payments', 'idempotency_key', key).executeTakeFirst()
}

export async function paymentById(db: Db | Tx, id: string, lock = false): Promise<PaymentRow | undefined> {
  return firstRow(rowsWhere(tables(db), 'payments', 'id', id), lock)
}

export async function paymentByRef(tx: Tx, processorRef: string): Promise<PaymentRow | undefined> {
  return rowsWhere(tables(tx), 'payments', 'processor_ref', processorRef).forUpdate().executeTakeFirst()
}

export async function paymentByConfirmation(db: Db | Tx, confirmation: string): Promise<PaymentRow | undefined> {
  return rowsWhere(tables(db), 'payments', 'confirmation_number', confirmation).executeTakeFirst()
}

export async function updatePayment(
  tx: Tx,
  id: string,
  change: Partial<
    Pick<
      PaymentRow,
      | 'status'
      | 'status_at'
      | 'processor_ref'
      | 'failure_code'
      | 'failure_message'
      | 'journal_id'
      | 'reversal_journal_id'
    >
  >,
): Promise<void> {
  await tables(tx).updateTable('payments').set(change).where('id', '=', id).execute()
}

/** Which of these processor event ids are recorded already (a webhook delivered before). */
export async function recordedProcessorEventIds(db: Db | Tx, ids: readonly string[]): Promise<Set<string>> {
  const recorded = new Set<string>()
  for (let start = 0; start < ids.length; start += 5000) {
    const rows = await tables(db)
      .selectFrom('payment_events')
      .select('processor_event_id')
      .where('processor_event_id', 'in', ids.slice(start, start + 5000))
      .execute()
    for (const row of rows) if (row.processor_event_id) recorded.add(row.processor_event_id)
  }
  return recorded
}

export async function insertPaymentEvent(tx: Tx, row: Selectable<PaymentEventsTable>): Promise<boolean> {
  return insertUnlessTaken(tables(tx), 'payment_events', row, ['processor_event_id'])
}

export async function paymentEvents(db: Db | Tx, paymentIds: readonly string[]) {
  if (paymentIds.length === 0) return []
  return rowsWhereIn(tables(db), 'payment_events', 'payment_id', paymentIds)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute()
}

export async function paymentsPage(
  db: Db | Tx,
  { accountId, limit, before }: { accountId: string; limit: number; before?: FeedPosition | undefined },
): Promise<PaymentRow[]> {
  let query = rowsOfAccount(tables(db), 'payments', accountId)
  if (before) query = query.where(strictlyBefore('created_at', 'id', before))
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute()
}

/** Payments the processor may still have news of: pending ones, and recent succeeded ones (returns). */
export async function openPayments(db: Db | Tx, { since, limit }: { since: Date; limit: number }) {
  return tables(db)
    .selectFrom('payments')
    .select(['id', 'processor_ref', 'created_at', 'status'])
    .where('processor_ref', 'is not', null)
    .where((eb) =>
      eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'succeeded'), eb('created_at', '>=', since)])]),
    )
    .orderBy('created_at')
    .limit(limit)
    .execute()
}

/** Whether the account had a payment fail or come back since an instant (ACC-6 red). */
export async function returnedSince(db: Db | Tx, accountId: string, since: Date): Promise<PaymentRow | undefined> {
  return rowsOfAccount(tables(db), 'payments', accountId)
    .where('status', 'in', ['returned', 'failed'])
    .where('journal_id', 'is not', null)
    .where('status_at', '>=', since)
    .orderBy('status_at', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** What the account has paid in cleared money (pending payments may still fail). */
export async function netSucceededPaid(db: Db | Tx, accountId: string): Promise<bigint> {
  const result = await sql<{ total: string | null }>`select sum(amount_minor)::text as total from payments
    where account_id = ${accountId} and status = 'succeeded'`.execute(db)
  return BigInt(result.rows[0]?.total ?? '0')
}

export async function insertCreditRequest(tx: Tx, row: CreditRequestRow): Promise<boolean> {
  return insertUnlessTaken(tables(tx), 'credit_requests', row, ['idempotency_key'])
}

export async function creditRequestByKey(db: Db | Tx, key: string) {
  return rowsWhere(tables(db), 'credit_requests', 'idempotency_key', key).executeTakeFirst()
}

export async function creditRequestById(db: Db | Tx, id: string, lock = false) {
  return firstRow(rowsWhere(tables(db), 'credit_requests', 'id', id), lock)
}

export async function updateCreditRequest(
  tx: Tx,
  id: string,
  change: Partial<
    Pick<CreditRequestRow, 'status' | 'decided_by' | 'decided_at' | 'decision_note' | 'journal_id' | 'processor_ref'>
  >,
): Promise<void> {
  await tables(tx).updateTable('credit_requests').set(change).where('id', '=', id).execute()
}

/** Credits and refunds on the account: completed ones since an instant, and all still awaiting approval. */
export async function creditTotals(db: Db | Tx, accountId: string, since: Date) {
  const result = await sql<{ kind: string; status: string; total: string }>`select kind, status,
      sum(amount_minor)::text as total from credit_requests
    where account_id = ${accountId}
      and (status = 'pending_approval' or (status = 'completed' and (kind = 'refund' or requested_at >= ${since})))
    group by kind, status`.execute(db)
  const total = (kind: string, status: string) =>
    BigInt(result.rows.find((row) => row.kind === kind && row.status === status)?.total ?? '0')
  return {
    autoCreditedSince: total('goodwill_credit', 'completed'),
    refunded: total('refund', 'completed'),
    refundsAwaiting: total('refund', 'pending_approval'),
  }
}

/** Credit requests awaiting approval, oldest first, with each account's number (from accounts, in one call). */
export async function pendingCreditRequests(db: Db | Tx, limit: number) {
  const rows = await rowsWhere(tables(db), 'credit_requests', 'status', 'pending_approval')
    .orderBy('requested_at')
    .limit(limit)
    .execute()
  return accounts.withAccountNumbers({ tx: db, rows })
}

export async function creditRequestsOf(db: Db | Tx, accountId: string) {
  return rowsOfAccount(tables(db), 'credit_requests', accountId).orderBy('requested_at', 'desc').limit(100).execute()
}

export async function setPaymentMethod(tx: Tx, paymentId: string, paymentMethodId: string): Promise<void> {
  await tables(tx)
    .updateTable('payments')
    .set({ payment_method_id: paymentMethodId })
    .where('id', '=', paymentId)
    .execute()
}
