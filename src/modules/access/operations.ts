import { z } from 'zod'
import type { Change, Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import {
  Conflict,
  type DomainError,
  Locked,
  NotFound,
  Unauthenticated,
  ValidationFailed,
  withCode,
} from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import * as audit from '../audit/index.js'
import { passwordProblems } from './password-policy.js'
import { isRole, type Role } from './permissions.js'
import { toStaffUser } from './queries.js'
import {
  hashPassword,
  hashSecret,
  newSecret,
  newTotpSecret,
  spendDummyPasswordCheck,
  totpUri,
  verifyPassword,
  verifyTotp,
} from './secrets.js'
import { isDueTouch, isSessionLive } from './session-liveness.js'
import * as store from './store.js'
import { requireSession } from './tokens.js'
import type { AccessPolicy, NewLogin, OwnLoginChange, SessionLookup, StaffPrincipal, StaffUser } from './types.js'

export class InvalidCredentials extends withCode(Unauthenticated, 'INVALID_CREDENTIALS') {}
export class TotpRequired extends withCode(Unauthenticated, 'TOTP_REQUIRED') {}
export class AccountLocked extends withCode(Locked, 'ACCOUNT_LOCKED') {}
export class WeakPassword extends withCode(ValidationFailed, 'WEAK_PASSWORD') {}
export class EmailTaken extends withCode(Conflict, 'EMAIL_TAKEN') {}
export class UnknownRole extends withCode(ValidationFailed, 'UNKNOWN_ROLE') {}
export class StaffUserNotFound extends withCode(NotFound, 'STAFF_USER_NOT_FOUND') {}
export class TotpAlreadyEnabled extends withCode(Conflict, 'TOTP_ALREADY_ENABLED') {}
export class TotpNotPending extends withCode(Conflict, 'TOTP_NOT_PENDING') {}
export class InvalidTotpCode extends withCode(ValidationFailed, 'INVALID_TOTP_CODE') {}
export class InvalidStaffDetails extends withCode(ValidationFailed, 'INVALID_STAFF_DETAILS') {}

/** @throws WeakPassword naming the field */
export function checkPasswordStrength(password: string, field: string, email: string) {
  const problems = passwordProblems(password, email)
  if (problems.length > 0) {
    throw new WeakPassword(
      `The password ${problems.join(' and ')}`,
      problems.map((message) => ({ path: field, message })),
    )
  }
}

/**
 * Give a staff user a new password (checked for strength against their email), and clear any
 * failed-login count and lock with it. @throws WeakPassword
 */
export async function setStaffPassword(
  tx: Tx,
  user: { id: string; email: string },
  password: string,
  at: Date,
): Promise<void> {
  checkPasswordStrength(password, 'password', user.email)
  await store.updateUser(tx, user.id, {
    password_hash: await hashPassword(password),
    password_changed_at: at,
    failed_logins: 0,
    locked_until: null,
  })
}

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase()
}

const maxDisplayNameLength = 200
const emailSchema = z.email().max(320)

