/**
 * Production refuses the demo (issue 19, hole 7): the demo supplier's staff and portal logins share a
 * password printed by `npm start` and written in the source, so a production server must not hold
 * them. `cuttle start` does not seed them in production, and `start`/`serve` refuse to run while any
 * is still enabled.
 */
import type { Db } from '../db/index.js'
import * as access from '../modules/access/index.js'
import { Conflict, Forbidden, withCode } from '../shared/errors.js'
import { demoPortalUsers } from './portal.js'
import { demoStaff } from './seed-demo.js'

export class DemoLoginsPresent extends withCode(Conflict, 'DEMO_LOGINS_PRESENT') {}

export class DemoDataRefused extends withCode(Forbidden, 'DEMO_DATA_REFUSED') {}

/** The demo logins this database holds (enabled staff users and portal users, by email). Throws nothing. */
export async function demoLoginsIn({ db }: { db: Db }): Promise<string[]> {
  const found: string[] = []
  for (const person of demoStaff) {
    const user = await access.findStaffUser(db, person.email)
    if (user && user.disabledAt === null) found.push(user.email)
  }
  for (const email of Object.values(demoPortalUsers)) {
    if (await access.findExternalUser(db, email)) found.push(email)
  }
  return found
}

/** @throws DemoLoginsPresent when the database holds any demo login */
export async function refuseDemoLogins({ db }: { db: Db }): Promise<void> {
  const found = await demoLoginsIn({ db })
  if (found.length === 0) return
  throw new DemoLoginsPresent(
    `Refusing to serve in production: the database holds ${found.length} demo login(s) (${found.slice(0, 3).join(', ')}${found.length > 3 ? ', …' : ''}) whose password is public: start production on a database without the demo`,
    found.map((email) => ({ path: 'email', message: `demo login ${email}` })),
  )
}

/** @throws DemoDataRefused: the demo supplier is never seeded in production */
export function refuseDemoSeed(): never {
  throw new DemoDataRefused('Refusing to seed the demo supplier in production: its logins have a public password')
}
