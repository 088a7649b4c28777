import { type ColumnType, type Selectable, sql } from 'kysely'
import { countOf } from '../../db/count.js'
import { newestFirstBefore } from '../../db/feed.js'
import { type AccountFeedQuery, type Db, type IdBatchQuery, type Tx, withTables } from '../../db/index.js'

export interface CustomerRow {
  id: string
  kind: string
  title: string | null
  given_name: string | null
  family_name: string | null
  business_name: string | null
  display_name: string
  created_at: Date
}
export interface PropertyRow {
  id: string
  line1: string
  line2: string | null
  town: string
  postcode: string
  gsp_region: string | null
  created_at: Date
}
type JsonColumn<T> = ColumnType<T, string | null, string | null>
interface AccountsTable {
  id: string
  number: string
  customer_id: string
  property_id: string
  status: string
  market: string
  opened_on: string
  closed_on: string | null
  billing_address: JsonColumn<{ line1: string; line2: string | null; town: string; postcode: string } | null>
  billing_mode: string
  created_at: Date
}
export interface ContactRow {
  id: string
  account_id: string
  kind: string
  value: string
  normalized: string
  label: string | null
  is_primary: boolean
  position: number
}
export interface NoteRow {
  id: string
  account_id: string
  type: string
  body: string
  author_kind: string
  author_id: string | null
  created_at: Date
}
export interface SearchRow {
  account_id: string
  number: string
  name: string
  address: string
  postcode: string
  postcode_key: string
  emails: string
  phones: string
  status: string
}

const tables = withTables<{
  customers: CustomerRow
  properties: PropertyRow
  accounts: AccountsTable
  account_contacts: ContactRow
  account_notes: NoteRow
  account_search: SearchRow
}>()

export type AccountRow = Selectable<AccountsTable>

export interface AccountInsert {
  customer: CustomerRow
  property: PropertyRow
  account: Omit<AccountRow, 'billing_address'> & { billing_address: string | null }
  contacts: ContactRow[]
  search: SearchRow
}

/** Insert whole accounts (customer, property, account, contacts, search row), many per statement. */
export async function insertAccounts(tx: Tx, rows: AccountInsert[]): Promise<void> {
  if (rows.length === 0) return
  await tables(tx)
    .insertInto('customers')
    .values(rows.map((r) => r.customer))
    .execute()
  await tables(tx)
    .insertInto('properties')
    .values(rows.map((r) => r.property))
    .execute()
  await tables(tx)
    .insertInto('accounts')
    .values(rows.map((r) => r.account))
    .execute()
  const contacts = rows.flatMap((r) => r.contacts)
  if (contacts.length > 0) await tables(tx).insertInto('account_contacts').values(contacts).execute()
  await tables(tx)
    .insertInto('account_search')
    .values(rows.map((r) => r.search))
    .execute()
}

/** Accounts (`a`) joined to their customers (`c`): where the reads of an account with its holder start. */
function accountsWithCustomers(db: Db | Tx) {
  return tables(db).selectFrom('accounts as a').innerJoin('customers as c', 'c.id', 'a.customer_id')
}
const accountColumns = ['a.id', 'a.number', 'a.status', 'a.market'] as const
const customerNameColumns = [
  'c.kind',
  'c.title',
  'c.given_name',
  'c.family_name',
  'c.business_name',
  'c.display_name',
] as const
const addressColumns = ['p.line1', 'p.line2', 'p.town', 'p.postcode'] as const

/** The account's row with its customer, locked for the rest of the transaction. */
export async function lockedAccount(tx: Tx, where: { id: string } | { number: string }) {
  let query = accountsWithCustomers(tx)
    .select([
      ...accountColumns,
      'a.opened_on',
      'a.closed_on',
      'a.property_id',
      'c.kind',
      'c.given_name',
      'c.family_name',
      'c.display_name',
    ])
    .forUpdate('a')
  query = 'id' in where ? query.where('a.id', '=', where.id) : query.where('a.number', '=', where.number)
  return query.executeTakeFirst()
}
export type LockedAccountRow = NonNullable<Awaited<ReturnType<typeof lockedAccount>>>

/** Close the account from the date `on`, and its search entry with it. */
export async function markAccountClosed(tx: Tx, accountId: string, on: string): Promise<void> {
  await tables(tx)
    .updateTable('accounts')
    .set({ status: 'closed', closed_on: on })
    .where('id', '=', accountId)
    .execute()
  await tables(tx).updateTable('account_search').set({ status: 'closed' }).where('account_id', '=', accountId).execute()
}

/** The account's market and property (its address), or undefined when there is no such account. */
export async function accountPlace(db: Db | Tx, accountId: string) {
  return tables(db)
    .selectFrom('accounts as a')
    .innerJoin('properties as p', 'p.id', 'a.property_id')
    .select(['a.market', 'p.id as property_id', ...addressColumns])
    .where('a.id', '=', accountId)
    .executeTakeFirst()
}

