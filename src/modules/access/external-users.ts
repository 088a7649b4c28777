/**
 * External users (USR-2..4): customers and the people they let in. Each person has their own login;
 * what they may do on an account comes from their grant on it (`external-policy.ts`). This file holds
 * the person (login record) and the module's named errors for external users.
 */
import type { Change, Db, Tx } from '../../db/index.js'
import { Conflict, Forbidden, NotFound, Unauthenticated, ValidationFailed, withCode } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import * as audit from '../audit/index.js'
import * as store from './external-store.js'
import { passwordProblems } from './password-policy.js'
import { hashPassword } from './secrets.js'
import type { NewLogin } from './types.js'

export class InvalidPortalCredentials extends withCode(Unauthenticated, 'INVALID_CREDENTIALS') {}

export class ExternalUserNotFound extends withCode(NotFound, 'EXTERNAL_USER_NOT_FOUND') {}

export class AccountUserNotFound extends withCode(NotFound, 'ACCOUNT_USER_NOT_FOUND') {}

export class InvalidGrant extends withCode(ValidationFailed, 'INVALID_GRANT') {}

export class GrantExists extends withCode(Conflict, 'GRANT_EXISTS') {}

export class InvitationNotValid extends withCode(NotFound, 'INVITATION_NOT_VALID') {}

export class PortalEmailTaken extends withCode(Conflict, 'EMAIL_TAKEN') {}

export class WeakPortalPassword extends withCode(ValidationFailed, 'WEAK_PASSWORD') {}

export class PoaDocumentNotFound extends withCode(NotFound, 'POA_DOCUMENT_NOT_FOUND') {}

export class PoaAlreadyReviewed extends withCode(Conflict, 'POA_ALREADY_REVIEWED') {}

export class PoaRejectionReasonRequired extends withCode(ValidationFailed, 'POA_REJECTION_REASON_REQUIRED') {}

export class NotReviewable extends withCode(Forbidden, 'CANNOT_CHANGE_THIS_USER') {}

export interface ExternalUser {
  readonly id: string
  readonly email: string
  readonly displayName: string
}

/** A signed-in external user: the subject of every portal check, together with a grant. */
export interface CustomerPrincipal extends ExternalUser {
  readonly kind: 'customer'
  readonly sessionId: string
}

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase()
}

/** @throws WeakPortalPassword */
export function checkPassword(password: string, email: string) {
  const problems = passwordProblems(password, email)
  if (problems.length > 0) {
    throw new WeakPortalPassword(
      `The password ${problems.join(' and ')}`,
      problems.map((message) => ({ path: 'password', message })),
    )
  }
}

/**
 * Create an external user; without a password they cannot sign in until they accept an invitation.
 * @throws PortalEmailTaken, WeakPortalPassword, InvalidGrant for a blank name
 */
export async function createExternalUser({
  tx,
  email,
  displayName,
  password,
  actor,
  at,
}: Change & NewLogin & { password?: string | undefined }): Promise<ExternalUser> {
  const address = normaliseEmail(email)
  const name = displayName.trim()
  if (name.length === 0 || name.length > 200 || address.length < 3 || !address.includes('@')) {
    throw new InvalidGrant('The email or display name is not valid', [
      { path: 'displayName', message: '1 to 200 characters' },
    ])
  }
  if (password !== undefined) checkPassword(password, address)
  if (await store.findUserByEmail(tx, address)) {
    throw new PortalEmailTaken(`A portal user with the email ${address} already exists`, [
      { path: 'email', message: 'already taken' },
    ])
  }
  const row: store.ExternalUserRow = {
    id: newId('xus'),
    email: address,
    display_name: name,
    password_hash: password === undefined ? null : await hashPassword(password),
    status: 'active',
    created_at: at,
    failed_logins: 0,
    locked_until: null,
  }
  await store.insertUser(tx, row)
  await audit.record(tx, {
    actor,
    action: 'access.external_user.created',
    subject: { type: 'external_user', id: row.id },
    after: { email: address, displayName: name },
    at,
  })
  return { id: row.id, email: address, displayName: name }
}

/** An external user by email, or undefined. */
export async function findExternalUser(db: Db | Tx, email: string): Promise<ExternalUser | undefined> {
  const row = await store.findUserByEmail(db, normaliseEmail(email))
  return row ? { id: row.id, email: row.email, displayName: row.display_name } : undefined
}
