import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import * as access from '../modules/access/index.js'
import { systemActor } from '../shared/actor.js'
import { DemoLoginsPresent, demoLoginsIn, refuseDemoLogins } from './demo-logins.js'
import { demoStaff } from './seed-demo.js'

let database: Database
const at = new Date('2026-11-22T09:00:00Z')

beforeAll(async () => {
  database = await openTestDatabase()
})
afterAll(async () => {
  await database?.close()
})

describe('production and the demo logins', () => {
  it('serves a database without them, and refuses one that holds a demo staff login', async () => {
    await expect(refuseDemoLogins({ db: database.db })).resolves.toBeUndefined()
    const demo = demoStaff[0]!
    await inTransaction(database.db, (tx) =>
      access.createStaffUser({
        tx,
        email: demo.email,
        displayName: demo.displayName,
        role: demo.role,
        password: 'A long production passphrase 2026',
        actor: systemActor('test'),
        at,
      }),
    )
    expect(await demoLoginsIn({ db: database.db })).toEqual([demo.email])
    const refused = refuseDemoLogins({ db: database.db })
    await expect(refused).rejects.toBeInstanceOf(DemoLoginsPresent)
    await expect(refused).rejects.toThrow(/^Refusing to serve in production: the database holds 1 demo login/)
  })
})