/** Insert an account at a property already there: its customer, the account, contacts and search row. */
export async function insertAccountAtProperty(tx: Tx, row: Omit<AccountInsert, 'property'>): Promise<void> {
  await tables(tx).insertInto('customers').values(row.customer).execute()
  await tables(tx).insertInto('accounts').values(row.account).execute()
  if (row.contacts.length > 0) await tables(tx).insertInto('account_contacts').values(row.contacts).execute()
  await tables(tx).insertInto('account_search').values(row.search).execute()
}

export async function numberTaken(db: Db | Tx, number: string): Promise<boolean> {
  const row = await tables(db).selectFrom('accounts').select('id').where('number', '=', number).executeTakeFirst()
  return row !== undefined
}

/** The account with its customer and property, by account number. */
export async function findAccountByNumber(db: Db | Tx, number: string) {
  return accountsWithCustomers(db)
    .innerJoin('properties as p', 'p.id', 'a.property_id')
    .select([
      ...accountColumns,
      'a.opened_on',
      'a.closed_on',
      'a.billing_address',
      'a.billing_mode',
      'c.id as customer_id',
      ...customerNameColumns,
      'p.id as property_id',
      ...addressColumns,
      'p.gsp_region',
    ])
    .where('a.number', '=', number)
    .executeTakeFirst()
}

export async function findAccountId(db: Db | Tx, number: string): Promise<string | undefined> {
  const row = await tables(db).selectFrom('accounts').select('id').where('number', '=', number).executeTakeFirst()
  return row?.id
}

export async function contactsOf(db: Db | Tx, accountId: string): Promise<ContactRow[]> {
  return tables(db)
    .selectFrom('account_contacts')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('kind')
    .orderBy('position')
    .execute()
}

export async function replaceContacts(tx: Tx, accountId: string, contacts: ContactRow[]): Promise<void> {
  await tables(tx).deleteFrom('account_contacts').where('account_id', '=', accountId).execute()
  if (contacts.length > 0) await tables(tx).insertInto('account_contacts').values(contacts).execute()
}

export async function updateSearchRow(tx: Tx, accountId: string, changes: Partial<Omit<SearchRow, 'account_id'>>) {
  await tables(tx).updateTable('account_search').set(changes).where('account_id', '=', accountId).execute()
}

export async function updateAccount(
  tx: Tx,
  accountId: string,
  changes: { billing_mode?: string; billing_address?: string | null },
) {
  await tables(tx).updateTable('accounts').set(changes).where('id', '=', accountId).execute()
}

export async function insertNote(tx: Tx, row: NoteRow): Promise<void> {
  await tables(tx).insertInto('account_notes').values(row).execute()
}

/** Notes newest first (ids sort by time), after a cursor id. */
export async function notesOf(
  db: Db | Tx,
  accountId: string,
  { beforeId, limit }: { beforeId?: string; limit: number },
) {
  let query = tables(db)
    .selectFrom('account_notes as n')
    .select(['n.id', 'n.account_id', 'n.type', 'n.body', 'n.author_kind', 'n.author_id', 'n.created_at'])
    .where('n.account_id', '=', accountId)
  if (beforeId) query = query.where('n.id', '<', beforeId)
  return query.orderBy('n.id', 'desc').limit(limit).execute()
}

const summaryColumns = ['account_id', 'number', 'name', 'address', 'postcode', 'status'] as const

export async function searchByNumber(db: Db | Tx, number: string) {
  return tables(db).selectFrom('account_search').select(summaryColumns).where('number', '=', number).execute()
}

/** The search rows of these accounts (found by another module's identifiers, e.g. an MPAN). */
export async function searchByIds(db: Db | Tx, accountIds: readonly string[]) {
  if (accountIds.length === 0) return []
  return tables(db).selectFrom('account_search').select(summaryColumns).where('account_id', 'in', accountIds).execute()
}

export async function searchByContact(
  db: Db | Tx,
  kind: 'email' | 'phone',
  normalized: string,
  { offset, limit }: Page,
) {
  return tables(db)
    .selectFrom('account_contacts as c')
    .innerJoin('account_search as s', 's.account_id', 'c.account_id')
    .select(summaryColumns.map((column) => `s.${column}` as const))
    .where('c.kind', '=', kind)
    .where('c.normalized', '=', normalized)
    .groupBy(summaryColumns.map((column) => `s.${column}` as const))
    .orderBy('s.number')
    .offset(offset)
    .limit(limit)
    .execute()
}

