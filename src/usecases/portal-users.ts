/**
 * The customer portal (USR-3): who may use an account, for the holder or their attorney: inviting an
 * authorized user, changing their level, removing them, and accepting an invitation. Each change notes
 * the account and tells the user it is about (`noteAndNotifyAccountUser`).
 */
import type { Db, Tx } from '../db/index.js'
import { inTransaction } from '../db/index.js'
import * as access from '../modules/access/index.js'
import * as comms from '../modules/comms/index.js'
import { localDateOf } from '../shared/time.js'
import { type NoticeUser, noteAndNotifyAccountUser } from './account-user-notices.js'
import { recordAccountView } from './account-view.js'
import { withQueuedMessages } from './communications.js'
import {
  actorOf,
  addPortalNote,
  grantFor,
  type PortalAccountCall,
  type Principal,
  portalMe,
  portalPolicy,
} from './portal-session.js'

export async function portalUsers({ tx, principal, accountNumber, at }: PortalAccountCall) {
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
}: PortalAccountCall & {
  email: string
  inviteeName?: string | undefined
  level: 'full' | 'limited'
  /** The invitee's relationship to the holder ("spouse"), kept on their access. */
  relationship?: string | undefined
  linkBase: string
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
  const body = `${principal.displayName} invited ${email} as an authorized user (${level} access).`
  await addPortalNote({ tx, principal, accountNumber: account.number, body, at })
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
}: PortalAccountCall & {
  userId: string
  level: 'full' | 'limited'
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
}: PortalAccountCall & {
  userId: string
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
