/**
 * Pricing a period (BIL-1, BIL-6): gather what rating needs, rate it, cut off what backbilling may
 * not charge, and turn the result into statement lines.
 */
import type { AccountChange, Change, Tx } from '../../db/index.js'
import { localDateOf, startOfLocalDay } from '../../shared/time.js'
import * as ledger from '../ledger/index.js'
import * as market from '../market/index.js'
import { backbillingCutoff, backbillingWriteoff } from './backbilling.js'
import { usageSummaries } from './explain.js'
import { type Gathered, type GatherOptions, gather, type TariffCache } from './gather.js'
import { rate } from './rating.js'
import type { RatingInput, RatingResult } from './rating-types.js'
import { dayMs, profileOf } from './statement-draft.js'
import * as store from './store.js'
import {
  BillingAccountNotFound,
  type BillingProfile,
  type ClosingReading,
  type Explanation,
  type StatementLine,
} from './types.js'

export async function accountRow(tx: Tx, accountId: string) {
  const row = await store.billableAccount(tx, { id: accountId })
  if (!row) throw new BillingAccountNotFound(`There is no account ${accountId}`)
  return row
}

function toLines(rating: RatingResult): StatementLine[] {
  return rating.lines.map((line, index) => ({
    position: index + 1,
    meterPointId: line.meterPointId,
    identifier: line.identifier,
    agreementId: line.agreementId,
    tariffCode: line.tariffCode,
    kind: line.kind,
    rateKind: line.rateKind,
    from: line.from,
    to: line.to,
    quantity: line.quantity,
    unit: line.unit,
    ratePence: line.ratePence,
    vatPercent: line.vatPercent,
    amountMinor: line.amountMinor,
    source: { ...line.source, ...(line.dispatchHalfHours ? { dispatchHalfHours: line.dispatchHalfHours } : {}) },
    description: line.description,
  }))
}

/** The same input over [from, cutoff): half hours before the cutoff, register units apportioned by time. */
function beforeCutoff(input: RatingInput, cutoff: Date): RatingInput {
  return {
    ...input,
    period: { from: input.period.from, to: cutoff },
    meterPoints: input.meterPoints.map((point) => ({
      ...point,
      consumption:
        point.consumption.kind === 'intervals'
          ? point.consumption // rating counts only the half hours that start inside the period, which now ends at the cutoff
          : {
              kind: 'registers',
              registers: point.consumption.registers.flatMap((register) => {
                const start = register.from.readAt.getTime()
                const end = register.to.readAt.getTime()
                if (start >= cutoff.getTime() || end <= start) return []
                const part = Math.min(end, cutoff.getTime()) - start
                const thousandths = BigInt(register.units.replace('.', '').replace(/^0+(?=\d)/, ''))
                const share = (thousandths * BigInt(part)) / BigInt(end - start)
                return [
                  {
                    ...register,
                    to: {
                      readingId: null,
                      readAt: new Date(Math.min(end, cutoff.getTime())),
                      value: '',
                      estimated: true,
                    },
                    units: `${share / 1000n}.${String(share % 1000n).padStart(3, '0')}`,
                  },
                ]
              }),
            },
    })),
  }
}

export interface Priced {
  readonly gathered: Gathered
  readonly rating: RatingResult
  readonly lines: StatementLine[]
  readonly writeoffMinor: bigint
  readonly explanation: Explanation
}

