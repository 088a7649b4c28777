import { type Generated, type Selectable, sql } from 'kysely'
import {
  type Db,
  type FeedPosition,
  lockIdsForTransaction,
  strictlyBefore,
  type Tx,
  withTables,
} from '../../db/index.js'
import { insertUnlessTaken } from '../../db/query-insert.js'
import { rowsOfAccount, rowsWhere, rowsWhereIn } from '../../db/query-rows.js'

export interface JournalRow {
  id: string
  idempotency_key: string
  reason: string
  reference_type: string
  reference_id: string
  account_id: string | null
  currency: string
  effective_on: string
  description: string
  reverses_journal_id: string | null
  fingerprint: string
  posted_at: Date
  posted_by: string
}
interface PostingsTable {
  id: Generated<bigint>
  journal_id: string
  book: string
  account_id: string | null
  amount_minor: bigint
  due_on: string | null
  effective_on: string
}

const tables = withTables<{ ledger_journals: JournalRow; ledger_postings: PostingsTable }>()

export type PostingRow = Omit<Selectable<PostingsTable>, 'id'>

/** The advisory lock namespace of posting to a customer account (billing's is 4242010). */
const postingLockSpace = 4242020

/**
 * Serialise posting to these customer accounts for the rest of the transaction, before a posting's id
 * is drawn: postings to one account then commit in the order of their ids, so a statement's cut-off
 * (the last posting id it saw) never has a posting with a lower id commit after it. Taken in one order
 * (by key) so two transactions posting to the same accounts never wait on each other in a circle.
 */
export async function lockAccountsForPosting(tx: Tx, accounts: readonly (string | null)[]): Promise<void> {
  await lockIdsForTransaction(tx, postingLockSpace, [...new Set(accounts.filter((id): id is string => id !== null))])
}

/** Insert a journal unless its key is taken; returns whether it was inserted. */
export async function insertJournal(tx: Tx, row: JournalRow, postings: PostingRow[]): Promise<boolean> {
  await lockAccountsForPosting(
    tx,
    postings.map((posting) => posting.account_id),
  )
  if (!(await insertUnlessTaken(tables(tx), 'ledger_journals', row, ['idempotency_key']))) return false
  await tables(tx).insertInto('ledger_postings').values(postings).execute()
  return true
}

export async function journalByKey(db: Db | Tx, key: string): Promise<JournalRow | undefined> {
  return rowsWhere(tables(db), 'ledger_journals', 'idempotency_key', key).executeTakeFirst()
}

export async function journalById(db: Db | Tx, id: string): Promise<JournalRow | undefined> {
  return rowsWhere(tables(db), 'ledger_journals', 'id', id).executeTakeFirst()
}

export async function reversalOf(db: Db | Tx, id: string): Promise<JournalRow | undefined> {
  return rowsWhere(tables(db), 'ledger_journals', 'reverses_journal_id', id).executeTakeFirst()
}

export async function postingsOf(db: Db | Tx, journalIds: readonly string[]): Promise<(PostingRow & { id: bigint })[]> {
  if (journalIds.length === 0) return []
  return rowsWhereIn(tables(db), 'ledger_postings', 'journal_id', journalIds).orderBy('id').execute()
}

/** Sum of the customer postings of each account, as of a date (inclusive) when given. */
export async function balances(
  db: Db | Tx,
  accountIds: readonly string[],
  asOf?: string,
): Promise<Map<string, bigint>> {
  if (accountIds.length === 0) return new Map()
  let query = tables(db)
    .selectFrom('ledger_postings')
    .select(['account_id', sql<string>`sum(amount_minor)::text`.as('total')])
    .where('book', '=', 'customer')
    .where('account_id', 'in', [...accountIds])
    .groupBy('account_id')
  if (asOf) query = query.where('effective_on', '<=', asOf)
  const rows = await query.execute()
  return new Map(rows.map((row) => [row.account_id ?? '', BigInt(row.total)]))
}

/** The account's customer postings up to a date; `reversal` marks those of a reversing journal. */
export async function customerEntries(db: Db | Tx, accountId: string, asOf: string) {
  return tables(db)
    .selectFrom('ledger_postings')
    .innerJoin('ledger_journals', 'ledger_journals.id', 'ledger_postings.journal_id')
    .select([
      'ledger_postings.amount_minor',
      'ledger_postings.effective_on',
      'ledger_postings.due_on',
      sql<boolean>`ledger_journals.reverses_journal_id is not null`.as('reversal'),
    ])
    .where('ledger_postings.book', '=', 'customer')
    .where('ledger_postings.account_id', '=', accountId)
    .where('ledger_postings.effective_on', '<=', asOf)
    .execute()
}

export async function accountsOwingPastDue(
  db: Db | Tx,
  { asOf, afterId, limit }: { asOf: string; afterId: string | null; limit: number },
): Promise<string[]> {
  const result = await sql<{ account_id: string }>`select account_id from ledger_postings
    where book = 'customer' and effective_on <= ${asOf} and account_id > ${afterId ?? ''}
    group by account_id
    having sum(amount_minor) > 0 and min(due_on) < ${asOf}
    order by account_id limit ${limit}`.execute(db)
  return result.rows.map((row) => row.account_id)
}

/** Customer postings of journals whose reason starts with `prefix`, posted after `since`. */
export async function customerTotalSince(
  db: Db | Tx,
  { accountId, reasonPrefix, since }: { accountId: string; reasonPrefix: string; since: Date },
): Promise<bigint> {
  const result = await sql<{ total: string | null }>`select sum(p.amount_minor)::text as total
    from ledger_postings p join ledger_journals j on j.id = p.journal_id
    where p.book = 'customer' and p.account_id = ${accountId} and j.reason like ${`${reasonPrefix}%`}
      and j.posted_at > ${since}`.execute(db)
  return BigInt(result.rows[0]?.total ?? '0')
}

