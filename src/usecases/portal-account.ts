/**
 * The customer portal (UI-2, USR-2..3): what a signed-in external user sees and does on the accounts
 * they hold a grant on. Every account-scoped call passes `grantFor` first: an account that is not
 * theirs (or whose grant is pending, expired or revoked) is refused exactly as one that does not
 * exist, and an action their kind of access does not allow is refused as forbidden. Views and changes
 * are audited with the customer as actor.
 */
import type { Db, Tx } from '../db/index.js'
import { inTransaction } from '../db/index.js'
import { statementPdf } from '../documents/statement-pdf.js'
import * as access from '../modules/access/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as billing from '../modules/billing/index.js'
import * as comms from '../modules/comms/index.js'
import * as ledger from '../modules/ledger/index.js'
import * as market from '../modules/market/index.js'
import * as metering from '../modules/metering/index.js'
import * as payments from '../modules/payments/index.js'
import type { Actor } from '../shared/actor.js'
import { Forbidden, NotFound, ValidationFailed } from '../shared/errors.js'
import { addDays, localDateOf } from '../shared/time.js'
import { accountStatements, statementPdfInput } from './account-billing.js'
import { accountUsage } from './account-usage.js'
import { type NoticeUser, noteAndNotifyAccountUser } from './account-user-notices.js'
import { recordAccountView } from './account-view.js'
import { changeSmsEnrolment, withQueuedMessages } from './communications.js'
import { takeAccountPayment } from './payments.js'
import { accessPolicyOf } from './staff-session.js'

export class PortalActionNotAllowed extends Forbidden {
  override readonly code = 'PORTAL_ACTION_NOT_ALLOWED'
}
export class NoMeterPoint extends NotFound {
  override readonly code = 'METER_POINT_NOT_FOUND'
}
export class PortalChangeNotAllowed extends Forbidden {
  override readonly code = 'PORTAL_CHANGE_NOT_ALLOWED'
}

type Principal = access.CustomerPrincipal

const actorOf = (principal: Principal): Actor => ({ kind: 'customer', id: principal.id })

async function portalPolicy(tx: Db | Tx): Promise<access.PortalSessionPolicy> {
  return accessPolicyOf((await market.getSupplier(tx)).settings)
}

/** The same refusal as `accounts.viewAccountOverview` gives for a number that does not exist. */
function noSuchAccount(accountNumber: string) {
  return new accounts.AccountNotFound(`There is no account ${accountNumber}`)
}

/**
 * The caller's grant on the account, in force, allowing `action` (or any action when none is named).
 * @throws accounts.AccountNotFound when the account does not exist or is not theirs; PortalActionNotAllowed
 */
export async function grantFor({
  tx,
  principal,
  accountNumber,
  action,
  at,
}: {
  tx: Tx
  principal: Principal
  accountNumber: string
  action: access.PortalAction | null
  at: Date
}) {
  const account = await accounts.findAccountSupply({ tx, accountNumber })
  if (!account) throw noSuchAccount(accountNumber)
  const grant = await access.grantOn({ tx, userId: principal.id, accountId: account.id })
  if (!grant || !access.grantInForce(grant, at)) throw noSuchAccount(accountNumber)
  const allows = access.allowsOf(grant, at)
  if (action !== null && !allows.includes(action)) {
    throw new PortalActionNotAllowed(`Your access to ${account.number} does not include this`, { action })
  }
  return { account, grant, allows }
}

/** An account's supply address on one line. */
export function addressOf(account: NonNullable<Awaited<ReturnType<typeof accounts.findAccountSupply>>>) {
  return [account.property.line1, account.property.line2, account.property.town, account.property.postcode]
    .filter((part): part is string => Boolean(part))
    .join(', ')
}

