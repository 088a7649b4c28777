import type { Change } from '../../db/index.js'
/**
 * How a person becomes a member of staff, or gets more powers, over the API (issue 19 hole 1). An
 * access manager never learns a password: a new user gets a one-time invitation (72 hours) to set
 * their own. Money roles (`powers.ts`) need a second person: a new user with one, or a change of role
 * to one, waits as a role request until a different access manager, neither the requester nor the
 * user, approves it. The operator's `cuttle users create` and seeding use `createStaffUser` instead.
 */

import type { Db, Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { Conflict, Forbidden, NotFound, ValidationFailed, withCode } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { camelFields } from '../../shared/row-mapping.js'
import {
  checkStaffDetails,
  newStaffUserRow,
  normaliseEmail,
  recordOnStaffUser,
  refuseTakenEmail,
  StaffUserNotFound,
  setStaffPassword,
  UnknownRole,
} from './operations.js'
import { isRole, type Role } from './permissions.js'
import { isMoneyRole } from './powers.js'
import { toStaffUser } from './queries.js'
import { hashSecret, newSecret } from './secrets.js'
import * as store from './store.js'
import { requireSession } from './tokens.js'
import type { NewLogin, RoleRequest, StaffPrincipal, StaffUser } from './types.js'

export const staffInvitationHours = 72

export class StaffInvitationNotValid extends withCode(ValidationFailed, 'STAFF_INVITATION_NOT_VALID') {}
export class RoleRequestNotFound extends withCode(NotFound, 'ROLE_REQUEST_NOT_FOUND') {}
export class RoleRequestDecided extends withCode(Conflict, 'ROLE_REQUEST_DECIDED') {}
export class RoleRequestPending extends withCode(Conflict, 'ROLE_REQUEST_PENDING') {}
export class CannotApproveOwnRoleRequest extends withCode(Forbidden, 'CANNOT_APPROVE_OWN_ROLE_REQUEST') {}
export class CannotChangeOwnRole extends withCode(Forbidden, 'CANNOT_CHANGE_OWN_ROLE') {}

function toRoleRequest(row: store.StaffRoleRequestRow): RoleRequest {
  return {
    ...camelFields(row, ['id', 'user_id', 'requested_by', 'requested_at', 'decided_by', 'decided_at']),
    role: row.role as Role,
    status: row.status as RoleRequest['status'],
  }
}

/** @throws UnknownRole naming `role` */
function roleOf(role: string): Role {
  if (!isRole(role)) throw new UnknownRole(`There is no role '${role}'`, [{ path: 'role', message: 'unknown role' }])
  return role
}

async function openRoleRequest(tx: Tx, userId: string, role: Role, by: StaffPrincipal, actor: Actor, at: Date) {
  const row: store.StaffRoleRequestRow = {
    id: newId('rrq'),
    user_id: userId,
    role,
    requested_by: by.userId,
    requested_at: at,
    status: 'pending',
    decided_by: null,
    decided_at: null,
  }
  await store.insertRoleRequest(tx, row)
  await recordOnStaffUser(tx, userId, {
    actor,
    action: 'access.role_request.opened',
    after: { requestId: row.id, role },
    at,
  })
  return toRoleRequest(row)
}

/**
 * Create a staff user without a password and a one-time invitation (72 hours) for them to set their
 * own; the invitation secret is returned once, for the new user only. A user with a money role cannot
 * sign in until a second access manager approves the role request opened here.
 * @throws SessionRequired, UnknownRole, InvalidStaffDetails, EmailTaken
 */
export async function inviteStaffUser({
  tx,
  email,
  displayName,
  role,
  by,
  actor,
  at,
}: Change &
  NewLogin & {
    role: string
    by: StaffPrincipal
  }): Promise<{
  user: StaffUser
  invitation: { id: string; secret: string; expiresAt: Date }
  roleRequest: RoleRequest | null
}> {
  requireSession(by, 'Creating a staff user')
  const checkedRole = roleOf(role)
  const address = normaliseEmail(email)
  const name = displayName.trim()
  checkStaffDetails(address, name)
  await refuseTakenEmail(tx, address)
  const needsApproval = isMoneyRole(checkedRole)
  const row = newStaffUserRow({
    address,
    name,
    role: checkedRole,
    passwordHash: null,
    awaitingApproval: needsApproval,
    at,
  })
  await store.insertUser(tx, row)
  await recordOnStaffUser(tx, row.id, {
    actor,
    action: 'access.user.created',
    after: { email: address, displayName: name, role: checkedRole, awaitingApproval: needsApproval },
    at,
  })
  const roleRequest = needsApproval ? await openRoleRequest(tx, row.id, checkedRole, by, actor, at) : null
  const { secret, secretHash } = newSecret('csi')
  const invitation = {
    id: newId('sinv'),
    user_id: row.id,
    secret_hash: secretHash,
    created_by: by.userId,
    created_at: at,
    expires_at: new Date(at.getTime() + staffInvitationHours * 3_600_000),
    accepted_at: null,
  }
  await store.insertInvitation(tx, invitation)
  await recordOnStaffUser(tx, row.id, {
    actor,
    action: 'access.invitation.created',
    after: { invitationId: invitation.id, expiresAt: invitation.expires_at.toISOString() },
    at,
  })
  return {
    user: toStaffUser(row),
    invitation: { id: invitation.id, secret, expiresAt: invitation.expires_at },
    roleRequest,
  }
}

/**
 * The invited person sets their own password with the invitation secret (once, within 72 hours).
 * @throws StaffInvitationNotValid (unknown, used or expired: one answer for all), WeakPassword
 */
export async function acceptStaffInvitation({
  tx,
  secret,
  password,
  at,
}: {
  tx: Tx
  secret: string
  password: string
  at: Date
}): Promise<{ userId: string; email: string; awaitingApproval: boolean }> {
  const invitation = await store.findInvitationForUpdate(tx, hashSecret(secret))
  const user = invitation ? await store.findUserByIdForUpdate(tx, invitation.user_id) : undefined
  if (!invitation || !user || invitation.accepted_at || invitation.expires_at <= at || user.disabled_at) {
    throw new StaffInvitationNotValid('The invitation is not valid: it may have been used or have expired', [
      { path: 'secret', message: 'unknown, used or expired' },
    ])
  }
  await setStaffPassword(tx, user, password, at)
  await store.markInvitationAccepted(tx, invitation.id, at)
  await recordOnStaffUser(tx, user.id, {
    actor: { kind: 'staff', id: user.id },
    action: 'access.invitation.accepted',
    after: { invitationId: invitation.id },
    at,
  })
  return { userId: user.id, email: user.email, awaitingApproval: user.awaiting_approval }
}

/**
 * Change a staff user's role. A change to a money role opens a role request for a second access
 * manager and leaves the role as it is; any other change applies at once. Nobody changes their own role.
 * @throws SessionRequired, UnknownRole, StaffUserNotFound, CannotChangeOwnRole, RoleRequestPending
 */
export async function changeStaffRole({
  tx,
  userId,
  role,
  by,
  actor,
  at,
}: Change & {
  userId: string
  role: string
  by: StaffPrincipal
}): Promise<{ user: StaffUser; roleRequest: RoleRequest | null }> {
  requireSession(by, 'Changing a role')
  const checkedRole = roleOf(role)
  const row = await store.findUserByIdForUpdate(tx, userId)
  if (!row) throw new StaffUserNotFound(`No staff user ${userId}`)
  if (row.id === by.userId) throw new CannotChangeOwnRole('Another access manager changes your role')
  if (await store.findPendingRoleRequestOf(tx, row.id)) {
    throw new RoleRequestPending('A role request for this user is waiting for approval: decide it first')
  }
  if (isMoneyRole(checkedRole) && checkedRole !== row.role) {
    return { user: toStaffUser(row), roleRequest: await openRoleRequest(tx, row.id, checkedRole, by, actor, at) }
  }
  await store.updateUser(tx, row.id, { role: checkedRole })
  await recordOnStaffUser(tx, row.id, {
    actor,
    action: 'access.user.role_changed',
    before: { role: row.role },
    after: { role: checkedRole },
    at,
  })
  return { user: toStaffUser({ ...row, role: checkedRole }), roleRequest: null }
}

/**
 * A second access manager approves or rejects a role request: never the requester, never the user
 * it is for, always a person in a browser session. Approving gives the role (and lets a new user sign
 * in); rejecting a new user's request disables that user.
 * @throws SessionRequired, RoleRequestNotFound, RoleRequestDecided, CannotApproveOwnRoleRequest
 */
export async function decideRoleRequest({
  tx,
  requestId,
  approve,
  by,
  actor,
  at,
}: Change & {
  requestId: string
  approve: boolean
  by: StaffPrincipal
}): Promise<RoleRequest> {
  requireSession(by, 'Deciding a role request')
  const request = await store.findRoleRequestForUpdate(tx, requestId)
  if (!request) throw new RoleRequestNotFound(`There is no role request ${requestId}`)
  if (request.status !== 'pending') throw new RoleRequestDecided(`The role request was ${request.status} already`)
  if (request.requested_by === by.userId || request.user_id === by.userId) {
    throw new CannotApproveOwnRoleRequest(
      'A role request is decided by a second access manager, neither the requester nor the user it is for',
    )
  }
  const user = await store.findUserByIdForUpdate(tx, request.user_id)
  if (!user) throw new StaffUserNotFound(`No staff user ${request.user_id}`)
  const status = approve ? 'approved' : 'rejected'
  await store.decideRoleRequest(tx, request.id, { status, decided_by: by.userId, decided_at: at })
  if (approve) {
    await store.updateUser(tx, user.id, { role: request.role, awaiting_approval: false })
  } else if (user.awaiting_approval) {
    await store.updateUser(tx, user.id, { disabled_at: at })
  }
  await recordOnStaffUser(tx, user.id, {
    actor,
    action: approve ? 'access.role_request.approved' : 'access.role_request.rejected',
    before: { role: user.role },
    after: { requestId: request.id, role: approve ? request.role : user.role },
    at,
  })
  return toRoleRequest({ ...request, status, decided_by: by.userId, decided_at: at })
}

/** Role requests waiting for a second access manager, oldest first. */
export async function pendingRoleRequests(db: Db | Tx): Promise<RoleRequest[]> {
  return (await store.listPendingRoleRequests(db)).map(toRoleRequest)
}
