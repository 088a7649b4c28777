import type { AccountPageQuery, Db, Tx } from '../../db/index.js'
import { decodeInstantCursor, encodeInstantCursor, pageOf } from '../../shared/cursor.js'
import { ageEntries, nextDueOn, oldestPastDueOn } from './ageing.js'
import * as store from './store.js'
import type { Ageing, Book, Journal, Movement } from './types.js'

export function toJournal(row: store.JournalRow, postings: readonly store.PostingRow[]): Journal {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    reason: row.reason,
    reference: { type: row.reference_type, id: row.reference_id },
    accountId: row.account_id,
    currency: row.currency,
    effectiveOn: row.effective_on,
    description: row.description,
    reversesJournalId: row.reverses_journal_id,
    postedAt: row.posted_at,
    postings: postings.map((posting) => ({
      book: posting.book as Book,
      accountId: posting.account_id,
      amountMinor: posting.amount_minor,
      dueOn: posting.due_on,
    })),
  }
}

/** The account's balance (LED-2): positive when the customer owes, as of a date (inclusive) when given. */
export async function balanceOf({ tx, accountId, asOf }: { tx: Db | Tx; accountId: string; asOf?: string }) {
  return (await store.balances(tx, [accountId], asOf)).get(accountId) ?? 0n
}

/** Balances of many accounts in one query; accounts with no postings are 0. */
export async function balancesOf({
  tx,
  accountIds,
  asOf,
}: {
  tx: Db | Tx
  accountIds: readonly string[]
  asOf?: string
}): Promise<Map<string, bigint>> {
  const found = await store.balances(tx, accountIds, asOf)
  return new Map(accountIds.map((id) => [id, found.get(id) ?? 0n]))
}

/** The balance as of a date with what is past due, by how many days (LED-2). */
export async function ageing({
  tx,
  accountId,
  asOf,
}: {
  tx: Db | Tx
  accountId: string
  asOf: string
}): Promise<Ageing> {
  const rows = await store.customerEntries(tx, accountId, asOf)
  return ageEntries(
    rows.map((row) => ({
      amountMinor: row.amount_minor,
      effectiveOn: row.effective_on,
      dueOn: row.due_on,
      reversal: row.reversal,
    })),
    asOf,
  )
}

/**
 * What collections needs of an account on a date (COL-1): its ageing and the due date of the
 * oldest charge still unpaid and past due (the start of the debt episode).
 */
export async function collectionsPosition({ tx, accountId, asOf }: { tx: Db | Tx; accountId: string; asOf: string }) {
  const rows = await store.customerEntries(tx, accountId, asOf)
  const entries = rows.map((row) => ({
    amountMinor: row.amount_minor,
    effectiveOn: row.effective_on,
    dueOn: row.due_on,
    reversal: row.reversal,
  }))
  return {
    ...ageEntries(entries, asOf),
    oldestPastDueOn: oldestPastDueOn(entries, asOf),
    nextDueOn: nextDueOn(entries, asOf),
  }
}

/** Accounts owing money with a charge due before `asOf`, a page at a time by id (collections runs). */
export async function accountsOwingPastDue({
  tx,
  asOf,
  afterId,
  limit,
}: {
  tx: Db | Tx
  asOf: string
  afterId: string | null
  limit: number
}): Promise<string[]> {
  return store.accountsOwingPastDue(tx, { asOf, afterId, limit })
}

/** Statement charges (net of rebills) on the account's balance since an instant: adequacy reviews. */
export async function chargesSince({ tx, accountId, since }: { tx: Db | Tx; accountId: string; since: Date }) {
  return store.customerTotalSince(tx, { accountId, reasonPrefix: 'statement.', since })
}

/** What payments took off the account's balance since an instant (a positive number for money received). */
export async function paymentsSince({ tx, accountId, since }: { tx: Db | Tx; accountId: string; since: Date }) {
  return -(await store.customerTotalSince(tx, { accountId, reasonPrefix: 'payment.', since }))
}

