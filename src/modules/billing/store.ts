import { sql } from 'kysely'
import {
  type Db,
  type FeedPosition,
  lockIdsForTransaction,
  strictlyBefore,
  type Tx,
  withTables,
} from '../../db/index.js'
import { firstRow, rowsOfAccount, rowsWhere, rowsWhereIn } from '../../db/query-rows.js'
import * as accounts from '../accounts/index.js'

export * from './documents-store.js'
export * from './profiles-store.js'

export interface BillingRunRow {
  id: string
  run_on: string
  status: string
  accounts_due: number
  issued: number
  held: number
  skipped: number
  failed: number
  started_at: Date
  finished_at: Date | null
}
export interface StatementRow {
  id: string
  number: string
  account_id: string
  kind: string
  status: string
  period_from: Date
  period_to: Date
  version: number
  replaces_statement_id: string | null
  document_id: string | null
  run_id: string | null
  currency: string
  payment_method: string
  net_minor: bigint
  vat_minor: bigint
  total_minor: bigint
  writeoff_minor: bigint
  posted_minor: bigint
  opening_balance_minor: bigint | null
  payments_minor: bigint | null
  credits_minor: bigint | null
  closing_balance_minor: bigint | null
  /** BIL-10: the ledger cut-offs (customer posting ids) the statement's movements run between. */
  opening_cutoff_posting_id: bigint | null
  cutoff_posting_id: bigint | null
  charges_minor: bigint | null
  adjustments_minor: bigint | null
  due_on: string | null
  hold_reasons: unknown
  explanation: unknown
  opening_readings: unknown
  closing_readings: unknown
  created_at: Date
  issued_at: Date | null
  decided_by: string | null
}
export interface StatementLineRow {
  statement_id: string
  position: number
  meter_point_id: string | null
  identifier: string | null
  agreement_id: string | null
  tariff_code: string | null
  kind: string
  rate_kind: string | null
  period_from: Date
  period_to: Date
  quantity: string
  unit: string
  rate_pence: string | null
  vat_percent: string
  amount_minor: bigint
  source: unknown
  description: string
}
export interface FinalSettlementRow {
  id: string
  account_id: string
  statement_id: string
  kind: string
  amount_minor: bigint
  created_at: Date
}
const tables = withTables<{
  billing_runs: BillingRunRow
  statements: StatementRow
  statement_lines: StatementLineRow
  final_settlements: FinalSettlementRow
}>()

export async function nextStatementNumber(tx: Tx): Promise<string> {
  const result = await sql<{ n: string }>`select nextval('statement_number_seq')::text as n`.execute(tx)
  return `S-${(result.rows[0]?.n ?? '0').padStart(8, '0')}`
}

/** The advisory lock namespace of billing an account (the audit chain's lock is a single key, apart). */
const billingLockSpace = 4242010

/**
 * Serialise billing of these accounts for the rest of the transaction: a second biller (another run,
 * a "bill now") waits here, then sees what the first made, so the same period is never billed twice
 * as two versions. Taken in one order (by key) so two batches never wait on each other in a circle.
 */
export async function lockAccountsForBilling(tx: Tx, accountIds: readonly string[]): Promise<void> {
  await lockIdsForTransaction(tx, billingLockSpace, accountIds)
}

/** `count` statement numbers, in order (a billing run's batch). */
export async function nextStatementNumbers(tx: Tx, count: number): Promise<string[]> {
  if (count === 0) return []
  const result = await sql<{ n: string }>`select nextval('statement_number_seq')::text as n
    from generate_series(1, ${count}::int)`.execute(tx)
  return result.rows
    .map((row) => BigInt(row.n))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((n) => `S-${String(n).padStart(8, '0')}`)
}

/** Rows per multi-row insert: well under PostgreSQL's 65,535 parameters a statement. */
const rowsPerInsert = 1000

