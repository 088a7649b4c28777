/**
 * Who may use an account, on the staff side (seed "Account Users"): an agent gives a person access,
 * lists the people with access, and the legal team reviews powers of attorney. Each change notes the
 * account and tells the person and the holder (`noteAndNotifyAccountUser`).
 */
import type { Tx } from '../db/index.js'
import * as access from '../modules/access/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as market from '../modules/market/index.js'
import { startOfLocalDay } from '../shared/time.js'
import { noteAndNotifyAccountUser } from './account-user-notices.js'
import { type AccountCall, accountOf, recordAccountView } from './account-view.js'
import { withQueuedMessages } from './communications.js'

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
}: AccountCall & {
  email: string
  displayName: string
  kind: access.GrantKind
  scope?: readonly string[] | undefined
  days?: number | undefined
  poaDocument?: string | undefined
  relationship?: string | undefined
}) {
  const account = await accountOf(tx, accountNumber)
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
export async function accountUsersForStaff({ tx, accountNumber, actor, at }: AccountCall) {
  const account = await accountOf(tx, accountNumber)
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
    since: startOfLocalDay(account.openedOn),
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
export async function reviewPowerOfAttorney({ tx, documentId, decision, note, actor, at }: access.PoaReview) {
  const pending = (await access.pendingPoaDocuments({ tx })).find((document) => document.id === documentId)
  const reviewed = await access.reviewPoaDocument({ tx, documentId, decision, note, actor, at })
  if (pending) {
    // The attorney is told the outcome (and why, on a rejection); the account notes it.
    const account = await accountOf(tx, pending.accountNumber)
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
