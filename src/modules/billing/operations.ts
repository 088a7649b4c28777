/**
 * Statements (BIL-2), holds and their review (BIL-3), rebilling (BIL-5), backbilling (BIL-6), final
 * bills (BIL-7) and migrated and shell accounts (BIL-8). Every write is audited in its transaction
 * and every money movement is a balanced ledger journal with a key derived from the statement, so a
 * retried or resumed bill never charges twice.
 */
import type { Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { newId } from '../../shared/ids.js'
import { addDays, isLocalDate, localDateOf, startOfLocalDay } from '../../shared/time.js'
import * as audit from '../audit/index.js'
import * as ledger from '../ledger/index.js'
import * as market from '../market/index.js'
import * as tariffs from '../tariffs/index.js'
import { holdReasons } from './anomalies.js'
import { backbillingCutoff, backbillingWriteoff } from './backbilling.js'
import { compare, usageSummaries } from './explain.js'
import { type Gathered, type GatherReads, gather, type TariffCache } from './gather.js'
import { toLine } from './queries.js'
import { type RatingInput, type RatingResult, rate } from './rating.js'
import * as store from './store.js'
import {
  BillingAccountNotFound,
  type BillingOrigin,
  type BillingProfile,
  type ClosingReading,
  type Explanation,
  type HoldReason,
  InvalidBillingRequest,
  NotBillable,
  NothingToBill,
  type StatementKind,
  type StatementLine,
  StatementNotFound,
  StatementNotHeld,
  StatementNotRebillable,
} from './types.js'

const dayMs = 86_400_000
/** Days from issue to the date a statement is due. */
export const paymentTermDays = 14

export { issue as issueStatementRow }

export function profileOf(row: store.BillableAccountRow): BillingProfile {
  return {
    accountId: row.id,
    cycleDay: row.cycle_day ?? Math.min(Number(row.opened_on.slice(8, 10)), 28),
    paymentMethod: (row.payment_method as BillingProfile['paymentMethod'] | null) ?? 'DIRECT_DEBIT',
    origin: (row.origin as BillingOrigin | null) ?? 'native',
    transferAt: row.transfer_at,
    readingPrevented: row.reading_prevented ?? false,
    business: row.customer_kind === 'business',
  }
}

async function accountRow(tx: Tx, accountId: string) {
  const row = await store.billableAccount(tx, { id: accountId })
  if (!row) throw new BillingAccountNotFound(`There is no account ${accountId}`)
  return row
}

/** Where an account's first bill starts: the transfer reading (migrated), else its first agreement or opening. */
async function firstBillStart(tx: Tx, row: store.BillableAccountRow, profile: BillingProfile): Promise<Date> {
  if (profile.origin === 'migrated' && profile.transferAt) return profile.transferAt
  return firstBillStartOf(row, await tariffs.agreementsOfAccount({ tx, accountId: row.id }))
}

/** The same from the account's agreements, already read (not for a migrated account). */
export function firstBillStartOf(row: store.BillableAccountRow, agreements: readonly tariffs.Agreement[]): Date {
  const opened = startOfLocalDay(row.opened_on)
  const first = agreements.reduce<Date | null>(
    (min, agreement) => (!min || agreement.validFrom < min ? agreement.validFrom : min),
    null,
  )
  return first && first > opened ? first : opened
}

function toLines(rating: RatingResult): StatementLine[] {
  return rating.lines.map((line, index) => ({
    position: index + 1,
    meterPointId: line.meterPointId,
    identifier: line.identifier,
    agreementId: line.agreementId,
    tariffCode: line.tariffCode,
    kind: line.kind,
    rateKind: line.rateKind,
    from: line.from,
    to: line.to,
    quantity: line.quantity,
    unit: line.unit,
    ratePence: line.ratePence,
    vatPercent: line.vatPercent,
    amountMinor: line.amountMinor,
    source: { ...line.source, ...(line.dispatchHalfHours ? { dispatchHalfHours: line.dispatchHalfHours } : {}) },
    description: line.description,
  }))
}

/** The same input over [from, cutoff): half hours before the cutoff, register units apportioned by time. */
function beforeCutoff(input: RatingInput, cutoff: Date): RatingInput {
  return {
    ...input,
    period: { from: input.period.from, to: cutoff },
    meterPoints: input.meterPoints.map((point) => ({
      ...point,
      consumption:
        point.consumption.kind === 'intervals'
          ? point.consumption // rating counts only the half hours that start inside the period, which now ends at the cutoff
          : {
              kind: 'registers',
              registers: point.consumption.registers.flatMap((register) => {
                const start = register.from.readAt.getTime()
                const end = register.to.readAt.getTime()
                if (start >= cutoff.getTime() || end <= start) return []
                const part = Math.min(end, cutoff.getTime()) - start
                const thousandths = BigInt(register.units.replace('.', '').replace(/^0+(?=\d)/, ''))
                const share = (thousandths * BigInt(part)) / BigInt(end - start)
                return [
                  {
                    ...register,
                    to: {
                      readingId: null,
                      readAt: new Date(Math.min(end, cutoff.getTime())),
                      value: '',
                      estimated: true,
                    },
                    units: `${share / 1000n}.${String(share % 1000n).padStart(3, '0')}`,
                  },
                ]
              }),
            },
    })),
  }
}

export interface Priced {
  readonly gathered: Gathered
  readonly rating: RatingResult
  readonly lines: StatementLine[]
  readonly writeoffMinor: bigint
  readonly explanation: Explanation
}

/** Rate a period and apply the backbilling rule; nothing written except estimates. */
export async function price({
  tx,
  row,
  profile,
  from,
  to,
  openingReadings,
  freshWithinMs,
  openingWindowMs,
  estimateClosing,
  cache,
  reads,
  supplier: knownSupplier,
  balanceBefore,
  replaced,
  actor,
  at,
}: {
  tx: Tx
  row: store.BillableAccountRow
  profile: BillingProfile
  from: Date
  to: Date
  openingReadings: readonly ClosingReading[]
  freshWithinMs?: number
  openingWindowMs?: number
  estimateClosing?: boolean
  cache?: TariffCache | undefined
  /** A batch's reads (the database itself when absent). */
  reads?: GatherReads | undefined
  /** The supplier, when already read. */
  supplier?: market.Supplier | undefined
  /** The account's balance before this bill, when already read (a batch). */
  balanceBefore?: bigint | undefined
  replaced?: store.StatementRow
  actor: Actor
  at: Date
}): Promise<Priced> {
  const gathered = await gather({
    tx,
    accountId: row.id,
    paymentMethod: profile.paymentMethod,
    from,
    to,
    openingReadings,
    ...(freshWithinMs ? { freshWithinMs } : {}),
    ...(openingWindowMs !== undefined ? { openingWindowMs } : {}),
    ...(estimateClosing !== undefined ? { estimateClosing } : {}),
    ...(reads ? { reads } : {}),
    cache,
    actor,
    at,
  })
  const rating = rate(gathered.input)
  const lines = toLines(rating)
  const supplier = knownSupplier ?? (await market.getSupplier(tx))
  const limit = supplier.profile.backbillingLimitMonths
  let writeoffMinor = 0n
  let backbilling: Explanation['backbilling']
  if (limit !== null) {
    const cutoffDate = backbillingCutoff(localDateOf(at), limit)
    const cutoff = startOfLocalDay(cutoffDate)
    const replacedOld = replaced
      ? BigInt((replaced.explanation as Explanation).backbilling?.oldChargesMinor ?? '0')
      : 0n
    if (from < cutoff) {
      const old = rate(beforeCutoff(gathered.input, cutoff)).totalMinor
      const balanceBeforeMinor = balanceBefore ?? (await ledger.balanceOf({ tx, accountId: row.id }))
      const replacedPosted = replaced ? replaced.total_minor - replaced.writeoff_minor : 0n
      const decision = backbillingWriteoff({
        oldChargesMinor: old,
        previouslyBilledOldMinor: replacedOld,
        otherChargesMinor: rating.totalMinor - old - (replacedPosted - replacedOld),
        balanceBeforeMinor,
        readingPrevented: profile.readingPrevented,
      })
      writeoffMinor = decision.writeoffMinor
      backbilling = {
        cutoff: cutoffDate,
        oldChargesMinor: String(old),
        writeoffMinor: String(writeoffMinor),
        reason: decision.reason,
      }
      if (writeoffMinor > 0n) {
        lines.push({
          position: lines.length + 1,
          meterPointId: null,
          identifier: null,
          agreementId: null,
          tariffCode: null,
          kind: 'backbilling_writeoff',
          rateKind: null,
          from,
          to: cutoff,
          quantity: '1.000',
          unit: supplier.profile.currency,
          ratePence: null,
          vatPercent: '0',
          amountMinor: -writeoffMinor,
          source: { rule: 'BIL-6', cutoff: cutoffDate },
          description: `Backbilling: energy used before ${cutoffDate} written off — ${decision.reason}`,
        })
      }
    }
  }
  const days = Math.round((to.getTime() - from.getTime()) / dayMs)
  const explanation: Explanation = {
    days,
    estimated: gathered.estimated,
    usage: usageSummaries(lines),
    ...(backbilling ? { backbilling } : {}),
  }
  return { gathered, rating, lines, writeoffMinor, explanation }
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
 * The statement a new one's opening balance comes from: the latest other issued or invoiced one with
 * a closing balance, among the account's ten latest statements that count (`current`, newest first,
 * which may include `row` itself).
 */
export function openingStatement(
  row: store.StatementRow,
  current: readonly store.StatementRow[],
): store.StatementRow | undefined {
  return current.find(
    (statement) =>
      statement.id !== row.id &&
      (statement.status === 'issued' || statement.status === 'invoiced') &&
      statement.closing_balance_minor !== null,
  )
}

/** Payments count from the previous statement's issue (or, for the first, from the beginning). */
export function paymentsSinceOf(previous: store.StatementRow | undefined): Date {
  return previous ? (previous.issued_at ?? previous.created_at) : new Date(0)
}

/** An issued statement's status and balances, from the balances before and after its journal. */
export function issuedChanges(
  row: store.StatementRow,
  {
    balanceBefore,
    closing,
    previous,
    payments,
  }: { balanceBefore: bigint; closing: bigint; previous: store.StatementRow | undefined; payments: bigint },
  finalStatus: 'issued' | 'invoiced',
  actor: Actor,
  at: Date,
) {
  const opening = previous?.closing_balance_minor ?? 0n
  // closing = opening + charged − payments − credits, so credits (and other movements) are the rest.
  const charged = closing - balanceBefore
  const credits = opening + charged - payments - closing
  return {
    status: finalStatus,
    issued_at: at,
    decided_by: row.status === 'held' ? `${actor.kind}:${actor.id ?? ''}` : null,
    opening_balance_minor: opening,
    payments_minor: payments,
    credits_minor: credits,
    closing_balance_minor: closing,
    due_on: addDays(localDateOf(at), paymentTermDays),
  }
}

/** Post the statement to the ledger and fill in its balances; the statement becomes issued. */
async function issue(
  tx: Tx,
  row: store.StatementRow,
  actor: Actor,
  at: Date,
  finalStatus: 'issued' | 'invoiced' = 'issued',
): Promise<store.StatementRow> {
  const lines = await store.linesOf(tx, row.id)
  const statementLines = lines.map(toLine)
  const balanceBefore = await ledger.balanceOf({ tx, accountId: row.account_id })
  const effectiveOn = localDateOf(at)
  if (row.replaces_statement_id) {
    const replacedJournal = await ledger.findByIdempotencyKey({
      tx,
      idempotencyKey: `statement:${row.replaces_statement_id}`,
    })
    if (replacedJournal) {
      await ledger.reverseJournal({
        tx,
        journalId: replacedJournal.id,
        idempotencyKey: `statement:${row.replaces_statement_id}:replaced-by:${row.id}`,
        reason: 'statement.rebilled',
        effectiveOn,
        actor,
        at,
      })
    }
  }
  const journal = statementJournal(row, statementLines, effectiveOn)
  if (journal) await ledger.postJournal({ tx, journal, actor, at })
  const closing = await ledger.balanceOf({ tx, accountId: row.account_id })
  const previous = openingStatement(row, await store.currentStatements(tx, row.account_id, 10))
  const payments = await ledger.paymentsSince({ tx, accountId: row.account_id, since: paymentsSinceOf(previous) })
  const changes = issuedChanges(row, { balanceBefore, closing, previous, payments }, finalStatus, actor, at)
  await store.setStatementStatus(tx, row.id, changes)
  const replaced = row.replaces_statement_id ? await store.statementById(tx, row.replaces_statement_id) : undefined
  if (replaced && replaced.status !== 'superseded') {
    await store.setStatementStatus(tx, replaced.id, { status: 'superseded' })
  }
  return { ...row, ...changes }
}

/** A priced statement ready to write: the row (held until issued), its lines and why it is held. */
export interface Draft {
  readonly statement: store.StatementRow
  readonly lines: store.StatementLineRow[]
  readonly reasons: HoldReason[]
  readonly business: boolean
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
}: {
  row: store.BillableAccountRow
  priced: Priced
  kind: StatementKind
  from: Date
  to: Date
  version: number
  replaced?: store.StatementRow | undefined
  runId: string | null
  previous: readonly store.StatementRow[]
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

/** Record a priced statement: held with its reasons, or issued to the ledger. */
async function record({
  tx,
  row,
  priced,
  kind,
  from,
  to,
  version,
  replaced,
  runId,
  previous,
  actor,
  at,
}: {
  tx: Tx
  row: store.BillableAccountRow
  priced: Priced
  kind: StatementKind
  from: Date
  to: Date
  version: number
  replaced?: store.StatementRow
  runId: string | null
  previous: readonly store.StatementRow[]
  actor: Actor
  at: Date
}): Promise<store.StatementRow> {
  const supplier = await market.getSupplier(tx)
  const draft = draftStatement({
    row,
    priced,
    kind,
    from,
    to,
    version,
    replaced,
    runId,
    previous,
    number: await store.nextStatementNumber(tx),
    currency: supplier.profile.currency,
    at,
  })
  const { statement, reasons, business } = draft
  await store.insertStatement(tx, statement, draft.lines)
  let stored = statement
  if (reasons.length > 0) {
    // held: waits for a billing specialist
  } else if (business) {
    // BIL-4: a business charge or credit waits, uninvoiced, for its invoice or credit note.
    await store.setStatementStatus(tx, statement.id, { status: 'uninvoiced' })
    stored = { ...statement, status: 'uninvoiced' }
  } else {
    stored = await issue(tx, statement, actor, at)
  }
  if (business && replaced) await store.setStatementStatus(tx, replaced.id, { status: 'superseded' })
  await audit.record(tx, statementEvent(draft, replaced, actor, at))
  if (stored.status === 'issued' && (kind === 'final' || kind === 'corrected_final')) {
    await settleFinal(tx, stored, actor, at)
  }
  return stored
}

/** BIL-7: after a final (or corrected final) bill, refund a credit balance or ask for a debit one. */
async function settleFinal(tx: Tx, statement: store.StatementRow, actor: Actor, at: Date) {
  const balance = await ledger.balanceOf({ tx, accountId: statement.account_id })
  const kind = balance < 0n ? 'refund' : balance > 0n ? 'payment_request' : 'none'
  const amount = balance < 0n ? -balance : balance
  if (kind === 'refund') {
    await ledger.postJournal({
      tx,
      journal: {
        idempotencyKey: `final-settlement:${statement.id}`,
        reason: 'final.refund',
        reference: { type: 'statement', id: statement.id },
        accountId: statement.account_id,
        currency: statement.currency,
        effectiveOn: localDateOf(at),
        description: `Final balance refund after ${statement.number}`,
        postings: [
          { book: 'customer', accountId: statement.account_id, amountMinor: amount },
          { book: 'refunds', accountId: statement.account_id, amountMinor: -amount },
        ],
      },
      actor,
      at,
    })
  }
  await store.insertSettlement(tx, {
    id: newId('fst'),
    account_id: statement.account_id,
    statement_id: statement.id,
    kind,
    amount_minor: amount,
    created_at: at,
  })
  await audit.record(tx, {
    actor,
    action: 'billing.final_settlement.created',
    subject: { type: 'statement', id: statement.id },
    accountId: statement.account_id,
    after: { kind, amountMinor: String(amount) },
    at,
  })
}

/**
 * Bill an account up to the local date `on` (exclusive: the period ends at its local midnight), from
 * where its last statement ended (BIL-2). Idempotent: billing the same period again returns the
 * statement already made. A statement with anomalies is held for review instead of issued (BIL-3).
 * @throws BillingAccountNotFound, NotBillable (shell, business, a held statement waiting), NothingToBill
 */
export async function billAccount({
  tx,
  accountId,
  on,
  kind = 'periodic',
  runId = null,
  cache,
  actor,
  at,
}: {
  tx: Tx
  accountId: string
  on: string
  kind?: 'periodic' | 'final'
  runId?: string | null
  /** Tariff data shared by a billing run's accounts. */
  cache?: TariffCache | undefined
  actor: Actor
  at: Date
}): Promise<{ statement: store.StatementRow; created: boolean }> {
  if (!isLocalDate(on)) {
    throw new InvalidBillingRequest('Bill up to a local date', [{ path: 'on', message: 'a date YYYY-MM-DD' }])
  }
  // Before reading its statements: whoever bills it at the same time waits, then finds this bill made.
  await store.lockAccountsForBilling(tx, [accountId])
  const row = await accountRow(tx, accountId)
  const profile = profileOf(row)
  if (profile.origin === 'shell') {
    throw new NotBillable(`Account ${row.number} is a shell account: it carries a debt only and is never billed`)
  }
  const previous = await store.currentStatements(tx, row.id, 4)
  const to = startOfLocalDay(on)
  // The same bill asked for again (a retried request, a resumed run): the statement already made.
  const made = previous.find((statement) => statement.period_to.getTime() === to.getTime())
  if (made) return { statement: made, created: false }
  const from = previous[0] ? previous[0].period_to : await firstBillStart(tx, row, profile)
  const versions = await store.statementsFor(tx, { accountId: row.id, periodFrom: from })
  if (previous[0]?.status === 'held') {
    throw new NotBillable(
      `Statement ${previous[0].number} of ${row.number} is held for review: release or reject it first`,
    )
  }
  if (from >= to) throw new NothingToBill(`Account ${row.number} is billed up to ${from.toISOString()} already`)
  const priced = await price({
    tx,
    row,
    profile,
    from,
    to,
    openingReadings: (previous[0]?.closing_readings as ClosingReading[] | undefined) ?? [],
    ...(kind === 'final' ? { freshWithinMs: dayMs } : profile.business ? { freshWithinMs: 5 * dayMs } : {}),
    // BIL-4: a business account is billed to an actual reading from the last 5 days, never an estimate.
    ...(profile.business && kind !== 'final' ? { estimateClosing: false } : {}),
    // BIL-8: a migrated account's first bill starts from the transfer reading itself, never an earlier one.
    ...(!previous[0] && profile.origin === 'migrated' ? { openingWindowMs: 0 } : {}),
    cache,
    actor,
    at,
  })
  if (profile.business && kind !== 'final' && priced.gathered.unreadRegisters.length > 0) {
    throw new NotBillable(
      `Account ${row.number} has no reading from the 5 days before ${on} on ${priced.gathered.unreadRegisters.join(', ')}: a business bill needs one`,
    )
  }
  const version = (versions[0]?.version ?? 0) + 1
  const statement = await record({ tx, row, priced, kind, from, to, version, runId, previous, actor, at })
  return { statement, created: true }
}

/**
 * BIL-5: un-bill and re-bill the account's latest statement after corrected readings, from the same
 * opening readings; the new version replaces it (both stay visible) and the ledger moves by the
 * difference. A final statement's rebill is a corrected final bill with a new settlement.
 * @throws StatementNotFound, StatementNotRebillable
 */
export async function rebill({
  tx,
  statementId,
  actor,
  at,
}: {
  tx: Tx
  statementId: string
  actor: Actor
  at: Date
}): Promise<store.StatementRow> {
  const old = await store.statementById(tx, statementId, true)
  if (!old) throw new StatementNotFound(`There is no statement ${statementId}`)
  const rebillable =
    old.status === 'issued' || old.status === 'invoiced' || (old.status === 'uninvoiced' && !old.document_id)
  if (!rebillable) {
    throw new StatementNotRebillable(
      `Statement ${old.number} is ${old.status}${old.document_id ? ' on a document not yet issued' : ''}: only an issued, invoiced or uninvoiced statement can be rebilled`,
    )
  }
  const current = await store.currentStatements(tx, old.account_id, 1)
  if (current[0]?.id !== old.id) {
    throw new StatementNotRebillable(`Statement ${old.number} is not the account's latest: rebill from the latest back`)
  }
  const row = await accountRow(tx, old.account_id)
  const priced = await price({
    tx,
    row,
    profile: profileOf(row),
    from: old.period_from,
    to: old.period_to,
    openingReadings: old.opening_readings as ClosingReading[],
    ...(old.kind === 'final' || old.kind === 'corrected_final' ? { freshWithinMs: dayMs } : {}),
    replaced: old,
    actor,
    at,
  })
  const previous = (await store.currentStatements(tx, old.account_id, 5)).filter((statement) => statement.id !== old.id)
  const kind: StatementKind = old.kind === 'final' || old.kind === 'corrected_final' ? 'corrected_final' : 'rebill'
  return record({
    tx,
    row,
    priced,
    kind,
    from: old.period_from,
    to: old.period_to,
    version: old.version + 1,
    replaced: old,
    runId: null,
    previous,
    actor,
    at,
  })
}

/** A billing specialist issues a held statement (BIL-3). @throws StatementNotFound, StatementNotHeld */
export async function releaseStatement({
  tx,
  statementId,
  actor,
  at,
}: {
  tx: Tx
  statementId: string
  actor: Actor
  at: Date
}): Promise<store.StatementRow> {
  const row = await store.statementById(tx, statementId, true)
  if (!row) throw new StatementNotFound(`There is no statement ${statementId}`)
  if (row.status !== 'held') throw new StatementNotHeld(`Statement ${row.number} is ${row.status}, not held`)
  const account = await accountRow(tx, row.account_id)
  const issued = profileOf(account).business
    ? await releaseToUninvoiced(tx, row, actor)
    : await issue(tx, row, actor, at)
  await audit.record(tx, {
    actor,
    action: 'billing.statement.released',
    subject: { type: 'statement', id: row.id },
    accountId: row.account_id,
    before: { status: 'held', holdReasons: (row.hold_reasons as { code: string }[]).map((reason) => reason.code) },
    after: { status: issued.status, closingBalanceMinor: String(issued.closing_balance_minor) },
    at,
  })
  if (issued.status === 'issued' && (row.kind === 'final' || row.kind === 'corrected_final')) {
    await settleFinal(tx, issued, actor, at)
  }
  return issued
}

async function releaseToUninvoiced(tx: Tx, row: store.StatementRow, actor: Actor): Promise<store.StatementRow> {
  const decidedBy = `${actor.kind}:${actor.id ?? ''}`
  await store.setStatementStatus(tx, row.id, { status: 'uninvoiced', decided_by: decidedBy })
  return { ...row, status: 'uninvoiced', decided_by: decidedBy }
}

/** A billing specialist rejects a held statement: nothing is charged and the period can be billed again. */
export async function rejectStatement({
  tx,
  statementId,
  reason,
  actor,
  at,
}: {
  tx: Tx
  statementId: string
  reason: string
  actor: Actor
  at: Date
}): Promise<store.StatementRow> {
  const trimmed = reason.trim()
  if (trimmed.length < 3 || trimmed.length > 500) {
    throw new InvalidBillingRequest('Say why the statement is rejected', [
      { path: 'reason', message: '3 to 500 characters' },
    ])
  }
  const row = await store.statementById(tx, statementId, true)
  if (!row) throw new StatementNotFound(`There is no statement ${statementId}`)
  if (row.status !== 'held') throw new StatementNotHeld(`Statement ${row.number} is ${row.status}, not held`)
  const decidedBy = `${actor.kind}:${actor.id ?? ''}`
  await store.setStatementStatus(tx, row.id, { status: 'rejected', decided_by: decidedBy })
  await audit.record(tx, {
    actor,
    action: 'billing.statement.rejected',
    subject: { type: 'statement', id: row.id },
    accountId: row.account_id,
    before: { status: 'held' },
    after: { status: 'rejected', reason: trimmed },
    at,
  })
  return { ...row, status: 'rejected', decided_by: decidedBy }
}

/**
 * How an account is billed (cycle day, payment method, migrated with its transfer reading, shell,
 * reading prevented). @throws BillingAccountNotFound, InvalidBillingRequest
 */
export async function setBillingProfile({
  tx,
  accountId,
  changes,
  actor,
  at,
}: {
  tx: Tx
  accountId: string
  changes: Partial<Omit<BillingProfile, 'accountId' | 'business'>>
  actor: Actor
  at: Date
}): Promise<BillingProfile> {
  const row = await accountRow(tx, accountId)
  const before = profileOf(row)
  const next = { ...before, ...changes }
  const problems: { path: string; message: string }[] = []
  if (!Number.isInteger(next.cycleDay) || next.cycleDay < 1 || next.cycleDay > 28)
    problems.push({ path: 'cycleDay', message: 'a day of the month from 1 to 28' })
  if (next.origin === 'migrated' && !next.transferAt)
    problems.push({ path: 'transferAt', message: 'a migrated account bills from its transfer reading: give its time' })
  if (problems.length > 0) throw new InvalidBillingRequest('The billing profile is not valid', problems)
  await store.upsertProfile(tx, {
    account_id: row.id,
    cycle_day: next.cycleDay,
    payment_method: next.paymentMethod,
    origin: next.origin,
    transfer_at: next.transferAt,
    reading_prevented: next.readingPrevented,
    updated_at: at,
  })
  await audit.record(tx, {
    actor,
    action: 'billing.profile.updated',
    subject: { type: 'account', id: row.id },
    accountId: row.id,
    before: { ...before, transferAt: before.transferAt?.toISOString() ?? null },
    after: { ...next, transferAt: next.transferAt?.toISOString() ?? null },
    at,
  })
  return next
}

/** BIL-8: keep a bill from the old billing system, viewable on the account. Idempotent by source and reference. */
export async function addHistoricalBill({
  tx,
  accountId,
  bill,
  actor,
  at,
}: {
  tx: Tx
  accountId: string
  bill: {
    source: string
    reference: string
    issuedOn: string
    periodFrom: string
    periodTo: string
    totalMinor: bigint
    readings: { register: string; value: string; readOn: string }[]
  }
  actor: Actor
  at: Date
}): Promise<boolean> {
  const row = await accountRow(tx, accountId)
  const problems: { path: string; message: string }[] = []
  for (const field of ['issuedOn', 'periodFrom', 'periodTo'] as const) {
    if (!isLocalDate(bill[field])) problems.push({ path: field, message: 'a date YYYY-MM-DD' })
  }
  if (bill.periodTo < bill.periodFrom) problems.push({ path: 'periodTo', message: 'on or after periodFrom' })
  if (problems.length > 0) throw new InvalidBillingRequest('The historical bill is not valid', problems)
  const inserted = await store.insertHistoricalBill(tx, {
    id: newId('hbl'),
    account_id: row.id,
    source: bill.source,
    reference: bill.reference,
    issued_on: bill.issuedOn,
    period_from: bill.periodFrom,
    period_to: bill.periodTo,
    total_minor: bill.totalMinor,
    readings: bill.readings,
    created_at: at,
  })
  if (inserted) {
    await audit.record(tx, {
      actor,
      action: 'billing.historical_bill.added',
      subject: { type: 'account', id: row.id },
      accountId: row.id,
      after: { source: bill.source, reference: bill.reference, totalMinor: String(bill.totalMinor) },
      at,
    })
  }
  return inserted
}

/** Start (or find, when resuming) the billing run of a local date. */
export async function startRun({ tx, on, at }: { tx: Tx; on: string; at: Date }) {
  if (!isLocalDate(on)) {
    throw new InvalidBillingRequest('A billing run is for a local date', [{ path: 'on', message: 'a date YYYY-MM-DD' }])
  }
  return store.startRun(tx, {
    id: newId('brn'),
    run_on: on,
    status: 'running',
    accounts_due: 0,
    issued: 0,
    held: 0,
    skipped: 0,
    failed: 0,
    started_at: at,
    finished_at: null,
  })
}

/** Finish a run with its counts: statements it made (also before a resume) and what this pass skipped or failed. */
export async function finishRun({
  tx,
  runId,
  accountsDue,
  skipped,
  failed,
  actor,
  at,
}: {
  tx: Tx
  runId: string
  accountsDue: number
  skipped: number
  failed: number
  actor: Actor
  at: Date
}) {
  const counts = await store.runCounts(tx, runId)
  const issued = ['issued', 'superseded', 'uninvoiced', 'invoiced'].reduce(
    (sum, status) => sum + (counts.get(status) ?? 0),
    0,
  )
  const held = (counts.get('held') ?? 0) + (counts.get('rejected') ?? 0)
  await store.finishRun(tx, runId, { accounts_due: accountsDue, issued, held, skipped, failed, finished_at: at })
  await audit.record(tx, {
    actor,
    action: 'billing.run.finished',
    subject: { type: 'billing_run', id: runId },
    after: { accountsDue, issued, held, skipped, failed },
    at,
  })
  return { accountsDue, issued, held, skipped, failed }
}

/**
 * What rating needs for an account's period, read but not billed (the billing benchmark's lower
 * bound, and a preview). Writes only estimates for missing data, as billing would.
 */
export async function gatherForRating({
  tx,
  accountId,
  from,
  to,
  actor,
  at,
  cache,
}: {
  tx: Tx
  accountId: string
  from: Date
  to: Date
  actor: Actor
  at: Date
  cache?: TariffCache | undefined
}): Promise<RatingInput> {
  const profile = profileOf(await accountRow(tx, accountId))
  const gathered = await gather({
    tx,
    accountId,
    paymentMethod: profile.paymentMethod,
    from,
    to,
    openingReadings: [],
    cache,
    actor,
    at,
  })
  return gathered.input
}
