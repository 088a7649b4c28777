/**
 * Staff access as the console uses it (issue 19 hole 1, USR-5): the shapes of the staff, role-request,
 * token and authenticator routes in `src/api/routes/staff.ts` and `src/api/routes/session.ts`.
 * Instants are ISO strings. No call here ever receives another person's secret: the server answers a
 * token or invitation secret once, to whoever created it, and an authenticator secret only to its owner.
 */
import type { ApiClient, BadgeColour, RoleCode } from '../api.js'

/** Who may open the Staff page (invite, change roles, reset authenticators, decide role requests). */
export const staffPermission = 'access.user.manage'
/** Who sees and revokes everyone's API tokens on the Tokens page. */
export const tokensPermission = 'access.token.manage'
/** The longest a token may live (the server refuses more). */
export const maxTokenDays = 90

/**
 * Permissions a token never carries: approvals are always a person in a browser session
 * (`sessionOnlyPermissions` in `src/modules/access/powers.ts`). Left out of the token form; the
 * server remains the judge and names the field if this list falls behind.
 */
export const sessionOnlyPermissions: readonly string[] = [
  'payments.credit.approve_over_limit',
  'accounts.major_change.approve',
  'legal.poa.review',
  'system.rules.override',
  'accounts.review_flag.clear',
]

/**
 * Permissions that move money (`moneyPermissions` in `src/modules/access/powers.ts`): a role holding
 * one waits for a second access manager's approval. Used only to say so before inviting; the
 * server decides, and its answer (a role request) is what the page reports.
 */
export const moneyPermissions: readonly string[] = [
  'payments.payment.create',
  'payments.credit.create',
  'payments.credit.approve_over_limit',
  'payments.refund.create',
  'payments.arrangement.create',
  'billing.adjustment.create',
  'billing.rebill.create',
  'collections.late_fee.apply',
  'tariffs.rate.update',
]

/** Whether a role (from `GET /api/roles`) holds a money permission. */
export function isMoneyRole(role: RoleInfo): boolean {
  return role.permissions.some((permission) => moneyPermissions.includes(permission))
}

export type RoleInfo = {
  role: RoleCode
  label: string
  accessLevel: string
  badgeColour: BadgeColour
  summary: string
  permissions: string[]
}

/** A staff user as `GET /api/staff` lists them: no password hash, no authenticator secret. */
export type StaffMember = {
  id: string
  email: string
  displayName: string
  role: RoleCode
  passwordChangedAt: string | null
  totpEnabled: boolean
  lockedUntil: string | null
  disabledAt: string | null
  createdAt: string
  awaitingApproval: boolean
  passwordSet: boolean
}

export type StaffStatus = 'active' | 'awaiting_approval' | 'invited' | 'locked' | 'disabled'

/**
 * What the API's fields say about whether the user can sign in, the strongest reason first: disabled,
 * then a money role still waiting for a second access manager, then an invitation not yet accepted,
 * then a lockout still running at `now`.
 */
export function staffStatus(user: StaffMember, now: Date): StaffStatus {
  if (user.disabledAt) return 'disabled'
  if (user.awaitingApproval) return 'awaiting_approval'
  if (!user.passwordSet) return 'invited'
  if (user.lockedUntil && new Date(user.lockedUntil) > now) return 'locked'
  return 'active'
}

export type RoleRequest = {
  id: string
  userId: string
  role: RoleCode
  requestedBy: string
  requestedAt: string
  status: 'pending' | 'approved' | 'rejected'
  decidedBy: string | null
  decidedAt: string | null
}

export type StaffInvitation = {
  user: StaffMember
  /** The one-time secret (72 hours) the new user sets their password with; shown once. */
  invitation: { id: string; secret: string; expiresAt: string }
  roleRequest: RoleRequest | null
}

export type ApiTokenItem = {
  id: string
  name: string
  /** The person it acts as, or null for a service account's token. */
  userId: string | null
  serviceAccountId: string | null
  permissions: string[]
  createdBy: string | null
  createdAt: string
  expiresAt: string
  revokedAt: string | null
  lastUsedAt: string | null
}

export type NewToken = {
  id: string
  /** The secret, shown once: only its hash is kept. */
  token: string
  expiresAt: string
  permissions: string[]
  serviceAccountId: string | null
}

/** The roles with their badges and permissions, in catalogue order. */
export async function listRoles(api: ApiClient): Promise<RoleInfo[]> {
  return (await api.send<{ items: RoleInfo[] }>({ path: '/roles' })).items
}

