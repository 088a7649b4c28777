/** Shared setup for the use cases' tests over the demo billing fixture (`billingFixture`). */
import { type Db, inTransaction } from '../db/index.js'
import * as ledger from '../modules/ledger/index.js'
import { systemActor } from '../shared/actor.js'

/**
 * Hands out the fixture's accounts one per call, with the number the fixture gave each
 * (`A-10000000`, `A-10000001`, …), so tests do not see each other's money.
 * @throws Error when every account has been handed out
 */
export function accountDealer(ids: readonly string[]): () => { id: string; number: string } {
  let next = 0
  return () => {
    const index = next++
    const id = ids[index]
    if (!id) throw new Error('out of fixture accounts')
    return { id, number: `A-${(0x10000000 + index).toString(16).toUpperCase()}` }
  }
}

/** Post a test charge the account owes, due on `dueOn`: the customer book debited, energy revenue credited. */
export async function postTestCharge(
  db: Db,
  {
    idempotencyKey,
    referenceId,
    accountId,
    amountMinor,
    dueOn,
    effectiveOn,
    at,
  }: {
    idempotencyKey: string
    referenceId: string
    accountId: string
    amountMinor: bigint
    dueOn: string
    effectiveOn: string
    at: Date
  },
): Promise<void> {
  const journal: ledger.NewJournal = {
    idempotencyKey,
    reason: 'statement.charge',
    reference: { type: 'test', id: referenceId },
    accountId,
    currency: 'GBP',
    effectiveOn,
    description: 'test charge',
    postings: [
      { book: 'customer', accountId, amountMinor, dueOn },
      { book: 'energy_revenue', accountId, amountMinor: -amountMinor },
    ],
  }
  await inTransaction(db, (tx) => ledger.postJournal({ tx, journal, actor: systemActor('test'), at }))
}
