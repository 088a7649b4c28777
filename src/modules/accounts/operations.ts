import type { Change, Tx } from '../../db/index.js'
import { Conflict, NotFound, ValidationFailed, withCode } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import * as audit from '../audit/index.js'
import { gspRegionOf } from './gsp-regions.js'
import {
  displayName,
  emailKey,
  formatPostcode,
  isUkPostcode,
  oneLineAddress,
  phoneDigits,
  postcodeKey,
} from './normalise.js'
import * as store from './store.js'
import type { Address, EmailContact, NewAccount, Note, NoteType, PhoneContact } from './types.js'

export class AccountNotFound extends withCode(NotFound, 'ACCOUNT_NOT_FOUND') {}
export class AccountNumberTaken extends withCode(Conflict, 'ACCOUNT_NUMBER_TAKEN') {}
export class InvalidAccountDetails extends withCode(ValidationFailed, 'INVALID_ACCOUNT_DETAILS') {}

type Problem = { path: string; message: string }

/** Record an event about an account, on that account, in the audit log in the caller's transaction. */
export function recordOnAccount(
  tx: Tx,
  accountId: string,
  event: Omit<audit.AuditEventInput, 'subject' | 'accountId'>,
): Promise<unknown> {
  return audit.record(tx, { ...event, subject: { type: 'account', id: accountId }, accountId })
}

/** One kind of contact as its rows will hold it. */
type ContactValue = Pick<store.ContactRow, 'value' | 'normalized' | 'label'> & { readonly primary: boolean }

/** The rows of one kind of contact, in the order given: the first marked primary is primary, else the first. */
function rowsOfKind(accountId: string, kind: 'email' | 'phone', contacts: readonly ContactValue[]): store.ContactRow[] {
  const primary = Math.max(
    0,
    contacts.findIndex((contact) => contact.primary),
  )
  return contacts.map(({ value, normalized, label }, position) => ({
    id: newId('con'),
    account_id: accountId,
    kind,
    value,
    normalized,
    label,
    is_primary: position === primary,
    position,
  }))
}

function contactRows(
  accountId: string,
  emails: readonly EmailContact[],
  phones: readonly PhoneContact[],
): store.ContactRow[] {
  const emailValues = emails.map((email) => ({
    value: email.address.trim(),
    normalized: emailKey(email.address),
    label: null,
    primary: email.primary,
  }))
  const phoneValues = phones.map((phone) => ({
    value: phone.number.trim(),
    normalized: phoneDigits(phone.number),
    label: phone.label,
    primary: phone.primary,
  }))
  return [...rowsOfKind(accountId, 'email', emailValues), ...rowsOfKind(accountId, 'phone', phoneValues)]
}

function checkContacts(emails: readonly EmailContact[], phones: readonly PhoneContact[], prefix = ''): Problem[] {
  const problems: Problem[] = []
  const seenEmails = new Set<string>()
  emails.forEach((email, i) => {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.address.trim()))
      problems.push({ path: `${prefix}emails.${i}.address`, message: 'not an email address' })
    if (seenEmails.has(emailKey(email.address)))
      problems.push({ path: `${prefix}emails.${i}.address`, message: 'listed twice' })
    seenEmails.add(emailKey(email.address))
  })
  const seenPhones = new Set<string>()
  phones.forEach((phone, i) => {
    const digits = phoneDigits(phone.number)
    if (digits.length < 10 || digits.length > 11)
      problems.push({ path: `${prefix}phones.${i}.number`, message: 'not a phone number (10 or 11 digits)' })
    if (seenPhones.has(digits)) problems.push({ path: `${prefix}phones.${i}.number`, message: 'listed twice' })
    seenPhones.add(digits)
  })
  if (emails.filter((email) => email.primary).length > 1)
    problems.push({ path: `${prefix}emails`, message: 'only one may be primary' })
  if (phones.filter((phone) => phone.primary).length > 1)
    problems.push({ path: `${prefix}phones`, message: 'only one may be primary' })
  return problems
}

function checkNewAccount(input: NewAccount, index: number | null): Problem[] {
  const prefix = index === null ? '' : `${index}.`
  const problems: Problem[] = []
  if (!/^A-[0-9A-F]{8}$/.test(input.number))
    problems.push({ path: `${prefix}number`, message: 'must be A- and 8 hex digits' })
  const c = input.customer
  if (c.kind === 'person' && !c.familyName?.trim())
    problems.push({ path: `${prefix}customer.familyName`, message: 'required for a person' })
  if (c.kind === 'business' && !c.businessName?.trim())
    problems.push({ path: `${prefix}customer.businessName`, message: 'required for a business' })
  if (input.market === 'gb' && !isUkPostcode(input.property.postcode))
    problems.push({ path: `${prefix}property.postcode`, message: 'not a UK postcode' })
  if (input.property.gspRegion !== null && !gspRegionOf(input.property.gspRegion))
    problems.push({ path: `${prefix}property.gspRegion`, message: 'unknown GSP group' })
  if (input.billingAddress)
    problems.push(...checkAddress(input.billingAddress, input.market, `${prefix}billingAddress.`))
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.openedOn))
    problems.push({ path: `${prefix}openedOn`, message: 'must be a date YYYY-MM-DD' })
  return [...problems, ...checkContacts(input.emails, input.phones, prefix)]
}

