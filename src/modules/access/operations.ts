import { z } from 'zod'
import type { Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { Conflict, type DomainError, Locked, NotFound, Unauthenticated, ValidationFailed } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import * as audit from '../audit/index.js'
import { isRole, type Role } from './permissions.js'
import { toStaffUser } from './queries.js'
import { hashPassword, hashSecret, newSecret, newTotpSecret, totpUri, verifyPassword, verifyTotp } from './secrets.js'
import * as store from './store.js'
import type { AccessPolicy, StaffPrincipal, StaffUser } from './types.js'

export class InvalidCredentials extends Unauthenticated {
  override readonly code = 'INVALID_CREDENTIALS'
}
export class TotpRequired extends Unauthenticated {
  override readonly code = 'TOTP_REQUIRED'
}
export class AccountLocked extends Locked {
  override readonly code = 'ACCOUNT_LOCKED'
}
export class WeakPassword extends ValidationFailed {
  override readonly code = 'WEAK_PASSWORD'
}
export class EmailTaken extends Conflict {
  override readonly code = 'EMAIL_TAKEN'
}
export class UnknownRole extends ValidationFailed {
  override readonly code = 'UNKNOWN_ROLE'
}
export class StaffUserNotFound extends NotFound {
  override readonly code = 'STAFF_USER_NOT_FOUND'
}
export class TokenNotFound extends NotFound {
  override readonly code = 'TOKEN_NOT_FOUND'
}
export class InvalidStaffDetails extends ValidationFailed {
  override readonly code = 'INVALID_STAFF_DETAILS'
}

const minPasswordLength = 12
let dummyHash: Promise<string> | undefined

/** @throws WeakPassword */
function checkPasswordStrength(password: string, field: string, email: string) {
  const problems: string[] = []
  if (password.length < minPasswordLength) problems.push(`must be at least ${minPasswordLength} characters`)
  if (password.length > 256) problems.push('must be at most 256 characters')
  if (password.toLowerCase() === email.toLowerCase()) problems.push('must not be the email address')
  if (new Set(password).size < 5) problems.push('must use at least 5 different characters')
  if (problems.length > 0) {
    throw new WeakPassword(
      `The password ${problems.join(' and ')}`,
      problems.map((message) => ({ path: field, message })),
    )
  }
}

function normaliseEmail(email: string) {
  return email.trim().toLowerCase()
}

const maxDisplayNameLength = 200
const emailSchema = z.email().max(320)

/** @throws InvalidStaffDetails naming each field that the staff_users table would refuse */
function checkStaffDetails(address: string, displayName: string) {
  const problems: { path: string; message: string }[] = []
  if (!emailSchema.safeParse(address).success) problems.push({ path: 'email', message: 'not a valid email address' })
  if (displayName.length === 0) problems.push({ path: 'displayName', message: 'must not be blank' })
  if (displayName.length > maxDisplayNameLength)
    problems.push({ path: 'displayName', message: `must be at most ${maxDisplayNameLength} characters` })
  if (problems.length > 0) {
    throw new InvalidStaffDetails(
      `The staff details are not valid: ${problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}`,
      problems,
    )
  }
}

/**
 * Create a staff user with a role and an initial password (hashed with argon2id).
 * @throws UnknownRole, InvalidStaffDetails (malformed email, blank or overlong display name), WeakPassword, EmailTaken
 */
export async function createStaffUser({
  tx,
  email,
  displayName,
  role,
  password,
  actor,
  at,
}: {
  tx: Tx
  email: string
  displayName: string
  role: string
  password: string
  actor: Actor
  at: Date
}): Promise<StaffUser> {
  if (!isRole(role)) throw new UnknownRole(`There is no role '${role}'`, [{ path: 'role', message: 'unknown role' }])
  const address = normaliseEmail(email)
  const name = displayName.trim()
  checkStaffDetails(address, name)
  checkPasswordStrength(password, 'password', address)
  if (await store.findUserByEmail(tx, address)) {
    throw new EmailTaken(`A staff user with the email ${address} already exists`, [
      { path: 'email', message: 'already taken' },
    ])
  }
  const row: store.StaffUserRow = {
    id: newId('usr'),
    email: address,
    display_name: name,
    role,
    password_hash: await hashPassword(password),
    password_changed_at: at,
    failed_logins: 0,
    locked_until: null,
    totp_secret: null,
    disabled_at: null,
    created_at: at,
  }
  await store.insertUser(tx, row)
  const user = toStaffUser(row)
  await audit.record(tx, {
    actor,
    action: 'access.user.created',
    subject: { type: 'staff_user', id: user.id },
    after: { email: user.email, displayName: user.displayName, role: user.role },
    at,
  })
  return user
}

export type SignInResult =
  | { readonly ok: true; readonly sessionToken: string; readonly principal: StaffPrincipal; readonly expiresAt: Date }
  | { readonly ok: false; readonly error: DomainError }

function mustChangePassword(passwordChangedAt: Date, at: Date, policy: AccessPolicy) {
  return at.getTime() - passwordChangedAt.getTime() >= policy.passwordMaxAgeDays * 86_400_000
}

/**
 * Check a staff user's password (and TOTP code when enabled) and open a session. A failure is
 * returned, not thrown, so the caller commits the failure count and lockout before answering.
 */
export async function signIn({
  tx,
  email,
  password,
  totp,
  policy,
  at,
  client,
}: {
  tx: Tx
  email: string
  password: string
  totp?: string | undefined
  policy: AccessPolicy
  at: Date
  client?: Record<string, unknown>
}): Promise<SignInResult> {
  // Locked for the rest of the transaction: parallel guesses are counted one after another, and
  // none is checked once an earlier one has locked the account.
  const row = await store.findUserByEmailForUpdate(tx, normaliseEmail(email))
  const invalid = new InvalidCredentials('The email or password is not right')
  if (!row || row.disabled_at) {
    // Spend the same time as a real check so response times do not reveal which emails exist.
    dummyHash ??= hashPassword('a password nobody has')
    await verifyPassword(await dummyHash, password)
    return { ok: false, error: invalid }
  }
  const subject = { type: 'staff_user', id: row.id }
  if (row.locked_until && row.locked_until > at) {
    await audit.record(tx, {
      actor: { kind: 'staff', id: row.id },
      action: 'access.login.refused',
      subject,
      context: { reason: 'locked', ...client },
      at,
    })
    return {
      ok: false,
      error: new AccountLocked(`Too many failed sign-ins: try again after ${row.locked_until.toISOString()}`, {
        lockedUntil: row.locked_until.toISOString(),
      }),
    }
  }
  const passwordOk = await verifyPassword(row.password_hash, password)
  if (passwordOk && row.totp_secret && !totp) {
    return { ok: false, error: new TotpRequired('Enter the 6-digit code from your authenticator app') }
  }
  const totpOk = !row.totp_secret || (totp !== undefined && verifyTotp(row.totp_secret, totp, at))
  if (!passwordOk || !totpOk) {
    const failures = row.failed_logins + 1
    const lock = failures >= policy.maxFailedLogins
    const lockedUntil = lock ? new Date(at.getTime() + policy.lockoutMinutes * 60_000) : null
    await store.updateUser(tx, row.id, { failed_logins: lock ? 0 : failures, locked_until: lockedUntil })
    await audit.record(tx, {
      actor: { kind: 'staff', id: row.id },
      action: lock ? 'access.user.locked' : 'access.login.failed',
      subject,
      context: { reason: passwordOk ? 'totp' : 'password', failures, ...client },
      at,
    })
    if (lock)
      return {
        ok: false,
        error: new AccountLocked(
          `Too many failed sign-ins: the account is locked for ${policy.lockoutMinutes} minutes`,
          { lockedUntil: lockedUntil?.toISOString() },
        ),
      }
    return { ok: false, error: invalid }
  }
  const { secret, secretHash } = newSecret('cts')
  const sessionId = newId('ses')
  const expiresAt = new Date(at.getTime() + policy.sessionMaxHours * 3_600_000)
  await store.insertSession(tx, {
    id: sessionId,
    token_hash: secretHash,
    user_id: row.id,
    created_at: at,
    last_seen_at: at,
    expires_at: expiresAt,
    ended_at: null,
  })
  if (row.failed_logins > 0 || row.locked_until)
    await store.updateUser(tx, row.id, { failed_logins: 0, locked_until: null })
  await audit.record(tx, {
    actor: { kind: 'staff', id: row.id },
    action: 'access.session.started',
    subject: { type: 'session', id: sessionId },
    context: { ...client },
    at,
  })
  return {
    ok: true,
    sessionToken: secret,
    expiresAt,
    principal: principalOf(
      { userId: row.id, role: row.role, email: row.email, displayName: row.display_name },
      { kind: 'session', sessionId },
      mustChangePassword(row.password_changed_at, at, policy),
    ),
  }
}

/** The principal a verified user acts as, whichever credential proved it. */
function principalOf(
  user: { userId: string; role: string; email: string; displayName: string },
  via: StaffPrincipal['via'],
  passwordExpired: boolean,
): StaffPrincipal {
  return { kind: 'staff', ...user, role: user.role as Role, via, mustChangePassword: passwordExpired }
}

/** Seen within the last minute is recent enough: saves a write on every request. */
const touchEveryMs = 60_000

/**
 * The principal behind a session token, or null when it is unknown, ended, expired or idle too long.
 */
export async function resolveSession({
  tx,
  sessionToken,
  policy,
  at,
}: {
  tx: Tx
  sessionToken: string
  policy: AccessPolicy
  at: Date
}): Promise<StaffPrincipal | null> {
  const row = await store.findSessionWithUser(tx, hashSecret(sessionToken))
  // Dead from the instant of expiry, and from the instant the idle timeout has fully elapsed.
  if (!row || row.ended_at || row.disabled_at || at >= row.expires_at) return null
  if (at.getTime() >= row.last_seen_at.getTime() + policy.sessionIdleMinutes * 60_000) return null
  if (at.getTime() - row.last_seen_at.getTime() > touchEveryMs) await store.touchSession(tx, row.session_id, at)
  return principalOf(
    { userId: row.user_id, role: row.role, email: row.email, displayName: row.display_name },
    { kind: 'session', sessionId: row.session_id },
    mustChangePassword(row.password_changed_at, at, policy),
  )
}

/** End a session (sign out). */
export async function endSession({
  tx,
  principal,
  at,
}: {
  tx: Tx
  principal: StaffPrincipal
  at: Date
}): Promise<void> {
  if (principal.via.kind !== 'session') return
  await store.endSession(tx, principal.via.sessionId, at)
  await audit.record(tx, {
    actor: { kind: 'staff', id: principal.userId },
    action: 'access.session.ended',
    subject: { type: 'session', id: principal.via.sessionId },
    at,
  })
}

/**
 * Change one's own password; ends the user's other sessions.
 * @throws InvalidCredentials when the current password is wrong; WeakPassword; Conflict when unchanged
 */
export async function changePassword({
  tx,
  principal,
  currentPassword,
  newPassword,
  at,
}: {
  tx: Tx
  principal: StaffPrincipal
  currentPassword: string
  newPassword: string
  at: Date
}): Promise<void> {
  const row = await store.findUserById(tx, principal.userId)
  if (!row) throw new StaffUserNotFound(`No staff user ${principal.userId}`)
  if (!(await verifyPassword(row.password_hash, currentPassword))) {
    throw new InvalidCredentials('The current password is not right', [
      { path: 'currentPassword', message: 'not right' },
    ])
  }
  checkPasswordStrength(newPassword, 'newPassword', row.email)
  if (currentPassword === newPassword) {
    throw new WeakPassword('The new password must differ from the current one', [
      { path: 'newPassword', message: 'same as the current password' },
    ])
  }
  await store.updateUser(tx, row.id, { password_hash: await hashPassword(newPassword), password_changed_at: at })
  await store.endSessionsOfUser(tx, row.id, at, principal.via.kind === 'session' ? principal.via.sessionId : undefined)
  await audit.record(tx, {
    actor: { kind: 'staff', id: row.id },
    action: 'access.password.changed',
    subject: { type: 'staff_user', id: row.id },
    at,
  })
}

/**
 * Set a staff user's password as an administrator (a forgotten password, an unlock); ends their
 * sessions and clears any lockout.
 * @throws StaffUserNotFound, WeakPassword
 */
export async function resetPassword({
  tx,
  userId,
  newPassword,
  actor,
  at,
}: {
  tx: Tx
  userId: string
  newPassword: string
  actor: Actor
  at: Date
}): Promise<void> {
  const row = await store.findUserById(tx, userId)
  if (!row) throw new StaffUserNotFound(`No staff user ${userId}`)
  checkPasswordStrength(newPassword, 'password', row.email)
  await store.updateUser(tx, row.id, {
    password_hash: await hashPassword(newPassword),
    password_changed_at: at,
    failed_logins: 0,
    locked_until: null,
  })
  await store.endSessionsOfUser(tx, row.id, at)
  await audit.record(tx, { actor, action: 'access.password.reset', subject: { type: 'staff_user', id: row.id }, at })
}

/**
 * Turn on TOTP for a user; returns the secret and an otpauth:// URI for an authenticator app.
 * @throws StaffUserNotFound
 */
export async function enableTotp({
  tx,
  userId,
  actor,
  at,
}: {
  tx: Tx
  userId: string
  actor: Actor
  at: Date
}): Promise<{ secret: string; uri: string }> {
  const row = await store.findUserById(tx, userId)
  if (!row) throw new StaffUserNotFound(`No staff user ${userId}`)
  const secret = newTotpSecret()
  await store.updateUser(tx, row.id, { totp_secret: secret })
  await audit.record(tx, { actor, action: 'access.totp.enabled', subject: { type: 'staff_user', id: row.id }, at })
  return { secret, uri: totpUri(secret, row.email) }
}

/**
 * Issue an API token for an integration acting as a staff user. The secret is returned once; only
 * its hash is kept.
 * @throws StaffUserNotFound
 */
export async function createApiToken({
  tx,
  userId,
  name,
  expiresAt,
  actor,
  at,
}: {
  tx: Tx
  userId: string
  name: string
  expiresAt: Date | null
  actor: Actor
  at: Date
}): Promise<{ id: string; token: string; expiresAt: Date | null }> {
  const row = await store.findUserById(tx, userId)
  if (!row) throw new StaffUserNotFound(`No staff user ${userId}`, [{ path: 'userId', message: 'unknown' }])
  if (expiresAt && expiresAt <= at)
    throw new ValidationFailed('The expiry must be in the future', [{ path: 'expiresAt', message: 'in the past' }])
  const { secret, secretHash } = newSecret('ctk')
  const id = newId('tok')
  await store.insertToken(tx, {
    id,
    user_id: row.id,
    name,
    token_hash: secretHash,
    created_at: at,
    expires_at: expiresAt,
    revoked_at: null,
    last_used_at: null,
  })
  await audit.record(tx, {
    actor,
    action: 'access.token.created',
    subject: { type: 'api_token', id },
    after: { userId: row.id, name, expiresAt },
    at,
  })
  return { id, token: secret, expiresAt }
}

/** Revoke an API token. @throws TokenNotFound */
export async function revokeApiToken({
  tx,
  tokenId,
  actor,
  at,
}: {
  tx: Tx
  tokenId: string
  actor: Actor
  at: Date
}): Promise<void> {
  if (!(await store.revokeToken(tx, tokenId, at))) throw new TokenNotFound(`No live API token ${tokenId}`)
  await audit.record(tx, { actor, action: 'access.token.revoked', subject: { type: 'api_token', id: tokenId }, at })
}

/** The principal behind an API token, or null when unknown, revoked or expired. */
export async function resolveApiToken({
  tx,
  token,
  at,
}: {
  tx: Tx
  token: string
  at: Date
}): Promise<StaffPrincipal | null> {
  const row = await store.findTokenWithUser(tx, hashSecret(token))
  if (!row || row.revoked_at || row.disabled_at || (row.expires_at && row.expires_at <= at)) return null
  if (!row.last_used_at || at.getTime() - row.last_used_at.getTime() > touchEveryMs)
    await store.touchToken(tx, row.token_id, at)
  return principalOf(
    { userId: row.user_id, role: row.role, email: row.email, displayName: row.display_name },
    { kind: 'token', tokenId: row.token_id },
    false,
  )
}
