/**
 * Statements (BIL-2), holds and their review (BIL-3), rebilling (BIL-5), final bills (BIL-7) and the
 * billing profile: the writes. Every write is audited in its transaction and every money movement is a
 * balanced ledger journal with a key derived from the statement, so a retried or resumed bill never
 * charges twice. Pricing is in `pricing.ts`, the pure statement draft in `statement-draft.ts`.
 */
import type { AccountChange, Change, Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { newId } from '../../shared/ids.js'
import { isLocalDate, localDateOf, startOfLocalDay } from '../../shared/time.js'
import * as audit from '../audit/index.js'
import * as ledger from '../ledger/index.js'
import * as market from '../market/index.js'
import * as tariffs from '../tariffs/index.js'
import type { TariffCache } from './gather.js'
import { accountRow, price } from './pricing.js'
import { toLine, toStatement } from './queries.js'
import { statementBalance } from './statement-balance.js'
import {
  dayMs,
  draftStatement,
  issuedChanges,
  openingBalanceOf,
  openingStatement,
  profileOf,
  type StatementToDraft,
  statementEvent,
  statementJournal,
} from './statement-draft.js'
import * as store from './store.js'
import {
  type BillingProfile,
  type BillPreview,
  type ClosingReading,
  InvalidBillingRequest,
  NotBillable,
  NothingToBill,
  type StatementKind,
  StatementNotFound,
  StatementNotHeld,
  StatementNotRebillable,
} from './types.js'

export { issue as issueStatementRow }

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
  // BIL-10: the movements since the previous statement's cut-off, up to the last posting there is now.
  const { openingMinor, afterPostingId } = openingBalanceOf(
    openingStatement(row, await store.currentStatements(tx, row.account_id, 10)),
  )
  const movements = await ledger.movementsAfter({ tx, after: [{ accountId: row.account_id, afterPostingId }] })
  const balance = statementBalance({
    openingMinor,
    openingCutoffPostingId: afterPostingId,
    movements: movements.get(row.account_id) ?? [],
  })
  const changes = issuedChanges(row, balance, finalStatus, actor, at)
  await store.setStatementStatus(tx, row.id, changes)
  const replaced = row.replaces_statement_id ? await store.statementById(tx, row.replaces_statement_id) : undefined
  if (replaced && replaced.status !== 'superseded') {
    await store.setStatementStatus(tx, replaced.id, { status: 'superseded' })
  }
  return { ...row, ...changes }
}

/** A change to one statement by a billing specialist (a rebill, a release). */
type StatementChange = Change & { statementId: string }