/** A mailing address as it is kept: trimmed, an empty second line as none, a gb postcode formatted. */
function storedAddress(address: Address, market: string) {
  return {
    line1: address.line1.trim(),
    line2: address.line2?.trim() || null,
    town: address.town.trim(),
    postcode: market === 'gb' ? formatPostcode(address.postcode) : address.postcode.trim(),
  }
}

/** What is wrong with a mailing address, each problem under `prefix` (`billingAddress.`). */
function checkAddress(address: Address, market: string, prefix: string): Problem[] {
  const problems: Problem[] = []
  if (!address.line1.trim()) problems.push({ path: `${prefix}line1`, message: 'required' })
  if (!address.town.trim()) problems.push({ path: `${prefix}town`, message: 'required' })
  if (market === 'gb' && !isUkPostcode(address.postcode))
    problems.push({ path: `${prefix}postcode`, message: 'not a UK postcode' })
  return problems
}

function accountRows(input: NewAccount, at: Date): store.AccountInsert {
  const accountId = newId('acc')
  const customerName = displayName(input.customer)
  const postcode = input.market === 'gb' ? formatPostcode(input.property.postcode) : input.property.postcode.trim()
  const property = { ...input.property, postcode }
  const emails = input.emails
  const phones = input.phones
  return {
    customer: {
      id: newId('cus'),
      kind: input.customer.kind,
      title: input.customer.title ?? null,
      given_name: input.customer.givenName ?? null,
      family_name: input.customer.familyName ?? null,
      business_name: input.customer.businessName ?? null,
      display_name: customerName,
      created_at: at,
    },
    property: {
      id: newId('prp'),
      line1: property.line1.trim(),
      line2: property.line2?.trim() || null,
      town: property.town.trim(),
      postcode,
      gsp_region: property.gspRegion,
      created_at: at,
    },
    account: {
      id: accountId,
      number: input.number,
      customer_id: '',
      property_id: '',
      status: 'active',
      market: input.market,
      opened_on: input.openedOn,
      closed_on: null,
      billing_address: input.billingAddress ? JSON.stringify(storedAddress(input.billingAddress, input.market)) : null,
      billing_mode: input.billingMode,
      created_at: at,
    },
    contacts: contactRows(accountId, emails, phones),
    search: {
      account_id: accountId,
      number: input.number,
      name: customerName,
      address: oneLineAddress(property),
      postcode,
      postcode_key: postcodeKey(postcode),
      emails: emails.map((email) => emailKey(email.address)).join(' '),
      phones: phones.map((phone) => phoneDigits(phone.number)).join(' '),
      status: 'active',
    },
  }
}

/**
 * Open accounts — customer, property, contacts and the search entry — checking every one first:
 * one bad account refuses the whole batch, naming each problem by its index and field.
 * @throws InvalidAccountDetails, AccountNumberTaken
 */
export async function createAccounts({
  tx,
  accounts,
  actor,
  at,
}: Change & {
  accounts: readonly NewAccount[]
}): Promise<{ id: string; number: string }[]> {
  const single = accounts.length === 1
  const problems = accounts.flatMap((input, i) => checkNewAccount(input, single ? null : i))
  const numbers = new Set<string>()
  accounts.forEach((input, i) => {
    if (numbers.has(input.number))
      problems.push({ path: `${single ? '' : `${i}.`}number`, message: 'repeated in this batch' })
    numbers.add(input.number)
  })
  if (problems.length > 0) throw new InvalidAccountDetails('The account details are not valid', problems)
  const rows = accounts.map((input) => {
    const row = accountRows(input, at)
    return { ...row, account: { ...row.account, customer_id: row.customer.id, property_id: row.property.id } }
  })
  if (single && (await store.numberTaken(tx, accounts[0]?.number ?? ''))) {
    throw new AccountNumberTaken(`The account number ${accounts[0]?.number} is already in use`, [
      { path: 'number', message: 'taken' },
    ])
  }
  await store.insertAccounts(tx, rows)
  await audit.recordMany(
    tx,
    rows.map((row) => ({
      actor,
      action: 'accounts.account.created',
      subject: { type: 'account', id: row.account.id },
      accountId: row.account.id,
      after: { number: row.account.number, customer: row.customer.display_name, postcode: row.property.postcode },
      at,
    })),
  )
  return rows.map((row) => ({ id: row.account.id, number: row.account.number }))
}

async function requireAccountId(tx: Tx, accountNumber: string): Promise<string> {
  const accountId = await store.findAccountId(tx, accountNumber)
  if (!accountId) throw new AccountNotFound(`There is no account ${accountNumber}`)
  return accountId
}