export async function searchByPostcode(db: Db | Tx, keyPrefix: string, { offset, limit }: Page) {
  return tables(db)
    .selectFrom('account_search')
    .select(summaryColumns)
    .where('postcode_key', 'like', `${keyPrefix.replace(/[%_\\]/g, '')}%`)
    .orderBy('postcode_key')
    .orderBy('address')
    .offset(offset)
    .limit(limit)
    .execute()
}

export interface Page {
  readonly offset: number
  readonly limit: number
}

/**
 * Fuzzy search over names and addresses with pg_trgm word similarity, ranked: an exact name first,
 * then by similarity. The threshold is lowered for this transaction only, so one transposed pair of
 * letters ('Ashwroth') still finds its match.
 */
export async function searchFuzzy(tx: Tx, text: string, { offset, limit }: Page) {
  await sql`select set_config('pg_trgm.word_similarity_threshold', '0.3', true)`.execute(tx)
  // The planner prices word_similarity as cheap and prefers a sequential scan over the trigram
  // indexes, which is 30x slower at 100,000 accounts; for this transaction only, it may not.
  await sql`select set_config('enable_seqscan', 'off', true)`.execute(tx)
  const result = await sql<SearchRow & { score: number }>`
    select account_id, number, name, address, postcode, status,
      greatest(word_similarity(${text}, name) + case when lower(name) = lower(${text}) then 1 else 0 end,
               word_similarity(${text}, address) * 0.9) as score
    from account_search
    where ${text} <% name or ${text} <% address
    order by score desc, number
    offset ${offset} limit ${limit}`.execute(tx)
  return result.rows
}

export async function countAccounts(db: Db | Tx): Promise<number> {
  return countOf(tables(db).selectFrom('accounts'))
}

export async function lockAccountRow(tx: Tx, accountId: string) {
  return tables(tx)
    .selectFrom('accounts')
    .select(['id', 'number', 'market', 'status'])
    .where('id', '=', accountId)
    .forUpdate()
    .executeTakeFirst()
}

/** The account with its customer, property and contact rows, by id (for modules that write to the customer). */
export async function findContactCard(db: Db | Tx, accountId: string) {
  const account = await accountsWithCustomers(db)
    .innerJoin('properties as p', 'p.id', 'a.property_id')
    .select([...accountColumns, 'a.billing_address', 'a.billing_mode', ...customerNameColumns, ...addressColumns])
    .where('a.id', '=', accountId)
    .executeTakeFirst()
  return account ? { account, contacts: await contactsOf(db, accountId) } : undefined
}

export async function accountNumberRows(db: Db | Tx, accountIds: readonly string[]) {
  if (accountIds.length === 0) return []
  return tables(db)
    .selectFrom('accounts')
    .select(['id', 'number'])
    .where('id', 'in', [...accountIds])
    .execute()
}

function accountFactsQuery(db: Db | Tx) {
  return accountsWithCustomers(db).select([...accountColumns, 'a.opened_on', 'a.closed_on', 'c.kind', 'c.display_name'])
}
export type AccountFactsRow = Awaited<ReturnType<typeof accountFactsRow>> & {}

export async function accountFactsRow(db: Db | Tx, where: { id: string } | { number: string }) {
  return 'id' in where
    ? accountFactsQuery(db).where('a.id', '=', where.id).executeTakeFirst()
    : accountFactsQuery(db).where('a.number', '=', where.number).executeTakeFirst()
}

/** Many accounts' facts by id, in id order; unknown ids are absent. */
export async function accountFactsRows(db: Db | Tx, accountIds: readonly string[]) {
  if (accountIds.length === 0) return []
  return accountFactsQuery(db)
    .where('a.id', 'in', [...accountIds])
    .orderBy('a.id')
    .execute()
}

/** The facts of the next `limit` accounts by id after `afterId` (from the first when null). */
export async function accountFactsPage(db: Db | Tx, { afterId, limit }: Omit<IdBatchQuery, 'tx'>) {
  let query = accountFactsQuery(db).orderBy('a.id').limit(limit)
  if (afterId !== null) query = query.where('a.id', '>', afterId)
  return query.execute()
}

/**
 * Notes strictly before `(at, id)` in the order newest first (created_at, then id by bytes): for a
 * feed that merges several kinds of record by time (the account timeline).
 */
export async function notesBefore(
  db: Db | Tx,
  accountId: string,
  { before, limit }: Pick<AccountFeedQuery, 'before' | 'limit'>,
) {
  const query = tables(db)
    .selectFrom('account_notes as n')
    .select(['n.id', 'n.account_id', 'n.type', 'n.body', 'n.author_kind', 'n.author_id', 'n.created_at'])
    .where('n.account_id', '=', accountId)
  return newestFirstBefore(query, { at: 'n.created_at', id: 'n.id', before, limit }).execute()
}
