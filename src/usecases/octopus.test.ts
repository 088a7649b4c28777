import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import type { Actor } from '../shared/actor.js'
import { accountUsersForStaff, octopusAccount } from './index.js'
import { openTestHomeIn } from './testing.js'

let database: Database
const agent: Actor = { kind: 'staff', id: 'usr_agent' }
const now = new Date('2026-08-20T12:00:00Z')

beforeAll(async () => {
  database = await openTestDatabase()
  await inTransaction(database.db, async (tx) => {
    await openTestHomeIn(tx, {
      number: 'A-0000BEEF',
      customer: { kind: 'person', title: 'Ms', givenName: 'Eleanor', familyName: 'Ashworth' },
      property: { line1: '14 Mill Lane' },
      // a summer day: London is on BST (UTC+1), so the day starts at 23:00 UTC the day before
      openedOn: '2026-07-01',
      meterPoints: [],
      actor: agent,
      at: now,
    })
  })
})

afterAll(async () => {
  await database.close()
})

describe('an account opened on a summer day', () => {
  it('moved in at London midnight on the day it opened, not at 01:00', async () => {
    const account = await inTransaction(database.db, (tx) =>
      octopusAccount({ tx, accountNumber: 'A-0000BEEF', actor: agent, at: now }),
    )
    // 2026-07-01 00:00 BST is 2026-06-30T23:00:00Z, written with its offset as Octopus does
    expect(account?.properties[0]?.moved_in_at).toBe('2026-07-01T00:00:00+01:00')
  })

  it('shows the account holder since London midnight on the day it opened', async () => {
    const users = await inTransaction(database.db, (tx) =>
      accountUsersForStaff({ tx, accountNumber: 'A-0000BEEF', actor: agent, at: now }),
    )
    const holder = users.items.find((user) => user.kind === 'holder' && user.userId === null)
    expect(holder?.since).toEqual(new Date('2026-06-30T23:00:00Z'))
  })
})
