import type { AccountFeedQuery, AccountsQuery, Change, Db, IdBatchQuery, Tx } from '../../db/index.js'
import { decodeJsonCursor, encodeJsonCursor, pageOf } from '../../shared/cursor.js'
import { ValidationFailed } from '../../shared/errors.js'
import { camelFields } from '../../shared/row-mapping.js'
import * as access from '../access/index.js'
import * as audit from '../audit/index.js'
import { gspRegionOf } from './gsp-regions.js'
import {
  accountNumberKey,
  emailKey,
  looksLikeAccountNumber,
  looksLikePhone,
  looksLikePostcode,
  phoneDigits,
  postcodeKey,
} from './normalise.js'
import { AccountNotFound, recordOnAccount } from './operations.js'
import * as store from './store.js'
import {
  type AccountOverview,
  type AccountSectionsView,
  type AccountSummary,
  type Note,
  type OverviewSection,
  overviewSections,
  type PhoneContact,
} from './types.js'

export { InvalidCursor } from '../../shared/cursor.js'

const encodeCursor = encodeJsonCursor
const decodeCursor = decodeJsonCursor

const isOffsetCursor = (value: unknown): value is { o: number } =>
  typeof value === 'object' &&
  value !== null &&
  Number.isInteger((value as { o: unknown }).o) &&
  (value as { o: number }).o >= 0
const isNoteCursor = (value: unknown): value is { n: string } =>
  typeof value === 'object' && value !== null && typeof (value as { n: unknown }).n === 'string'

function toSummary(
  row: Pick<store.SearchRow, 'account_id' | 'number' | 'name' | 'address' | 'postcode' | 'status'>,
): AccountSummary {
  return {
    accountId: row.account_id,
    accountNumber: row.number,
    customerName: row.name,
    serviceAddress: row.address,
    postcode: row.postcode,
    status: row.status as AccountSummary['status'],
  }
}

export type SearchKind = 'account_number' | 'email' | 'phone' | 'postcode' | 'name_or_address'

/** How a search text is read: an account number, an email, a phone number, a postcode, or words. */
export function classifySearch(text: string): SearchKind {
  if (looksLikeAccountNumber(text)) return 'account_number'
  if (text.includes('@')) return 'email'
  if (looksLikePhone(text)) return 'phone'
  if (looksLikePostcode(text)) return 'postcode'
  return 'name_or_address'
}

/**
 * Search accounts (ACC-8) by account number, email, phone (however formatted), postcode or part of
 * one, or a name or address tolerant of misspellings; ranked, a page at a time. The search itself is
 * recorded (USR-6): who looked for what, and how many accounts it showed.
 * @throws ValidationFailed for an empty query, InvalidCursor
 */
export async function searchAccounts({
  tx,
  query,
  limit,
  cursor,
  actor,
  at,
}: Change & {
  query: string
  limit: number
  cursor?: string | undefined
}): Promise<{ items: AccountSummary[]; nextCursor: string | null; kind: SearchKind }> {
  const text = query.trim().replace(/\s+/g, ' ')
  if (text.length < 2)
    throw new ValidationFailed('Search needs at least 2 characters', [{ path: 'q', message: 'at least 2 characters' }])
  if (text.length > 200)
    throw new ValidationFailed('Search text is too long', [{ path: 'q', message: 'at most 200 characters' }])
  const offset = decodeCursor(cursor, isOffsetCursor)?.o ?? 0
  const page = { offset, limit: limit + 1 }
  const kind = classifySearch(text)
  let rows: Pick<store.SearchRow, 'account_id' | 'number' | 'name' | 'address' | 'postcode' | 'status'>[]
  switch (kind) {
    case 'account_number':
      rows = offset === 0 ? await store.searchByNumber(tx, accountNumberKey(text)) : []
      break
    case 'email':
      rows = await store.searchByContact(tx, 'email', emailKey(text), page)
      break
    case 'phone':
      rows = await store.searchByContact(tx, 'phone', phoneDigits(text), page)
      break
    case 'postcode':
      rows = await store.searchByPostcode(tx, postcodeKey(text), page)
      if (rows.length === 0 && offset === 0) rows = await store.searchFuzzy(tx, text, page)
      break
    default:
      rows = await store.searchFuzzy(tx, text, page)
  }
  const items = rows.slice(0, limit).map(toSummary)
  const nextCursor = rows.length > limit ? encodeCursor({ o: offset + limit }) : null
  await recordSearch({ tx, query: text, kind, offset, items, actor, at })
  return { items, nextCursor, kind }
}

