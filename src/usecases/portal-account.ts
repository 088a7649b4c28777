/**
 * The customer portal (UI-2, USR-2..3): one account's summary, bills, usage and contact details, each
 * behind the caller's grant on it (`grantFor`). Views and changes are audited with the customer as actor.
 */
import type { Db, Tx } from '../db/index.js'
import { inTransaction } from '../db/index.js'
import { statementPdf } from '../documents/statement-pdf.js'
import type * as access from '../modules/access/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as billing from '../modules/billing/index.js'
import * as comms from '../modules/comms/index.js'
import * as ledger from '../modules/ledger/index.js'
import * as metering from '../modules/metering/index.js'
import type { Actor } from '../shared/actor.js'
import { Forbidden, NotFound, withCode } from '../shared/errors.js'
import { addDays, localDateOf } from '../shared/time.js'
import { accountStatements, statementPdfInput } from './account-billing.js'
import { accountUsage } from './account-usage.js'
import { recordAccountView } from './account-view.js'
import { changeSmsEnrolment } from './communications.js'
import { actorOf, addressOf, grantFor, type PortalAccountCall, type Principal } from './portal-session.js'

export class NoMeterPoint extends withCode(NotFound, 'METER_POINT_NOT_FOUND') {}
export class PortalChangeNotAllowed extends withCode(Forbidden, 'PORTAL_CHANGE_NOT_ALLOWED') {}

/** One account's summary: the balance only for those who may see bills or payments. */
export async function portalAccount({ tx, principal, accountNumber, at }: PortalAccountCall) {
  const { account, grant, allows } = await grantFor({ tx, principal, accountNumber, action: null, at })
  const facts = await accounts.accountFacts({ tx, accountId: account.id })
  const showsMoney = allows.includes('view_bills') || allows.includes('view_payments')
  const balanceMinor = showsMoney ? await ledger.balanceOf({ tx, accountId: account.id }) : null
  await recordAccountView(tx, {
    accountId: account.id,
    what: 'portal_summary',
    context: { balance: showsMoney },
    actor: actorOf(principal),
    at,
  })
  return {
    accountNumber: account.number,
    name: facts?.displayName ?? '',
    address: addressOf(account),
    balanceMinor,
    status: account.status,
    kind: grant.kind,
    allows,
  }
}

/**
 * What is left to pay of each statement: the balance owed is laid on the newest statements first,
 * since payments and credits pay the oldest charges first (as the ledger's ageing does). A statement
 * the balance does not reach is paid. Pure; `statements` newest first.
 */
export function unpaidOfStatements(
  statements: readonly { number: string; totalMinor: bigint }[],
  balanceMinor: bigint,
): Map<string, bigint> {
  const unpaid = new Map<string, bigint>()
  let left = balanceMinor > 0n ? balanceMinor : 0n
  for (const statement of statements) {
    const part = statement.totalMinor <= 0n ? 0n : statement.totalMinor < left ? statement.totalMinor : left
    unpaid.set(statement.number, part)
    left -= part
  }
  return unpaid
}

export async function portalStatements({ tx, principal, accountNumber, at }: PortalAccountCall) {
  const { account } = await grantFor({ tx, principal, accountNumber, action: 'view_bills', at })
  const page = await accountStatements({ tx, accountNumber: account.number, limit: 100, actor: actorOf(principal), at })
  // held and rejected statements were never sent to the customer
  const sent = page.items.filter((statement) => statement.status !== 'held' && statement.status !== 'rejected')
  const owing = unpaidOfStatements(
    sent.filter((statement) => statement.status === 'issued' || statement.status === 'invoiced'),
    await ledger.balanceOf({ tx, accountId: account.id }),
  )
  return {
    items: sent.map((statement) => ({
      number: statement.number,
      periodFrom: statement.periodFrom,
      periodTo: statement.periodTo,
      totalMinor: statement.totalMinor,
      unpaidMinor: owing.get(statement.number) ?? 0n,
      dueOn: statement.dueOn,
      status: statement.status,
    })),
  }
}