/** Record a priced statement: held with its reasons, or issued to the ledger. */
async function record({ tx, actor, at, ...toDraft }: Change & StatementToDraft): Promise<store.StatementRow> {
  const { kind, replaced } = toDraft
  const supplier = await market.getSupplier(tx)
  const draft = draftStatement({
    ...toDraft,
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

/** What billing an account up to `on` starts from: its checks, its period and the priced energy. */
type PreparedBill =
  | { made: store.StatementRow }
  | {
      row: store.BillableAccountRow
      priced: Awaited<ReturnType<typeof price>>
      from: Date
      to: Date
      versions: store.StatementRow[]
      previous: store.StatementRow[]
    }

/**
 * billAccount's checks and pricing, writing nothing: the statement already made for the period, or
 * the period and its priced energy. @throws what billAccount throws
 */
async function prepareBill({
  tx,
  accountId,
  on,
  kind,
  cache,
  adequacyReviewOverdue,
  actor,
  at,
}: Change & {
  accountId: string
  on: string
  kind: 'periodic' | 'final'
  cache?: TariffCache | undefined
  adequacyReviewOverdue: boolean
}): Promise<PreparedBill> {
  if (!isLocalDate(on)) {
    throw new InvalidBillingRequest('Bill up to a local date', [{ path: 'on', message: 'a date YYYY-MM-DD' }])
  }
  const row = await accountRow(tx, accountId)
  const profile = profileOf(row)
  if (profile.origin === 'shell') {
    throw new NotBillable(`Account ${row.number} is a shell account: it carries a debt only and is never billed`)
  }
  const previous = await store.currentStatements(tx, row.id, 4)
  const to = startOfLocalDay(on)
  // The same bill asked for again (a retried request, a resumed run): the statement already made.
  const made = previous.find((statement) => statement.period_to.getTime() === to.getTime())
  if (made) return { made }
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
    adequacyReviewOverdue,
    actor,
    at,
  })
  if (profile.business && kind !== 'final' && priced.gathered.unreadRegisters.length > 0) {
    throw new NotBillable(
      `Account ${row.number} has no reading from the 5 days before ${on} on ${priced.gathered.unreadRegisters.join(', ')}: a business bill needs one`,
    )
  }
  return { row, priced, from, to, versions, previous }
}

/**
 * What billing the account up to `on` would make now, written nowhere (BIL-3: "Bill now" shows this
 * and asks to confirm): the draft statement with its lines, totals and explanation, the status it
 * would get and the reasons it would be held. The same checks and pricing as billAccount.
 * @throws BillingAccountNotFound, NotBillable, NothingToBill (also when the period is billed already), InvalidBillingRequest
 */
export async function previewBill({
  tx,
  accountId,
  on,
  kind = 'periodic',
  adequacyReviewOverdue = false,
  actor,
  at,
}: Change & {
  accountId: string
  on: string
  kind?: 'periodic' | 'final'
  adequacyReviewOverdue?: boolean | undefined
}): Promise<BillPreview> {
  const prepared = await prepareBill({ tx, accountId, on, kind, adequacyReviewOverdue, actor, at })
  if ('made' in prepared) {
    throw new NothingToBill(`Statement ${prepared.made.number} already bills this account up to ${on}`)
  }
  const { row, priced, from, to, versions, previous } = prepared
  const supplier = await market.getSupplier(tx)
  const draft = draftStatement({
    row,
    priced,
    kind,
    from,
    to,
    version: (versions[0]?.version ?? 0) + 1,
    runId: null,
    previous,
    number: '',
    currency: supplier.profile.currency,
    at,
  })
  const wouldBe = draft.reasons.length > 0 ? 'held' : draft.business ? 'uninvoiced' : 'issued'
  return {
    statement: {
      ...toStatement({ ...draft.statement, status: wouldBe }),
      lines: draft.lines.map(toLine),
      settlement: null,
    },
    holdReasons: draft.reasons,
  }
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
  adequacyReviewOverdue = false,
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
  /** The account's Direct Debit has had no adequacy review in over a year (backbilling states it). */
  adequacyReviewOverdue?: boolean | undefined
  actor: Actor
  at: Date
}): Promise<{ statement: store.StatementRow; created: boolean }> {
  // Before reading its statements: whoever bills it at the same time waits, then finds this bill made.
  await store.lockAccountsForBilling(tx, [accountId])
  const prepared = await prepareBill({ tx, accountId, on, kind, cache, adequacyReviewOverdue, actor, at })
  if ('made' in prepared) return { statement: prepared.made, created: false }
  const { row, priced, from, to, versions, previous } = prepared
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
  adequacyReviewOverdue = false,
  actor,
  at,
}: StatementChange & {
  /** The account's Direct Debit has had no adequacy review in over a year (backbilling states it). */
  adequacyReviewOverdue?: boolean | undefined
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
    adequacyReviewOverdue,
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
export async function releaseStatement({ tx, statementId, actor, at }: StatementChange): Promise<store.StatementRow> {
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
}: Change & {
  statementId: string
  reason: string
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
}: AccountChange & {
  changes: Partial<Omit<BillingProfile, 'accountId' | 'business'>>
}): Promise<BillingProfile> {
  const row = await accountRow(tx, accountId)
  const before = profileOf(row)
  const next = { ...before, ...changes }
  const problems: { path: string; message: string }[] = []
  if (!Number.isInteger(next.cycleDay) || next.cycleDay < 1 || next.cycleDay > 28)
    problems.push({ path: 'cycleDay', message: 'a day of the month from 1 to 28' })
  else if (before.business && next.cycleDay !== 1)
    problems.push({ path: 'cycleDay', message: 'a business account is billed on the 1st, for the month before' })
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
