import type { Db, Tx } from '../../db/index.js'
import { camelFields } from '../../shared/row-mapping.js'
import type { Role } from './permissions.js'
import * as store from './store.js'
import type { StaffUser } from './types.js'

/** A staff user as the API shows it: never the password hash nor a TOTP secret. */
export function toStaffUser(row: store.StaffUserRow): StaffUser {
  return {
    ...camelFields(row, [
      'id',
      'email',
      'display_name',
      'password_changed_at',
      'locked_until',
      'disabled_at',
      'created_at',
      'awaiting_approval',
    ]),
    role: row.role as Role,
    totpEnabled: row.totp_secret !== null,
    passwordSet: row.password_hash !== null,
  }
}

/** Every staff user, by role then email. */
export async function listStaffUsers(db: Db | Tx): Promise<StaffUser[]> {
  return (await store.listUsers(db)).map(toStaffUser)
}

/** The display names of staff users by id, in one query; ids of no staff user are absent. Throws nothing. */
export async function staffNamesOf({
  tx,
  staffIds,
}: {
  tx: Db | Tx
  staffIds: readonly string[]
}): Promise<Map<string, string>> {
  const rows = await store.staffNameRows(tx, [...new Set(staffIds)])
  return new Map(rows.map((row) => [row.id, row.display_name]))
}

/** One staff user by id or email, or undefined. */
export async function findStaffUser(db: Db | Tx, idOrEmail: string): Promise<StaffUser | undefined> {
  const row = idOrEmail.includes('@')
    ? await store.findUserByEmail(db, idOrEmail.trim().toLowerCase())
    : await store.findUserById(db, idOrEmail)
  return row ? toStaffUser(row) : undefined
}
