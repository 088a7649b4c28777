/**
 * External users (USR-2..4): customers and the people they let in. Each person has their own login;
 * what they may do on an account comes from their grant on it (`external-policy.ts`). Portal
 * sessions mirror staff sessions: a random secret in the `cuttle_portal` cookie, only its SHA-256 stored.
 */

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Db, Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { Conflict, Forbidden, NotFound, Unauthenticated, ValidationFailed } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import * as audit from '../audit/index.js'
import {
  type GrantKind,
  type GrantStatus,
  grantInForce,
  grantKindsOfCaller,
  thirdPartyScopes,
  type VerifiedCaller,
} from './external-policy.js'
import { dataKeyOf, seal, unseal } from './external-seal.js'
import * as store from './external-store.js'
import { passwordProblems } from './password-policy.js'
import { hashPassword, hashSecret, verifyPassword } from './secrets.js'

export class InvalidPortalCredentials extends Unauthenticated {
  override readonly code = 'INVALID_CREDENTIALS'
}
export class ExternalUserNotFound extends NotFound {
  override readonly code = 'EXTERNAL_USER_NOT_FOUND'
}
export class AccountUserNotFound extends NotFound {
  override readonly code = 'ACCOUNT_USER_NOT_FOUND'
}
export class InvalidGrant extends ValidationFailed {
  override readonly code = 'INVALID_GRANT'
}
export class GrantExists extends Conflict {
  override readonly code = 'GRANT_EXISTS'
}
export class InvitationNotValid extends NotFound {
  override readonly code = 'INVITATION_NOT_VALID'
}
export class PortalEmailTaken extends Conflict {
  override readonly code = 'EMAIL_TAKEN'
}
export class WeakPortalPassword extends ValidationFailed {
  override readonly code = 'WEAK_PASSWORD'
}
export class PoaDocumentNotFound extends NotFound {
  override readonly code = 'POA_DOCUMENT_NOT_FOUND'
}
export class PoaAlreadyReviewed extends Conflict {
  override readonly code = 'POA_ALREADY_REVIEWED'
}
export class PoaRejectionReasonRequired extends ValidationFailed {
  override readonly code = 'POA_REJECTION_REASON_REQUIRED'
}
export class NotReviewable extends Forbidden {
  override readonly code = 'CANNOT_CHANGE_THIS_USER'
}

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

export interface Grant {
  readonly id: string
  readonly accountId: string
  readonly userId: string
  readonly kind: GrantKind
  readonly status: GrantStatus
  readonly scope: readonly string[]
  readonly validFrom: Date
  readonly validTo: Date | null
  /** The person's relationship to the account holder, as said when they were added. */
  readonly relationship: string | null
}

export interface PortalSessionPolicy {
  readonly sessionMaxHours: number
  readonly sessionIdleMinutes: number
  /** Wrong passwords in a row that lock the login (the staff rule, USR-5). */
  readonly maxFailedLogins: number
  readonly lockoutMinutes: number
}

let dummyHash: Promise<string> | undefined

/** Spend the time of a real password check, so response times do not reveal which emails have a login. */
async function spendDummyCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('a password nobody has')
  await verifyPassword(await dummyHash, password)
}
const touchEveryMs = 60_000

function normaliseEmail(email: string) {
  return email.trim().toLowerCase()
}

function toGrant(row: store.GrantRow): Grant {
  return {
    id: row.id,
    accountId: row.account_id,
    userId: row.user_id,
    kind: row.kind as GrantKind,
    status: row.status as GrantStatus,
    scope: (typeof row.scope === 'string' ? JSON.parse(row.scope) : row.scope) as string[],
    validFrom: row.valid_from,
    validTo: row.valid_to,
    relationship: row.relationship,
  }
}

// A relationship as people say it: "Spouse", " my  spouse " and "spouse" are one answer.
function normaliseRelationship(value: string): string {
  return value
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^(my|their|his|her) /i, '')
    .toLowerCase()
}