/** Insert many statements (each as it finally stands: held, issued or uninvoiced) and their lines. */
export async function insertStatements(
  tx: Tx,
  rows: readonly StatementRow[],
  lines: readonly StatementLineRow[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += rowsPerInsert) {
    await tables(tx)
      .insertInto('statements')
      .values(
        rows.slice(start, start + rowsPerInsert).map((row) => ({
          ...row,
          hold_reasons: JSON.stringify(row.hold_reasons),
          explanation: JSON.stringify(row.explanation),
          opening_readings: JSON.stringify(row.opening_readings),
          closing_readings: JSON.stringify(row.closing_readings),
        })),
      )
      .execute()
  }
  for (let start = 0; start < lines.length; start += rowsPerInsert) {
    await tables(tx)
      .insertInto('statement_lines')
      .values(
        lines.slice(start, start + rowsPerInsert).map((line) => ({ ...line, source: JSON.stringify(line.source) })),
      )
      .execute()
  }
}

export async function insertStatement(tx: Tx, row: StatementRow, lines: StatementLineRow[]): Promise<void> {
  await insertStatements(tx, [row], lines)
}

export async function setStatementStatus(
  tx: Tx,
  id: string,
  changes: Partial<
    Pick<
      StatementRow,
      | 'status'
      | 'issued_at'
      | 'decided_by'
      | 'opening_balance_minor'
      | 'payments_minor'
      | 'credits_minor'
      | 'closing_balance_minor'
      | 'opening_cutoff_posting_id'
      | 'cutoff_posting_id'
      | 'charges_minor'
      | 'adjustments_minor'
      | 'due_on'
      | 'document_id'
    >
  >,
): Promise<void> {
  await tables(tx).updateTable('statements').set(changes).where('id', '=', id).execute()
}

export async function statementById(db: Db | Tx, id: string, lock = false): Promise<StatementRow | undefined> {
  return firstRow(rowsWhere(tables(db), 'statements', 'id', id), lock)
}

export async function statementByNumber(db: Db | Tx, number: string): Promise<StatementRow | undefined> {
  return rowsWhere(tables(db), 'statements', 'number', number).executeTakeFirst()
}

/** Every version of the account's statement for the period starting `periodFrom`, newest first. */
export async function statementsFor(
  db: Db | Tx,
  { accountId, periodFrom }: { accountId: string; periodFrom: Date },
): Promise<StatementRow[]> {
  return rowsOfAccount(tables(db), 'statements', accountId)
    .where('period_from', '=', periodFrom)
    .orderBy('version', 'desc')
    .execute()
}

/** The statuses of statements that count: not rejected, not superseded; business ones too. */
const countingStatuses = ['held', 'issued', 'uninvoiced', 'invoiced']

/** The account's statements that count (not rejected, not superseded; business ones too), newest period first. */
export async function currentStatements(db: Db | Tx, accountId: string, limit: number): Promise<StatementRow[]> {
  return rowsOfAccount(tables(db), 'statements', accountId)
    .where('status', 'in', countingStatuses)
    .orderBy('period_from', 'desc')
    .orderBy('version', 'desc')
    .limit(limit)
    .execute()
}

/**
 * The same for many accounts (a billing run's batch): each account's `limit` latest statements that
 * count, newest period first, by account id; accounts with none are absent.
 */
export async function currentStatementsOf(
  db: Db | Tx,
  accountIds: readonly string[],
  limit: number,
): Promise<Map<string, StatementRow[]>> {
  const found = new Map<string, StatementRow[]>()
  if (accountIds.length === 0) return found
  // One index walk per account (newest period first, stopping at `limit`), whatever the planner
  // believes of the table: a first run fills it from empty, with no statistics to go on, and an
  // `account_id in (…)` filter was then planned as a scan of every statement, once a batch.
  const result = await sql<StatementRow>`select s.*
    from (values ${sql.join([...new Set(accountIds)].map((id) => sql`(${id})`))}) as q (account_id)
    cross join lateral (
      select * from statements
      where account_id = q.account_id and status in (${sql.join(countingStatuses)})
      order by period_from desc, version desc
      limit ${limit}
    ) s
    order by s.account_id, s.period_from desc, s.version desc`.execute(db)
  for (const row of result.rows) {
    const list = found.get(row.account_id)
    if (list) list.push(row)
    else found.set(row.account_id, [row])
  }
  return found
}

