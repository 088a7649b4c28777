/**
 * What the access module's database tests share: a migrated database for the test file, the system
 * actor, a clock and the session and lockout rule both kinds of sign-in are tested under. Only tests
 * import it (it registers vitest hooks).
 */
export { openDatabaseForFile } from '../../db/test-file-database.js'

export const admin = { kind: 'system', id: 'test' } as const
export const t0 = new Date('2026-11-22T09:00:00Z')
export const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000)

/**
 * The staff rule (supplier settings staffMaxFailedLogins, staffLockoutMinutes; the seeds set no other),
 * which the portal's sign-in follows too.
 */
export const sessionRules = {
  sessionMaxHours: 12,
  sessionIdleMinutes: 30,
  maxFailedLogins: 5,
  lockoutMinutes: 15,
} as const