/** The same for many accounts, each since its own instant (a billing run's batch); 0 where none. */
export async function paymentsSinceMany({
  tx,
  since,
}: {
  tx: Db | Tx
  since: readonly { accountId: string; since: Date }[]
}): Promise<Map<string, bigint>> {
  const totals = await store.customerTotalsSince(tx, { reasonPrefix: 'payment.', since })
  return new Map(since.map((each) => [each.accountId, -(totals.get(each.accountId) ?? 0n)]))
}

export async function findByIdempotencyKey({ tx, idempotencyKey }: { tx: Db | Tx; idempotencyKey: string }) {
  const row = await store.journalByKey(tx, idempotencyKey)
  return row ? toJournal(row, await store.postingsOf(tx, [row.id])) : undefined
}

export async function getJournal({ tx, id }: { tx: Db | Tx; id: string }) {
  const row = await store.journalById(tx, id)
  return row ? toJournal(row, await store.postingsOf(tx, [row.id])) : undefined
}

/** The account's journals, newest first, with a cursor (statements, the timeline). */
export async function journalsOf({
  tx,
  accountId,
  limit,
  cursor,
}: AccountPageQuery): Promise<{ items: Journal[]; nextCursor: string | null }> {
  const before = decodeInstantCursor(cursor)
  const rows = await store.journalsPage(tx, { accountId, limit: limit + 1, before })
  const { page, nextCursor } = pageOf(rows, limit, (last) => encodeInstantCursor(last.posted_at, last.id))
  const postings = await store.postingsOf(
    tx,
    page.map((row) => row.id),
  )
  const items = page.map((row) =>
    toJournal(
      row,
      postings.filter((posting) => posting.journal_id === row.id),
    ),
  )
  return { items, nextCursor }
}

/** Per book, the sum of every posting: the books always total 0. */
export async function trialBalance({ tx }: { tx: Db | Tx }) {
  return store.trialBalance(tx)
}

function toMovement(row: { reason: string; reversal: boolean; total: string; last_id: string }): Movement {
  return {
    reason: row.reason,
    reversal: row.reversal,
    amountMinor: BigInt(row.total),
    lastPostingId: BigInt(row.last_id),
  }
}

/**
 * What moved each account's balance after a posting (its last statement's cut-off; 0 for the
 * beginning): its customer postings by journal reason, in the order they were posted whatever their
 * accounting dates (BIL-10). An account with none has an empty list.
 */
export async function movementsAfter({
  tx,
  after,
}: {
  tx: Tx
  after: readonly { accountId: string; afterPostingId: bigint }[]
}): Promise<Map<string, Movement[]>> {
  // A cut: posting to these accounts now waits for this transaction, so no posting with a lower id
  // than the last one read here can commit after it (a statement's cut-off stays whole).
  await store.lockAccountsForPosting(
    tx,
    after.map((each) => each.accountId),
  )
  const rows = await store.customerMovementsAfter(tx, after)
  const found = new Map<string, Movement[]>(after.map((each) => [each.accountId, []]))
  for (const row of rows) found.get(row.account_id)?.push(toMovement(row))
  return found
}

/** The account's customer postings after one posting up to another, by journal reason (a statement's check). */
export async function movementsBetween({
  tx,
  accountId,
  afterPostingId,
  upToPostingId,
}: {
  tx: Db | Tx
  accountId: string
  afterPostingId: bigint
  upToPostingId: bigint
}): Promise<Movement[]> {
  return (await store.customerMovementsBetween(tx, { accountId, afterPostingId, upToPostingId })).map(toMovement)
}

/** The account's balance at a cut-off: the sum of its customer postings up to that posting (BIL-10). */
export async function balanceAtPosting({
  tx,
  accountId,
  postingId,
}: {
  tx: Db | Tx
  accountId: string
  postingId: bigint
}) {
  return store.balanceAtPosting(tx, accountId, postingId)
}