/**
 * Add a note to an account. Notes cannot be changed afterwards; a correction is another note.
 * @throws AccountNotFound, InvalidAccountDetails for an empty or over-long body
 */
export async function addNote({
  tx,
  accountNumber,
  type,
  body,
  actor,
  authorName,
  at,
}: Change & {
  accountNumber: string
  type: NoteType
  body: string
  authorName: string | null
}): Promise<Note> {
  const text = body.trim()
  if (text.length === 0 || text.length > 5000) {
    throw new InvalidAccountDetails('A note needs between 1 and 5000 characters', [
      { path: 'body', message: 'must be 1 to 5000 characters' },
    ])
  }
  const accountId = await requireAccountId(tx, accountNumber)
  const row: store.NoteRow = {
    id: newId('note'),
    account_id: accountId,
    type,
    body: text,
    author_kind: actor.kind,
    author_id: actor.id,
    created_at: at,
  }
  await store.insertNote(tx, row)
  await audit.record(tx, {
    actor,
    action: 'accounts.note.added',
    subject: { type: 'note', id: row.id },
    accountId,
    after: { type, body: text },
    at,
  })
  return {
    id: row.id,
    accountId,
    type,
    body: text,
    createdAt: at,
    author: { kind: actor.kind, id: actor.id, displayName: authorName },
  }
}

/**
 * Replace an account's emails and phones (ACC-1), keeping search in step.
 * @throws AccountNotFound, InvalidAccountDetails
 */
export async function updateContacts({
  tx,
  accountNumber,
  emails,
  phones,
  actor,
  at,
}: Change & {
  accountNumber: string
  emails: readonly EmailContact[]
  phones: readonly PhoneContact[]
}): Promise<void> {
  const problems = checkContacts(emails, phones)
  if (problems.length > 0) throw new InvalidAccountDetails('The contact details are not valid', problems)
  const accountId = await requireAccountId(tx, accountNumber)
  const before = await store.contactsOf(tx, accountId)
  await store.replaceContacts(tx, accountId, contactRows(accountId, emails, phones))
  await store.updateSearchRow(tx, accountId, {
    emails: emails.map((email) => emailKey(email.address)).join(' '),
    phones: phones.map((phone) => phoneDigits(phone.number)).join(' '),
  })
  await recordOnAccount(tx, accountId, {
    actor,
    action: 'accounts.contacts.updated',
    before: before.map((row) => ({ kind: row.kind, value: row.value, label: row.label, primary: row.is_primary })),
    after: [
      ...emails.map((email) => ({ kind: 'email', value: email.address.trim(), label: null, primary: email.primary })),
      ...phones.map((phone) => ({
        kind: 'phone',
        value: phone.number.trim(),
        label: phone.label,
        primary: phone.primary,
      })),
    ],
    at,
  })
}

/**
 * Change where the account's post goes (ACC-2, issue 22 item 6): a mailing address, or null for the
 * service address; audited with the address before. @throws AccountNotFound, InvalidAccountDetails
 */
export async function updateBillingAddress({
  tx,
  accountNumber,
  billingAddress,
  actor,
  at,
}: Change & { accountNumber: string; billingAddress: Address | null }): Promise<void> {
  const account = await store.findAccountByNumber(tx, accountNumber)
  if (!account) throw new AccountNotFound(`There is no account ${accountNumber}`)
  const problems = billingAddress ? checkAddress(billingAddress, account.market, 'billingAddress.') : []
  if (problems.length > 0) throw new InvalidAccountDetails('The billing address is not valid', problems)
  const after = billingAddress ? storedAddress(billingAddress, account.market) : null
  await store.updateAccount(tx, account.id, { billing_address: after ? JSON.stringify(after) : null })
  await recordOnAccount(tx, account.id, {
    actor,
    action: 'accounts.billing_address.changed',
    before: { billingAddress: account.billing_address },
    after: { billingAddress: after },
    at,
  })
}

/** Set paper or paperless billing. @throws AccountNotFound */
export async function updatePreferences({
  tx,
  accountNumber,
  billingMode,
  actor,
  at,
}: Change & {
  accountNumber: string
  billingMode: 'paperless' | 'paper'
}): Promise<void> {
  const account = await store.findAccountByNumber(tx, accountNumber)
  if (!account) throw new AccountNotFound(`There is no account ${accountNumber}`)
  await store.updateAccount(tx, account.id, { billing_mode: billingMode })
  await recordOnAccount(tx, account.id, {
    actor,
    action: 'accounts.preferences.updated',
    before: { billingMode: account.billing_mode },
    after: { billingMode },
    at,
  })
}

/**
 * Take the account's row lock for the rest of the transaction, so money decisions that read the
 * balance (credits, refunds, arrangements) are made one at a time per account.
 * @throws AccountNotFound
 */
export async function lockAccount({ tx, accountId }: { tx: Tx; accountId: string }) {
  const row = await store.lockAccountRow(tx, accountId)
  if (!row) throw new AccountNotFound(`There is no account ${accountId}`)
  return { id: row.id, number: row.number, market: row.market, status: row.status }
}
