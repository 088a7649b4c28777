/**
 * Invitations to become an authorized user: the token goes in the link and only its hash is kept;
 * accepting one creates (or signs in) the person and grants the access.
 */
import { randomBytes } from 'node:crypto'
import type { AccountChange, Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { newId } from '../../shared/ids.js'
import * as audit from '../audit/index.js'
import { grantAccountAccess } from './external-grants.js'
import type { GrantKind } from './external-policy.js'
import { checkLoginPassword, openSession, type PortalSessionPolicy } from './external-sessions.js'
import * as store from './external-store.js'
import {
  checkPassword,
  createExternalUser,
  InvalidPortalCredentials,
  InvitationNotValid,
  normaliseEmail,
} from './external-users.js'
import { hashPassword, hashSecret } from './secrets.js'

/** Invite someone to become an authorized user; the token goes in the link and only its hash is kept. */
export async function createInvitation({
  tx,
  accountId,
  email,
  inviteeName,
  level,
  relationship,
  validDays = 14,
  actor,
  at,
}: AccountChange & {
  email: string
  inviteeName: string
  level: 'full' | 'limited'
  relationship?: string | undefined
  validDays?: number
}): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = `cpi_${randomBytes(32).toString('base64url')}`
  const row: store.InvitationRow = {
    id: newId('inv'),
    account_id: accountId,
    email: normaliseEmail(email),
    invitee_name: inviteeName.trim() || normaliseEmail(email),
    kind: level === 'full' ? 'authorized_full' : 'authorized_limited',
    token_hash: hashSecret(token),
    expires_at: new Date(at.getTime() + validDays * 86_400_000),
    accepted_at: null,
    accepted_user_id: null,
    invited_by_kind: actor.kind,
    invited_by_id: actor.id,
    created_at: at,
    relationship: relationship?.normalize('NFKC').trim().replace(/\s+/g, ' ').slice(0, 100) || null,
  }
  await store.insertInvitation(tx, row)
  await audit.record(tx, {
    actor,
    action: 'access.invitation.created',
    subject: { type: 'account_invitation', id: row.id },
    accountId,
    after: { email: row.email, kind: row.kind, expiresAt: row.expires_at.toISOString() },
    at,
  })
  return { id: row.id, token, expiresAt: row.expires_at }
}

/**
 * Accept an invitation: create the login (or, for an email that already has one, check its
 * password), grant the access and open a session.
 * @throws InvitationNotValid (unknown, used or expired), InvalidPortalCredentials, WeakPortalPassword, GrantExists
 */
export async function acceptInvitation({
  tx,
  token,
  displayName,
  password,
  policy,
  at,
}: {
  tx: Tx
  token: string
  displayName: string
  password: string
  policy: PortalSessionPolicy
  at: Date
}) {
  const invitation = await store.findInvitationByTokenHash(tx, hashSecret(token))
  if (!invitation || invitation.accepted_at || at >= invitation.expires_at) {
    throw new InvitationNotValid('This invitation is not valid: it may have expired or been used already')
  }
  let user = await store.findUserByEmailForUpdate(tx, invitation.email)
  if (user?.password_hash) {
    // The same lockout as signing in: accepting with an existing login is a password check too.
    if (!(await checkLoginPassword(tx, user, password, policy, at))) {
      return {
        ok: false as const,
        error: new InvalidPortalCredentials(
          `You already have a login: enter its password to accept. After ${policy.maxFailedLogins} wrong tries in a row, sign-in pauses for ${policy.lockoutMinutes} minutes.`,
        ),
      }
    }
  } else if (user) {
    checkPassword(password, user.email)
    await store.updateUser(tx, user.id, { password_hash: await hashPassword(password) })
  } else {
    const created = await createExternalUser({
      tx,
      email: invitation.email,
      displayName,
      password,
      actor: { kind: 'system', id: 'portal-invitation' },
      at,
    })
    user = await store.findUserById(tx, created.id)
  }
  if (!user) throw new Error('unreachable: the user was just created')
  const actor: Actor = { kind: 'customer', id: user.id }
  const grant = await grantAccountAccess({
    tx,
    accountId: invitation.account_id,
    userId: user.id,
    kind: invitation.kind as GrantKind,
    // The holder who invited them added them, with the relationship they gave.
    relationship: invitation.relationship,
    grantedBy: { kind: invitation.invited_by_kind, id: invitation.invited_by_id },
    actor,
    at,
  })
  await store.markInvitationAccepted(tx, invitation.id, user.id, at)
  await audit.record(tx, {
    actor,
    action: 'access.invitation.accepted',
    subject: { type: 'account_invitation', id: invitation.id },
    accountId: invitation.account_id,
    at,
  })
  const fresh = (await store.findUserById(tx, user.id)) ?? user
  return { ok: true as const, grant, ...(await openSession(tx, fresh, policy, at)) }
}
