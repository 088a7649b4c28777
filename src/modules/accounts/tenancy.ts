/**
 * Change of tenancy (ACC-9), the accounts side: close an account at a date, and open the next
 * occupier's account at the same property — a named customer, or "The Occupier" when nobody is
 * known yet.
 */
import type { AccountChange, Change, Tx } from '../../db/index.js'
import { Conflict, ValidationFailed, withCode } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { isLocalDate } from '../../shared/time.js'
import { displayName, emailKey, oneLineAddress, phoneDigits, postcodeKey } from './normalise.js'
import { AccountNotFound, AccountNumberTaken, InvalidAccountDetails, recordOnAccount } from './operations.js'
import * as store from './store.js'
import type { NewCustomer } from './types.js'

export class AccountAlreadyClosed extends withCode(Conflict, 'ACCOUNT_ALREADY_CLOSED') {}
export class InvalidClosingDate extends withCode(ValidationFailed, 'INVALID_CLOSING_DATE') {}

/** The name an account is opened under when the new occupant of a property is not known. */
export const occupierName = 'The Occupier'

export interface TenancyAccount {
  readonly id: string
  readonly number: string
  readonly status: 'active' | 'closed'
  readonly market: 'gb' | 'us'
  readonly openedOn: string
  readonly closedOn: string | null
  readonly propertyId: string
  readonly customerName: string
  /** Whether the account is a "The Occupier" account, waiting for its occupant's name. */
  readonly occupier: boolean
}

function tenancyAccount(row: store.LockedAccountRow): TenancyAccount {
  return {
    id: row.id,
    number: row.number,
    status: row.status as 'active' | 'closed',
    market: row.market as 'gb' | 'us',
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    propertyId: row.property_id,
    customerName: row.display_name,
    occupier: row.kind === 'person' && row.given_name === null && row.family_name === occupierName,
  }
}

/**
 * The account by number, locked for the rest of the transaction so that two changes of tenancy of
 * one account are made one after the other. @throws AccountNotFound
 */
export async function lockTenancy({ tx, accountNumber }: { tx: Tx; accountNumber: string }): Promise<TenancyAccount> {
  const row = await store.lockedAccount(tx, { number: accountNumber })
  if (!row) throw new AccountNotFound(`There is no account ${accountNumber}`)
  return tenancyAccount(row)
}

/**
 * Close an account at a local date: from `on` it is no longer responsible for the supply (the
 * account's dates are half-open, `[openedOn, closedOn)`, like every period here), its status is
 * closed and its search entry says so.
 * @throws AccountNotFound, AccountAlreadyClosed, InvalidClosingDate (not a date, or before it opened)
 */
export async function closeAccount({
  tx,
  accountId,
  on,
  reason,
  actor,
  at,
}: AccountChange & {
  on: string
  /** Why, for the audit trail (`move_out`, `move_in`). */
  reason: string
}): Promise<TenancyAccount> {
  const row = await store.lockedAccount(tx, { id: accountId })
  if (!row) throw new AccountNotFound(`There is no account ${accountId}`)
  if (row.status === 'closed') {
    throw new AccountAlreadyClosed(`Account ${row.number} was closed on ${row.closed_on ?? 'an earlier date'}`, {
      closedOn: row.closed_on,
    })
  }
  if (!isLocalDate(on)) {
    throw new InvalidClosingDate('Close an account at a date', [{ path: 'on', message: 'a date YYYY-MM-DD' }])
  }
  if (on < row.opened_on) {
    throw new InvalidClosingDate(`Account ${row.number} opened on ${row.opened_on}: it cannot close before that`, [
      { path: 'on', message: `on or after ${row.opened_on}` },
    ])
  }
  await store.markAccountClosed(tx, row.id, on)
  await recordOnAccount(tx, row.id, {
    actor,
    action: 'accounts.account.closed',
    before: { status: row.status, closedOn: row.closed_on },
    after: { status: 'closed', closedOn: on, reason },
    at,
  })
  return { ...tenancyAccount(row), status: 'closed', closedOn: on }
}

export interface NextOccupant {
  readonly customer: NewCustomer
  readonly email?: string | null | undefined
  readonly phone?: string | null | undefined
}

/** "The Occupier": a person with only a family name, so it reads as the name on a letter. */
export const occupierCustomer: NewCustomer = { kind: 'person', title: null, givenName: null, familyName: occupierName }

type Problem = { path: string; message: string }

