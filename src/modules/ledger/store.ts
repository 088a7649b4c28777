import { type Generated, type Selectable, sql } from 'kysely'
import { type Db, type Tx, withTables } from '../../db/index.js'

interface JournalsTable {
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

const tables = withTables<{ ledger_journals: JournalsTable; ledger_postings: PostingsTable }>()

export type JournalRow = Selectable<JournalsTable>
export type PostingRow = Omit<Selectable<PostingsTable>, 'id'>

/** Insert a journal unless its key is taken; returns whether it was inserted. */
export async function insertJournal(tx: Tx, row: JournalRow, postings: PostingRow[]): Promise<boolean> {
  const result = await tables(tx)
    .insertInto('ledger_journals')
    .values(row)
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .executeTakeFirst()
  if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 0) return false
  await tables(tx).insertInto('ledger_postings').values(postings).execute()
  return true
}

export async function journalByKey(db: Db | Tx, key: string): Promise<JournalRow | undefined> {
  return tables(db).selectFrom('ledger_journals').selectAll().where('idempotency_key', '=', key).executeTakeFirst()
}

export async function journalById(db: Db | Tx, id: string): Promise<JournalRow | undefined> {
  return tables(db).selectFrom('ledger_journals').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function reversalOf(db: Db | Tx, id: string): Promise<JournalRow | undefined> {
  return tables(db).selectFrom('ledger_journals').selectAll().where('reverses_journal_id', '=', id).executeTakeFirst()
}

export async function postingsOf(db: Db | Tx, journalIds: readonly string[]): Promise<(PostingRow & { id: bigint })[]> {
  if (journalIds.length === 0) return []
  return tables(db)
    .selectFrom('ledger_postings')
    .selectAll()
    .where('journal_id', 'in', [...journalIds])
    .orderBy('id')
    .execute()
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

export async function customerEntries(db: Db | Tx, accountId: string, asOf: string) {
  return tables(db)
    .selectFrom('ledger_postings')
    .select(['amount_minor', 'effective_on', 'due_on'])
    .where('book', '=', 'customer')
    .where('account_id', '=', accountId)
    .where('effective_on', '<=', asOf)
    .execute()
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

export async function journalsPage(
  db: Db | Tx,
  { accountId, limit, before }: { accountId: string; limit: number; before?: { postedAt: Date; id: string } },
): Promise<JournalRow[]> {
  let query = tables(db)
    .selectFrom('ledger_journals')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('posted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
  if (before) {
    query = query.where((eb) =>
      eb.or([
        eb('posted_at', '<', before.postedAt),
        eb.and([eb('posted_at', '=', before.postedAt), eb('id', '<', before.id)]),
      ]),
    )
  }
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
