/**
 * Portal logins for the demo (UI-2): the first account's holder (Eleanor Ashworth), a limited
 * authorized user on it, and a property manager over three other accounts. Safe to run again.
 */
import { type Db, inTransaction } from '../db/index.js'
import * as access from '../modules/access/index.js'
import * as accounts from '../modules/accounts/index.js'
import type { Actor } from '../shared/actor.js'
import { demoAccountNumber } from './people.js'

export const demoPortalPassword = 'GoodEgg-demo-2026'
export const demoPortalUsers = {
  holder: 'eleanor@portal.example',
  limited: 'oliver@portal.example',
  propertyManager: 'lettings@portal.example',
} as const

/** Create the demo's portal logins and grants; answers how many grants it created. */
export async function seedPortalDemo({
  db,
  seed,
  actor,
  at,
}: {
  db: Db
  seed: number
  actor: Actor
  at: Date
}): Promise<number> {
  return inTransaction(db, async (tx) => {
    const accountIdAt = async (index: number) =>
      (await accounts.findAccountSupply({ tx, accountNumber: demoAccountNumber({ seed, index }) }))?.id
    const plan: {
      email: string
      displayName: string
      kind: access.GrantKind
      indexes: number[]
      relationship?: string
    }[] = [
      { email: demoPortalUsers.holder, displayName: 'Eleanor Ashworth', kind: 'holder', indexes: [0] },
      {
        email: demoPortalUsers.limited,
        displayName: 'Oliver Ashworth',
        kind: 'authorized_limited',
        indexes: [0],
        relationship: 'son',
      },
      {
        email: demoPortalUsers.propertyManager,
        displayName: 'Harbour Lettings',
        kind: 'property_manager',
        indexes: [1, 2, 3],
      },
    ]
    let created = 0
    for (const person of plan) {
      const user =
        (await access.findExternalUser(tx, person.email)) ??
        (await access.createExternalUser({
          tx,
          email: person.email,
          displayName: person.displayName,
          password: demoPortalPassword,
          actor,
          at,
        }))
      for (const index of person.indexes) {
        const accountId = await accountIdAt(index)
        if (!accountId || (await access.grantOn({ tx, userId: user.id, accountId }))) continue
        await access.grantAccountAccess({
          tx,
          accountId,
          userId: user.id,
          kind: person.kind,
          relationship: person.relationship,
          actor,
          at,
        })
        created += 1
      }
    }
    return created
  })
}