/**
 * A statement's PDF for the portal; the view is recorded in a short transaction and the PDF drawn
 * after it commits (never under the audit lock).
 * @throws PortalActionNotAllowed, billing.StatementNotFound (also for a held or rejected statement)
 */
export async function portalStatementPdf({
  db,
  principal,
  accountNumber,
  number,
  at,
}: {
  db: Db
  principal: Principal
  accountNumber: string
  number: string
  at: Date
}): Promise<Buffer> {
  const input = await inTransaction(db, async (tx) => {
    const { account } = await grantFor({ tx, principal, accountNumber, action: 'view_bills', at })
    const statement = await billing.getStatement({ tx, number, accountNumber: account.number })
    if (statement.status === 'held' || statement.status === 'rejected') {
      throw new billing.StatementNotFound(`There is no statement ${number} on ${account.number}`)
    }
    return statementPdfInput({
      tx,
      accountNumber: account.number,
      number,
      duplicate: false,
      actor: actorOf(principal),
      at,
    })
  })
  return statementPdf(input)
}

/** Usage of the account's first import meter point (or the one named), the last 30 days by default. */
export async function portalUsage({
  tx,
  principal,
  accountNumber,
  granularity,
  from,
  to,
  meterPoint,
  at,
}: PortalAccountCall & {
  granularity: 'day' | 'week' | 'month'
  from?: string | undefined
  to?: string | undefined
  meterPoint?: string | undefined
}) {
  const { account } = await grantFor({ tx, principal, accountNumber, action: 'view_usage', at })
  const points = await metering.meterPointsOfAccount({ tx, accountNumber: account.number })
  const point = meterPoint
    ? points.find((item) => item.identifier === meterPoint)
    : (points.find((item) => item.direction === 'import') ?? points[0])
  if (!point) throw new NoMeterPoint(`There is no such meter point on ${account.number}`)
  const until = to ?? localDateOf(at)
  const since = from ?? addDays(until, -30)
  const usage = await accountUsage({
    tx,
    accountNumber: account.number,
    meterPoint: point.identifier,
    from: since,
    to: until,
    granularity,
    actor: actorOf(principal),
    at,
  })
  return { meterPoint: point.identifier, meterPoints: points.map((item) => item.identifier), ...usage }
}

/**
 * Which portal action each contact field needs (seed "Account Users", issue 19): phones and texts are
 * contact information, which full authorized users and property managers may update too; paper or
 * paperless is a billing preference, and the primary email is where the holder's notices go, so
 * replacing it would hand the account over: both are the holder's (and their attorney's) alone.
 */
const actionOfContactField = {
  phone: 'update_contact',
  smsEnrolled: 'update_contact',
  billingMode: 'change_billing_preferences',
  billingAddress: 'change_billing_preferences',
  email: 'replace_primary_email',
} as const satisfies Record<string, access.PortalAction>
type ContactField = keyof typeof actionOfContactField

const refusalOfContactField: Record<ContactField, string> = {
  phone: 'your access does not include contact details',
  smsEnrolled: 'your access does not include contact details',
  billingMode: 'only the account holder may change billing preferences',
  billingAddress: 'only the account holder may change the billing address',
  email: 'only the account holder may replace the primary email',
}

function editableContactFields(allows: readonly access.PortalAction[]): ContactField[] {
  return (Object.keys(actionOfContactField) as ContactField[]).filter((field) =>
    allows.includes(actionOfContactField[field]),
  )
}

