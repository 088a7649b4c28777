/**
 * Issue 22: a price change file from the operator's command line. A dry run prices the file against
 * the prices in force and writes nothing; with `submitAs`, it is stored for approval in the name of
 * that pricing analyst, so a second analyst approves it in the console as usual (four-eyes).
 */
import { type Db, inTransaction, type Tx } from '../db/index.js'
import * as access from '../modules/access/index.js'
import * as tariffs from '../modules/tariffs/index.js'
import type { Actor } from '../shared/actor.js'
import { Forbidden, NotFound, withCode } from '../shared/errors.js'
import { withQueuedMessages } from './communications.js'
import { type PriceNoticesSummary, queuePriceChangeNotices } from './price-notices.js'

export class PricingAnalystNotFound extends withCode(NotFound, 'PRICING_ANALYST_NOT_FOUND') {}

export class NotAPricingAnalyst extends withCode(Forbidden, 'NOT_A_PRICING_ANALYST') {}

/**
 * Price a CSV price change effective from `effectiveDate`; with `submitAs` (a staff email), store
 * it for approval as that analyst's, audited.
 * @throws tariffs.InvalidPriceChange naming each line and column, PricingAnalystNotFound,
 *   NotAPricingAnalyst (a disabled user, or one whose role may not submit)
 */
export async function importPriceChange({
  db,
  csv,
  effectiveDate,
  note,
  submitAs,
  at,
}: {
  db: Db
  csv: string
  effectiveDate: string
  note?: string | undefined
  submitAs?: string | undefined
  at: Date
}): Promise<
  | { submitted: false; prices: tariffs.PriceDiff[]; summary: tariffs.PriceChange['summary'] }
  | { submitted: true; priceChange: tariffs.PriceChange }
> {
  if (submitAs === undefined) {
    const preview = await inTransaction(db, (tx) => tariffs.previewPriceChange({ tx, csv, effectiveDate, at }))
    return { submitted: false, prices: preview.prices, summary: preview.summary }
  }
  return inTransaction(db, async (tx) => {
    const user = await access.findStaffUser(tx, submitAs)
    if (!user) throw new PricingAnalystNotFound(`There is no staff user ${submitAs}`)
    if (user.disabledAt !== null || !access.can({ kind: 'staff', role: user.role }, 'tariffs.price_change.submit'))
      throw new NotAPricingAnalyst(`${user.email} may not submit price changes`)
    const priceChange = await tariffs.uploadPriceChange({
      tx,
      csv,
      effectiveDate,
      note,
      submit: true,
      actor: { kind: 'staff', id: user.id },
      at,
    })
    return { submitted: true, priceChange }
  })
}

/**
 * Approve a price change (four-eyes, the notice rule and its override as `tariffs.approvePriceChange`)
 * and, in the same transaction, queue the notice of every customer on a tariff whose prices rise. The
 * answer is tagged with the queued messages (`withQueuedMessages`) for the caller to enqueue after
 * the commit.
 * @throws what tariffs.approvePriceChange throws; a refusal writes nothing, notices included
 */
export async function approvePriceChange({
  tx,
  id,
  note,
  overrideNotice,
  actor,
  at,
}: {
  tx: Tx
  id: string
  note?: string | undefined
  overrideNotice?: tariffs.NoticeOverride | undefined
  actor: Actor
  at: Date
}): Promise<{ priceChange: tariffs.PriceChange; notices: PriceNoticesSummary }> {
  const priceChange = await tariffs.approvePriceChange({ tx, id, note, overrideNotice, actor, at })
  const notices = await queuePriceChangeNotices({ tx, change: priceChange, actor, at })
  return withQueuedMessages({ priceChange, notices }, notices.messageIds)
}
