/**
 * Issue 22: customers hear of a price rise before it takes effect. When a price change that raises a
 * unit rate or standing charge of an import tariff is approved, every account with an agreement on
 * such a tariff in force at the start of the effective date gets one notice (`price_change_notice`)
 * naming its tariff, the date, each changing price inc VAT old → new, and what it can do; by email
 * when paperless, else by letter, as statement notices are. The notices are written in the approval's
 * transaction (an approval and its notices stand or fall together) and handed to the delivery queue
 * by the caller after the commit.
 */
import type { Tx } from '../db/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as comms from '../modules/comms/index.js'
import * as tariffs from '../modules/tariffs/index.js'
import type { Actor } from '../shared/actor.js'
import { DomainError } from '../shared/errors.js'
import { addDays, localDateOf, longDateText } from '../shared/time.js'

export const priceNoticeTemplate = 'price_change_notice'

/** What the notices of one approved change came to. */
export interface PriceNoticesSummary {
  /** The import tariffs whose prices rise. */
  readonly risingTariffs: readonly string[]
  /** The messages queued, one per account. */
  readonly messageIds: readonly string[]
  readonly emailed: number
  readonly posted: number
  /** Accounts whose notice could not be written (no address on file, …), with why: an agent follows up. */
  readonly failed: readonly { readonly accountNumber: string; readonly reason: string }[]
}

const kindNames: Readonly<Record<tariffs.RateKind, string>> = {
  standard_unit: 'unit rate',
  day_unit: 'day unit rate',
  night_unit: 'night unit rate',
  off_peak_unit: 'off-peak unit rate',
  peak_unit: 'peak unit rate',
  dynamic_unit: 'unit rate',
  standing_charge: 'standing charge',
}

const methodNames: Readonly<Record<tariffs.PaymentMethod, string>> = {
  DIRECT_DEBIT: 'paying by Direct Debit',
  NON_DIRECT_DEBIT: 'paying by other means',
}

/** Pence as stored ('26.2500') as a customer reads them: at least 2 decimals, no rounding ('26.25p', '24.7619p'). */
export function penceText(value: string): string {
  const [whole, fraction = ''] = value.split('.')
  const trimmed = fraction.replace(/0+$/, '').padEnd(2, '0')
  return `${whole}.${trimmed}p`
}

/**
 * The lines of one tariff's changing prices inc VAT, old → new: "Electricity unit rate, paying by
 * Direct Debit: 24.50p → 26.25p per kWh". A price with none before it (a new payment method) is left
 * out: no customer paid an old one.
 */
export function priceLines(prices: readonly tariffs.PriceDiff[]): string[] {
  return prices.flatMap((price) => {
    if (price.oldIncVat === null) return []
    const fuel = price.fuel === 'gas' ? 'Gas' : 'Electricity'
    const method = price.paymentMethod ? `, ${methodNames[price.paymentMethod]}` : ''
    const unit = price.kind === 'standing_charge' ? 'per day' : 'per kWh'
    return [
      `${fuel} ${kindNames[price.kind]}${method}: ${penceText(price.oldIncVat)} → ${penceText(price.valueIncVat)} ${unit}`,
    ]
  })
}

/** What leaving costs: nothing on a variable tariff; a fixed term's exit fee, none in its last days. */
function exitNoteOf(termEndsAt: Date | null): string {
  if (termEndsAt === null) return 'There is no exit fee on your variable tariff.'
  const lastDay = localDateOf(new Date(termEndsAt.getTime() - 1))
  const feeFreeFrom = addDays(localDateOf(termEndsAt), -tariffs.exitFeeFreeDays)
  return `Your tariff is fixed until ${longDateText(lastDay)}: leaving it before ${longDateText(feeFreeFrom)} may carry an exit fee; from then on there is none.`
}

/**
 * Queue the notices of an approved (published) change: one per account on a rising tariff at its
 * effective instant, related to the change. Nothing when no import price rises. An account whose
 * notice cannot be written is listed in `failed`, not a reason to refuse the approval.
 * @throws what the database throws
 */
export async function queuePriceChangeNotices({
  tx,
  change,
  actor,
  at,
}: {
  tx: Tx
  change: tariffs.PriceChange
  actor: Actor
  at: Date
}): Promise<PriceNoticesSummary> {
  const { risingTariffs } = await tariffs.priceChangeNotice({
    tx,
    prices: change.prices,
    effectiveDate: change.effectiveDate,
    at,
  })
  const summary = {
    risingTariffs,
    messageIds: [] as string[],
    emailed: 0,
    posted: 0,
    failed: [] as { accountNumber: string; reason: string }[],
  }
  if (risingTariffs.length === 0) return summary
  const agreements = await tariffs.agreementsOnTariffsAt({ tx, tariffCodes: risingTariffs, at: change.effectiveFrom })
  const byAccount = new Map<string, tariffs.Agreement[]>()
  for (const agreement of agreements)
    byAccount.set(agreement.accountId, [...(byAccount.get(agreement.accountId) ?? []), agreement])
  const accountIds = [...byAccount.keys()].sort()
  const numbers = await accounts.accountNumbersOf({ tx, accountIds })
  for (const accountId of accountIds) {
    const own = byAccount.get(accountId)!
    const codes = new Set(own.map((agreement) => agreement.tariffCode))
    const lines = priceLines(change.prices.filter((price) => codes.has(price.tariffCode)))
    const productName = [...new Set(own.map((agreement) => agreement.productName))].join(' and ')
    const fixed = own.find((agreement) => agreement.termEndsAt !== null)
    try {
      const channel = await comms.preferredChannel({ tx, accountId })
      const message = await comms.send({
        tx,
        accountId,
        channel,
        template: priceNoticeTemplate,
        fields: {
          productName,
          effectiveDate: change.effectiveDate,
          priceLines: lines.join('\n'),
          exitNote: exitNoteOf(fixed?.termEndsAt ?? null),
        },
        related: { type: 'price_change', id: change.id },
        actor,
        at,
      })
      summary.messageIds.push(message.id)
      if (channel === 'email') summary.emailed++
      else summary.posted++
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      summary.failed.push({ accountNumber: numbers.get(accountId) ?? accountId, reason: error.message })
    }
  }
  return summary
}