/** Rate a period and apply the backbilling rule; nothing written except estimates. */
export async function price({
  tx,
  row,
  profile,
  from,
  to,
  openingReadings,
  freshWithinMs,
  openingWindowMs,
  estimateClosing,
  cache,
  reads,
  supplier: knownSupplier,
  balanceBefore,
  replaced,
  adequacyReviewOverdue = false,
  actor,
  at,
}: Change &
  GatherOptions & {
    row: store.BillableAccountRow
    profile: BillingProfile
    from: Date
    to: Date
    openingReadings: readonly ClosingReading[]
    /** The supplier, when already read. */
    supplier?: market.Supplier | undefined
    /** The account's balance before this bill, when already read (a batch). */
    balanceBefore?: bigint | undefined
    replaced?: store.StatementRow
    /**
     * The account's Direct Debit has had no payment adequacy review in over a year (payments knows;
     * the use case that bills asks it): a failing the backbilling write-off states.
     */
    adequacyReviewOverdue?: boolean | undefined
  }): Promise<Priced> {
  const gathered = await gather({
    tx,
    accountId: row.id,
    paymentMethod: profile.paymentMethod,
    from,
    to,
    openingReadings,
    ...(freshWithinMs ? { freshWithinMs } : {}),
    ...(openingWindowMs !== undefined ? { openingWindowMs } : {}),
    ...(estimateClosing !== undefined ? { estimateClosing } : {}),
    ...(reads ? { reads } : {}),
    cache,
    actor,
    at,
  })
  const rating = rate(gathered.input)
  const lines = toLines(rating)
  const supplier = knownSupplier ?? (await market.getSupplier(tx))
  const limit = supplier.profile.backbillingLimitMonths
  let writeoffMinor = 0n
  let backbilling: Explanation['backbilling']
  if (limit !== null) {
    const cutoffDate = backbillingCutoff(localDateOf(at), limit)
    const cutoff = startOfLocalDay(cutoffDate)
    const replacedOld = replaced
      ? BigInt((replaced.explanation as Explanation).backbilling?.oldChargesMinor ?? '0')
      : 0n
    if (from < cutoff) {
      const old = rate(beforeCutoff(gathered.input, cutoff)).totalMinor
      const balanceBeforeMinor = balanceBefore ?? (await ledger.balanceOf({ tx, accountId: row.id }))
      const replacedPosted = replaced ? replaced.total_minor - replaced.writeoff_minor : 0n
      const decision = backbillingWriteoff({
        oldChargesMinor: old,
        previouslyBilledOldMinor: replacedOld,
        otherChargesMinor: rating.totalMinor - old - (replacedPosted - replacedOld),
        balanceBeforeMinor,
        readingPrevented: profile.readingPrevented,
        adequacyReviewOverdue,
      })
      writeoffMinor = decision.writeoffMinor
      backbilling = {
        cutoff: cutoffDate,
        oldChargesMinor: String(old),
        writeoffMinor: String(writeoffMinor),
        reason: decision.reason,
        ...(decision.breaches.length > 0 ? { breaches: decision.breaches } : {}),
      }
      if (writeoffMinor > 0n) {
        lines.push({
          position: lines.length + 1,
          meterPointId: null,
          identifier: null,
          agreementId: null,
          tariffCode: null,
          kind: 'backbilling_writeoff',
          rateKind: null,
          from,
          to: cutoff,
          quantity: '1.000',
          unit: supplier.profile.currency,
          ratePence: null,
          vatPercent: '0',
          amountMinor: -writeoffMinor,
          source: { rule: 'BIL-6', cutoff: cutoffDate },
          description: `Backbilling: energy used before ${cutoffDate} written off — ${decision.reason}`,
        })
      }
    }
  }
  const days = Math.round((to.getTime() - from.getTime()) / dayMs)
  const explanation: Explanation = {
    days,
    estimated: gathered.estimated,
    usage: usageSummaries(lines),
    ...(backbilling ? { backbilling } : {}),
  }
  return { gathered, rating, lines, writeoffMinor, explanation }
}

/**
 * What rating needs for an account's period, read but not billed (the billing benchmark's lower
 * bound, and a preview). Writes only estimates for missing data, as billing would.
 */
export async function gatherForRating({
  tx,
  accountId,
  from,
  to,
  actor,
  at,
  cache,
}: AccountChange & {
  from: Date
  to: Date
  cache?: TariffCache | undefined
}): Promise<RatingInput> {
  const profile = profileOf(await accountRow(tx, accountId))
  const gathered = await gather({
    tx,
    accountId,
    paymentMethod: profile.paymentMethod,
    from,
    to,
    openingReadings: [],
    cache,
    actor,
    at,
  })
  return gathered.input
}