/** The latest version of each account's statement for the period starting at the given instant (a batch). */
export async function latestVersions(
  db: Db | Tx,
  periods: readonly { accountId: string; periodFrom: Date }[],
): Promise<Map<string, number>> {
  if (periods.length === 0) return new Map()
  const wanted = sql.join(
    periods.map((period) => sql`(${period.accountId}, ${period.periodFrom.toISOString()}::timestamptz)`),
  )
  // One index probe per period, as in `currentStatementsOf`.
  const result = await sql<{ account_id: string; period_from: Date; version: number }>`
    select q.account_id, q.period_from, s.version
    from (values ${wanted}) as q (account_id, period_from)
    cross join lateral (
      select max(version) as version from statements
      where account_id = q.account_id and period_from = q.period_from
    ) s
    where s.version is not null`.execute(db)
  return new Map(result.rows.map((row) => [`${row.account_id}|${row.period_from.toISOString()}`, Number(row.version)]))
}

/** Every statement of the account, newest period and version first, for the statements list. */
export async function statementsPage(
  db: Db | Tx,
  { accountId, limit, before }: { accountId: string; limit: number; before?: { periodFrom: Date; version: number } },
): Promise<StatementRow[]> {
  let query = rowsOfAccount(tables(db), 'statements', accountId)
    .orderBy('period_from', 'desc')
    .orderBy('version', 'desc')
    .limit(limit)
  if (before)
    query = query.where(strictlyBefore('period_from', 'version', { at: before.periodFrom, id: before.version }))
  return query.execute()
}

/** Statements held for review, oldest first, with each account's number (from accounts, in one call). */
export async function heldStatements(
  db: Db | Tx,
  limit: number,
): Promise<(StatementRow & { account_number: string })[]> {
  const rows = await rowsWhere(tables(db), 'statements', 'status', 'held').orderBy('created_at').limit(limit).execute()
  return accounts.withAccountNumbers({ tx: db, rows })
}

export async function linesOf(db: Db | Tx, statementId: string): Promise<StatementLineRow[]> {
  return rowsWhere(tables(db), 'statement_lines', 'statement_id', statementId).orderBy('position').execute()
}

export async function insertSettlement(tx: Tx, row: FinalSettlementRow): Promise<void> {
  await tables(tx).insertInto('final_settlements').values(row).execute()
}

export async function settlementOf(db: Db | Tx, statementId: string): Promise<FinalSettlementRow | undefined> {
  return rowsWhere(tables(db), 'final_settlements', 'statement_id', statementId).executeTakeFirst()
}

export async function runOn(db: Db | Tx, runOnDate: string): Promise<BillingRunRow | undefined> {
  return rowsWhere(tables(db), 'billing_runs', 'run_on', runOnDate).executeTakeFirst()
}

/** Start the run of a day, or return the one already there (a resumed run). */
export async function startRun(tx: Tx, row: BillingRunRow): Promise<BillingRunRow> {
  await tables(tx)
    .insertInto('billing_runs')
    .values(row)
    .onConflict((oc) => oc.column('run_on').doNothing())
    .execute()
  return (await runOn(tx, row.run_on)) as BillingRunRow
}

export async function finishRun(
  tx: Tx,
  id: string,
  counts: Pick<BillingRunRow, 'accounts_due' | 'issued' | 'held' | 'skipped' | 'failed' | 'finished_at'>,
): Promise<void> {
  await tables(tx)
    .updateTable('billing_runs')
    .set({ ...counts, status: 'finished' })
    .where('id', '=', id)
    .execute()
}

