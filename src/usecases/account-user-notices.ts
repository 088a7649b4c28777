/**
 * USR-3: each change to who may use an account notes the account and notifies the user it is about,
 * at their own email address, with a copy to the account's email on file (the holder). Used by the
 * portal (the holder or an attorney) and by staff (an agent, e.g. when the user asked to be removed).
 * Messages are queued in the caller's transaction; enqueue them for delivery after commit (`DeliveryQueue`).
 */
import type { Change, Tx } from '../db/index.js'
import * as access from '../modules/access/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as comms from '../modules/comms/index.js'
import { type AccountCall, accountOf } from './account-view.js'

/** The person a notice is about: their own login's email and name. */
export interface NoticeUser {
  readonly email: string
  readonly displayName: string
}

/**
 * Note the account, send the user the notice at their own address and the account's email on file a
 * copy (skipped when the account has none). Answers the messages queued, the user's first.
 * @throws what accounts.addNote and comms.send throw
 */
export async function noteAndNotifyAccountUser({
  tx,
  account,
  user,
  subject,
  body,
  authorName,
  actor,
  at,
}: Change & {
  account: { id: string; number: string }
  user: NoticeUser | undefined
  subject: string
  body: string
  authorName: string | null
}): Promise<comms.Message[]> {
  await accounts.addNote({ tx, accountNumber: account.number, type: 'service', body, actor, authorName, at })
  const sent: comms.Message[] = []
  if (user) {
    sent.push(
      await comms.send({
        tx,
        accountId: account.id,
        channel: 'email',
        template: 'account_user_notice',
        recipient: user.email,
        fields: { userName: user.displayName || user.email, subject, message: body },
        actor,
        at,
      }),
    )
  }
  const contacts = await accounts.findAccountContacts({ tx, accountId: account.id })
  if (!contacts || contacts.emails.length === 0) return sent
  const primary = contacts.emails.find((email) => email.primary) ?? contacts.emails[0]
  // the copy would go to the user's own address again: one message is enough
  if (user && primary?.address.toLowerCase() === user.email.toLowerCase()) return sent
  sent.push(
    await comms.send({
      tx,
      accountId: account.id,
      channel: 'email',
      template: 'general_message',
      fields: { subject, message: body },
      actor,
      at,
    }),
  )
  return sent
}

async function staffAccountUser(tx: Tx, accountNumber: string, userId: string) {
  const account = await accountOf(tx, accountNumber)
  const user = (await access.usersOfAccount({ tx, accountId: account.id })).find((item) => item.userId === userId)
  return { account, user }
}

/**
 * Staff change an authorized user's level (the holder asked by phone); notes the account and notifies
 * the user, with a copy to the account's email.
 * @throws accounts.AccountNotFound, access.AccountUserNotFound, access.NotReviewable
 */
export async function changeAccountUserLevelByStaff({
  tx,
  accountNumber,
  userId,
  level,
  actor,
  at,
}: AccountCall & {
  userId: string
  level: 'full' | 'limited'
}) {
  const { account, user } = await staffAccountUser(tx, accountNumber, userId)
  const grant = await access.changeAuthorizedLevel({ tx, accountId: account.id, userId, level, actor, at })
  const messages = await noteAndNotifyAccountUser({
    tx,
    account,
    user,
    subject: 'Your access to an energy account has changed',
    body: `We changed ${user?.email ?? userId} to ${level} access at the account holder's request.`,
    authorName: null,
    actor,
    at,
  })
  return { grant, messages }
}

/**
 * Staff remove an authorized user (the holder asked, or the user asked to be removed: USR-3 sends
 * that through an agent); notes the account and notifies the user, with a copy to the account's email.
 * @throws accounts.AccountNotFound, access.AccountUserNotFound, access.NotReviewable
 */
export async function removeAccountUserByStaff({
  tx,
  accountNumber,
  userId,
  requestedBy,
  actor,
  at,
}: AccountCall & {
  userId: string
  requestedBy: 'holder' | 'user'
}) {
  const { account, user } = await staffAccountUser(tx, accountNumber, userId)
  const grant = await access.revokeAuthorizedUser({ tx, accountId: account.id, userId, actor, at })
  const messages = await noteAndNotifyAccountUser({
    tx,
    account,
    user,
    subject: 'Your access to an energy account has been removed',
    body: `We removed ${user?.email ?? userId} as an authorized user at ${requestedBy === 'user' ? 'their own' : "the account holder's"} request.`,
    authorName: null,
    actor,
    at,
  })
  return { grant, messages }
}
