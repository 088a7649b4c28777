import type { Change } from '../../db/index.js'
/**
 * API tokens (USR-5, issue 19 hole 1). A token is either a staff user's own, acting as that person,
 * or a named service account's (a non-human principal with no password). Either way it carries an
 * explicit permission list no wider than its creator's, never a session-only (approval) permission,
 * expires within 90 days, is listed without its secret and can be revoked. What is done with a token
 * is audited as the token (`actorOfPrincipal`).
 */

import type { Db, Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { Forbidden, NotFound, ValidationFailed, withCode } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { camelFields } from '../../shared/row-mapping.js'
import * as audit from '../audit/index.js'
import { isPermission, type Permission } from './permission-catalogue.js'
import { isRole, permissionsOf, type Role } from './permissions.js'
import { can, permissionsOfSubject, sessionOnlyPermissions } from './powers.js'
import { hashSecret, newSecret } from './secrets.js'
import { isDueTouch } from './session-liveness.js'
import * as store from './store.js'
import type { AccessPolicy, ApiToken, StaffPrincipal } from './types.js'

/** The longest a token may live, and how long it lives when no expiry is given. */
export const maxTokenLifetimeDays = 90
const dayMs = 86_400_000
const sessionOnly: ReadonlySet<Permission> = new Set(sessionOnlyPermissions)

export class TokenNotFound extends withCode(NotFound, 'TOKEN_NOT_FOUND') {}
export class InvalidTokenRequest extends withCode(ValidationFailed, 'INVALID_TOKEN_REQUEST') {}
export class TokenForAnotherUser extends withCode(Forbidden, 'TOKEN_FOR_ANOTHER_USER') {}
export class PermissionNotHeld extends withCode(Forbidden, 'PERMISSION_NOT_HELD') {}
export class SessionRequired extends withCode(Forbidden, 'SESSION_REQUIRED') {}

/** The audit actor of a principal: a token acts as itself, a session as its person. */
export function actorOfPrincipal(principal: StaffPrincipal): Actor {
  return principal.via.kind === 'token'
    ? { kind: 'token', id: principal.via.tokenId }
    : { kind: 'staff', id: principal.userId }
}

/** @throws SessionRequired when the principal signed in with a token rather than in a browser session */
export function requireSession(principal: StaffPrincipal, what: string): void {
  if (principal.via.kind !== 'session') {
    throw new SessionRequired(`${what} needs a person signed in, not an API token`)
  }
}

function toApiToken(row: store.ApiTokenRow): ApiToken {
  return {
    ...camelFields(row, [
      'id',
      'name',
      'user_id',
      'service_account_id',
      'created_by',
      'created_at',
      'expires_at',
      'revoked_at',
      'last_used_at',
    ]),
    permissions: store.permissionsOfRow(row.permissions).filter(isPermission),
  }
}

/** @throws InvalidTokenRequest naming `expiresAt` when in the past or more than 90 days away */
function expiryOf(expiresAt: Date | null | undefined, at: Date): Date {
  const latest = new Date(at.getTime() + maxTokenLifetimeDays * dayMs)
  if (!expiresAt) return latest
  if (expiresAt <= at)
    throw new InvalidTokenRequest('The expiry must be in the future', [{ path: 'expiresAt', message: 'in the past' }])
  if (expiresAt > latest) {
    throw new InvalidTokenRequest(`A token lives at most ${maxTokenLifetimeDays} days`, [
      { path: 'expiresAt', message: `at most ${maxTokenLifetimeDays} days from now (${latest.toISOString()})` },
    ])
  }
  return expiresAt
}

/**
 * The permissions a new token carries: the requested list (or the whole ceiling, approvals left out),
 * each checked against the ceiling.
 * @throws InvalidTokenRequest (unknown or session-only permission, empty list), PermissionNotHeld
 */
function scopeOf(requested: readonly string[] | undefined, ceiling: ReadonlySet<Permission>): Permission[] {
  if (requested === undefined) return [...ceiling].filter((permission) => !sessionOnly.has(permission)).sort()
  const problems: { path: string; message: string }[] = []
  const notHeld: { path: string; message: string }[] = []
  requested.forEach((name, index) => {
    const path = `permissions.${index}`
    if (!isPermission(name)) problems.push({ path, message: `there is no permission '${name}'` })
    else if (sessionOnly.has(name))
      problems.push({ path, message: `${name} is never carried by a token (approvals need a person)` })
    else if (!ceiling.has(name)) notHeld.push({ path, message: `${name} is not yours to give` })
  })
  if (requested.length === 0) problems.push({ path: 'permissions', message: 'list at least one permission' })
  if (problems.length > 0) throw new InvalidTokenRequest('The token permissions are not valid', problems)
  if (notHeld.length > 0) {
    throw new PermissionNotHeld('A token cannot carry permissions its creator does not hold', notHeld)
  }
  return [...new Set(requested as Permission[])].sort()
}

/**
 * Issue an API token; the secret is returned once, only its hash is kept. For a person (`userId`) or
 * a named service account (`serviceAccount`, created with the creator's role as its ceiling when it
 * does not exist yet). `creator` is the signed-in person asking (the API): they may only issue tokens
 * for themselves or a service account, from a browser session, with permissions they hold. Without a
 * creator (the operator's CLI, seeding, tests) the token's ceiling is the owner's role. The expiry
 * defaults to, and may not exceed, 90 days.
 * @throws StaffUserNotFound, TokenForAnotherUser, SessionRequired, InvalidTokenRequest, PermissionNotHeld
 */
export async function createApiToken({
  tx,
  userId,
  serviceAccount,
  name,
  permissions,
  expiresAt,
  creator,
  actor,
  at,
}: Change & {
  userId?: string | undefined
  serviceAccount?: string | undefined
  name: string
  permissions?: readonly string[] | undefined
  expiresAt?: Date | null | undefined
  creator?: StaffPrincipal | undefined
}): Promise<{
  id: string
  token: string
  expiresAt: Date
  permissions: Permission[]
  serviceAccountId: string | null
}> {
  if ((userId === undefined) === (serviceAccount === undefined)) {
    throw new InvalidTokenRequest('A token is for yourself (userId) or for a service account (serviceAccount)', [
      { path: 'serviceAccount', message: 'give exactly one of userId and serviceAccount' },
    ])
  }
  if (creator) requireSession(creator, 'Issuing a token')
  const expiry = expiryOf(expiresAt, at)
  let ownerUserId: string | null = null
  let serviceAccountId: string | null = null
  let ceiling: ReadonlySet<Permission>
  if (userId !== undefined) {
    if (creator && creator.userId !== userId) {
      throw new TokenForAnotherUser('A token acts as the person who issues it, or as a service account', [
        { path: 'userId', message: 'not you: issue a service-account token instead' },
      ])
    }
    const row = await store.findUserById(tx, userId)
    if (!row || row.disabled_at || !isRole(row.role)) {
      throw new TokenNotFoundForUser(`No active staff user ${userId}`, [{ path: 'userId', message: 'unknown' }])
    }
    ownerUserId = row.id
    ceiling = creator ? new Set(permissionsOfSubject(creator)) : permissionsOf(row.role)
  } else {
    const accountName = (serviceAccount ?? '').trim()
    if (accountName.length === 0 || accountName.length > 100) {
      throw new InvalidTokenRequest('The service account needs a name of 1 to 100 characters', [
        { path: 'serviceAccount', message: 'blank or too long' },
      ])
    }
    if (!creator) {
      throw new InvalidTokenRequest('A service account is created by a signed-in person', [
        { path: 'serviceAccount', message: 'issue service-account tokens over the API' },
      ])
    }
    let account = await store.findServiceAccountByName(tx, accountName)
    if (!account) {
      account = {
        id: newId('svc'),
        name: accountName,
        role: creator.role,
        created_by: creator.userId,
        created_at: at,
        disabled_at: null,
      }
      await store.insertServiceAccount(tx, account)
      await audit.record(tx, {
        actor,
        action: 'access.service_account.created',
        subject: { type: 'service_account', id: account.id },
        after: { name: account.name, role: account.role },
        at,
      })
    }
    if (account.disabled_at) {
      throw new InvalidTokenRequest(`The service account ${accountName} is disabled`, [
        { path: 'serviceAccount', message: 'disabled' },
      ])
    }
    serviceAccountId = account.id
    const mine = new Set(permissionsOfSubject(creator))
    const accountRole = account.role as Role
    ceiling = new Set([...permissionsOf(accountRole)].filter((permission) => mine.has(permission)))
    if (permissions === undefined) {
      throw new InvalidTokenRequest('A service-account token lists its permissions', [
        { path: 'permissions', message: 'required for a service account' },
      ])
    }
  }
  const scope = scopeOf(permissions, ceiling)
  const { secret, secretHash } = newSecret('ctk')
  const id = newId('tok')
  await store.insertToken(tx, {
    id,
    user_id: ownerUserId,
    service_account_id: serviceAccountId,
    name,
    token_hash: secretHash,
    permissions: scope,
    created_by: creator?.userId ?? null,
    created_at: at,
    expires_at: expiry,
    revoked_at: null,
    last_used_at: null,
  })
  await audit.record(tx, {
    actor,
    action: 'access.token.created',
    subject: { type: 'api_token', id },
    after: { userId: ownerUserId, serviceAccountId, name, permissions: scope, expiresAt: expiry.toISOString() },
    at,
  })
  return { id, token: secret, expiresAt: expiry, permissions: scope, serviceAccountId }
}

/** The owner of a token asked for does not exist or is disabled. */
export class TokenNotFoundForUser extends withCode(NotFound, 'STAFF_USER_NOT_FOUND') {}

/**
 * Revoke an API token: its owner, its creator or an access manager (`access.token.manage`) may;
 * without `by` the operator does (the CLI).
 * @throws TokenNotFound (also for someone else's token, which is not revealed)
 */
export async function revokeApiToken({
  tx,
  tokenId,
  by,
  actor,
  at,
}: Change & {
  tokenId: string
  by?: StaffPrincipal | undefined
}): Promise<void> {
  const row = await store.findTokenById(tx, tokenId)
  const allowed =
    row !== undefined &&
    (!by || row.user_id === by.userId || row.created_by === by.userId || can(by, 'access.token.manage'))
  if (!allowed || !(await store.revokeToken(tx, tokenId, at))) throw new TokenNotFound(`No live API token ${tokenId}`)
  await audit.record(tx, { actor, action: 'access.token.revoked', subject: { type: 'api_token', id: tokenId }, at })
}

/** Tokens the viewer may see, newest first, never their secrets: all of them for an access manager, else their own. */
export async function listApiTokens(db: Db | Tx, viewer?: StaffPrincipal): Promise<ApiToken[]> {
  const all = !viewer || can(viewer, 'access.token.manage')
  return (await store.listTokens(db, all ? undefined : viewer.userId)).map(toApiToken)
}

/**
 * The principal behind an API token, or null when it is unknown, revoked or expired, or its person
 * could not sign in now (disabled, locked, awaiting approval, without a password, or with an expired
 * password), or its service account is disabled. Its scope never includes a session-only permission.
 */
export async function resolveApiToken({
  tx,
  token,
  policy,
  at,
}: {
  /** A read and at most one single-row touch a minute: the pool or a transaction. */
  tx: Db | Tx
  token: string
  policy: AccessPolicy
  at: Date
}): Promise<StaffPrincipal | null> {
  const row = await store.findTokenWithOwner(tx, hashSecret(token))
  if (!row || row.revoked_at || row.expires_at <= at) return null
  const scope: ReadonlySet<Permission> = new Set(
    store
      .permissionsOfRow(row.permissions)
      .filter((name) => isPermission(name) && !sessionOnly.has(name)) as Permission[],
  )
  let principal: StaffPrincipal
  if (row.user_id) {
    if (row.disabled_at || row.awaiting_approval || !row.password_hash || !row.password_changed_at) return null
    if (row.locked_until && row.locked_until > at) return null
    if (at.getTime() - row.password_changed_at.getTime() >= policy.passwordMaxAgeDays * dayMs) return null
    if (!row.role || !isRole(row.role)) return null
    principal = {
      kind: 'staff',
      userId: row.user_id,
      role: row.role,
      email: row.email ?? '',
      displayName: row.display_name ?? '',
      via: { kind: 'token', tokenId: row.token_id, serviceAccountId: null },
      scope,
      mustChangePassword: false,
    }
  } else {
    if (!row.service_account_id || row.service_account_disabled_at) return null
    if (!row.service_account_role || !isRole(row.service_account_role)) return null
    principal = {
      kind: 'staff',
      userId: row.service_account_id,
      role: row.service_account_role,
      email: '',
      displayName: row.service_account_name ?? '',
      via: { kind: 'token', tokenId: row.token_id, serviceAccountId: row.service_account_id },
      scope,
      mustChangePassword: false,
    }
  }
  if (isDueTouch(row.last_used_at, at)) await store.touchToken(tx, row.token_id, at)
  return principal
}

/**
 * The person an actor stands for in a four-eyes rule: a staff user is themselves, a person's token
 * is that person, a service account's token is the person who created the service account. Null for
 * the system and customers.
 */
export async function personBehind(tx: Db | Tx, actor: Actor): Promise<string | null> {
  if (actor.kind === 'staff') return actor.id
  if (actor.kind !== 'token') return null
  const token = await store.findTokenById(tx, actor.id)
  if (!token) return null
  if (token.user_id) return token.user_id
  if (!token.service_account_id) return null
  return (await store.findServiceAccountById(tx, token.service_account_id))?.created_by ?? null
}

/**
 * Whether two actors are the same person for a four-eyes rule ("never their own"): equal actors, or
 * a token and the person it stands for. Never throws.
 */
export async function samePerson({ tx, a, b }: { tx: Db | Tx; a: Actor; b: Actor }): Promise<boolean> {
  if (a.kind === b.kind && a.id === b.id) return true
  const first = await personBehind(tx, a)
  return first !== null && first === (await personBehind(tx, b))
}