/**
 * The same for many accounts, each from its own instant (a billing run's batch), by account; an
 * account with none is absent.
 */
export async function customerTotalsSince(
  db: Db | Tx,
  { reasonPrefix, since }: { reasonPrefix: string; since: readonly { accountId: string; since: Date }[] },
): Promise<Map<string, bigint>> {
  if (since.length === 0) return new Map()
  const wanted = sql.join(since.map((each) => sql`(${each.accountId}, ${each.since.toISOString()}::timestamptz)`))
  // One index walk per account, whatever the planner believes of the postings: a billing run adds
  // them faster than statistics follow, and a join with the list was then planned as a read of every
  // customer posting, once a batch (its cost grew with the ledger).
  const result = await sql<{ account_id: string; total: string }>`
    select q.account_id, t.total::text as total
    from (values ${wanted}) as q (account_id, since)
    cross join lateral (
      select sum(p.amount_minor) as total
      from ledger_postings p join ledger_journals j on j.id = p.journal_id
      where p.account_id = q.account_id and p.book = 'customer'
        and j.reason like ${`${reasonPrefix}%`} and j.posted_at > q.since
    ) t
    where t.total is not null`.execute(db)
  return new Map(result.rows.map((row) => [row.account_id, BigInt(row.total)]))
}

/** Insert journals whose keys are free, and their postings; returns the ids of those inserted. */
export async function insertJournals(
  tx: Tx,
  rows: readonly JournalRow[],
  postings: readonly PostingRow[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set()
  await lockAccountsForPosting(
    tx,
    postings.map((posting) => posting.account_id),
  )
  const inserted = await tables(tx)
    .insertInto('ledger_journals')
    .values([...rows])
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .execute()
  const ids = new Set(inserted.map((row) => row.id))
  const kept = postings.filter((posting) => ids.has(posting.journal_id))
  // Parameters are capped at 65,535 a statement: a few thousand postings at a time.
  for (let start = 0; start < kept.length; start += 5000) {
    await tables(tx)
      .insertInto('ledger_postings')
      .values(kept.slice(start, start + 5000))
      .execute()
  }
  return ids
}

export async function journalsPage(
  db: Db | Tx,
  { accountId, limit, before }: { accountId: string; limit: number; before?: FeedPosition | undefined },
): Promise<JournalRow[]> {
  let query = rowsOfAccount(tables(db), 'ledger_journals', accountId)
    .orderBy('posted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
  if (before) query = query.where(strictlyBefore('posted_at', 'id', before))
  return query.execute()
}

export async function trialBalance(db: Db | Tx): Promise<Map<string, bigint>> {
  const rows = await tables(db)
    .selectFrom('ledger_postings')
    .select(['book', sql<string>`sum(amount_minor)::text`.as('total')])
    .groupBy('book')
    .execute()
  return new Map(rows.map((row) => [row.book, BigInt(row.total)]))
}

/**
 * Each account's customer postings after its own posting id (`after`), summed by the journal's reason
 * and whether the journal reverses another, with the last posting id of each group; an account with
 * none is absent. One index walk per account, as in `customerTotalsSince`.
 */
export async function customerMovementsAfter(
  db: Db | Tx,
  after: readonly { accountId: string; afterPostingId: bigint }[],
): Promise<{ account_id: string; reason: string; reversal: boolean; total: string; last_id: string }[]> {
  if (after.length === 0) return []
  const wanted = sql.join(after.map((each) => sql`(${each.accountId}, ${String(each.afterPostingId)}::bigint)`))
  const result = await sql<{ account_id: string; reason: string; reversal: boolean; total: string; last_id: string }>`
    select q.account_id, t.reason, t.reversal, t.total::text as total, t.last_id::text as last_id
    from (values ${wanted}) as q (account_id, after_id)
    cross join lateral (
      select j.reason, j.reverses_journal_id is not null as reversal, sum(p.amount_minor) as total, max(p.id) as last_id
      from ledger_postings p join ledger_journals j on j.id = p.journal_id
      where p.account_id = q.account_id and p.book = 'customer' and p.id > q.after_id
      group by j.reason, j.reverses_journal_id is not null
    ) t
    order by q.account_id, t.reason`.execute(db)
  return result.rows
}

/** The sum of the account's customer postings up to a posting id (inclusive): its balance at a cut-off. */
export async function balanceAtPosting(db: Db | Tx, accountId: string, postingId: bigint): Promise<bigint> {
  const result = await sql<{ total: string | null }>`select sum(amount_minor)::text as total from ledger_postings
    where book = 'customer' and account_id = ${accountId} and id <= ${String(postingId)}::bigint`.execute(db)
  return BigInt(result.rows[0]?.total ?? '0')
}

/** The account's customer postings after one posting id up to another, summed by journal reason (a check). */
export async function customerMovementsBetween(
  db: Db | Tx,
  { accountId, afterPostingId, upToPostingId }: { accountId: string; afterPostingId: bigint; upToPostingId: bigint },
): Promise<{ reason: string; reversal: boolean; total: string; last_id: string }[]> {
  const result = await sql<{ reason: string; reversal: boolean; total: string; last_id: string }>`
    select j.reason, j.reverses_journal_id is not null as reversal, sum(p.amount_minor)::text as total,
      max(p.id)::text as last_id
    from ledger_postings p join ledger_journals j on j.id = p.journal_id
    where p.account_id = ${accountId} and p.book = 'customer'
      and p.id > ${String(afterPostingId)}::bigint and p.id <= ${String(upToPostingId)}::bigint
    group by j.reason, j.reverses_journal_id is not null
    order by j.reason`.execute(db)
  return result.rows
}