/** How many statements the run made, by status (a resumed run counts what it made before). */
export async function runCounts(db: Db | Tx, runId: string): Promise<Map<string, number>> {
  const rows = await tables(db)
    .selectFrom('statements')
    .select(['status', sql<string>`count(*)::text`.as('n')])
    .where('run_id', '=', runId)
    .groupBy('status')
    .execute()
  return new Map(rows.map((row) => [row.status, Number(row.n)]))
}

export async function statementsOnDocuments(db: Db | Tx, documentIds: readonly string[]): Promise<StatementRow[]> {
  if (documentIds.length === 0) return []
  return rowsWhereIn(tables(db), 'statements', 'document_id', documentIds).orderBy('period_from').execute()
}

export async function statementsByNumbers(
  tx: Tx,
  accountId: string,
  numbers: readonly string[],
): Promise<StatementRow[]> {
  if (numbers.length === 0) return []
  return rowsOfAccount(tables(tx), 'statements', accountId)
    .where('number', 'in', [...numbers])
    .orderBy('period_from')
    .orderBy('version')
    .forUpdate()
    .execute()
}

export async function uninvoiced(db: Db | Tx, accountId: string): Promise<StatementRow[]> {
  return rowsOfAccount(tables(db), 'statements', accountId)
    .where('status', '=', 'uninvoiced')
    .where('document_id', 'is', null)
    .orderBy('period_from')
    .execute()
}

/** An account's statements strictly before `(created_at, id)`, newest first (the account timeline). */
export async function statementsBefore(
  db: Db | Tx,
  { accountId, before, limit }: { accountId: string; before?: FeedPosition | undefined; limit: number },
): Promise<StatementRow[]> {
  let query = rowsOfAccount(tables(db), 'statements', accountId)
  if (before) query = query.where(strictlyBefore('created_at', sql<string>`id collate "C"`, before))
  return query.orderBy('created_at', 'desc').orderBy(sql`id collate "C"`, 'desc').limit(limit).execute()
}

/** Issued (or invoiced, or since superseded) statements with a ledger cut-off, a page at a time by id (BIL-10). */
export async function statementsWithCutoff(
  db: Db | Tx,
  { afterId, limit }: { afterId: string | null; limit: number },
): Promise<StatementRow[]> {
  return tables(db)
    .selectFrom('statements')
    .selectAll()
    .where('cutoff_posting_id', 'is not', null)
    .where('status', 'in', ['issued', 'invoiced', 'superseded'])
    .where(sql<string>`id collate "C"`, '>', afterId ?? '')
    .orderBy(sql`id collate "C"`)
    .limit(limit)
    .execute()
}

/** Statements issued at or after `since`, oldest first, after the position given (paging). */
export async function issuedSince(
  db: Db | Tx,
  { since, after, limit }: { since: Date; after: { issuedAt: Date; id: string } | null; limit: number },
): Promise<StatementRow[]> {
  let query = tables(db)
    .selectFrom('statements')
    .selectAll()
    .where('issued_at', 'is not', null)
    .where('issued_at', '>=', since)
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('issued_at', '>', after.issuedAt),
        eb.and([eb('issued_at', '=', after.issuedAt), eb('id', '>', after.id)]),
      ]),
    )
  }
  return query.orderBy('issued_at').orderBy('id').limit(limit).execute()
}

/** How many issued or invoiced statements have no cut-off (issued before cut-offs were recorded). */
export async function countStatementsWithoutCutoff(db: Db | Tx): Promise<number> {
  const row = await tables(db)
    .selectFrom('statements')
    .select(sql<string>`count(*)::text`.as('count'))
    .where('cutoff_posting_id', 'is', null)
    .where('status', 'in', ['issued', 'invoiced', 'superseded'])
    .executeTakeFirst()
  return Number(row?.count ?? '0')
}
