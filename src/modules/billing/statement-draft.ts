/**
 * The statement before it is written (BIL-2): its lines, totals, comparison with the previous
 * statement, ledger journal and audit event. Pure: no database, no clock.
 */
import type { Actor } from '../../shared/actor.js'
import { newId } from '../../shared/ids.js'
import { addDays, localDateOf } from '../../shared/time.js'
import type * as audit from '../audit/index.js'
import type * as ledger from '../ledger/index.js'
import { holdReasons } from './anomalies.js'
import { compare } from './explain.js'
import type { Priced } from './pricing.js'
import type { StatementBalance } from './statement-balance.js'
import type * as store from './store.js'
import type { BillingOrigin, BillingProfile, Explanation, HoldReason, StatementKind, StatementLine } from './types.js'

export const dayMs = 86_400_000

/** Days from issue to the date a statement is due. */
export const paymentTermDays = 14

/**
 * The day of the month an account is billed: the 1st for a business account (BIL-4, seed 002: "all
 * business accounts" are billed on the 1st, for the month before); else its profile's, else the day
 * it opened, capped at 28.
 */
export function cycleDayOf(row: Pick<store.BillableAccountRow, 'customer_kind' | 'cycle_day' | 'opened_on'>): number {
  if (row.customer_kind === 'business') return 1
  return row.cycle_day ?? Math.min(Number(row.opened_on.slice(8, 10)), 28)
}

export function profileOf(row: store.BillableAccountRow): BillingProfile {
  return {
    accountId: row.id,
    cycleDay: cycleDayOf(row),
    paymentMethod: (row.payment_method as BillingProfile['paymentMethod'] | null) ?? 'DIRECT_DEBIT',
    origin: (row.origin as BillingOrigin | null) ?? 'native',
    transferAt: row.transfer_at,
    readingPrevented: row.reading_prevented ?? false,
    business: row.customer_kind === 'business',
  }
}

/** The ledger journal of a statement: the customer charged, revenue, VAT, export and write-off books credited. */
function statementPostings(accountId: string, lines: readonly StatementLine[], vatMinor: bigint) {
  const sum = (kind: StatementLine['kind']) =>
    lines.filter((line) => line.kind === kind).reduce((total, line) => total + line.amountMinor, 0n)
  const energy = sum('energy')
  const standing = sum('standing_charge')
  const exported = sum('export_credit')
  const writeoff = sum('backbilling_writeoff')
  const customer = energy + standing + exported + writeoff + vatMinor
  const postings: ledger.NewPosting[] = [
    { book: 'customer', accountId, amountMinor: customer },
    { book: 'energy_revenue', accountId, amountMinor: -energy },
    { book: 'standing_revenue', accountId, amountMinor: -standing },
    { book: 'export_purchases', accountId, amountMinor: -exported },
    { book: 'writeoff_backbilling', accountId, amountMinor: -writeoff },
    { book: 'vat_output', accountId, amountMinor: -vatMinor },
  ]
  return postings.filter((posting) => posting.amountMinor !== 0n)
}

/** The journal that charges a statement to the ledger; null when it moves no money. */
export function statementJournal(
  row: store.StatementRow,
  lines: readonly StatementLine[],
  effectiveOn: string,
): ledger.NewJournal | null {
  const postings = statementPostings(row.account_id, lines, row.vat_minor)
  if (postings.length < 2) return null
  return {
    idempotencyKey: `statement:${row.id}`,
    reason: row.kind === 'final' || row.kind === 'corrected_final' ? 'statement.final' : 'statement.charge',
    reference: { type: 'statement', id: row.id },
    accountId: row.account_id,
    currency: row.currency,
    effectiveOn,
    description: `Statement ${row.number}`,
    postings: postings.map((posting) =>
      posting.book === 'customer' ? { ...posting, dueOn: addDays(effectiveOn, paymentTermDays) } : posting,
    ),
  }
}

/**
 * The statement a new one opens from (BIL-10): among the account's latest statements that count
 * (`current`, which may include `row` itself), the other one with the latest cut-off in the ledger.
 * Statements issued before cut-offs were recorded have none and are passed over.
 */
export function openingStatement(
  row: store.StatementRow,
  current: readonly store.StatementRow[],
): store.StatementRow | undefined {
  return current.reduce<store.StatementRow | undefined>((latest, statement) => {
    if (statement.id === row.id || statement.cutoff_posting_id === null) return latest
    return !latest || (latest.cutoff_posting_id ?? 0n) < statement.cutoff_posting_id ? statement : latest
  }, undefined)
}

/** Where the ledger movements of a statement start: the cut-off and closing balance of the one it opens from. */
export function openingBalanceOf(previous: store.StatementRow | undefined): {
  openingMinor: bigint
  afterPostingId: bigint
} {
  return {
    openingMinor: previous?.closing_balance_minor ?? 0n,
    afterPostingId: previous?.cutoff_posting_id ?? 0n,
  }
}

/** An issued statement's status and balance summary, from the ledger's movements since the previous cut-off. */
export function issuedChanges(
  row: store.StatementRow,
  balance: StatementBalance,
  finalStatus: 'issued' | 'invoiced',
  actor: Actor,
  at: Date,
) {
  return {
    status: finalStatus,
    issued_at: at,
    decided_by: row.status === 'held' ? `${actor.kind}:${actor.id ?? ''}` : null,
    opening_cutoff_posting_id: balance.openingCutoffPostingId,
    cutoff_posting_id: balance.cutoffPostingId,
    opening_balance_minor: balance.openingMinor,
    charges_minor: balance.chargesMinor,
    payments_minor: balance.paymentsMinor,
    credits_minor: balance.creditsMinor,
    adjustments_minor: balance.adjustmentsMinor,
    closing_balance_minor: balance.closingMinor,
    due_on: addDays(localDateOf(at), paymentTermDays),
  }
}