/** @throws WeakPortalPassword */
function checkPassword(password: string, email: string) {
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
}: {
  tx: Tx
  email: string
  displayName: string
  password?: string | undefined
  actor: Actor
  at: Date
}): Promise<ExternalUser> {
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

/**
 * Give a person a relationship to an account. A third party's access ends after `days` (within the
 * supplier's bounds); a power of attorney waits for legal review of `poaDocument` (pending_approval).
 * `relationship` is the person's relationship to the holder ("spouse"); `grantedBy` names who added
 * them when that is not the actor (the holder whose invitation was accepted).
 * @throws InvalidGrant, GrantExists
 */
export async function grantAccountAccess({
  tx,
  accountId,
  userId,
  kind,
  scope = [],
  days,
  thirdPartyDays,
  poaDocument,
  relationship,
  grantedBy,
  actor,
  at,
}: {
  tx: Tx
  accountId: string
  userId: string
  kind: GrantKind
  scope?: readonly string[]
  days?: number | undefined
  thirdPartyDays?: { readonly min: number; readonly max: number }
  poaDocument?: string | undefined
  relationship?: string | null | undefined
  grantedBy?: { readonly kind: string; readonly id: string } | undefined
  actor: Actor
  at: Date
}): Promise<Grant & { poaDocumentId: string | null }> {
  const problems: { path: string; message: string }[] = []
  const said = relationship?.normalize('NFKC').trim().replace(/\s+/g, ' ') || null
  if (said !== null && said.length > 100) problems.push({ path: 'relationship', message: 'at most 100 characters' })
  let validTo: Date | null = null
  if (kind === 'third_party') {
    const bounds = thirdPartyDays ?? { min: 30, max: 90 }
    if (days === undefined || !Number.isInteger(days) || days < bounds.min || days > bounds.max)
      problems.push({ path: 'days', message: `between ${bounds.min} and ${bounds.max} days` })
    else validTo = new Date(at.getTime() + days * 86_400_000)
    if (scope.length === 0 || scope.some((item) => !(thirdPartyScopes as readonly string[]).includes(item)))
      problems.push({ path: 'scope', message: `one or more of ${thirdPartyScopes.join(', ')}` })
  } else if (scope.length > 0) problems.push({ path: 'scope', message: 'only a third party has a scope' })
  if (kind === 'power_of_attorney' && !poaDocument?.trim())
    problems.push({ path: 'poaDocument', message: 'a power of attorney needs its document on file' })
  if (problems.length > 0) throw new InvalidGrant('The access cannot be granted', problems)
  if (await store.findLiveGrant(tx, { userId, accountId })) {
    throw new GrantExists('This person already has access to the account (or is waiting for it)')
  }
  const row: store.GrantRow = {
    id: newId('grt'),
    account_id: accountId,
    user_id: userId,
    kind,
    status: kind === 'power_of_attorney' ? 'pending_approval' : 'active',
    status_at: at,
    scope: [...scope],
    valid_from: at,
    valid_to: validTo,
    granted_by_kind: grantedBy?.kind ?? actor.kind,
    granted_by_id: grantedBy?.id ?? actor.id,
    created_at: at,
    relationship: said,
  }
  await store.insertGrant(tx, row)
  let poaDocumentId: string | null = null
  if (kind === 'power_of_attorney') {
    poaDocumentId = newId('poa')
    await store.insertPoaDocument(tx, {
      id: poaDocumentId,
      account_id: accountId,
      grant_id: row.id,
      description: (poaDocument ?? '').trim(),
      status: 'pending',
      submitted_at: at,
      submitted_by_id: actor.id,
      reviewed_at: null,
      reviewed_by_id: null,
      review_note: null,
    })
  }
  await audit.record(tx, {
    actor,
    action: 'access.grant.created',
    subject: { type: 'account_grant', id: row.id },
    accountId,
    after: {
      userId,
      kind,
      status: row.status,
      scope,
      validTo: validTo?.toISOString() ?? null,
      poaDocumentId,
      relationship: said,
      grantedBy: { kind: row.granted_by_kind, id: row.granted_by_id },
    },
    at,
  })
  return { ...toGrant(row), poaDocumentId }
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
async function checkLoginPassword(
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

async function openSession(tx: Tx, row: store.ExternalUserRow, policy: PortalSessionPolicy, at: Date) {
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
}: {
  tx: Db | Tx
  sessionToken: string
  policy: PortalSessionPolicy
  at: Date
}): Promise<CustomerPrincipal | null> {
  const row = await store.findSessionWithUser(tx, hashSecret(sessionToken))
  if (!row || row.ended_at || row.status !== 'active' || at >= row.expires_at) return null
  if (at.getTime() >= row.last_seen_at.getTime() + policy.sessionIdleMinutes * 60_000) return null
  if (at.getTime() - row.last_seen_at.getTime() > touchEveryMs) await store.touchSession(tx, row.session_id, at)
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

/** The person's live grant on the account (active or pending), whether or not it is still in force. */
export async function grantOn({
  tx,
  userId,
  accountId,
}: {
  tx: Db | Tx
  userId: string
  accountId: string
}): Promise<Grant | undefined> {
  const row = await store.findLiveGrant(tx, { userId, accountId })
  return row ? toGrant(row) : undefined
}

/** A person's live grants with the account numbers, by account number. */
export async function grantsOfUser({ tx, userId }: { tx: Db | Tx; userId: string }) {
  const rows = await store.liveGrantsOfUser(tx, userId)
  return rows.map((row) => ({ ...toGrant(row), accountNumber: row.account_number }))
}

/** The people with a live grant on an account. */
export async function usersOfAccount({ tx, accountId }: { tx: Db | Tx; accountId: string }) {
  const rows = await store.liveGrantsOfAccount(tx, accountId)
  return rows.map((row) => ({ ...toGrant(row), email: row.email, displayName: row.display_name }))
}

/** One entry of who may use an account, as staff see it. */
export interface AccountUser {
  readonly grantId: string
  readonly userId: string
  readonly email: string
  readonly displayName: string
  readonly kind: GrantKind
  readonly status: GrantStatus
  readonly scope: readonly string[]
  readonly since: Date
  readonly validTo: Date | null
  readonly relationship: string | null
  readonly addedBy: { readonly kind: string; readonly id: string; readonly displayName: string | null }
  readonly poaDocument: { readonly id: string; readonly status: string; readonly reviewedAt: Date | null } | null
}

/**
 * Who may use an account (seed "Account Users", for staff): every live grant, holders first, then
 * authorized users, property managers, attorneys (with their document's legal review) and third
 * parties (with scope and end), each with when, by whom and with what relationship they were added.
 */
export async function accountUsers({ tx, accountId }: { tx: Db | Tx; accountId: string }): Promise<AccountUser[]> {
  const rows = await store.accountUserRows(tx, accountId)
  const order: readonly GrantKind[] = [
    'holder',
    'authorized_full',
    'authorized_limited',
    'property_manager',
    'power_of_attorney',
    'third_party',
  ]
  return rows
    .map((row) => {
      const grant = toGrant(row)
      return {
        grantId: grant.id,
        userId: grant.userId,
        email: row.email,
        displayName: row.display_name,
        kind: grant.kind,
        status: grant.status,
        scope: grant.scope,
        since: grant.validFrom,
        validTo: grant.validTo,
        relationship: grant.relationship,
        addedBy: {
          kind: row.granted_by_kind,
          id: row.granted_by_id,
          displayName: row.granted_by_staff_name ?? row.granted_by_customer_name ?? null,
        },
        poaDocument: row.poa_document_id
          ? { id: row.poa_document_id, status: row.poa_status ?? 'pending', reviewedAt: row.poa_reviewed_at }
          : null,
      }
    })
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
}

/** How what a caller said about themselves compared with what is on file. */
export type CallerCheck = 'matched' | 'did_not_match' | 'not_on_file'

/**
 * Verification that fits the caller (seed "Verifying User Authority"): a caller who is not the holder
 * is found by their own email among the people with that kind of access in force on the account (an
 * authorized user also by their relationship to the holder); an email request is taken only from an
 * address on file for that caller (the account's emails or the holder's login for the holder).
 * Compared without regard to case and spacing; nothing on file is revealed beyond matched or not.
 * Throws nothing expected.
 */
export async function checkCallerOnFile({
  tx,
  accountId,
  caller,
  accountEmails,
  callerEmail,
  relationship,
  senderEmail,
  at,
}: {
  tx: Db | Tx
  accountId: string
  caller: VerifiedCaller
  /** The emails on the account's contact card (the holder's). */
  accountEmails: readonly string[]
  callerEmail?: string | undefined
  relationship?: string | undefined
  senderEmail?: string | undefined
  at: Date
}): Promise<{
  callerEmail?: CallerCheck
  relationship?: CallerCheck
  senderEmail?: CallerCheck
  userId: string | null
}> {
  const kinds: readonly GrantKind[] = grantKindsOfCaller[caller]
  const people = (await store.liveGrantsOfAccount(tx, accountId))
    .map((row) => ({ ...toGrant(row), email: row.email }))
    .filter((grant) => kinds.includes(grant.kind) && grantInForce(grant, at))
  const onFile = new Set([
    ...people.map((person) => normaliseEmail(person.email)),
    ...(caller === 'holder' ? accountEmails.map(normaliseEmail) : []),
  ])
  const result: Awaited<ReturnType<typeof checkCallerOnFile>> = { userId: null }
  if (senderEmail !== undefined)
    result.senderEmail = onFile.has(normaliseEmail(senderEmail)) ? 'matched' : 'did_not_match'
  const claimed = callerEmail ?? senderEmail
  const person =
    claimed === undefined ? undefined : people.find((item) => normaliseEmail(item.email) === normaliseEmail(claimed))
  if (callerEmail !== undefined)
    result.callerEmail = onFile.has(normaliseEmail(callerEmail)) ? 'matched' : 'did_not_match'
  if (relationship !== undefined) {
    result.relationship = !person
      ? 'did_not_match'
      : person.relationship === null
        ? 'not_on_file'
        : normaliseRelationship(person.relationship) === normaliseRelationship(relationship)
          ? 'matched'
          : 'did_not_match'
  }
  result.userId = person?.userId ?? null
  return result
}

async function authorisedGrantOf(tx: Tx, accountId: string, userId: string) {
  const row = await store.findLiveGrant(tx, { userId, accountId })
  if (!row) throw new AccountUserNotFound(`There is no user ${userId} on this account`)
  if (row.kind !== 'authorized_full' && row.kind !== 'authorized_limited') {
    throw new NotReviewable('Only authorized users can be changed or removed here; ask us about other access')
  }
  return row
}

/** Change an authorized user's level. @throws AccountUserNotFound, NotReviewable */
export async function changeAuthorizedLevel({
  tx,
  accountId,
  userId,
  level,
  actor,
  at,
}: {
  tx: Tx
  accountId: string
  userId: string
  level: 'full' | 'limited'
  actor: Actor
  at: Date
}): Promise<Grant> {
  const row = await authorisedGrantOf(tx, accountId, userId)
  const kind = level === 'full' ? 'authorized_full' : 'authorized_limited'
  await store.updateGrant(tx, row.id, { kind })
  await audit.record(tx, {
    actor,
    action: 'access.grant.level_changed',
    subject: { type: 'account_grant', id: row.id },
    accountId,
    before: { kind: row.kind },
    after: { kind },
    at,
  })
  return toGrant({ ...row, kind })
}

/** Remove an authorized user's access. @throws AccountUserNotFound, NotReviewable */
export async function revokeAuthorizedUser({
  tx,
  accountId,
  userId,
  actor,
  at,
}: {
  tx: Tx
  accountId: string
  userId: string
  actor: Actor
  at: Date
}): Promise<Grant> {
  const row = await authorisedGrantOf(tx, accountId, userId)
  await store.updateGrant(tx, row.id, { status: 'revoked', status_at: at })
  await audit.record(tx, {
    actor,
    action: 'access.grant.revoked',
    subject: { type: 'account_grant', id: row.id },
    accountId,
    before: { status: row.status },
    after: { status: 'revoked' },
    at,
  })
  return toGrant({ ...row, status: 'revoked' })
}

/** Mark every active grant whose time is up as expired (third parties); the ids changed. */
export async function expireLapsedGrants({ tx, actor, at }: { tx: Tx; actor: Actor; at: Date }): Promise<string[]> {
  const rows = await store.lapsedGrants(tx, at)
  for (const row of rows) {
    await store.updateGrant(tx, row.id, { status: 'expired', status_at: at })
    await audit.record(tx, {
      actor,
      action: 'access.grant.expired',
      subject: { type: 'account_grant', id: row.id },
      accountId: row.account_id,
      before: { status: 'active' },
      after: { status: 'expired' },
      at,
    })
  }
  return rows.map((row) => row.id)
}

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
}: {
  tx: Tx
  accountId: string
  email: string
  inviteeName: string
  level: 'full' | 'limited'
  relationship?: string | undefined
  validDays?: number
  actor: Actor
  at: Date
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

/** The power-of-attorney documents waiting for legal review, oldest first. */
export async function pendingPoaDocuments({ tx }: { tx: Db | Tx }) {
  const rows = await store.pendingPoaDocuments(tx)
  return rows.map((row) => ({
    id: row.id,
    accountNumber: row.account_number,
    grantId: row.grant_id,
    attorney: { email: row.email, displayName: row.display_name },
    description: row.description,
    submittedAt: row.submitted_at,
  }))
}

/**
 * Approve or reject a power-of-attorney document: approval makes the grant active, rejection revokes
 * it, and needs the reason in `note` (the attorney and the agent are told why). The caller checks the
 * reviewer holds `legal.poa.review`.
 * @throws PoaDocumentNotFound, PoaAlreadyReviewed, PoaRejectionReasonRequired
 */
export async function reviewPoaDocument({
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
  if (decision === 'reject' && !note?.trim()) {
    throw new PoaRejectionReasonRequired('Say why the document is rejected', [
      { path: 'note', message: 'a reason is required to reject a document' },
    ])
  }
  const document = await store.findPoaDocument(tx, documentId)
  if (!document) throw new PoaDocumentNotFound(`There is no power-of-attorney document ${documentId}`)
  if (document.status !== 'pending') throw new PoaAlreadyReviewed(`The document was already ${document.status}`)
  const status = decision === 'approve' ? 'approved' : 'rejected'
  await store.updatePoaDocument(tx, documentId, {
    status,
    reviewed_at: at,
    reviewed_by_id: actor.id,
    review_note: note?.trim() || null,
  })
  const grantStatus = decision === 'approve' ? 'active' : 'revoked'
  await store.updateGrant(tx, document.grant_id, { status: grantStatus, status_at: at })
  await audit.record(tx, {
    actor,
    action: decision === 'approve' ? 'legal.poa.approved' : 'legal.poa.rejected',
    subject: { type: 'poa_document', id: documentId },
    accountId: document.account_id,
    before: { status: 'pending', grant: 'pending_approval' },
    after: { status, grant: grantStatus, note: note ?? null },
    at,
  })
  return { id: documentId, status, grantId: document.grant_id, grantStatus }
}

/**
 * USR-4: record which verification questions a caller passed and failed. `maxFailures` failures
 * within `windowHours` flag the account for supervisor review (audited); the answers are not stored.
 */
export async function recordVerification({
  tx,
  accountId,
  channel,
  passed,
  failed,
  caller = 'holder',
  maxFailures = 3,
  windowHours = 24,
  actor,
  at,
}: {
  tx: Tx
  accountId: string
  channel: 'phone' | 'email' | 'in_person' | 'chat'
  /** Who the caller said they were (recorded in the audit event). */
  caller?: VerifiedCaller
  passed: readonly string[]
  failed: readonly string[]
  maxFailures?: number
  windowHours?: number
  actor: Actor
  at: Date
}): Promise<{ outcome: 'passed' | 'failed'; flagged: boolean; failuresInWindow: number }> {
  const outcome = failed.length === 0 && passed.length > 0 ? 'passed' : 'failed'
  const id = newId('ver')
  await store.insertVerificationAttempt(tx, {
    id,
    account_id: accountId,
    channel,
    passed: [...passed],
    failed: [...failed],
    outcome,
    recorded_by_id: actor.id,
    recorded_at: at,
  })
  await audit.record(tx, {
    actor,
    action: outcome === 'passed' ? 'accounts.verification.passed' : 'accounts.verification.failed',
    subject: { type: 'verification_attempt', id },
    accountId,
    after: { channel, caller, passed, failed },
    at,
  })
  const failuresInWindow =
    outcome === 'failed'
      ? await store.countFailedVerifications(tx, accountId, new Date(at.getTime() - windowHours * 3_600_000))
      : 0
  let flagged = false
  if (failuresInWindow >= maxFailures) {
    flagged = await store.raiseReviewFlag(tx, {
      id: newId('flg'),
      account_id: accountId,
      reason: 'repeated_verification_failures',
      raised_at: at,
    })
    if (flagged) {
      await audit.record(tx, {
        actor,
        action: 'accounts.review_flag.raised',
        subject: { type: 'account', id: accountId },
        accountId,
        after: { reason: 'repeated_verification_failures', failuresInWindow },
        at,
      })
    }
  }
  return { outcome, flagged: flagged || (await store.openReviewFlags(tx, accountId)).length > 0, failuresInWindow }
}

/** The account's open review flags. */
export async function reviewFlagsOf({ tx, accountId }: { tx: Db | Tx; accountId: string }) {
  const rows = await store.openReviewFlags(tx, accountId)
  return rows.map((row) => ({ id: row.id, reason: row.reason, raisedAt: row.raised_at }))
}

type SensitiveColumn = 'date_of_birth' | 'security_answer' | 'ssn_last_four'

export interface SensitiveDetails {
  readonly dateOfBirth?: string | undefined
  readonly securityAnswer?: string | undefined
  readonly ssnLastFour?: string | undefined
}

/**
 * SEC-1: keep an account's date of birth, security answer and SSN last four sealed with AES-256-GCM.
 * A detail left out keeps the value already on file.
 */
export async function storeSensitiveDetails({
  tx,
  accountId,
  details,
  dataKey,
  actor,
  at,
}: {
  tx: Tx
  accountId: string
  details: SensitiveDetails
  dataKey: string
  actor: Actor
  at: Date
}): Promise<void> {
  const key = dataKeyOf(dataKey)
  const kept = await store.findSecrets(tx, accountId)
  const sealOrKeep = (value: string | undefined, column: SensitiveColumn) =>
    value === undefined ? (kept?.[`${column}_sealed`] ?? null) : seal(key, value, `${accountId}:${column}`)
  await store.upsertSecrets(tx, {
    account_id: accountId,
    date_of_birth_sealed: sealOrKeep(details.dateOfBirth, 'date_of_birth'),
    security_answer_sealed: sealOrKeep(details.securityAnswer, 'security_answer'),
    ssn_last_four_sealed: sealOrKeep(details.ssnLastFour, 'ssn_last_four'),
    updated_at: at,
  })
  await audit.record(tx, {
    actor,
    action: 'accounts.sensitive_details.updated',
    subject: { type: 'account', id: accountId },
    accountId,
    // which fields changed, never their values
    after: { fields: Object.keys(details).filter((field) => details[field as keyof SensitiveDetails] !== undefined) },
    at,
  })
}

/** The account's sensitive details, opened; for verification only. @throws Error on a wrong key or tampering */
export async function readSensitiveDetails({
  tx,
  accountId,
  dataKey,
}: {
  tx: Db | Tx
  accountId: string
  dataKey: string
}): Promise<SensitiveDetails> {
  const row = await store.findSecrets(tx, accountId)
  if (!row) return {}
  const key = dataKeyOf(dataKey)
  const open = (value: string | null, column: string) =>
    value === null ? undefined : unseal(key, value, `${accountId}:${column}`)
  return {
    dateOfBirth: open(row.date_of_birth_sealed, 'date_of_birth'),
    securityAnswer: open(row.security_answer_sealed, 'security_answer'),
    ssnLastFour: open(row.ssn_last_four_sealed, 'ssn_last_four'),
  }
}

/** The verification questions answered from the sealed details, and the detail each is checked against. */
export const sensitiveQuestions = {
  date_of_birth: 'dateOfBirth',
  security_answer: 'securityAnswer',
  ssn_last_four: 'ssnLastFour',
} as const satisfies Record<SensitiveColumn, keyof SensitiveDetails>
export type SensitiveQuestion = keyof typeof sensitiveQuestions

/** How a caller's answer compared with the value on file; `not_on_file` when there is nothing to compare with. */
export type AnswerCheck = 'matched' | 'did_not_match' | 'not_on_file'

// Answers as a caller says them: a security answer ignores case, spacing and Unicode forms; the
// SSN keeps only its digits; a date is compared as written (the API takes YYYY-MM-DD).
function normaliseAnswer(question: SensitiveQuestion, value: string): string {
  if (question === 'security_answer') return value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()
  if (question === 'ssn_last_four') return value.replace(/\D/g, '')
  return value.trim()
}

// Compared as SHA-256 digests in constant time, so the time taken says nothing about the value on file.
function sameAnswer(question: SensitiveQuestion, given: string, onFile: string): boolean {
  const digest = (value: string) => createHash('sha256').update(normaliseAnswer(question, value)).digest()
  return timingSafeEqual(digest(given), digest(onFile))
}

/**
 * USR-4 with SEC-1: check a caller's answers against the account's sealed details, opened only here
 * and never returned; what was on file is not revealed beyond matched or not.
 * @throws Error on a wrong key or a tampered value
 */
export async function checkSensitiveAnswers({
  tx,
  accountId,
  answers,
  dataKey,
}: {
  tx: Db | Tx
  accountId: string
  answers: Readonly<Partial<Record<SensitiveQuestion, string>>>
  dataKey: string
}): Promise<Partial<Record<SensitiveQuestion, AnswerCheck>>> {
  const onFile = await readSensitiveDetails({ tx, accountId, dataKey })
  const checks: Partial<Record<SensitiveQuestion, AnswerCheck>> = {}
  for (const question of Object.keys(sensitiveQuestions) as SensitiveQuestion[]) {
    const given = answers[question]
    if (given === undefined) continue
    const kept = onFile[sensitiveQuestions[question]]
    checks[question] =
      kept === undefined ? 'not_on_file' : sameAnswer(question, given, kept) ? 'matched' : 'did_not_match'
  }
  return checks
}

/**
 * SEC-1: the account's sensitive details, opened, for a role allowed to export them (the route checks
 * `accounts.sensitive_details.export`). Every read is audited, naming the fields read, never their values.
 * @throws Error on a wrong key or a tampered value
 */
export async function exportSensitiveDetails({
  tx,
  accountId,
  dataKey,
  reason,
  actor,
  at,
}: {
  tx: Tx
  accountId: string
  dataKey: string
  reason?: string | undefined
  actor: Actor
  at: Date
}): Promise<SensitiveDetails> {
  const details = await readSensitiveDetails({ tx, accountId, dataKey })
  await audit.record(tx, {
    actor,
    action: 'accounts.sensitive_details.exported',
    subject: { type: 'account', id: accountId },
    accountId,
    after: {
      fields: Object.keys(details).filter((field) => details[field as keyof SensitiveDetails] !== undefined),
      reason: reason ?? null,
    },
    at,
  })
  return details
}
