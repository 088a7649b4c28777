import type { AccountFeedQuery, Db, DueBatchQuery, Tx } from '../../db/index.js'
import { decodeInstantCursor, encodeInstantCursor, invalidCursor, pageOf } from '../../shared/cursor.js'
import { camelFields } from '../../shared/row-mapping.js'
import * as store from './store.js'
import {
  BillingAccountNotFound,
  type ClosingReading,
  type Explanation,
  type HistoricalBill,
  type HoldReason,
  type Statement,
  type StatementDetail,
  type StatementKind,
  type StatementLine,
  StatementNotFound,
  type StatementStatus,
} from './types.js'

export function toStatement(row: store.StatementRow): Statement {
  return {
    ...camelFields(row, [
      'id',
      'number',
      'account_id',
      'kind',
      'status',
      'period_from',
      'period_to',
      'version',
      'replaces_statement_id',
      'document_id',
      'currency',
      'payment_method',
      'net_minor',
      'vat_minor',
      'total_minor',
      'writeoff_minor',
      'posted_minor',
      'opening_balance_minor',
      'charges_minor',
      'payments_minor',
      'credits_minor',
      'adjustments_minor',
      'opening_cutoff_posting_id',
      'cutoff_posting_id',
      'closing_balance_minor',
      'due_on',
      'hold_reasons',
      'explanation',
      'opening_readings',
      'closing_readings',
      'created_at',
      'issued_at',
    ]),
    kind: row.kind as StatementKind,
    status: row.status as StatementStatus,
    holdReasons: row.hold_reasons as HoldReason[],
    explanation: row.explanation as Explanation,
    openingReadings: row.opening_readings as ClosingReading[],
    closingReadings: row.closing_readings as ClosingReading[],
  }
}

export function toLine(row: store.StatementLineRow): StatementLine {
  return {
    position: row.position,
    meterPointId: row.meter_point_id,
    identifier: row.identifier,
    agreementId: row.agreement_id,
    tariffCode: row.tariff_code,
    kind: row.kind as StatementLine['kind'],
    rateKind: row.rate_kind,
    from: row.period_from,
    to: row.period_to,
    quantity: row.quantity,
    unit: row.unit,
    ratePence: row.rate_pence,
    vatPercent: row.vat_percent,
    amountMinor: row.amount_minor,
    source: (row.source ?? {}) as Record<string, unknown>,
    description: row.description,
  }
}

/** The id of the billable account with this number. @throws BillingAccountNotFound */
export async function accountIdOf(db: Db | Tx, accountNumber: string): Promise<string> {
  const row = await store.billableAccount(db, { number: accountNumber })
  if (!row) throw new BillingAccountNotFound(`There is no account ${accountNumber}`)
  return row.id
}

/** The account's statements, every version, newest period first, with a cursor. @throws BillingAccountNotFound */
export async function listStatements({
  tx,
  accountNumber,
  limit,
  cursor,
}: {
  tx: Db | Tx
  accountNumber: string
  limit: number
  cursor?: string | undefined
}): Promise<{ items: Statement[]; nextCursor: string | null }> {
  const accountId = await accountIdOf(tx, accountNumber)
  const before = cursor ? decodeCursor(cursor) : undefined
  const rows = await store.statementsPage(tx, { accountId, limit: limit + 1, ...(before ? { before } : {}) })
  const { page, nextCursor } = pageOf(rows, limit, (last) =>
    encodeInstantCursor(last.period_from, String(last.version)),
  )
  return { items: page.map(toStatement), nextCursor }
}

/** @throws InvalidCursor */
function decodeCursor(cursor: string): { periodFrom: Date; version: number } | undefined {
  const decoded = decodeInstantCursor(cursor)
  if (!decoded || !/^\d{1,9}$/.test(decoded.id)) throw invalidCursor()
  return { periodFrom: decoded.at, version: Number(decoded.id) }
}

/**
 * One statement with its lines and final settlement; `accountNumber`, when given, must be its
 * account (another account's statement is "not found"). @throws StatementNotFound
 */