function checkOccupant(occupant: NextOccupant): Problem[] {
  const problems: Problem[] = []
  const customer = occupant.customer
  if (customer.kind === 'person' && !customer.familyName?.trim())
    problems.push({ path: 'newOccupant.familyName', message: 'required for a person' })
  if (customer.kind === 'business' && !customer.businessName?.trim())
    problems.push({ path: 'newOccupant.businessName', message: 'required for a business' })
  if (displayName(customer).length > 200) problems.push({ path: 'newOccupant.name', message: 'at most 200 characters' })
  if (occupant.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(occupant.email.trim()))
    problems.push({ path: 'newOccupant.email', message: 'not an email address' })
  if (occupant.phone) {
    const digits = phoneDigits(occupant.phone)
    if (digits.length < 10 || digits.length > 11)
      problems.push({ path: 'newOccupant.phone', message: 'not a phone number (10 or 11 digits)' })
  }
  return problems
}

/**
 * Open the next occupier's account at the property of an account (ACC-9), from `openedOn`: the
 * customer (named, or "The Occupier"), the account on the same market, its contacts and its search
 * entry. The property row is shared, not copied: it is the place the meter points belong to, and a
 * second row with the same address would split the property's history in two.
 * Paperless when there is an email to send to, else paper (a letter reaches "The Occupier").
 * @throws AccountNotFound, InvalidAccountDetails, AccountNumberTaken (found before anything is
 *   written, so the caller may draw another number and try again in the same transaction)
 */
export async function openNextOccupierAccount({
  tx,
  previousAccountId,
  number,
  occupant,
  openedOn,
  actor,
  at,
}: Change & {
  /** The account whose property the new one is at. */
  previousAccountId: string
  number: string
  occupant: NextOccupant
  openedOn: string
}): Promise<TenancyAccount> {
  const problems = checkOccupant(occupant)
  if (!/^A-[0-9A-F]{8}$/.test(number)) problems.push({ path: 'number', message: 'must be A- and 8 hex digits' })
  if (!isLocalDate(openedOn)) problems.push({ path: 'openedOn', message: 'a date YYYY-MM-DD' })
  if (problems.length > 0) throw new InvalidAccountDetails('The new occupant’s details are not valid', problems)
  const previous = await store.accountPlace(tx, previousAccountId)
  if (!previous) throw new AccountNotFound(`There is no account ${previousAccountId}`)
  if (await store.numberTaken(tx, number)) {
    throw new AccountNumberTaken(`The account number ${number} is already in use`, [
      { path: 'number', message: 'taken' },
    ])
  }

  const customer = occupant.customer
  const name = displayName(customer)
  const accountId = newId('acc')
  const customerId = newId('cus')
  const email = occupant.email?.trim() || null
  const phone = occupant.phone?.trim() || null
  const contacts: store.ContactRow[] = []
  if (email) {
    contacts.push({
      id: newId('con'),
      account_id: accountId,
      kind: 'email',
      value: email,
      normalized: emailKey(email),
      label: null,
      is_primary: true,
      position: 0,
    })
  }
  if (phone) {
    contacts.push({
      id: newId('con'),
      account_id: accountId,
      kind: 'phone',
      value: phone,
      normalized: phoneDigits(phone),
      label: phoneDigits(phone).startsWith('07') ? 'mobile' : 'home',
      is_primary: true,
      position: 0,
    })
  }
  await store.insertAccountAtProperty(tx, {
    customer: {
      id: customerId,
      kind: customer.kind,
      title: customer.title?.trim() || null,
      given_name: customer.givenName?.trim() || null,
      family_name: customer.familyName?.trim() || null,
      business_name: customer.businessName?.trim() || null,
      display_name: name,
      created_at: at,
    },
    account: {
      id: accountId,
      number,
      customer_id: customerId,
      property_id: previous.property_id,
      status: 'active',
      market: previous.market,
      opened_on: openedOn,
      closed_on: null,
      billing_address: null,
      billing_mode: email ? 'paperless' : 'paper',
      created_at: at,
    },
    contacts,
    search: {
      account_id: accountId,
      number,
      name,
      address: oneLineAddress(previous),
      postcode: previous.postcode,
      postcode_key: postcodeKey(previous.postcode),
      emails: email ? emailKey(email) : '',
      phones: phone ? phoneDigits(phone) : '',
      status: 'active',
    },
  })
  const occupier = customer.kind === 'person' && !customer.givenName && customer.familyName === occupierName
  await recordOnAccount(tx, accountId, {
    actor,
    action: 'accounts.account.created',
    after: {
      number,
      customer: name,
      postcode: previous.postcode,
      propertyId: previous.property_id,
      openedOn,
      reason: 'change_of_tenancy',
      occupier,
    },
    at,
  })
  return {
    id: accountId,
    number,
    status: 'active',
    market: previous.market as 'gb' | 'us',
    openedOn,
    closedOn: null,
    propertyId: previous.property_id,
    customerName: name,
    occupier,
  }
}