async function contactOf(tx: Tx, accountNumber: string, accountId: string, actor: Actor, at: Date) {
  const overview = await accounts.viewAccountOverview({ tx, accountNumber, actor, at, notesLimit: 1 })
  const sms = await comms.smsEnrolmentOf({ tx, accountId })
  const email = overview.contacts.emails.find((item) => item.primary) ?? overview.contacts.emails[0]
  const phone = overview.contacts.phones.find((item) => item.primary) ?? overview.contacts.phones[0]
  return {
    email: email?.address ?? null,
    phone: phone?.number ?? null,
    billingMode: overview.preferences.billingMode,
    billingAddress: overview.billingAddress
      ? {
          line1: overview.billingAddress.addressLines[0] ?? '',
          line2: overview.billingAddress.addressLines[1] ?? null,
          town: overview.billingAddress.town,
          postcode: overview.billingAddress.postcode,
        }
      : null,
    smsEnrolled: sms.enrolled,
  }
}

export async function portalContact({ tx, principal, accountNumber, at }: PortalAccountCall) {
  const { account, allows } = await grantFor({ tx, principal, accountNumber, action: 'update_contact', at })
  return {
    ...(await contactOf(tx, account.number, account.id, actorOf(principal), at)),
    editable: editableContactFields(allows),
  }
}

/**
 * Change the primary email or phone, paper or paperless, the billing address and SMS enrolment; each field only with the
 * action it needs (`actionOfContactField`): a change that includes one the caller may not make is
 * refused whole, naming the field, and changes nothing.
 * @throws accounts.AccountNotFound, PortalActionNotAllowed, PortalChangeNotAllowed
 */
export async function updatePortalContact({
  tx,
  principal,
  accountNumber,
  changes,
  at,
}: PortalAccountCall & {
  changes: {
    email?: string | undefined
    phone?: string | undefined
    billingMode?: 'paper' | 'paperless' | undefined
    /** A mailing address, or null for the service address. */
    billingAddress?: accounts.Address | null | undefined
    smsEnrolled?: boolean | undefined
  }
}) {
  const { account, allows } = await grantFor({ tx, principal, accountNumber, action: 'update_contact', at })
  const editable = editableContactFields(allows)
  const refused = (Object.keys(actionOfContactField) as ContactField[]).filter(
    (field) => changes[field] !== undefined && !editable.includes(field),
  )
  if (refused.length > 0) {
    throw new PortalChangeNotAllowed(
      `Your access to ${account.number} does not include this change: ${refused.map((field) => refusalOfContactField[field]).join('; ')}`,
      refused.map((field) => ({ path: field, message: refusalOfContactField[field] })),
    )
  }
  const actor = actorOf(principal)
  if (changes.email !== undefined || changes.phone !== undefined) {
    const overview = await accounts.viewAccountOverview({ tx, accountNumber: account.number, actor, at, notesLimit: 1 })
    const emails =
      changes.email === undefined
        ? overview.contacts.emails
        : [
            { address: changes.email, primary: true },
            ...overview.contacts.emails
              .filter((item) => item.address.toLowerCase() !== changes.email?.toLowerCase())
              .map((item) => ({ ...item, primary: false })),
          ]
    const phones =
      changes.phone === undefined
        ? overview.contacts.phones
        : [
            { number: changes.phone, label: 'mobile' as const, primary: true },
            ...overview.contacts.phones
              .filter((item) => item.number !== changes.phone)
              .map((item) => ({ ...item, primary: false })),
          ]
    await accounts.updateContacts({ tx, accountNumber: account.number, emails, phones, actor, at })
  }
  if (changes.billingMode !== undefined) {
    await accounts.updatePreferences({ tx, accountNumber: account.number, billingMode: changes.billingMode, actor, at })
  }
  if (changes.billingAddress !== undefined) {
    await accounts.updateBillingAddress({
      tx,
      accountNumber: account.number,
      billingAddress: changes.billingAddress,
      actor,
      at,
    })
  }
  if (changes.smsEnrolled !== undefined) {
    await changeSmsEnrolment({ tx, accountNumber: account.number, enrolled: changes.smsEnrolled, actor, at })
  }
  return { ...(await contactOf(tx, account.number, account.id, actor, at)), editable }
}
