/**
 * Demo statements: a year of monthly bills, on each account's cycle day, for the accounts with
 * half-hourly data, made by the billing engine itself as the billing runs of those days would have.
 * Resumable: a month already billed is found, not billed twice.
 */
import type { Db } from '../db/index.js'
import { inTransaction } from '../db/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as billing from '../modules/billing/index.js'
import type { Actor } from '../shared/actor.js'
import { DomainError } from '../shared/errors.js'
import { localDateOf, startOfLocalDay } from '../shared/time.js'
import { demoAccountNumber } from './people.js'

/** The local dates of an account's cycle day in the twelve months up to `today` (inclusive). */
export function cycleDates(cycleDay: number, today: string): string[] {
  const dates: string[] = []
  for (let back = 12; back >= 0; back--) {
    const months = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - back
    const date = `${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}-${String(cycleDay).padStart(2, '0')}`
    if (date <= today && date > billing.backbillingCutoff(today, 12)) dates.push(date)
  }
  return dates
}

export async function seedDemoBills({
  db,
  seed,
  accounts: count,
  actor,
  at,
}: {
  db: Db
  seed: number
  accounts: number
  actor: Actor
  at: Date
}): Promise<number> {
  let made = 0
  const today = localDateOf(at)
  for (let index = 0; index < count; index++) {
    const account = await inTransaction(db, (tx) =>
      accounts.findAccountSupply({ tx, accountNumber: demoAccountNumber({ seed, index }) }),
    )
    if (!account) continue
    const cycleDay = Math.min(Number(account.openedOn.slice(8, 10)), 28)
    for (const on of cycleDates(cycleDay, today)) {
      try {
        // As that morning's billing run would have: issued then, so due dates fall where they would.
        const runAt = new Date(Math.min(startOfLocalDay(on).getTime() + 6 * 3_600_000, at.getTime()))
        const { created } = await inTransaction(db, (tx) =>
          billing.billAccount({ tx, accountId: account.id, on, actor, at: runAt }),
        )
        if (created) made++
      } catch (error) {
        if (!(error instanceof DomainError)) throw error
        // Nothing to bill yet (before the first agreement): try the next month. A business account
        // or a statement held for review: stop there, as a billing run would.
        if (error.code === 'NOTHING_TO_BILL') continue
        break
      }
    }
  }
  return made
}