/** The signed-in user and every account they currently have access to, with what it allows. */
export async function portalMe({ tx, principal, at }: { tx: Tx; principal: Principal; at: Date }) {
  const grants = await access.grantsOfUser({ tx, userId: principal.id })
  const list = []
  for (const grant of grants.filter((item) => access.grantInForce(item, at))) {
    const account = await accounts.findAccountSupply({ tx, accountNumber: grant.accountNumber })
    const facts = await accounts.accountFacts({ tx, accountId: grant.accountId })
    if (!account || !facts) continue
    list.push({
      accountNumber: account.number,
      name: facts.displayName,
      address: addressOf(account),
      kind: grant.kind,
      allows: access.allowsOf(grant, at),
    })
  }
  return {
    user: { id: principal.id, email: principal.email, displayName: principal.displayName },
    accounts: list,
  }
}

/** Sign in to the portal. @throws access.InvalidPortalCredentials */
export async function signInCustomer({
  db,
  email,
  password,
  at,
}: {
  db: Db
  email: string
  password: string
  at: Date
}) {
  const result = await inTransaction(db, async (tx) =>
    access.signInExternal({ tx, email, password, policy: await portalPolicy(tx), at }),
  )
  if (!result.ok) throw result.error
  const me = await inTransaction(db, (tx) => portalMe({ tx, principal: result.principal, at }))
  return { sessionToken: result.sessionToken, expiresAt: result.expiresAt, me }
}

/** Sign out of the portal. */
export async function signOutCustomer({ db, principal, at }: { db: Db; principal: Principal; at: Date }) {
  await inTransaction(db, (tx) => access.endExternalSession({ tx, principal, at }))
}