/** A search recorded (USR-6): who looked for what, and which accounts it showed. */
async function recordSearch({
  tx,
  query,
  kind,
  offset,
  items,
  actor,
  at,
}: Change & { query: string; kind: string; offset: number; items: readonly AccountSummary[] }) {
  await audit.record(tx, {
    actor,
    action: 'accounts.search.performed',
    subject: { type: 'search', id: kind },
    context: { query, kind, offset, shown: items.map((item) => item.accountNumber) },
    at,
    relaxedDurability: true,
  })
}

/**
 * A search answered by accounts another module found (a meter point's MPAN or MPRN, a meter's
 * serial: metering's identifiers), in the order given, recorded as a search like any other.
 * Throws nothing but database failures.
 */
export async function searchFoundAccounts({
  tx,
  query,
  kind,
  accountIds,
  actor,
  at,
}: Change & { query: string; kind: 'meter_point' | 'meter_serial'; accountIds: readonly string[] }): Promise<{
  items: AccountSummary[]
  nextCursor: null
  kind: typeof kind
}> {
  const rows = new Map((await store.searchByIds(tx, accountIds)).map((row) => [row.account_id, row]))
  const items = accountIds.flatMap((id) => {
    const row = rows.get(id)
    return row ? [toSummary(row)] : []
  })
  await recordSearch({ tx, query: query.trim(), kind, offset: 0, items, actor, at })
  return { items, nextCursor: null, kind }
}

/** Notes with their authors' names (from access, in one call for the page). */
async function toNotes(tx: Db | Tx, rows: readonly store.NoteRow[]): Promise<Note[]> {
  const authorIds = rows.flatMap((row) => (row.author_id === null ? [] : [row.author_id]))
  const names = await access.staffNamesOf({ tx, staffIds: authorIds })
  return rows.map((row) => ({
    id: row.id,
    accountId: row.account_id,
    type: row.type as Note['type'],
    body: row.body,
    createdAt: row.created_at,
    author: {
      kind: row.author_kind,
      id: row.author_id,
      displayName: row.author_id === null ? null : (names.get(row.author_id) ?? null),
    },
  }))
}

async function notesPage(tx: Tx, accountId: string, limit: number, cursor: string | undefined) {
  const beforeId = decodeCursor(cursor, isNoteCursor)?.n
  const rows = await store.notesOf(tx, accountId, { limit: limit + 1, ...(beforeId ? { beforeId } : {}) })
  const { page, nextCursor } = pageOf(rows, limit, (last) => encodeCursor({ n: last.id }))
  return { items: await toNotes(tx, page), nextCursor }
}

/**
 * The account overview in one call (ACC-3, as far as the foundation reaches), recording the view and
 * the sections shown in the audit log (AUD-1, USR-6).
 * @throws AccountNotFound
 */
export async function viewAccountOverview({
  tx,
  accountNumber,
  actor,
  at,
  notesLimit = 20,
}: Change & {
  accountNumber: string
  notesLimit?: number
}): Promise<AccountOverview> {
  const view = await readAccountSections({ tx, accountNumber, sections: overviewSections, notesLimit })
  await recordOnAccount(tx, view.account.id, {
    actor,
    action: 'accounts.account.viewed',
    context: { sections: [...overviewSections] },
    at,
    relaxedDurability: true,
  })
  return view as AccountOverview
}

/**
 * Only the asked-for sections of the account overview, unaudited: for a use case that shapes the view
 * by the caller's permissions and records what it showed. `summary` (number, holder, service address)
 * always comes; `preferences` brings the billing address with the billing mode (both are about bills).
 * @throws AccountNotFound
 */