/** A priced statement ready to write: the row (held until issued), its lines and why it is held. */
export interface Draft {
  readonly statement: store.StatementRow
  readonly lines: store.StatementLineRow[]
  readonly reasons: HoldReason[]
  readonly business: boolean
}

/** What a statement is drafted from: the account, its pricing, the period, and the statements before it. */
export interface StatementToDraft {
  row: store.BillableAccountRow
  priced: Priced
  kind: StatementKind
  from: Date
  to: Date
  version: number
  replaced?: store.StatementRow | undefined
  runId: string | null
  previous: readonly store.StatementRow[]
}

/**
 * Put a priced statement together, writing nothing: hold reasons, the comparison with the previous
 * statement, the row (status held) and its lines. Pure: the number and currency are given.
 */
export function draftStatement({
  row,
  priced,
  kind,
  from,
  to,
  version,
  replaced,
  runId,
  previous,
  number,
  currency,
  at,
}: StatementToDraft & {
  number: string
  currency: string
  at: Date
}): Draft {
  const days = priced.explanation.days
  const reasons = holdReasons({
    problems: priced.rating.problems,
    negativeRegisters: priced.gathered.negativeRegisters,
    unreadRegisters: priced.gathered.unreadRegisters,
    totalMinor: priced.rating.totalMinor,
    days,
    previous: previous.map((statement) => ({
      totalMinor: statement.total_minor,
      days: Math.round((statement.period_to.getTime() - statement.period_from.getTime()) / dayMs),
      estimated: (statement.explanation as Explanation).estimated === true,
    })),
    estimated: priced.gathered.estimated,
  })
  const before = previous[0]
  const explanation: Explanation = before
    ? {
        ...priced.explanation,
        comparison: compare({
          current: priced.explanation.usage,
          currentNetMinor: priced.rating.netMinor,
          previous: (before.explanation as Explanation).usage ?? [],
          previousNetMinor: before.net_minor,
          previousNumber: before.number,
          previousDays: Math.round((before.period_to.getTime() - before.period_from.getTime()) / dayMs),
        }),
      }
    : priced.explanation
  // What the replaced version put on the ledger (nothing if it was never issued or invoiced).
  const replacedPosted =
    replaced && (replaced.status === 'issued' || replaced.status === 'invoiced')
      ? replaced.total_minor - replaced.writeoff_minor
      : 0n
  const statement: store.StatementRow = {
    id: newId('stm'),
    number,
    account_id: row.id,
    kind,
    status: 'held',
    period_from: from,
    period_to: to,
    version,
    replaces_statement_id: replaced?.id ?? null,
    document_id: null,
    run_id: runId,
    currency,
    payment_method: priced.gathered.input.paymentMethod,
    net_minor: priced.rating.netMinor,
    vat_minor: priced.rating.vatMinor,
    total_minor: priced.rating.totalMinor,
    writeoff_minor: priced.writeoffMinor,
    posted_minor: priced.rating.totalMinor - priced.writeoffMinor - replacedPosted,
    opening_balance_minor: null,
    payments_minor: null,
    credits_minor: null,
    closing_balance_minor: null,
    opening_cutoff_posting_id: null,
    cutoff_posting_id: null,
    charges_minor: null,
    adjustments_minor: null,
    due_on: null,
    hold_reasons: reasons,
    explanation,
    opening_readings: priced.gathered.openingReadings,
    closing_readings: priced.gathered.closingReadings,
    created_at: at,
    issued_at: null,
    decided_by: null,
  }
  const lines = priced.lines.map((line) => ({
    statement_id: statement.id,
    position: line.position,
    meter_point_id: line.meterPointId,
    identifier: line.identifier,
    agreement_id: line.agreementId,
    tariff_code: line.tariffCode,
    kind: line.kind,
    rate_kind: line.rateKind,
    period_from: line.from,
    period_to: line.to,
    quantity: line.quantity,
    unit: line.unit,
    rate_pence: line.ratePence,
    vat_percent: line.vatPercent,
    amount_minor: line.amountMinor,
    source: line.source,
    description: line.description,
  }))
  return { statement, lines, reasons, business: profileOf(row).business }
}

/** The audit event of a statement made: held, uninvoiced (business) or issued. */
export function statementEvent(
  draft: Draft,
  replaced: store.StatementRow | undefined,
  actor: Actor,
  at: Date,
): audit.AuditEventInput {
  const { statement, reasons, business } = draft
  return {
    actor,
    action:
      reasons.length > 0
        ? 'billing.statement.held'
        : business
          ? 'billing.statement.uninvoiced'
          : 'billing.statement.issued',
    subject: { type: 'statement', id: statement.id },
    accountId: statement.account_id,
    after: {
      number: statement.number,
      kind: statement.kind,
      version: statement.version,
      periodFrom: statement.period_from.toISOString(),
      periodTo: statement.period_to.toISOString(),
      totalMinor: String(statement.total_minor),
      writeoffMinor: String(statement.writeoff_minor),
      postedMinor: String(statement.posted_minor),
      holdReasons: reasons.map((reason) => reason.code),
      ...(replaced ? { replaces: replaced.number } : {}),
    },
    at,
  }
}
