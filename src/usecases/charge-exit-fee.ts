/**
 * TAR-3: a fixed tariff left early owes its exit fee (the seed: "a £25 exit fee for the fixed
 * version"). The tariffs module records the fee on the ended agreement; it sits below the ledger,
 * so posting the charge is this journey's: a `fee.exit` journal on the customer's account, due on the
 * supplier's payment terms, which the next statement shows among its charges.
 */
import type { Tx } from '../db/index.js'
import * as billing from '../modules/billing/index.js'
import * as ledger from '../modules/ledger/index.js'
import * as market from '../modules/market/index.js'
import type * as tariffs from '../modules/tariffs/index.js'
import type { Actor } from '../shared/actor.js'
import { addDays, localDateOf } from '../shared/time.js'

/**
 * Charge the exit fee recorded on an ended agreement, once: the journal's idempotency key is the
 * agreement, so a second call answers the first journal. The ledger audits the posting in `tx`.
 * @returns the journal's id, or null when the agreement owes no fee
 */
export async function chargeExitFee({
  tx,
  ended,
  actor,
  at,
}: {
  tx: Tx
  ended: tariffs.Agreement
  actor: Actor
  at: Date
}): Promise<string | null> {
  const fee = ended.exitFeeMinorApplied ?? 0n
  if (fee <= 0n || ended.validTo === null) return null
  const supplier = await market.getSupplier(tx)
  const leftOn = localDateOf(ended.validTo, supplier.profile.timeZone)
  const { journal } = await ledger.postJournal({
    tx,
    journal: {
      idempotencyKey: `exit_fee:${ended.id}`,
      reason: 'fee.exit',
      reference: { type: 'agreement', id: ended.id },
      accountId: ended.accountId,
      currency: supplier.profile.currency,
      effectiveOn: leftOn,
      description: `Exit fee: ${ended.productName} left on ${leftOn}, before its fixed term ended`,
      postings: [
        {
          book: 'customer',
          accountId: ended.accountId,
          amountMinor: fee,
          dueOn: addDays(leftOn, billing.paymentTermDays),
        },
        { book: 'fees', accountId: ended.accountId, amountMinor: -fee },
      ],
    },
    actor,
    at,
  })
  return journal.id
}