export async function readAccountSections({
  tx,
  accountNumber,
  sections,
  notesLimit = 20,
}: {
  tx: Tx
  accountNumber: string
  sections: readonly OverviewSection[]
  notesLimit?: number
}): Promise<AccountSectionsView> {
  const row = await store.findAccountByNumber(tx, accountNumberKey(accountNumber))
  if (!row) throw new AccountNotFound(`There is no account ${accountNumber}`)
  const wanted = new Set(sections)
  const [contacts, notes] = await Promise.all([
    wanted.has('contacts') ? store.contactsOf(tx, row.id) : undefined,
    wanted.has('notes') ? notesPage(tx, row.id, notesLimit, undefined) : undefined,
  ])
  const region = row.gsp_region ? gspRegionOf(row.gsp_region) : undefined
  return {
    account: {
      id: row.id,
      number: row.number,
      status: row.status as AccountOverview['account']['status'],
      openedOn: row.opened_on,
      closedOn: row.closed_on,
      market: row.market as AccountOverview['account']['market'],
    },
    customer: {
      id: row.customer_id,
      kind: row.kind as AccountOverview['customer']['kind'],
      displayName: row.display_name,
      title: row.title,
      givenName: row.given_name,
      familyName: row.family_name,
      businessName: row.business_name,
    },
    property: {
      id: row.property_id,
      addressLines: [row.line1, ...(row.line2 ? [row.line2] : [])],
      town: row.town,
      postcode: row.postcode,
      gspRegion: region ? { code: region.code, name: region.name } : null,
    },
    ...(contacts
      ? {
          contacts: {
            emails: contacts
              .filter((c) => c.kind === 'email')
              .map((c) => ({ address: c.value, primary: c.is_primary })),
            phones: contacts
              .filter((c) => c.kind === 'phone')
              .map((c) => ({ number: c.value, label: (c.label ?? 'other') as 'mobile', primary: c.is_primary })),
          },
        }
      : {}),
    ...(wanted.has('preferences')
      ? {
          billingAddress: row.billing_address
            ? {
                addressLines: [
                  row.billing_address.line1,
                  ...(row.billing_address.line2 ? [row.billing_address.line2] : []),
                ],
                town: row.billing_address.town,
                postcode: row.billing_address.postcode,
              }
            : null,
          preferences: { billingMode: row.billing_mode as 'paperless' | 'paper' },
        }
      : {}),
    ...(notes ? { notes } : {}),
  }
}

/**
 * A further page of an account's notes, newest first; recorded as a view of the notes section.
 * @throws AccountNotFound, InvalidCursor
 */
export async function listNotes({
  tx,
  accountNumber,
  limit,
  cursor,
  actor,
  at,
}: Change & {
  accountNumber: string
  limit: number
  cursor?: string | undefined
}): Promise<{ items: Note[]; nextCursor: string | null }> {
  const accountId = await store.findAccountId(tx, accountNumberKey(accountNumber))
  if (!accountId) throw new AccountNotFound(`There is no account ${accountNumber}`)
  const page = await notesPage(tx, accountId, limit, cursor)
  await recordOnAccount(tx, accountId, {
    actor,
    action: 'accounts.account.viewed',
    context: { sections: ['notes'] },
    at,
    relaxedDurability: true,
  })
  return page
}

/** How many accounts there are (any status). */
export async function countAccounts(db: Db | Tx): Promise<number> {
  return store.countAccounts(db)
}

/**
 * An account's identity and supply address, unaudited: for modules and use cases that compose
 * their own audited view (meter points, the Octopus-compatible account). Undefined when unknown.
 */
export async function findAccountSupply({ tx, accountNumber }: { tx: Db | Tx; accountNumber: string }) {
  const row = await store.findAccountByNumber(tx, accountNumber)
  if (!row) return undefined
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    property: {
      id: row.property_id,
      line1: row.line1,
      line2: row.line2,
      town: row.town,
      postcode: row.postcode,
      gspRegion: row.gsp_region,
    },
  }
}

/**
 * Who an account's letters, emails and texts go to: the customer's names, the contacts on file, the
 * postal address (the billing address, else the service address) and paper or paperless; unaudited,
 * for modules that compose messages (comms). Undefined when there is no such account.
 */
