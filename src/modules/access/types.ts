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
}

/** Who is making a request, once authenticated: the subject of every permission check. */
export interface StaffPrincipal {
  readonly kind: 'staff'
  readonly userId: string
  readonly role: Role
  readonly email: string
  readonly displayName: string
  /** How they proved it: a browser session or an integration's API token. */
  readonly via:
    | { readonly kind: 'session'; readonly sessionId: string }
    | { readonly kind: 'token'; readonly tokenId: string }
  /** The password is older than the supplier allows: only changing it is permitted. */
  readonly mustChangePassword: boolean
}

/** The staff-access rules a supplier sets (MKT-1 settings), passed in by the caller. */
export interface AccessPolicy {
  readonly passwordMaxAgeDays: number
  readonly sessionMaxHours: number
  readonly sessionIdleMinutes: number
  readonly maxFailedLogins: number
  readonly lockoutMinutes: number
}
