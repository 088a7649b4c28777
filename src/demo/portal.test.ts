import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import { systemActor } from '../shared/actor.js'
import { signInCustomer } from '../usecases/portal-session.js'
import { demoAccountNumber } from './people.js'
import { demoPortalPassword, demoPortalUsers, seedPortalDemo } from './portal.js'
import { seedDemo } from './seed-demo.js'

let database: Database
const at = new Date('2026-11-20T09:00:00Z')

beforeAll(async () => {
  database = await openTestDatabase()
  await seedDemo({ db: database.db, accounts: 5, usageAccounts: 1, at })
}, 120_000)
afterAll(async () => database?.close())

describe('seedPortalDemo', () => {
  it('gives Eleanor, a limited user and a property manager over three accounts their logins, once', async () => {
    expect(await seedPortalDemo({ db: database.db, seed: 1, actor: systemActor('test'), at })).toBe(0)
    const holder = await signInCustomer({
      db: database.db,
      email: demoPortalUsers.holder,
      password: demoPortalPassword,
      at,
    })
    expect(holder.me.user.displayName).toBe('Eleanor Ashworth')
    expect(holder.me.accounts).toEqual([
      expect.objectContaining({ accountNumber: demoAccountNumber({ seed: 1, index: 0 }), kind: 'holder' }),
    ])
    const limited = await signInCustomer({
      db: database.db,
      email: demoPortalUsers.limited,
      password: demoPortalPassword,
      at,
    })
    expect(limited.me.accounts.map((account) => account.allows)).toEqual([
      ['view_bills', 'view_usage', 'view_payments'],
    ])
    const manager = await signInCustomer({
      db: database.db,
      email: demoPortalUsers.propertyManager,
      password: demoPortalPassword,
      at,
    })
    expect(manager.me.accounts.map((account) => account.kind)).toEqual([
      'property_manager',
      'property_manager',
      'property_manager',
    ])
  })
})
