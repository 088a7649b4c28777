import type { Db } from '../db/index.js'
import { inTransaction } from '../db/index.js'
import * as access from '../modules/access/index.js'
import * as market from '../modules/market/index.js'

/** The staff-access rules in force, from the supplier's settings (MKT-1). */
export function accessPolicyOf(settings: market.SupplierSettings): access.AccessPolicy {
  return {
    passwordMaxAgeDays: settings.staffPasswordMaxAgeDays,
    sessionMaxHours: settings.staffSessionMaxHours,
    sessionIdleMinutes: settings.staffSessionIdleMinutes,
    maxFailedLogins: settings.staffMaxFailedLogins,
    lockoutMinutes: settings.staffLockoutMinutes,
  }
}

/**
 * Sign a staff user in under the supplier's current rules. The failure count and any lockout are
 * committed before the failure is thrown.
 * @throws access.InvalidCredentials, access.AccountLocked, access.TotpRequired
 */
export async function signInStaff({
  db,
  email,
  password,
  totp,
  at,
  client,
}: {
  db: Db
  email: string
  password: string
  totp?: string | undefined
  at: Date
  client?: Record<string, unknown>
}) {
  const result = await inTransaction(db, async (tx) => {
    const supplier = await market.getSupplier(tx)
    return access.signIn({
      tx,
      email,
      password,
      totp,
      policy: accessPolicyOf(supplier.settings),
      at,
      ...(client ? { client } : {}),
    })
  })
  if (!result.ok) throw result.error
  return result
}
