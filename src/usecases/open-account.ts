import { randomBytes } from 'node:crypto'
import type { Db } from '../db/index.js'
import { inTransaction } from '../db/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as market from '../modules/market/index.js'
import type { Actor } from '../shared/actor.js'

/** A fresh random account number; numbers are never reused, so a clash simply draws again. */
export function drawAccountNumber(): string {
  return `A-${randomBytes(4).toString('hex').toUpperCase()}`
}

/**
 * Open one account on the supplier's market with a new account number.
 * @throws accounts.InvalidAccountDetails
 */
export async function openAccount({
  db,
  details,
  actor,
  at,
}: {
  db: Db
  details: Omit<accounts.NewAccount, 'number' | 'market'>
  actor: Actor
  at: Date
}): Promise<{ id: string; number: string }> {
  for (let attempt = 0; ; attempt++) {
    try {
      const [opened] = await inTransaction(db, async (tx) => {
        const supplier = await market.getSupplier(tx)
        return accounts.createAccounts({
          tx,
          accounts: [{ ...details, number: drawAccountNumber(), market: supplier.market }],
          actor,
          at,
        })
      })
      if (!opened) throw new Error('unreachable: one account in, one out')
      return opened
    } catch (error) {
      if (error instanceof accounts.AccountNumberTaken && attempt < 5) continue
      throw error
    }
  }
}
