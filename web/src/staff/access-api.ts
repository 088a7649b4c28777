/**
 * Staff access as the console uses it (issue 19 hole 1, USR-5): the shapes of the staff, role-request,
 * token and authenticator routes in `src/api/routes/staff.ts` and `src/api/routes/session.ts`, as
 * `/openapi.json` declares them (generated, never written here), called over the shared client.
 * Instants are ISO strings. No call here ever receives another person's secret: the server answers a
 * token or invitation secret once, to whoever created it, and an authenticator secret only to its
 * owner.
 */
import type { ApiClient } from '../api.js'
import { dataOf, expectUnauthenticatedHeader, type RequestOf, type ResponseOf } from '../shared/api-client.js'

export type RoleInfo = ResponseOf<'/api/roles', 'get'>['items'][number]
/** A staff user as `GET /api/staff` lists them: no password hash, no authenticator secret. */
export type StaffMember = ResponseOf<'/api/staff', 'get'>['items'][number]
export type RoleRequest = ResponseOf<'/api/staff/role-requests', 'get'>['items'][number]
/** The new user, their one-time invitation secret (72 hours, shown once) and any role request. */
export type StaffInvitation = ResponseOf<'/api/staff', 'post'>
export type ApiTokenItem = ResponseOf<'/api/tokens', 'get'>['items'][number]
/** A new token with its secret, shown once: only its hash is kept. */
export type NewToken = ResponseOf<'/api/tokens', 'post'>

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

const expectUnauthenticated = { headers: { [expectUnauthenticatedHeader]: '1' } }

/** The roles with their badges and permissions, in catalogue order. */
export async function listRoles(api: ApiClient): Promise<RoleInfo[]> {
  return (await dataOf(api.client.GET('/api/roles'))).items
}

/** Every staff user, by role then email. */
export async function listStaff(api: ApiClient): Promise<StaffMember[]> {
  return (await dataOf(api.client.GET('/api/staff'))).items
}

/** Invite a staff user; a money role opens a role request. @throws ApiError EMAIL_TAKEN, field problems */
export function inviteStaff(api: ApiClient, body: RequestOf<'/api/staff', 'post'>): Promise<StaffInvitation> {
  return dataOf(api.client.POST('/api/staff', { body }))
}

/**
 * Change a user's role: applied at once, or (a money role) a pending request for a second access
 * manager. @throws ApiError CANNOT_CHANGE_OWN_ROLE, ROLE_REQUEST_PENDING
 */
export function changeRole(
  api: ApiClient,
  { userId, role }: { userId: string } & RequestOf<'/api/staff/{userId}/role', 'put'>,
): Promise<ResponseOf<'/api/staff/{userId}/role', 'put'>> {
  return dataOf(api.client.PUT('/api/staff/{userId}/role', { params: { path: { userId } }, body: { role } }))
}

/** Role requests waiting for a second access manager, oldest first. */
export async function pendingRoleRequests(api: ApiClient): Promise<RoleRequest[]> {
  return (await dataOf(api.client.GET('/api/staff/role-requests'))).items
}

/** Approve or reject a role request. @throws ApiError CANNOT_APPROVE_OWN_ROLE_REQUEST, ROLE_REQUEST_DECIDED */
export async function decideRoleRequest(
  api: ApiClient,
  { requestId, approve }: { requestId: string; approve: boolean },
): Promise<RoleRequest> {
  const { request } = await dataOf(
    api.client.POST('/api/staff/role-requests/{requestId}', { params: { path: { requestId } }, body: { approve } }),
  )
  return request
}

/** Turn off a user's authenticator app so they enrol again themselves; their sessions end. */
export async function resetTotp(api: ApiClient, { userId }: { userId: string }): Promise<void> {
  await api.client.DELETE('/api/staff/{userId}/totp', { params: { path: { userId } } })
}

/** API tokens, never their secrets: the caller's own, or everyone's with `access.token.manage`. */
export async function listTokens(api: ApiClient): Promise<ApiTokenItem[]> {
  return (await dataOf(api.client.GET('/api/tokens'))).items
}

/**
 * Issue a token for yourself; `permissions` absent means all of yours (approvals left out).
 * @throws ApiError with field problems (`expiresAt`, `permissions.N`), PERMISSION_NOT_HELD
 */
export function createToken(api: ApiClient, body: RequestOf<'/api/tokens', 'post'>): Promise<NewToken> {
  return dataOf(api.client.POST('/api/tokens', { body }))
}

/** Revoke a token. @throws ApiError TOKEN_NOT_FOUND */
export async function revokeToken(api: ApiClient, { tokenId }: { tokenId: string }): Promise<void> {
  await api.client.DELETE('/api/tokens/{tokenId}', { params: { path: { tokenId } } })
}

/** Start enrolling your own authenticator app: its secret and otpauth URI, shown once. @throws ApiError TOTP_ALREADY_ENABLED */
export function startTotpEnrolment(api: ApiClient): Promise<ResponseOf<'/api/session/totp', 'post'>> {
  return dataOf(api.client.POST('/api/session/totp'))
}

/** Confirm the enrolment with a current code. @throws ApiError INVALID_TOTP_CODE naming `code`, TOTP_NOT_PENDING */
export async function confirmTotp(api: ApiClient, { code }: { code: string }): Promise<void> {
  await api.client.POST('/api/session/totp/confirm', { body: { code } })
}

/**
 * Set your password with a staff invitation's secret (no session needed).
 * @throws ApiError STAFF_INVITATION_NOT_VALID naming `secret`, WEAK_PASSWORD naming `password`
 */
export function acceptStaffInvitation(
  api: ApiClient,
  body: RequestOf<'/api/staff/invitations/accept', 'post'>,
): Promise<ResponseOf<'/api/staff/invitations/accept', 'post'>> {
  return dataOf(api.client.POST('/api/staff/invitations/accept', { body, ...expectUnauthenticated }))
}

/** The secret in groups of four, easier to type into an authenticator app by hand. */
export function groupSecret(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ')
}

/** The expiry instant `days` whole days from `now` (1 to 90). */
export function expiryInDays(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString()
}
