/**
 * Portal sign-in and sessions for external users. Portal sessions mirror staff sessions: a random
 * secret in the `cuttle_portal` cookie, only its SHA-256 stored.
 */
import { randomBytes } from 'node:crypto'
import type { Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { newId } from '../../shared/ids.js'
import * as audit from '../audit/index.js'
import * as store from './external-store.js'
import { type CustomerPrincipal, InvalidPortalCredentials, normaliseEmail } from './external-users.js'
import { hashPassword, hashSecret, verifyPassword } from './secrets.js'
import { isDueTouch, isSessionLive } from './session-liveness.js'
import type { SessionLookup, SessionPolicy } from './types.js'

export type PortalSessionPolicy = SessionPolicy

let dummyHash: Promise<string> | undefined

/** Spend the time of a real password check, so response times do not reveal which emails have a login. */
async function spendDummyCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('a password nobody has')
  await verifyPassword(await dummyHash, password)
}

/**
 * Open a portal session. A failure is returned, not thrown, like the staff sign-in, so the caller
 * commits the failure count before answering. `maxFailedLogins` wrong passwords in a row lock the
 * login for `lockoutMinutes` (counted in SQL on the locked row, so parallel guesses all count, and
 * none is checked once an earlier one has locked it); a right password resets the count. Unlike the
 * staff sign-in, a locked login gets the very answer an unknown email or a wrong password gets, in
 * the same time, so the public portal never tells whether an email has a login.
 */
export async function signInExternal({
  tx,
  email,
  password,
  policy,
  at,
}: {
  tx: Tx
  email: string
  password: string
  policy: PortalSessionPolicy
  at: Date
}): Promise<
  | { ok: true; sessionToken: string; principal: CustomerPrincipal; expiresAt: Date }
  | { ok: false; error: InvalidPortalCredentials }
> {
  const row = await store.findUserByEmailForUpdate(tx, normaliseEmail(email))
  const invalid = new InvalidPortalCredentials(
    `The email or password is not right. After ${policy.maxFailedLogins} wrong tries in a row, sign-in pauses for ${policy.lockoutMinutes} minutes.`,
  )
  if (!row?.password_hash || row.status !== 'active') {
    await spendDummyCheck(password)
    return { ok: false, error: invalid }
  }
  if (!(await checkLoginPassword(tx, row, password, policy, at))) return { ok: false, error: invalid }
  return { ok: true, ...(await openSession(tx, row, policy, at)) }
}

/**
 * A login's password checked under the lockout rule (its row locked FOR UPDATE by the caller): refused
 * while locked; a wrong one counted in SQL, locking the login at the limit; a right one clears the
 * count. The caller must commit before answering a refusal, so the count is kept.
 */
export async function checkLoginPassword(
  tx: Tx,
  row: store.ExternalUserRow,
  password: string,
  policy: PortalSessionPolicy,
  at: Date,
): Promise<boolean> {
  const actor: Actor = { kind: 'customer', id: row.id }
  const subject = { type: 'external_user', id: row.id }
  if (row.locked_until && row.locked_until > at) {
    await spendDummyCheck(password)
    await audit.record(tx, {
      actor,
      action: 'access.portal_login.refused',
      subject,
      context: { reason: 'locked', lockedUntil: row.locked_until.toISOString() },
      at,
    })
    return false
  }
  if (!row.password_hash || !(await verifyPassword(row.password_hash, password))) {
    const failures = await store.countFailedLogin(tx, row.id)
    const lock = failures >= policy.maxFailedLogins
    const lockedUntil = lock ? new Date(at.getTime() + policy.lockoutMinutes * 60_000) : null
    if (lock) await store.updateUser(tx, row.id, { failed_logins: 0, locked_until: lockedUntil })
    await audit.record(tx, {
      actor,
      action: lock ? 'access.external_user.locked' : 'access.portal_login.failed',
      subject,
      context: { reason: 'password', failures, ...(lockedUntil ? { lockedUntil: lockedUntil.toISOString() } : {}) },
      at,
    })
    return false
  }
  if (row.failed_logins > 0 || row.locked_until)
    await store.updateUser(tx, row.id, { failed_logins: 0, locked_until: null })
  return true
}

export async function openSession(tx: Tx, row: store.ExternalUserRow, policy: PortalSessionPolicy, at: Date) {
  const sessionToken = `cps_${randomBytes(32).toString('base64url')}`
  const expiresAt = new Date(at.getTime() + policy.sessionMaxHours * 3_600_000)
  const sessionId = newId('xss')
  await store.insertSession(tx, {
    id: sessionId,
    token_hash: hashSecret(sessionToken),
    user_id: row.id,
    created_at: at,
    last_seen_at: at,
    expires_at: expiresAt,
    ended_at: null,
  })
  await audit.record(tx, {
    actor: { kind: 'customer', id: row.id },
    action: 'access.portal_session.started',
    subject: { type: 'external_session', id: sessionId },
    at,
  })
  const principal: CustomerPrincipal = {
    kind: 'customer',
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    sessionId,
  }
  return { sessionToken, principal, expiresAt }
}

/** The signed-in external user for a `cuttle_portal` cookie, or null when it is not live. Throws nothing expected. */
export async function resolveExternalSession({
  tx,
  sessionToken,
  policy,
  at,
}: SessionLookup<PortalSessionPolicy>): Promise<CustomerPrincipal | null> {
  const row = await store.findSessionWithUser(tx, hashSecret(sessionToken))
  if (row?.status !== 'active' || !isSessionLive(row, policy, at)) return null
  if (isDueTouch(row.last_seen_at, at)) await store.touchSession(tx, row.session_id, at)
  return {
    kind: 'customer',
    id: row.user_id,
    email: row.email,
    displayName: row.display_name,
    sessionId: row.session_id,
  }
}

/** Sign out of the portal. */
export async function endExternalSession({ tx, principal, at }: { tx: Tx; principal: CustomerPrincipal; at: Date }) {
  await store.endSession(tx, principal.sessionId, at)
  await audit.record(tx, {
    actor: { kind: 'customer', id: principal.id },
    action: 'access.portal_session.ended',
    subject: { type: 'external_session', id: principal.sessionId },
    at,
  })
}
