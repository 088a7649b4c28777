import type { Db, Tx } from '../../db/index.js'
import type { Role } from './permissions.js'
import * as store from './store.js'
import type { StaffUser } from './types.js'

export function toStaffUser(row: store.StaffUserRow): StaffUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as Role,
    passwordChangedAt: row.password_changed_at,
    totpEnabled: row.totp_secret !== null,
    lockedUntil: row.locked_until,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
  }
}

/** Every staff user, by role then email. */
export async function listStaffUsers(db: Db | Tx): Promise<StaffUser[]> {
  return (await store.listUsers(db)).map(toStaffUser)
}

/** One staff user by id or email, or undefined. */
export async function findStaffUser(db: Db | Tx, idOrEmail: string): Promise<StaffUser | undefined> {
  const row = idOrEmail.includes('@')
    ? await store.findUserByEmail(db, idOrEmail.trim().toLowerCase())
    : await store.findUserById(db, idOrEmail)
  return row ? toStaffUser(row) : undefined
}

/** API tokens (never their secrets), newest first. */
export async function listApiTokens(db: Db | Tx, userId?: string) {
  return (await store.listTokens(db, userId)).map((row) => ({
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  }))
}