export async function findAccountContacts({ tx, accountId }: { tx: Db | Tx; accountId: string }) {
  const card = await store.findContactCard(tx, accountId)
  if (!card) return undefined
  const { account: row, contacts } = card
  const postal = row.billing_address ?? { line1: row.line1, line2: row.line2, town: row.town, postcode: row.postcode }
  return {
    id: row.id,
    number: row.number,
    status: row.status as 'active' | 'closed',
    market: row.market as 'gb' | 'us',
    customer: {
      kind: row.kind as 'person' | 'business',
      displayName: row.display_name,
      title: row.title,
      givenName: row.given_name,
      familyName: row.family_name,
      businessName: row.business_name,
    },
    serviceAddress: { line1: row.line1, line2: row.line2, town: row.town, postcode: row.postcode },
    postalAddress: { line1: postal.line1, line2: postal.line2 ?? null, town: postal.town, postcode: postal.postcode },
    emails: contacts.filter((c) => c.kind === 'email').map((c) => ({ address: c.value, primary: c.is_primary })),
    phones: contacts
      .filter((c) => c.kind === 'phone')
      .map((c) => ({
        number: c.value,
        digits: c.normalized,
        label: (c.label ?? 'other') as PhoneContact['label'],
        primary: c.is_primary,
      })),
    billingMode: row.billing_mode as 'paperless' | 'paper',
  }
}

/** The facts other modules decide on: lifecycle, dates and whether the customer is a business. */
/** The numbers of accounts by id, in one query; ids of no account are absent. Throws nothing. */
export async function accountNumbersOf({ tx, accountIds }: AccountsQuery): Promise<Map<string, string>> {
  const rows = await store.accountNumberRows(tx, [...new Set(accountIds)])
  return new Map(rows.map((row) => [row.id, row.number]))
}

/**
 * Another module's rows with each one's account number added as `account_number`, in one query; a
 * row whose account does not exist is left out. Throws nothing.
 */
export async function withAccountNumbers<Row extends { account_id: string }>({
  tx,
  rows,
}: {
  tx: Db | Tx
  rows: readonly Row[]
}): Promise<(Row & { account_number: string })[]> {
  const numbers = await accountNumbersOf({ tx, accountIds: rows.map((row) => row.account_id) })
  return rows.flatMap((row) => {
    const number = numbers.get(row.account_id)
    return number === undefined ? [] : [{ ...row, account_number: number }]
  })
}

/** What other modules decide on about an account: lifecycle, dates and whether the customer is a business. */
export interface AccountFacts {
  readonly id: string
  readonly number: string
  readonly status: string
  readonly market: string
  readonly openedOn: string
  readonly closedOn: string | null
  readonly customerKind: 'person' | 'business'
  readonly displayName: string
}

function toFacts(row: store.AccountFactsRow): AccountFacts {
  return {
    ...camelFields(row, ['id', 'number', 'status', 'market', 'opened_on', 'closed_on', 'display_name']),
    customerKind: row.kind as 'person' | 'business',
  }
}

/** One account's facts, by id or by number; undefined when there is none. Throws nothing. */
export async function accountFacts({
  tx,
  accountId,
  accountNumber,
}: {
  tx: Db | Tx
  accountId?: string | undefined
  accountNumber?: string | undefined
}): Promise<AccountFacts | undefined> {
  const where =
    accountId !== undefined ? { id: accountId } : accountNumber !== undefined ? { number: accountNumber } : null
  const row = where ? await store.accountFactsRow(tx, where) : undefined
  return row ? toFacts(row) : undefined
}

/** Many accounts' facts by id in one query, in id order; ids of no account are absent. Throws nothing. */
export async function accountFactsOf({ tx, accountIds }: AccountsQuery): Promise<AccountFacts[]> {
  return (await store.accountFactsRows(tx, [...new Set(accountIds)])).map(toFacts)
}

/**
 * The facts of the next `limit` accounts in id order after `afterId` (from the first when null): for
 * a run that reads every account once, a page at a time. Throws nothing.
 */
export async function accountFactsPage({ tx, afterId, limit }: IdBatchQuery): Promise<AccountFacts[]> {
  return (await store.accountFactsPage(tx, { afterId, limit })).map(toFacts)
}

/**
 * An account's notes strictly before `(at, id)`, newest first (by time, then id), at most `limit`;
 * unaudited, for a use case that records its own view (the account timeline). Throws nothing.
 */
export async function notesBefore({ tx, accountId, before, limit }: AccountFeedQuery): Promise<Note[]> {
  return toNotes(tx, await store.notesBefore(tx, accountId, { before, limit }))
}