/** @throws InvalidStaffDetails naming each field that the staff_users table would refuse */
export function checkStaffDetails(address: string, displayName: string) {
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

/** @throws EmailTaken when a staff user already has the (normalised) address */
export async function refuseTakenEmail(tx: Tx, address: string): Promise<void> {
  if (await store.findUserByEmail(tx, address)) {
    throw new EmailTaken(`A staff user with the email ${address} already exists`, [
      { path: 'email', message: 'already taken' },
    ])
  }
}

/** The row of a new staff user: nothing failed or locked yet, and no authenticator enrolled. */
export function newStaffUserRow({
  address,
  name,
  role,
  passwordHash,
  awaitingApproval,
  at,
}: {
  address: string
  name: string
  role: Role
  passwordHash: string | null
  awaitingApproval: boolean
  at: Date
}): store.StaffUserRow {
  return {
    id: newId('usr'),
    email: address,
    display_name: name,
    role,
    password_hash: passwordHash,
    password_changed_at: at,
    failed_logins: 0,
    locked_until: null,
    totp_secret: null,
    disabled_at: null,
    created_at: at,
    awaiting_approval: awaitingApproval,
    totp_pending_secret: null,
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
}: Change &
  NewLogin & {
    role: string
    password: string
  }): Promise<StaffUser> {
  if (!isRole(role)) throw new UnknownRole(`There is no role '${role}'`, [{ path: 'role', message: 'unknown role' }])
  const address = normaliseEmail(email)
  const name = displayName.trim()
  checkStaffDetails(address, name)
  checkPasswordStrength(password, 'password', address)
  await refuseTakenEmail(tx, address)
  const passwordHash = await hashPassword(password)
  const row = newStaffUserRow({ address, name, role, passwordHash, awaitingApproval: false, at })
  await store.insertUser(tx, row)
  const user = toStaffUser(row)
  await recordOnStaffUser(tx, user.id, {
    actor,
    action: 'access.user.created',
    after: { email: user.email, displayName: user.displayName, role: user.role },
    at,
  })
  return user
}

/** Record an event about a staff user in the audit log, in the caller's transaction. */
export function recordOnStaffUser(
  tx: Tx,
  userId: string,
  event: Omit<audit.AuditEventInput, 'subject'>,
): Promise<unknown> {
  return audit.record(tx, { ...event, subject: { type: 'staff_user', id: userId } })
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
  // An unknown email, a wrong password and a locked account get the same answer after the same work
  // (one argon2 verification), so neither the answer nor its timing reveals which emails exist.
  const invalid = invalidCredentials()
  if (!row?.password_hash || row.disabled_at || row.awaiting_approval) {
    await spendDummyPasswordCheck(password)
    return { ok: false, error: invalid }
  }
  if (row.locked_until && row.locked_until > at) {
    await spendDummyPasswordCheck(password)
    await recordOnStaffUser(tx, row.id, {
      actor: { kind: 'staff', id: row.id },
      action: 'access.login.refused',
      context: { reason: 'locked', lockedUntil: row.locked_until.toISOString(), ...client },
      at,
    })
    return { ok: false, error: invalid }
  }
  const passwordOk = await verifyPassword(row.password_hash, password)
  if (passwordOk && row.totp_secret && !totp) {
    return { ok: false, error: new TotpRequired('Enter the 6-digit code from your authenticator app') }
  }
  const totpOk = !row.totp_secret || (totp !== undefined && verifyTotp(row.totp_secret, totp, at))
  if (!passwordOk || !totpOk) {
    await countFailure(tx, row, policy, at, { reason: passwordOk ? 'totp' : 'password', ...client })
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

/** The principal a person signed in to a browser session acts as: their whole role. */
function principalOf(
  user: { userId: string; role: string; email: string; displayName: string },
  via: StaffPrincipal['via'],
  passwordExpired: boolean,
): StaffPrincipal {
  return { kind: 'staff', ...user, role: user.role as Role, via, scope: null, mustChangePassword: passwordExpired }
}

/** The one answer to every failed staff sign-in, whatever failed. */
function invalidCredentials() {
  return new InvalidCredentials('The email or password is not right')
}

/**
 * Count a wrong password or code against the user (row locked by the caller); at the limit the
 * account locks for the policy's minutes and every session of the user ends.
 */
async function countFailure(
  tx: Tx,
  row: store.StaffUserRow,
  policy: AccessPolicy,
  at: Date,
  context: Record<string, unknown>,
): Promise<void> {
  const failures = row.failed_logins + 1
  const lock = failures >= policy.maxFailedLogins
  const lockedUntil = lock ? new Date(at.getTime() + policy.lockoutMinutes * 60_000) : null
  await store.updateUser(tx, row.id, { failed_logins: lock ? 0 : failures, locked_until: lockedUntil })
  if (lock) await store.endSessionsOfUser(tx, row.id, at)
  await recordOnStaffUser(tx, row.id, {
    actor: { kind: 'staff', id: row.id },
    action: lock ? 'access.user.locked' : 'access.login.failed',
    context: { failures, ...context },
    at,
  })
}

/**
 * The principal behind a session token, or null when it is unknown, ended, expired or idle too long.
 */
export async function resolveSession({
  tx,
  sessionToken,
  policy,
  at,
}: SessionLookup<AccessPolicy>): Promise<StaffPrincipal | null> {
  const row = await store.findSessionWithUser(tx, hashSecret(sessionToken))
  if (!row || row.disabled_at || row.awaiting_approval || !isSessionLive(row, policy, at)) return null
  if (isDueTouch(row.last_seen_at, at)) await store.touchSession(tx, row.session_id, at)
  return principalOf(
    { userId: row.user_id, role: row.role, email: row.email, displayName: row.display_name },
    { kind: 'session', sessionId: row.session_id },
    mustChangePassword(row.password_changed_at, at, policy),
  )
}

/** End a session (sign out). */
export async function endSession({ tx, principal, at }: OwnLoginChange): Promise<void> {
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
 * Change one's own password, signed in to a browser session; ends the user's other sessions. A wrong
 * current password counts toward the lockout like a wrong sign-in, so it is returned, not thrown:
 * the caller commits the count before answering.
 * @throws SessionRequired for a token; StaffUserNotFound; WeakPassword; returns InvalidCredentials or AccountLocked
 */
export async function changePassword({
  tx,
  principal,
  currentPassword,
  newPassword,
  policy,
  at,
}: OwnLoginChange & {
  currentPassword: string
  newPassword: string
  policy: AccessPolicy
}): Promise<{ readonly ok: true } | { readonly ok: false; readonly error: DomainError }> {
  requireSession(principal, 'Changing a password')
  const row = await store.findUserByIdForUpdate(tx, principal.userId)
  if (!row) throw new StaffUserNotFound(`No staff user ${principal.userId}`)
  if (row.locked_until && row.locked_until > at) {
    return {
      ok: false,
      error: new AccountLocked(`Too many wrong passwords: try again after ${row.locked_until.toISOString()}`),
    }
  }
  if (!row.password_hash || !(await verifyPassword(row.password_hash, currentPassword))) {
    await countFailure(tx, row, policy, at, { reason: 'current_password' })
    return {
      ok: false,
      error: new InvalidCredentials('The current password is not right', [
        { path: 'currentPassword', message: 'not right' },
      ]),
    }
  }
  checkPasswordStrength(newPassword, 'newPassword', row.email)
  if (currentPassword === newPassword) {
    throw new WeakPassword('The new password must differ from the current one', [
      { path: 'newPassword', message: 'same as the current password' },
    ])
  }
  await store.updateUser(tx, row.id, {
    password_hash: await hashPassword(newPassword),
    password_changed_at: at,
    failed_logins: 0,
  })
  await store.endSessionsOfUser(tx, row.id, at, principal.via.kind === 'session' ? principal.via.sessionId : undefined)
  await recordOnStaffUser(tx, row.id, {
    actor: { kind: 'staff', id: row.id },
    action: 'access.password.changed',
    at,
  })
  return { ok: true }
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
}: Change & {
  userId: string
  newPassword: string
}): Promise<void> {
  const row = await store.findUserById(tx, userId)
  if (!row) throw new StaffUserNotFound(`No staff user ${userId}`)
  await setStaffPassword(tx, row, newPassword, at)
  await store.endSessionsOfUser(tx, row.id, at)
  await recordOnStaffUser(tx, row.id, { actor, action: 'access.password.reset', at })
}

/**
 * Start enrolling one's own authenticator app: a new secret is kept pending and shown only to the
 * user themselves (returned here, to their own browser session) until they confirm it with a code.
 * @throws SessionRequired for a token; TotpAlreadyEnabled (an access manager resets it first)
 */
export async function startTotpEnrolment({
  tx,
  principal,
  at,
}: OwnLoginChange): Promise<{ secret: string; uri: string }> {
  requireSession(principal, 'Enrolling an authenticator app')
  const row = await store.findUserByIdForUpdate(tx, principal.userId)
  if (!row) throw new StaffUserNotFound(`No staff user ${principal.userId}`)
  if (row.totp_secret) {
    throw new TotpAlreadyEnabled('An authenticator app is already enrolled: ask an access manager to reset it first')
  }
  const secret = newTotpSecret()
  await store.updateUser(tx, row.id, { totp_pending_secret: secret })
  await recordOnStaffUser(tx, row.id, {
    actor: actorOfSession(principal),
    action: 'access.totp.enrolment_started',
    at,
  })
  return { secret, uri: totpUri(secret, row.email) }
}

/**
 * Confirm one's own pending authenticator enrolment with a current code; from then on sign-in asks for it.
 * @throws SessionRequired; TotpNotPending; InvalidTotpCode naming `code`
 */
export async function confirmTotp({
  tx,
  principal,
  code,
  at,
}: OwnLoginChange & {
  code: string
}): Promise<void> {
  requireSession(principal, 'Enrolling an authenticator app')
  const row = await store.findUserByIdForUpdate(tx, principal.userId)
  if (!row) throw new StaffUserNotFound(`No staff user ${principal.userId}`)
  if (!row.totp_pending_secret) throw new TotpNotPending('Start the enrolment first')
  if (!verifyTotp(row.totp_pending_secret, code, at)) {
    throw new InvalidTotpCode('The code does not match the authenticator app', [{ path: 'code', message: 'not right' }])
  }
  await store.updateUser(tx, row.id, { totp_secret: row.totp_pending_secret, totp_pending_secret: null })
  await recordOnStaffUser(tx, row.id, {
    actor: actorOfSession(principal),
    action: 'access.totp.enabled',
    at,
  })
}

/**
 * Turn off another user's TOTP (a lost phone) so they enrol again themselves; the secret is never
 * shown to anyone. Their sessions end.
 * @throws StaffUserNotFound
 */
export async function resetTotp({
  tx,
  userId,
  actor,
  at,
}: Change & {
  userId: string
}): Promise<void> {
  const row = await store.findUserById(tx, userId)
  if (!row) throw new StaffUserNotFound(`No staff user ${userId}`)
  await store.updateUser(tx, row.id, { totp_secret: null, totp_pending_secret: null })
  await store.endSessionsOfUser(tx, row.id, at)
  await recordOnStaffUser(tx, row.id, { actor, action: 'access.totp.reset', at })
}

function actorOfSession(principal: StaffPrincipal): Actor {
  return { kind: 'staff', id: principal.userId }
}
