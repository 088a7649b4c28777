/**
 * BIL-3 at speed: bill a batch of accounts in one transaction. The batch reads what every account
 * needs in a few queries (`readAhead`), rates each in memory with the same pure engine, and writes
 * statements, lines, journals, postings and audit events with multi-row inserts, the audit events
 * last so the chain's lock is held only from then to the commit. Each account is billed exactly as
 * `billAccount` bills it alone (the same rules, the same rows); the batch commits whole or not at
 * all, so a crash leaves each account billed once or not yet, never half.
 */
import type { Change, Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import type { DomainError } from '../../shared/errors.js'
import { isLocalDate, localDateOf, startOfLocalDay } from '../../shared/time.js'
import * as audit from '../audit/index.js'
import * as ledger from '../ledger/index.js'
import * as market from '../market/index.js'
import * as tariffs from '../tariffs/index.js'
import { type GatherReads, gather, readAhead, type TariffCache } from './gather.js'
import { firstBillStartOf } from './operations.js'
import { type Priced, price } from './pricing.js'
import type { RatingInput } from './rating-types.js'
import { statementBalance } from './statement-balance.js'
import {
  type Draft,
  draftStatement,
  issuedChanges,
  openingBalanceOf,
  openingStatement,
  profileOf,
  statementEvent,
  statementJournal,
} from './statement-draft.js'
import * as store from './store.js'
import {
  BillingAccountNotFound,
  type BillingProfile,
  type ClosingReading,
  InvalidBillingRequest,
  NotBillable,
  NothingToBill,
} from './types.js'

/** What became of one account of a batch. */
export type BatchOutcome =
  | {
      readonly accountId: string
      readonly kind: 'billed'
      readonly statement: store.StatementRow
      /** False when the period was billed already (a resumed run): the statement made then. */
      readonly created: boolean
    }
  /** Not billed, for a reason known before anything was written for it (shell, held, nothing to bill). */
  | { readonly accountId: string; readonly kind: 'refused'; readonly error: DomainError }
  /**
   * Left for `billAccount` in a transaction of its own: a business account, whose bill may be refused
   * after estimates were written, and which a batch cannot undo for one account alone.
   */
  | { readonly accountId: string; readonly kind: 'alone' }

/** An account of the batch with the period it is to be billed for. */
interface Due {
  readonly row: store.BillableAccountRow
  readonly profile: BillingProfile
  readonly from: Date
  readonly to: Date
  /** The account's latest statements that count, newest first (up to 10). */
  readonly current: readonly store.StatementRow[]
}

/**
 * Where a due period's bill starts: the readings the latest statement closed on, and for a migrated
 * account's first bill (BIL-8) the transfer reading itself, never an earlier one.
 */
function openingOf({ profile, current }: Due): { openingReadings: ClosingReading[]; openingWindowMs?: number } {
  return {
    openingReadings: (current[0]?.closing_readings as ClosingReading[] | undefined) ?? [],
    ...(!current[0] && profile.origin === 'migrated' ? { openingWindowMs: 0 } : {}),
  }
}

/**
 * Find each account's period in a few queries, in the order and with the refusals of `billAccount`:
 * a shell is never billed, a period billed already is returned, a held statement waits, and an
 * account billed up to `on` has nothing to bill.
 */
async function periodsOf({
  tx,
  accountIds,
  on,
}: {
  tx: Tx
  accountIds: readonly string[]
  on: string
}): Promise<{ due: Due[]; outcomes: Map<string, BatchOutcome> }> {
  if (!isLocalDate(on)) {
    throw new InvalidBillingRequest('Bill up to a local date', [{ path: 'on', message: 'a date YYYY-MM-DD' }])
  }
  const to = startOfLocalDay(on)
  await store.lockAccountsForBilling(tx, accountIds)
  const rows = new Map((await store.billableAccountsByIds(tx, accountIds)).map((row) => [row.id, row]))
  const outcomes = new Map<string, BatchOutcome>()
  const candidates: { row: store.BillableAccountRow; profile: BillingProfile }[] = []
  for (const accountId of accountIds) {
    const row = rows.get(accountId)
    if (!row) {
      outcomes.set(accountId, {
        accountId,
        kind: 'refused',
        error: new BillingAccountNotFound(`There is no account ${accountId}`),
      })
      continue
    }
    const profile = profileOf(row)
    if (profile.origin === 'shell') {
      const error = new NotBillable(
        `Account ${row.number} is a shell account: it carries a debt only and is never billed`,
      )
      outcomes.set(accountId, { accountId, kind: 'refused', error })
    } else if (profile.business) {
      outcomes.set(accountId, { accountId, kind: 'alone' })
    } else {
      candidates.push({ row, profile })
    }
  }
  const current = await store.currentStatementsOf(
    tx,
    candidates.map(({ row }) => row.id),
    10,
  )
  const firstBills = candidates.filter(
    ({ row, profile }) => !current.has(row.id) && !(profile.origin === 'migrated' && profile.transferAt),
  )
  const agreements =
    firstBills.length > 0
      ? await tariffs.agreementsOfAccounts({ tx, accountIds: firstBills.map(({ row }) => row.id) })
      : []
  const due: Due[] = []
  for (const { row, profile } of candidates) {
    const statements = current.get(row.id) ?? []
    const previous = statements[0]
    // The same bill asked for again (a resumed run): the statement already made.
    const made = statements.slice(0, 4).find((statement) => statement.period_to.getTime() === to.getTime())
    if (made) {
      outcomes.set(row.id, { accountId: row.id, kind: 'billed', statement: made, created: false })
      continue
    }
    const from = previous
      ? previous.period_to
      : profile.origin === 'migrated' && profile.transferAt
        ? profile.transferAt
        : firstBillStartOf(
            row,
            agreements.filter((agreement) => agreement.accountId === row.id),
          )
    if (previous?.status === 'held') {
      const error = new NotBillable(
        `Statement ${previous.number} of ${row.number} is held for review: release or reject it first`,
      )
      outcomes.set(row.id, { accountId: row.id, kind: 'refused', error })
    } else if (from >= to) {
      const error = new NothingToBill(`Account ${row.number} is billed up to ${from.toISOString()} already`)
      outcomes.set(row.id, { accountId: row.id, kind: 'refused', error })
    } else {
      due.push({ row, profile, from, to, current: statements })
    }
  }
  return { due, outcomes }
}

function readAheadFor(tx: Tx, due: readonly Due[]): Promise<GatherReads> {
  return readAhead(
    tx,
    due.map(({ row, from, to, current }) => ({
      accountId: row.id,
      from,
      to,
      openingReadings: (current[0]?.closing_readings as ClosingReading[] | undefined) ?? [],
    })),
  )
}

/**
 * Bill a batch of accounts up to the local date `on` in the caller's transaction, each as
 * `billAccount` would (a periodic bill from where its last statement ended), with a few queries for
 * the whole batch. Returns one outcome per account, in the order given: billed (or billed already),
 * refused with the reason, or left to bill alone. Anything unexpected throws, and the caller rolls
 * the batch back and bills its accounts one at a time.
 * @throws InvalidBillingRequest for a date that is not YYYY-MM-DD
 */
export async function billBatch({
  tx,
  accountIds,
  on,
  runId = null,
  cache,
  adequacyReviewOverdue = new Set(),
  actor,
  at,
}: {
  tx: Tx
  accountIds: readonly string[]
  on: string
  runId?: string | null
  /** Tariff data shared by a billing run's accounts. */
  cache?: TariffCache | undefined
  /** The accounts whose Direct Debit has had no adequacy review in over a year (backbilling states it). */
  adequacyReviewOverdue?: ReadonlySet<string> | undefined
  actor: Actor
  at: Date
}): Promise<BatchOutcome[]> {
  const { due, outcomes } = await periodsOf({ tx, accountIds, on })
  if (due.length > 0) {
    for (const outcome of await billDue({ tx, due, runId, cache, adequacyReviewOverdue, actor, at }))
      outcomes.set(outcome.accountId, outcome)
  }
  return accountIds.map((accountId) => outcomes.get(accountId) ?? { accountId, kind: 'alone' })
}

async function billDue({
  tx,
  due,
  runId,
  cache,
  adequacyReviewOverdue,
  actor,
  at,
}: Change & {
  due: readonly Due[]
  runId: string | null
  cache?: TariffCache | undefined
  adequacyReviewOverdue: ReadonlySet<string>
}): Promise<BatchOutcome[]> {
  const accountIds = due.map(({ row }) => row.id)
  const [versions, supplier, balances, reads] = await Promise.all([
    store.latestVersions(
      tx,
      due.map(({ row, from }) => ({ accountId: row.id, periodFrom: from })),
    ),
    market.getSupplier(tx),
    ledger.balancesOf({ tx, accountIds }),
    readAheadFor(tx, due),
  ])
  const priced: Priced[] = []
  for (const period of due) {
    const { row, profile, from, to } = period
    const one = await price({
      tx,
      row,
      profile,
      from,
      to,
      ...openingOf(period),
      cache,
      reads,
      supplier,
      balanceBefore: balances.get(row.id) ?? 0n,
      adequacyReviewOverdue: adequacyReviewOverdue.has(row.id),
      actor,
      at,
    })
    // Keep no half hours once rated: held to the batch's end they would all outlive the young
    // generation, and collecting them there costs more than the rating.
    priced.push({ ...one, gathered: { ...one.gathered, input: { ...one.gathered.input, meterPoints: [] } } })
  }
  const numbers = await store.nextStatementNumbers(tx, due.length)
  const drafts: Draft[] = due.map(({ row, from, to, current }, i) =>
    draftStatement({
      row,
      priced: priced[i] as Priced,
      kind: 'periodic',
      from,
      to,
      version: (versions.get(`${row.id}|${from.toISOString()}`) ?? 0) + 1,
      runId,
      previous: current.slice(0, 4),
      number: numbers[i] as string,
      currency: supplier.profile.currency,
      at,
    }),
  )
  // Issue what is not held: post the journals first, then each statement's balance summary is the
  // ledger's movements since its previous statement's cut-off (BIL-10), written with the rows.
  const openings = drafts.map((draft, i) =>
    openingBalanceOf(openingStatement(draft.statement, [draft.statement, ...(due[i] as Due).current].slice(0, 10))),
  )
  const toIssue = drafts.flatMap((draft, i) => (draft.reasons.length === 0 ? [i] : []))
  const effectiveOn = localDateOf(at)
  const journals = toIssue.flatMap((i) => {
    const journal = statementJournal((drafts[i] as Draft).statement, (priced[i] as Priced).lines, effectiveOn)
    return journal ? [journal] : []
  })
  // Journals (with their own audit events), then the statements' events: the chain's lock from here to the commit.
  await ledger.postJournals({ tx, journals, actor, at })
  const movements = await ledger.movementsAfter({
    tx,
    after: toIssue.map((i) => ({
      accountId: (due[i] as Due).row.id,
      afterPostingId: (openings[i] as ReturnType<typeof openingBalanceOf>).afterPostingId,
    })),
  })
  const rows = drafts.map((draft, i) => {
    if (draft.reasons.length > 0) return draft.statement
    const { openingMinor, afterPostingId } = openings[i] as ReturnType<typeof openingBalanceOf>
    const balance = statementBalance({
      openingMinor,
      openingCutoffPostingId: afterPostingId,
      movements: movements.get(draft.statement.account_id) ?? [],
    })
    return { ...draft.statement, ...issuedChanges(draft.statement, balance, 'issued', actor, at) }
  })
  await store.insertStatements(
    tx,
    rows,
    drafts.flatMap((draft) => draft.lines),
  )
  await audit.recordMany(
    tx,
    drafts.map((draft) => statementEvent(draft, undefined, actor, at)),
  )
  return rows.map((statement) => ({ accountId: statement.account_id, kind: 'billed', statement, created: true }))
}

/**
 * What rating needs for a batch of accounts' next periodic bills, read as `billBatch` reads it (the
 * billing benchmark's lower bound: the same reads, no statement written), one account at a time so
 * each is rated and let go as in a batch. Accounts with nothing to bill are left out. Writes only
 * estimates for missing data, as billing would.
 * @throws InvalidBillingRequest for a date that is not YYYY-MM-DD
 */
export async function* gatherBatchForRating({
  tx,
  accountIds,
  on,
  cache,
  actor,
  at,
}: Change & {
  accountIds: readonly string[]
  on: string
  cache?: TariffCache | undefined
}): AsyncGenerator<RatingInput> {
  const { due } = await periodsOf({ tx, accountIds, on })
  const reads = await readAheadFor(tx, due)
  for (const period of due) {
    const { row, profile, from, to } = period
    const gathered = await gather({
      tx,
      accountId: row.id,
      paymentMethod: profile.paymentMethod,
      from,
      to,
      ...openingOf(period),
      cache,
      reads,
      actor,
      at,
    })
    yield gathered.input
  }
}
