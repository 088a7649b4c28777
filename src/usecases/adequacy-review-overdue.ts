/**
 * What billing's backbilling rule needs from payments (BIL-6, seed 002): billing sits beside payments
 * and cannot ask it, so each journey that bills asks here and passes the answer in.
 */
import type { AccountsQuery, Db, Tx } from '../db/index.js'
import * as payments from '../modules/payments/index.js'
import { localDateOf } from '../shared/time.js'

/**
 * Of these accounts, those whose Direct Debit has had no payment adequacy review in over a year on
 * the day of the bill (`at`'s local date, the date the backbilling cutoff counts from). One query.
 */
export async function adequacyReviewOverdueOf({
  tx,
  accountIds,
  at,
}: AccountsQuery & { at: Date }): Promise<ReadonlySet<string>> {
  return payments.accountsWithAdequacyReviewOverdue({ tx, accountIds, on: localDateOf(at) })
}

/** The same for one account. */
export async function adequacyReviewOverdue({ tx, accountId, at }: { tx: Db | Tx; accountId: string; at: Date }) {
  return (await adequacyReviewOverdueOf({ tx, accountIds: [accountId], at })).has(accountId)
}