/** One account's summary: the balance only for those who may see bills or payments. */
export async function portalAccount({
  tx,
  principal,
  accountNumber,
  at,
}: {
  tx: Tx
  principal: Principal
  accountNumber: string
  at: Date
}) {
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

export async function portalStatements({
  tx,
  principal,
  accountNumber,
  at,
}: {
  tx: Tx
  principal: Principal
  accountNumber: string
  at: Date
}) {
  const { account } = await grantFor({ tx, principal, accountNumber, action: 'view_bills', at })
  const page = await accountStatements({ tx, accountNumber: account.number, limit: 100, actor: actorOf(principal), at })
  return {
    items: page.items
      // held and rejected statements were never sent to the customer
      .filter((statement) => statement.status !== 'held' && statement.status !== 'rejected')
      .map((statement) => ({
        number: statement.number,
        periodFrom: statement.periodFrom,
        periodTo: statement.periodTo,
        totalMinor: statement.totalMinor,
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
}: {
  tx: Tx
  principal: Principal
  accountNumber: string
  granularity: 'day' | 'week' | 'month'
  from?: string | undefined
  to?: string | undefined
  meterPoint?: string | undefined
  at: Date
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

export async function portalPayments({
  tx,
  principal,
  accountNumber,
  at,
}: {
  tx: Tx
  principal: Principal
  accountNumber: string
  at: Date
}) {
  const { account } = await grantFor({ tx, principal, accountNumber, action: 'view_payments', at })
  const page = await payments.paymentsOf({ tx, accountId: account.id, limit: 50 })
  const methods = await payments.paymentMethodsOf({ tx, accountId: account.id })
  await recordAccountView(tx, { accountId: account.id, what: 'payments', context: {}, actor: actorOf(principal), at })
  return { items: page.items, methods }
}

/** Pay from the portal: a card entered now or a kept method; recorded with source 'customer'. */
export async function portalPay({
  db,
  processor,
  principal,
  accountNumber,
  amountMinor,
  card,
  paymentMethodId,
  idempotencyKey,
  at,
}: {
  db: Db
  processor: payments.PaymentProcessor
  principal: Principal
  accountNumber: string
  amountMinor: bigint
  card?: payments.CardDetails | undefined
  paymentMethodId?: string | undefined
  idempotencyKey: string
  at: Date
}) {
  const { account, method } = await inTransaction(db, async (tx) => {
    const found = await grantFor({ tx, principal, accountNumber, action: 'pay', at })
    const methods = await payments.paymentMethodsOf({ tx, accountId: found.account.id })
    const kept = paymentMethodId ? methods.find((item) => item.id === paymentMethodId) : undefined
    return { account: found.account, method: kept?.kind ?? 'card' }
  })
  return takeAccountPayment({
    db,
    processor,
    accountNumber: account.number,
    input: { method, amountMinor, paymentMethodId, card },
    idempotencyKey,
    source: 'customer',
    actor: actorOf(principal),
    at,
  })
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
  email: 'replace_primary_email',
} as const satisfies Record<string, access.PortalAction>
type ContactField = keyof typeof actionOfContactField

const refusalOfContactField: Record<ContactField, string> = {
  phone: 'your access does not include contact details',
  smsEnrolled: 'your access does not include contact details',
  billingMode: 'only the account holder may change billing preferences',
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
    smsEnrolled: sms.enrolled,
  }
}

export async function portalContact({
  tx,
  principal,
  accountNumber,
  at,
}: {
  tx: Tx
  principal: Principal
  accountNumber: string
  at: Date
}) {
  const { account, allows } = await grantFor({ tx, principal, accountNumber, action: 'update_contact', at })
  return {
    ...(await contactOf(tx, account.number, account.id, actorOf(principal), at)),
    editable: editableContactFields(allows),
  }
}

/**
 * Change the primary email or phone, paper or paperless, and SMS enrolment; each field only with the
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
}: {
  tx: Tx
  principal: Principal
  accountNumber: string
  changes: {
    email?: string | undefined
    phone?: string | undefined
    billingMode?: 'paper' | 'paperless' | undefined
    smsEnrolled?: boolean | undefined
  }
  at: Date
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
  if (changes.smsEnrolled !== undefined) {
    await changeSmsEnrolment({ tx, accountNumber: account.number, enrolled: changes.smsEnrolled, actor, at })
  }
  return { ...(await contactOf(tx, account.number, account.id, actor, at)), editable }
}

export async function portalUsers({
  tx,
  principal,
  accountNumber,
  at,
}: {
  tx: Tx
  principal: Principal
  accountNumber: string
  at: Date
}) {
  const { account } = await grantFor({ tx, principal, accountNumber, action: 'manage_users', at })
  const users = await access.usersOfAccount({ tx, accountId: account.id })
  await recordAccountView(tx, {
    accountId: account.id,
    what: 'portal_users',
    context: {},
    actor: actorOf(principal),
    at,
  })
  return users.map((user) => ({
    id: user.userId,
    email: user.email,
    displayName: user.displayName,
    kind: user.kind,
    status: user.status,
    validTo: user.validTo,
    relationship: user.relationship,
  }))
}

/**
 * Note the account and tell the user the change is about, at their own email address, with a copy to
 * the account's email on file (USR-3).
 */
async function noteAndNotify(
  tx: Tx,
  account: { id: string; number: string },
  user: NoticeUser | undefined,
  subject: string,
  body: string,
  principal: Principal,
  at: Date,
): Promise<string[]> {
  const messages = await noteAndNotifyAccountUser({
    tx,
    account,
    user,
    subject,
    body,
    authorName: principal.displayName,
    actor: actorOf(principal),
    at,
  })
  return messages.map((message) => message.id)
}

/**
 * Invite an authorized user: the invitation email is queued in this transaction (the caller enqueues
 * it for delivery after commit) with the link that carries the token. Notes the account.
 */
export async function inviteAuthorizedUser({
  tx,
  principal,
  accountNumber,
  email,
  inviteeName,
  level,
  relationship,
  linkBase,
  at,
}: {
  tx: Tx
  principal: Principal
  accountNumber: string
  email: string
  inviteeName?: string | undefined
  level: 'full' | 'limited'
  /** The invitee's relationship to the holder ("spouse"), kept on their access. */
  relationship?: string | undefined
  linkBase: string
  at: Date
}) {
  const { account } = await grantFor({ tx, principal, accountNumber, action: 'manage_users', at })
  const actor = actorOf(principal)
  const invitation = await access.createInvitation({
    tx,
    accountId: account.id,
    email,
    inviteeName: inviteeName ?? email,
    level,
    relationship,
    actor,
    at,
  })
  const message = await comms.send({
    tx,
    accountId: account.id,
    channel: 'email',
    template: 'authorised_user_invitation',
    recipient: email,
    fields: {
      inviteeName: inviteeName ?? email,
      accessLevel: level,
      invitationLink: `${linkBase}/portal/invitations/${invitation.token}`,
      expiresDate: localDateOf(invitation.expiresAt),
    },
    actor,
    at,
  })
  await accounts.addNote({
    tx,
    accountNumber: account.number,
    type: 'service',
    body: `${principal.displayName} invited ${email} as an authorized user (${level} access).`,
    actor,
    authorName: principal.displayName,
    at,
  })
  return withQueuedMessages(
    { invitationId: invitation.id, messageId: message.id, expiresAt: invitation.expiresAt, token: invitation.token },
    [message.id],
  )
}

/** Change an authorized user's level (primary holder or attorney only); notes the account and notifies. */
export async function changePortalUserLevel({
  tx,
  principal,
  accountNumber,
  userId,
  level,
  at,
}: {
  tx: Tx
  principal: Principal
  accountNumber: string
  userId: string
  level: 'full' | 'limited'
  at: Date
}) {
  const { account } = await grantFor({ tx, principal, accountNumber, action: 'manage_users', at })
  const actor = actorOf(principal)
  const grant = await access.changeAuthorizedLevel({ tx, accountId: account.id, userId, level, actor, at })
  const user = (await access.usersOfAccount({ tx, accountId: account.id })).find((item) => item.userId === userId)
  const messageIds = await noteAndNotify(
    tx,
    account,
    user,
    'Your access to an energy account has changed',
    `${principal.displayName} changed ${user?.email ?? userId} to ${level} access.`,
    principal,
    at,
  )
  return withQueuedMessages(grant, messageIds)
}

/** Remove an authorized user (primary holder or attorney only); notes the account and notifies. */
export async function removePortalUser({
  tx,
  principal,
  accountNumber,
  userId,
  at,
}: {
  tx: Tx
  principal: Principal
  accountNumber: string
  userId: string
  at: Date
}) {
  const { account } = await grantFor({ tx, principal, accountNumber, action: 'manage_users', at })
  const actor = actorOf(principal)
  const before = (await access.usersOfAccount({ tx, accountId: account.id })).find((item) => item.userId === userId)
  const grant = await access.revokeAuthorizedUser({ tx, accountId: account.id, userId, actor, at })
  const messageIds = await noteAndNotify(
    tx,
    account,
    before,
    'Your access to an energy account has been removed',
    `${principal.displayName} removed ${before?.email ?? userId} as an authorized user.`,
    principal,
    at,
  )
  return withQueuedMessages({ grant }, messageIds)
}

/** Accept an invitation and sign in. @throws access.InvitationNotValid, access.InvalidPortalCredentials */
export async function acceptPortalInvitation({
  db,
  token,
  displayName,
  password,
  at,
}: {
  db: Db
  token: string
  displayName: string
  password: string
  at: Date
}) {
  const outcome = await inTransaction(db, async (tx) => {
    const accepted = await access.acceptInvitation({
      tx,
      token,
      displayName,
      password,
      policy: await portalPolicy(tx),
      at,
    })
    // A wrong password for an existing login: committed (the failure counts) and refused below.
    if (!accepted.ok) return { accepted, messageIds: [] }
    const number = (await access.grantsOfUser({ tx, userId: accepted.principal.id })).find(
      (grant) => grant.id === accepted.grant.id,
    )?.accountNumber
    if (number) {
      return {
        accepted,
        messageIds: await noteAndNotify(
          tx,
          { id: accepted.grant.accountId, number },
          accepted.principal,
          'You have been added to an energy account',
          `${accepted.principal.email} accepted the invitation and is now an authorized user.`,
          accepted.principal,
          at,
        ),
      }
    }
    return { accepted, messageIds: [] }
  })
  const result = outcome.accepted
  if (!result.ok) throw result.error
  const me = await inTransaction(db, (tx) => portalMe({ tx, principal: result.principal, at }))
  return withQueuedMessages({ sessionToken: result.sessionToken, expiresAt: result.expiresAt, me }, outcome.messageIds)
}

/** A property manager's portfolio: every account they manage, with its balance. */
export async function portalPortfolio({ tx, principal, at }: { tx: Tx; principal: Principal; at: Date }) {
  const grants = (await access.grantsOfUser({ tx, userId: principal.id })).filter(
    (grant) => grant.kind === 'property_manager' && access.grantInForce(grant, at),
  )
  const balances = await ledger.balancesOf({ tx, accountIds: grants.map((grant) => grant.accountId) })
  const items = []
  for (const grant of grants) {
    const account = await accounts.findAccountSupply({ tx, accountNumber: grant.accountNumber })
    const facts = await accounts.accountFacts({ tx, accountId: grant.accountId })
    if (!account || !facts) continue
    await recordAccountView(tx, {
      accountId: account.id,
      what: 'portal_portfolio',
      context: {},
      actor: actorOf(principal),
      at,
    })
    items.push({
      accountNumber: account.number,
      name: facts.displayName,
      address: addressOf(account),
      status: account.status,
      balanceMinor: balances.get(grant.accountId) ?? 0n,
      allows: access.allowsOf(grant, at),
    })
  }
  return { items }
}

// ——— the staff side: access granted by an agent, legal review of powers of attorney, verification ———

export class UnknownVerificationQuestion extends ValidationFailed {
  override readonly code = 'UNKNOWN_VERIFICATION_QUESTION'
}

async function staffAccount(tx: Tx, accountNumber: string) {
  const account = await accounts.findAccountSupply({ tx, accountNumber })
  if (!account) throw noSuchAccount(accountNumber)
  return account
}

const kindLabels: Record<access.GrantKind, string> = {
  holder: 'account holder',
  authorized_full: 'authorized user (full access)',
  authorized_limited: 'authorized user (limited access)',
  property_manager: 'property manager',
  power_of_attorney: 'power of attorney',
  third_party: 'third party',
}

/**
 * An agent gives a person access to an account: an authorized user (full or limited) for the holder,
 * with their relationship to the holder ("Adding an Authorized User (Agent Process)"), a property
 * manager, a third party for 30–90 days within the supplier's bounds, or a power of attorney that
 * waits for legal review. Creates the person without a login when they are new, notes the account
 * (the guide's "Document the addition in account notes") and tells the person and the holder.
 * @throws accounts.AccountNotFound, access.InvalidGrant (an authorized user without a relationship), access.GrantExists
 */
export async function grantAccessByStaff({
  tx,
  accountNumber,
  email,
  displayName,
  kind,
  scope,
  days,
  poaDocument,
  relationship,
  actor,
  at,
}: {
  tx: Tx
  accountNumber: string
  email: string
  displayName: string
  kind: access.GrantKind
  scope?: readonly string[] | undefined
  days?: number | undefined
  poaDocument?: string | undefined
  relationship?: string | undefined
  actor: Actor
  at: Date
}) {
  const account = await staffAccount(tx, accountNumber)
  if ((kind === 'authorized_full' || kind === 'authorized_limited') && !relationship?.trim()) {
    // The guide's "Get authorized user information": the relationship to the account holder.
    throw new access.InvalidGrant('Say how the authorized user is related to the account holder', [
      { path: 'relationship', message: 'the relationship to the account holder, e.g. spouse' },
    ])
  }
  const settings = (await market.getSupplier(tx)).settings
  const user =
    (await access.findExternalUser(tx, email)) ??
    (await access.createExternalUser({ tx, email, displayName, actor, at }))
  const grant = await access.grantAccountAccess({
    tx,
    accountId: account.id,
    userId: user.id,
    kind,
    scope: scope ?? [],
    days,
    thirdPartyDays: { min: settings.thirdPartyAccessMinDays, max: settings.thirdPartyAccessMaxDays },
    poaDocument,
    relationship,
    actor,
    at,
  })
  const messages = await noteAndNotifyAccountUser({
    tx,
    account,
    user,
    subject:
      kind === 'power_of_attorney'
        ? 'Your power of attorney has been received'
        : 'You have been given access to an energy account',
    body:
      kind === 'power_of_attorney'
        ? `Power of attorney for ${user.email} recorded; access waits for legal review of the document.`
        : `${user.email} given ${kindLabels[kind]} access${grant.relationship ? ` (${grant.relationship} of the account holder)` : ''}${grant.validTo ? ` until ${grant.validTo.toISOString().slice(0, 10)}` : ''}.`,
    authorName: null,
    actor,
    at,
  })
  return withQueuedMessages(
    { user, grant },
    messages.map((message) => message.id),
  )
}

/**
 * Who may use an account, for staff (seed "Account Users"): the customer whose name is on it, and
 * every person with live access (holders with a login, authorized users full and limited, property
 * managers, attorneys with their document's legal review, third parties with scope and end), each
 * with level, since, relationship and who added them. An audited view of the account.
 * @throws accounts.AccountNotFound
 */
export async function accountUsersForStaff({
  tx,
  accountNumber,
  actor,
  at,
}: {
  tx: Tx
  accountNumber: string
  actor: Actor
  at: Date
}) {
  const account = await staffAccount(tx, accountNumber)
  const card = await accounts.findAccountContacts({ tx, accountId: account.id })
  const users = await access.accountUsers({ tx, accountId: account.id })
  await recordAccountView(tx, { accountId: account.id, what: 'account_users', context: {}, actor, at })
  const primaryEmail = card?.emails.find((email) => email.primary)?.address ?? card?.emails[0]?.address ?? null
  // The customer named on the account is its holder whether or not they have a portal login.
  const named = {
    userId: null,
    displayName: card?.customer.displayName ?? '',
    email: primaryEmail,
    kind: 'holder' as const,
    level: kindLabels.holder,
    status: 'active' as const,
    since: new Date(`${account.openedOn}T00:00:00Z`),
    validTo: null,
    scope: [],
    relationship: null,
    addedBy: null,
    poaDocument: null,
    portalLogin: false,
  }
  const withLogin = users.map((user) => ({
    userId: user.userId,
    displayName: user.displayName,
    email: user.email,
    kind: user.kind,
    level: kindLabels[user.kind],
    status: user.status,
    since: user.since,
    validTo: user.validTo,
    scope: [...user.scope],
    relationship: user.relationship,
    addedBy: user.addedBy,
    poaDocument: user.poaDocument,
    portalLogin: true,
  }))
  const holderHasLogin = withLogin.some(
    (user) => user.kind === 'holder' && user.email.toLowerCase() === (primaryEmail ?? '').toLowerCase(),
  )
  return { accountNumber: account.number, items: holderHasLogin ? withLogin : [named, ...withLogin] }
}

/** The power-of-attorney documents waiting for the legal team. */
export async function pendingPowersOfAttorney({ tx }: { tx: Tx }) {
  return access.pendingPoaDocuments({ tx })
}

/** The legal team approves or rejects a power-of-attorney document (the route checks `legal.poa.review`). */
export async function reviewPowerOfAttorney({
  tx,
  documentId,
  decision,
  note,
  actor,
  at,
}: {
  tx: Tx
  documentId: string
  decision: 'approve' | 'reject'
  note?: string | undefined
  actor: Actor
  at: Date
}) {
  const pending = (await access.pendingPoaDocuments({ tx })).find((document) => document.id === documentId)
  const reviewed = await access.reviewPoaDocument({ tx, documentId, decision, note, actor, at })
  if (pending) {
    // The attorney is told the outcome (and why, on a rejection); the account notes it.
    const account = await staffAccount(tx, pending.accountNumber)
    const messages = await noteAndNotifyAccountUser({
      tx,
      account,
      user: pending.attorney,
      subject:
        decision === 'approve' ? 'Your power of attorney has been approved' : 'Your power of attorney was not accepted',
      body:
        decision === 'approve'
          ? `The power of attorney for ${pending.attorney.email} was approved; they now act for the account holder.`
          : `The power of attorney for ${pending.attorney.email} was not accepted: ${note ?? ''}`.trim(),
      authorName: null,
      actor,
      at,
    })
    withQueuedMessages(
      reviewed,
      messages.map((message) => message.id),
    )
  }
  return reviewed
}

export class VerificationAnswerRequired extends ValidationFailed {
  override readonly code = 'VERIFICATION_ANSWER_REQUIRED'
}
export class SenderEmailRequired extends ValidationFailed {
  override readonly code = 'SENDER_EMAIL_REQUIRED'
}

/** What a caller said, typed by the agent: the sealed details (SEC-1) and what is on file about them. */
export type CallerAnswers = Readonly<
  Partial<Record<access.SensitiveQuestion | 'caller_email' | 'relationship', string>>
>

/** Who a caller says they are (seed "Verifying User Authority"). */
export type CallerKind = market.CallerKind

// The agent's ticks with the answered questions taken out of their hands: a tick "passed" on one is
// refused (the answer decides), a tick "failed" stands (the caller could not answer), and each answer
// given counts as passed or failed by the comparison; one with nothing on file counts as neither.
function mergeAnswerChecks(
  passed: readonly string[],
  failed: readonly string[],
  checks: Readonly<Record<string, access.AnswerCheck | undefined>>,
) {
  const checked = new Set(Object.keys(checks))
  const finalPassed = passed.filter((question) => !checked.has(question))
  const finalFailed = failed.filter((question) => !checked.has(question))
  for (const [question, check] of Object.entries(checks)) {
    if (check === 'matched') finalPassed.push(question)
    if (check === 'did_not_match') finalFailed.push(question)
  }
  return { passed: finalPassed, failed: finalFailed }
}

async function marketOfAccount(tx: Tx, accountNumber: string) {
  const account = await staffAccount(tx, accountNumber)
  const card = await accounts.findAccountContacts({ tx, accountId: account.id })
  if (!card) throw noSuchAccount(accountNumber)
  return { account, card, profile: market.profileOf(card.market) }
}

/**
 * USR-4: the questions a caller is asked, from the account's market profile (or, without an account,
 * the supplier's) and who the caller says they are: those the agent checks by eye (`ticked`: passed
 * or failed), and those the caller answers and the server compares with what is on file (`answered`).
 * A Great Britain account is never asked for an SSN. Reads nothing personal, so it is not audited.
 * @throws accounts.AccountNotFound
 */
export async function verificationQuestions({
  tx,
  accountNumber,
  caller = 'holder',
}: {
  tx: Tx
  accountNumber?: string | undefined
  caller?: CallerKind | undefined
}) {
  const profile = accountNumber
    ? (await marketOfAccount(tx, accountNumber)).profile
    : (await market.getSupplier(tx)).profile
  const questions = profile.verificationQuestions[caller]
  return {
    market: profile.market,
    caller,
    callers: [...market.callerKinds],
    ticked: [...questions.ticked],
    answered: [...questions.answered],
  }
}

const sealedQuestion = (question: string): question is access.SensitiveQuestion => question in access.sensitiveQuestions

/**
 * USR-4: record how a caller did on the questions for who they say they are (the holder, an authorized
 * user, a property manager, an attorney, a third party), in the account's market. The sealed details
 * (security answer, SSN last four, date of birth) and what is on file about the caller (their own
 * email, an authorized user's relationship to the holder) are not the agent's to tick: the caller's
 * answer is compared with what is on file and only matched or not is returned. Anyone but the holder
 * must be found among the people with that access in force. On the email channel the sender's
 * address must be on file for that caller, or the attempt fails, says why and counts as a failure.
 * Nothing about the account is returned unless the caller passed; 3 failures in 24 hours flag it for
 * supervisor review. The answers themselves are neither stored nor audited.
 * @throws accounts.AccountNotFound, UnknownVerificationQuestion, VerificationAnswerRequired, SenderEmailRequired
 */
export async function verifyCaller({
  tx,
  accountNumber,
  channel,
  caller = 'holder',
  senderEmail,
  passed,
  failed,
  answers = {},
  dataKey,
  actor,
  at,
}: {
  tx: Tx
  accountNumber: string
  channel: 'phone' | 'email' | 'in_person' | 'chat'
  caller?: CallerKind | undefined
  senderEmail?: string | undefined
  passed: readonly string[]
  failed: readonly string[]
  answers?: CallerAnswers | undefined
  dataKey: string
  actor: Actor
  at: Date
}) {
  const { account, card, profile } = await marketOfAccount(tx, accountNumber)
  const { ticked: tickable, answered: answerable } = profile.verificationQuestions[caller]
  const asked = [...tickable, ...answerable]
  const listed = asked.join(', ')
  const unknown = [
    ...passed.map((question, index) => ({ question, path: `passed.${index}` })),
    ...failed.map((question, index) => ({ question, path: `failed.${index}` })),
    ...Object.keys(answers).map((question) => ({ question, path: `answers.${question}` })),
  ].filter(({ question, path }) =>
    path.startsWith('answers.') ? !answerable.includes(question) : !asked.includes(question),
  )
  if (unknown.length > 0) {
    throw new UnknownVerificationQuestion(
      `Not a question for a ${caller.replaceAll('_', ' ')} on a ${profile.name} account: ${unknown.map((item) => item.question).join(', ')} (the questions are ${listed})`,
      unknown.map(({ question, path }) => ({ path, message: `'${question}' is not one of ${listed}` })),
    )
  }
  const tickedAnswered = passed.filter(
    (question) => answerable.includes(question) && answers[question as keyof CallerAnswers] === undefined,
  )
  if (tickedAnswered.length > 0) {
    throw new VerificationAnswerRequired(
      `${tickedAnswered.join(', ')} is checked against what is on file: give the caller's answer instead of ticking it`,
      tickedAnswered.map((question) => ({
        path: `answers.${question}`,
        message: 'give the caller’s answer; it is compared with what is on file',
      })),
    )
  }
  if (channel === 'email' && !senderEmail?.trim()) {
    throw new SenderEmailRequired('An email request is verified against the sender’s address: give it', [
      { path: 'senderEmail', message: 'the address the email came from' },
    ])
  }
  const sealedAnswers = Object.fromEntries(Object.entries(answers).filter(([question]) => sealedQuestion(question)))
  const sealedChecks = await access.checkSensitiveAnswers({
    tx,
    accountId: account.id,
    answers: sealedAnswers,
    dataKey,
  })
  const onFile = await access.checkCallerOnFile({
    tx,
    accountId: account.id,
    caller,
    accountEmails: card.emails.map((email) => email.address),
    callerEmail: answers.caller_email,
    relationship: answers.relationship,
    senderEmail: channel === 'email' ? senderEmail : undefined,
    at,
  })
  const checks: Partial<Record<string, access.AnswerCheck>> = {
    ...sealedChecks,
    ...(onFile.callerEmail ? { caller_email: onFile.callerEmail } : {}),
    ...(onFile.relationship ? { relationship: onFile.relationship } : {}),
    ...(onFile.senderEmail ? { sender_email: onFile.senderEmail } : {}),
  }
  const outcome = mergeAnswerChecks(passed, failed, checks)
  // Someone other than the holder is only verified once found among the people with that access.
  const notFound = caller !== 'holder' && onFile.userId === null
  if (notFound && !outcome.failed.includes('caller_email')) outcome.failed.push('caller_email')
  const reason =
    onFile.senderEmail === 'did_not_match'
      ? `The email came from an address not on file for this ${caller.replaceAll('_', ' ')}: do not act on it; ask them to write from the address on file or to call.`
      : notFound
        ? `No ${caller.replaceAll('_', ' ')} with that email has access to this account in force.`
        : null
  const result = await access.recordVerification({ tx, accountId: account.id, channel, caller, ...outcome, actor, at })
  const common = { outcome: result.outcome, caller, reason, flaggedForReview: result.flagged, answers: checks }
  if (result.outcome !== 'passed') return { ...common, account: null }
  return {
    ...common,
    account: { number: account.number, name: card.customer.displayName, status: account.status },
  }
}

/** Keep an account's date of birth, security answer and SSN last four, sealed (SEC-1). */
export async function recordSensitiveDetails({
  tx,
  accountNumber,
  details,
  dataKey,
  actor,
  at,
}: {
  tx: Tx
  accountNumber: string
  details: access.SensitiveDetails
  dataKey: string
  actor: Actor
  at: Date
}) {
  const account = await staffAccount(tx, accountNumber)
  await access.storeSensitiveDetails({ tx, accountId: account.id, details, dataKey, actor, at })
}
