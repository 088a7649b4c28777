/**
 * Demo statements: monthly bills on each account's cycle day, made by the billing engine itself as
 * the billing runs of those days would have (`payments.ts` pays each before the next is made).
 */
import type { Db } from '../db/index.js'
import { inTransaction } from '../db/index.js'
import * as billing from '../modules/billing/index.js'
import type { Actor } from '../shared/actor.js'
import { DomainError } from '../shared/errors.js'
import { startOfLocalDay } from '../shared/time.js'

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

/**
 * Bill the account up to `on` as that morning's billing run would have (issued at 06:00, so due
 * dates fall where they would): the statement, or null when there was nothing to bill yet (before the
 * first agreement). Stops with `stop` for a business account or a statement held for review, as a
 * billing run would. Billing a month already billed finds its statement.
 */
export async function billCycleDate({
  db,
  accountId,
  on,
  actor,
  at,
}: {
  db: Db
  accountId: string
  on: string
  actor: Actor
  at: Date
}): Promise<{ statement: billing.Statement; created: boolean } | null | 'stop'> {
  try {
    const runAt = new Date(Math.min(startOfLocalDay(on).getTime() + 6 * 3_600_000, at.getTime()))
    const { statement, created } = await inTransaction(db, (tx) =>
      billing.billAccount({ tx, accountId, on, actor, at: runAt }),
    )
    return { statement: billing.toStatementView(statement), created }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    return error.code === 'NOTHING_TO_BILL' ? null : 'stop'
  }
}
