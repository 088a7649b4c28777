import { type Db, type Tx, withTables } from '../../db/index.js'
import { insertUnlessTaken, upsertRow } from '../../db/query-insert.js'
import { rowsOfAccount, rowsWhereIn } from '../../db/query-rows.js'
import * as accounts from '../accounts/index.js'
import { cycleDayOf } from './statement-draft.js'

export interface BillingProfileRow {
  account_id: string
  cycle_day: number | null
  payment_method: string
  origin: string
  transfer_at: Date | null
  reading_prevented: boolean
  updated_at: Date
}
export interface HistoricalBillRow {
  id: string
  account_id: string
  source: string
  reference: string
  issued_on: string
  period_from: string
  period_to: string
  total_minor: bigint
  readings: unknown
  created_at: Date
}

const tables = withTables<{ billing_profiles: BillingProfileRow; historical_bills: HistoricalBillRow }>()

/** What billing needs of an account: its dates, status, customer kind and billing profile (if any). */
export interface BillableAccountRow {
  id: string
  number: string
  status: string
  opened_on: string
  closed_on: string | null
  customer_kind: string
  cycle_day: number | null
  payment_method: string | null
  origin: string | null
  transfer_at: Date | null
  reading_prevented: boolean | null
}

/** The billing profiles of accounts, by account id, in one query. */
export async function profilesOf(db: Db | Tx, accountIds: readonly string[]): Promise<Map<string, BillingProfileRow>> {
  if (accountIds.length === 0) return new Map()
  const rows = await rowsWhereIn(tables(db), 'billing_profiles', 'account_id', [...new Set(accountIds)]).execute()
  return new Map(rows.map((row) => [row.account_id, row]))
}

/** An account's facts (from accounts) with its billing profile, or nulls when it has none. */
function billable(facts: accounts.AccountFacts, profile: BillingProfileRow | undefined): BillableAccountRow {
  return {
    id: facts.id,
    number: facts.number,
    status: facts.status,
    opened_on: facts.openedOn,
    closed_on: facts.closedOn,
    customer_kind: facts.customerKind,
    cycle_day: profile?.cycle_day ?? null,
    payment_method: profile?.payment_method ?? null,
    origin: profile?.origin ?? null,
    transfer_at: profile?.transfer_at ?? null,
    reading_prevented: profile?.reading_prevented ?? null,
  }
}

export async function billableAccount(
  db: Db | Tx,
  where: { id?: string; number?: string },
): Promise<BillableAccountRow | undefined> {
  if (!where.id && !where.number) return undefined
  const facts = await accounts.accountFacts({ tx: db, accountId: where.id, accountNumber: where.number })
  if (!facts || (where.number && facts.number !== where.number)) return undefined
  return billable(facts, (await profilesOf(db, [facts.id])).get(facts.id))
}

/** Many accounts' billing rows (a billing run's batch), by id; unknown ids are absent. */
export async function billableAccountsByIds(db: Db | Tx, ids: readonly string[]): Promise<BillableAccountRow[]> {
  if (ids.length === 0) return []
  const facts = await accounts.accountFactsOf({ tx: db, accountIds: ids })
  const profiles = await profilesOf(
    db,
    facts.map((row) => row.id),
  )
  return facts.map((row) => billable(row, profiles.get(row.id)))
}

/**
 * Of the next `limit` accounts by id after `afterId`, those whose cycle day is `day` (business
 * accounts the 1st; domestic ones the day of the month they opened, capped at 28, unless their
 * profile says otherwise), open on `date`, and not shells; with the last id looked at (null when no account is left), to go on from. A page
 * is a range of the primary key whatever share of it is due, so a run reads each account once
 * however few are due that day: the page's facts come from accounts, only the profiles that can
 * make one due are read, and the filter runs over the page.
 */
export async function accountsDue(
  db: Db | Tx,
  { day, date, afterId, limit }: { day: number; date: string; afterId: string | null; limit: number },
): Promise<{ rows: BillableAccountRow[]; lastId: string | null }> {
  const page = await accounts.accountFactsPage({ tx: db, afterId, limit })
  const lastId = page.at(-1)?.id ?? null
  if (lastId === null) return { rows: [], lastId }
  // Only two kinds of profile can make an account of the page due today: one whose own cycle day is
  // today (read over the page's range of ids), and one of an account whose opening day makes it due
  // (read by id: a profile may move its day away, or make it a shell). The rest are not read.
  let ownDay = tables(db).selectFrom('billing_profiles').selectAll().where('cycle_day', '=', day)
  ownDay = ownDay.where('account_id', '<=', lastId)
  if (afterId !== null) ownDay = ownDay.where('account_id', '>', afterId)
  const dueByFacts = page.filter((facts) => cycleDayOf(billable(facts, undefined)) === day).map((facts) => facts.id)
  const profiles = new Map(
    [...(await ownDay.execute()), ...(await profilesOf(db, dueByFacts)).values()].map((row) => [row.account_id, row]),
  )
  const rows = page
    .map((facts) => billable(facts, profiles.get(facts.id)))
    .filter(
      (row) =>
        row.opened_on < date &&
        (row.closed_on === null || row.closed_on >= date) &&
        row.origin !== 'shell' &&
        cycleDayOf(row) === day,
    )
  return { rows, lastId }
}

export async function upsertProfile(tx: Tx, row: BillingProfileRow): Promise<void> {
  await upsertRow(tables(tx), 'billing_profiles', row, ['account_id'])
}

export async function insertHistoricalBill(tx: Tx, row: HistoricalBillRow): Promise<boolean> {
  return insertUnlessTaken(tables(tx), 'historical_bills', { ...row, readings: JSON.stringify(row.readings) }, [
    'account_id',
    'source',
    'reference',
  ])
}

export async function historicalBillsOf(db: Db | Tx, accountId: string): Promise<HistoricalBillRow[]> {
  return rowsOfAccount(tables(db), 'historical_bills', accountId).orderBy('issued_on', 'desc').execute()
}