export async function getStatement({
  tx,
  number,
  accountNumber,
}: {
  tx: Db | Tx
  number: string
  accountNumber?: string | undefined
}): Promise<StatementDetail> {
  const row = await store.statementByNumber(tx, number)
  const accountId = accountNumber ? (await store.billableAccount(tx, { number: accountNumber }))?.id : row?.account_id
  if (!row || row.account_id !== accountId) throw new StatementNotFound(`There is no statement ${number}`)
  const [lines, settlement] = await Promise.all([store.linesOf(tx, row.id), store.settlementOf(tx, row.id)])
  return {
    ...toStatement(row),
    lines: lines.map(toLine),
    settlement: settlement
      ? { kind: settlement.kind as 'refund' | 'payment_request' | 'none', amountMinor: settlement.amount_minor }
      : null,
  }
}

/** Statements waiting for a billing specialist, oldest first (BIL-3). */
export async function heldStatements({ tx, limit }: { tx: Db | Tx; limit: number }) {
  const rows = await store.heldStatements(tx, limit)
  return rows.map((row) => ({ ...toStatement(row), accountNumber: row.account_number }))
}

/** Bills from the old billing system (BIL-8), newest first. @throws BillingAccountNotFound */
export async function historicalBills({
  tx,
  accountNumber,
}: {
  tx: Db | Tx
  accountNumber: string
}): Promise<HistoricalBill[]> {
  const accountId = await accountIdOf(tx, accountNumber)
  return (await store.historicalBillsOf(tx, accountId)).map((row) => ({
    id: row.id,
    source: row.source,
    reference: row.reference,
    issuedOn: row.issued_on,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    totalMinor: row.total_minor,
    readings: row.readings as HistoricalBill['readings'],
  }))
}

export { StatementNotFound }

/**
 * Of the next `limit` accounts by id after `afterId`, those due for a statement on the local date
 * `on` (their cycle day); `lastId` is where the next page starts, null once every account was seen.
 */
export async function accountsDue({
  tx,
  on,
  afterId,
  limit,
}: DueBatchQuery): Promise<{ accounts: { id: string; number: string }[]; lastId: string | null }> {
  const day = Number(on.slice(8, 10))
  const { rows, lastId } = await store.accountsDue(tx, { day, date: on, afterId, limit })
  return { accounts: rows.map((row) => ({ id: row.id, number: row.number })), lastId }
}

/** A day's billing run, if there is one. */
export async function billingRun({ tx, on }: { tx: Db | Tx; on: string }) {
  return store.runOn(tx, on)
}

/**
 * An account's statements (every version) strictly before `(at, id)`, newest first by when they
 * were made (`createdAt`, then id by bytes), at most `limit`; for a feed that merges several kinds
 * of record by time (the account timeline). Throws nothing.
 */
export async function statementsBefore({ tx, accountId, before, limit }: AccountFeedQuery): Promise<Statement[]> {
  const rows = await store.statementsBefore(tx, { accountId, before, limit })
  return rows.map(toStatement)
}

/**
 * Statements with a ledger cut-off (issued, invoiced or since superseded), a page at a time in id
 * order, for checking them against the ledger (BIL-10).
 */
export async function statementsWithCutoff({
  tx,
  afterId,
  limit,
}: {
  tx: Db | Tx
  afterId: string | null
  limit: number
}): Promise<Statement[]> {
  return (await store.statementsWithCutoff(tx, { afterId, limit })).map(toStatement)
}

/**
 * Statements issued at or after `since` (still issued, or replaced since), oldest first, a page at a
 * time after `after`: what the statement-notices job tells customers about. Throws nothing.
 */
export async function statementsIssuedSince({
  tx,
  since,
  after = null,
  limit,
}: {
  tx: Db | Tx
  since: Date
  after?: { issuedAt: Date; id: string } | null
  limit: number
}): Promise<Statement[]> {
  return (await store.issuedSince(tx, { since, after, limit })).map(toStatement)
}

/** How many issued statements predate cut-offs and cannot be checked against the ledger. */
export async function countStatementsWithoutCutoff({ tx }: { tx: Db | Tx }): Promise<number> {
  return store.countStatementsWithoutCutoff(tx)
}