/** Every staff user, by role then email. */
export async function listStaff(api: ApiClient): Promise<StaffMember[]> {
  return (await api.send<{ items: StaffMember[] }>({ path: '/staff' })).items
}

/** Invite a staff user; a money role opens a role request. @throws ApiError EMAIL_TAKEN, field problems */
export function inviteStaff(
  api: ApiClient,
  body: { email: string; displayName: string; role: RoleCode },
): Promise<StaffInvitation> {
  return api.send<StaffInvitation>({ method: 'POST', path: '/staff', body })
}

/**
 * Change a user's role: applied at once, or (a money role) a pending request for a second access
 * manager. @throws ApiError CANNOT_CHANGE_OWN_ROLE, ROLE_REQUEST_PENDING
 */
export function changeRole(
  api: ApiClient,
  { userId, role }: { userId: string; role: RoleCode },
): Promise<{ user: StaffMember; roleRequest: RoleRequest | null }> {
  return api.send({ method: 'PUT', path: `/staff/${encodeURIComponent(userId)}/role`, body: { role } })
}

/** Role requests waiting for a second access manager, oldest first. */
export async function pendingRoleRequests(api: ApiClient): Promise<RoleRequest[]> {
  return (await api.send<{ items: RoleRequest[] }>({ path: '/staff/role-requests' })).items
}

/** Approve or reject a role request. @throws ApiError CANNOT_APPROVE_OWN_ROLE_REQUEST, ROLE_REQUEST_DECIDED */
export async function decideRoleRequest(
  api: ApiClient,
  { requestId, approve }: { requestId: string; approve: boolean },
): Promise<RoleRequest> {
  const { request } = await api.send<{ request: RoleRequest }>({
    method: 'POST',
    path: `/staff/role-requests/${encodeURIComponent(requestId)}`,
    body: { approve },
  })
  return request
}

/** Turn off a user's authenticator app so they enrol again themselves; their sessions end. */
export function resetTotp(api: ApiClient, { userId }: { userId: string }): Promise<void> {
  return api.send<void>({ method: 'DELETE', path: `/staff/${encodeURIComponent(userId)}/totp` })
}

/** API tokens, never their secrets: the caller's own, or everyone's with `access.token.manage`. */
export async function listTokens(api: ApiClient): Promise<ApiTokenItem[]> {
  return (await api.send<{ items: ApiTokenItem[] }>({ path: '/tokens' })).items
}

/**
 * Issue a token for yourself; `permissions` absent means all of yours (approvals left out).
 * @throws ApiError with field problems (`expiresAt`, `permissions.N`), PERMISSION_NOT_HELD
 */
export function createToken(
  api: ApiClient,
  body: { name: string; expiresAt: string; permissions?: string[] },
): Promise<NewToken> {
  return api.send<NewToken>({ method: 'POST', path: '/tokens', body })
}

/** Revoke a token. @throws ApiError TOKEN_NOT_FOUND */
export function revokeToken(api: ApiClient, { tokenId }: { tokenId: string }): Promise<void> {
  return api.send<void>({ method: 'DELETE', path: `/tokens/${encodeURIComponent(tokenId)}` })
}

/** Start enrolling your own authenticator app: its secret and otpauth URI, shown once. @throws ApiError TOTP_ALREADY_ENABLED */
export function startTotpEnrolment(api: ApiClient): Promise<{ secret: string; uri: string }> {
  return api.send({ method: 'POST', path: '/session/totp' })
}

/** Confirm the enrolment with a current code. @throws ApiError INVALID_TOTP_CODE naming `code`, TOTP_NOT_PENDING */
export function confirmTotp(api: ApiClient, { code }: { code: string }): Promise<void> {
  return api.send<void>({ method: 'POST', path: '/session/totp/confirm', body: { code } })
}

/**
 * Set your password with a staff invitation's secret (no session needed).
 * @throws ApiError STAFF_INVITATION_NOT_VALID naming `secret`, WEAK_PASSWORD naming `password`
 */
export function acceptStaffInvitation(
  api: ApiClient,
  body: { secret: string; password: string },
): Promise<{ email: string; awaitingApproval: boolean }> {
  return api.send({ method: 'POST', path: '/staff/invitations/accept', body, expectUnauthenticated: true })
}

/** The secret in groups of four, easier to type into an authenticator app by hand. */
export function groupSecret(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ')
}

/** The expiry instant `days` whole days from `now` (1 to 90). */
export function expiryInDays(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString()
}
