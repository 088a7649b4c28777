import type { Db, Tx } from '../../db/index.js'
import type { Permission } from './permission-catalogue.js'
import type { Role } from './permissions.js'

export interface StaffUser {
  readonly id: string
  readonly email: string
  readonly displayName: string
  readonly role: Role
  readonly passwordChangedAt: Date
  readonly totpEnabled: boolean
  readonly lockedUntil: Date | null
  readonly disabledAt: Date | null
  readonly createdAt: Date
  /** Created with a money role that a second access manager has not yet approved: cannot sign in. */
  readonly awaitingApproval: boolean
  /** False until an invited user has set their own password. */
  readonly passwordSet: boolean
}

/** Who a new login (staff or portal) is for: the address they sign in with and the name shown for them. */
export interface NewLogin {
  email: string
  displayName: string
}

/** Who is making a request, once authenticated: the subject of every permission check. */
export interface StaffPrincipal {
  readonly kind: 'staff'
  readonly userId: string
  readonly role: Role
  readonly email: string
  readonly displayName: string
  /**
   * How they proved it: a browser session, or an API token (a person's own, or a service account's,
   * when `userId` is the service account's id and `serviceAccountId` says so).
   */
  readonly via:
    | { readonly kind: 'session'; readonly sessionId: string }
    | { readonly kind: 'token'; readonly tokenId: string; readonly serviceAccountId: string | null }
  /** What the credential allows within the role: null for a session (the whole role), a token's list otherwise. */
  readonly scope: ReadonlySet<Permission> | null
  /** The password is older than the supplier allows: only changing it is permitted. */
  readonly mustChangePassword: boolean
}

/** A signed-in staff user acting on their own login (signing out, their password, their authenticator app). */
export interface OwnLoginChange {
  tx: Tx
  principal: StaffPrincipal
  at: Date
}

/** How long a sign-in lasts and when wrong passwords lock the login: staff and portal alike. */
export interface SessionPolicy {
  readonly sessionMaxHours: number
  readonly sessionIdleMinutes: number
  /** Wrong passwords in a row that lock the login (the staff rule, USR-5). */
  readonly maxFailedLogins: number
  readonly lockoutMinutes: number
}

/** The staff-access rules a supplier sets (MKT-1 settings), passed in by the caller. */
export interface AccessPolicy extends SessionPolicy {
  readonly passwordMaxAgeDays: number
}

/** Who, if anyone, a session token stands for at `at` under `policy`. */
export interface SessionLookup<Policy extends SessionPolicy> {
  /** A read and at most one single-row touch a minute: the pool or a transaction. */
  tx: Db | Tx
  sessionToken: string
  policy: Policy
  at: Date
}

/** An API token as it is listed: never its secret. */
export interface ApiToken {
  readonly id: string
  readonly name: string
  /** The staff user it acts as, or null for a service account's token. */
  readonly userId: string | null
  readonly serviceAccountId: string | null
  readonly permissions: readonly Permission[]
  readonly createdBy: string | null
  readonly createdAt: Date
  readonly expiresAt: Date
  readonly revokedAt: Date | null
  readonly lastUsedAt: Date | null
}

/** A role grant waiting for a second access manager (a new user with a money role, or a change to one). */
export interface RoleRequest {
  readonly id: string
  readonly userId: string
  readonly role: Role
  readonly requestedBy: string
  readonly requestedAt: Date
  readonly status: 'pending' | 'approved' | 'rejected'
  readonly decidedBy: string | null
  readonly decidedAt: Date | null
}
