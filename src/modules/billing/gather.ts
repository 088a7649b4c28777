/**
 * Gather what the rating engine needs for one account and period: its meter points, the agreements
 * with their prices and bands, the half-hourly data (gaps filled with flagged estimates) or the
 * register readings to bill from and to (an estimate at the period's end when no recent actual),
 * and the EV dispatches of intelligent tariffs. Writes only estimates (through metering).
 */
import type { Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { localDateOf } from '../../shared/time.js'
import * as metering from '../metering/index.js'
import * as tariffs from '../tariffs/index.js'
import type {
  IntervalConsumption,
  RatedAgreement,
  RatedMeterPoint,
  RatingInput,
  RegisterConsumption,
} from './rating.js'
import type { ClosingReading } from './types.js'

const halfHourMs = 30 * 60_000
const dayMs = 86_400_000
/** A closing reading older than this before the period's end is replaced by an estimate at the end. */
const freshReadingMs = 7 * dayMs
/** A first bill starts from the first reading at most this long before the period's start. */
const openingWindow = 7 * dayMs

export interface Gathered {
  readonly input: RatingInput
  readonly openingReadings: ClosingReading[]
  readonly closingReadings: ClosingReading[]
  readonly negativeRegisters: string[]
  readonly unreadRegisters: string[]
  /** Estimated consumption: an estimated closing reading, or mostly estimated half hours. */
  readonly estimated: boolean
}

function tenths(value: string): bigint {
  const [whole = '0', fraction = ''] = value.split('.')
  return BigInt(whole) * 10n + BigInt((fraction + '0').slice(0, 1))
}

function tenthsText(value: bigint): string {
  const negative = value < 0n
  const abs = negative ? -value : value
  return `${negative ? '-' : ''}${abs / 10n}.${abs % 10n}`
}

function overlaps(a: { from: Date; to: Date | null }, from: Date, to: Date): boolean {
  return a.from < to && (a.to === null || a.to > from)
}

/**
 * Prices and bands of tariffs over a range, kept for a billing run: every account on the same tariff
 * and period reads them once. Prices do not change under a run (new prices are new rows).
 */
export type TariffCache = Map<
  string,
  Promise<Omit<RatedAgreement, 'agreementId' | 'validFrom' | 'validTo' | 'productName'>>
>

function tariffData(tx: Tx, tariffCode: string, range: { from: Date; to: Date }) {
  return (async () => {
    const { product } = await tariffs.getTariff({ tx, tariffCode })
    return {
      tariffCode,
      productCode: product.code,
      structure: product.structure,
      vatPercent: product.vatPercent,
      rates: await tariffs.ratesFor({ tx, tariffCode, range }),
      bands: await tariffs.bandsFor({ tx, tariffCode, range }),
    }
  })()
}

async function ratedAgreements({
  tx,
  accountId,
  meterPointId,
  from,
  to,
  cache,
}: {
  tx: Tx
  accountId: string
  meterPointId: string
  from: Date
  to: Date
  cache?: TariffCache | undefined
}): Promise<RatedAgreement[]> {
  const agreements = (await tariffs.agreementsOf({ tx, meterPointIds: [meterPointId] })).filter(
    (agreement) =>
      agreement.accountId === accountId && overlaps({ from: agreement.validFrom, to: agreement.validTo }, from, to),
  )
  const rated: RatedAgreement[] = []
  for (const agreement of agreements) {
    const range = {
      from: agreement.validFrom > from ? agreement.validFrom : from,
      to: agreement.validTo && agreement.validTo < to ? agreement.validTo : to,
    }
    const key = `${agreement.tariffCode}|${range.from.toISOString()}|${range.to.toISOString()}`
    let data = cache?.get(key)
    if (!data) {
      data = tariffData(tx, agreement.tariffCode, range)
      cache?.set(key, data)
      // A failed read is not kept: the next account tries again (and reports the error itself).
      data.catch(() => cache?.delete(key))
    }
    rated.push({
      ...(await data),
      agreementId: agreement.id,
      productName: agreement.productName,
      validFrom: agreement.validFrom,
      validTo: agreement.validTo,
    })
  }
  return rated
}

export async function gather({
  tx,
  accountId,
  paymentMethod,
  from,
  to,
  openingReadings,
  freshWithinMs = freshReadingMs,
  openingWindowMs = openingWindow,
  estimateClosing = true,
  cache,
  actor,
  at,
}: {
  tx: Tx
  accountId: string
  paymentMethod: 'DIRECT_DEBIT' | 'NON_DIRECT_DEBIT'
  from: Date
  to: Date
  /** The readings the previous statement billed to, or (first bill) readings to start from. */
  openingReadings: readonly ClosingReading[]
  /** A closing reading older than this before `to` is replaced by an estimate at `to` (a final bill: 1 day). */
  freshWithinMs?: number
  /** A first bill starts from the first reading at most this long before `from` (a migrated account: 0, its transfer reading). */
  openingWindowMs?: number
  /** Estimate a closing reading when none is recent enough (false: the register counts as unread). */
  estimateClosing?: boolean
  /** Tariff data shared across a billing run. */
  cache?: TariffCache | undefined
  actor: Actor
  at: Date
}): Promise<Gathered> {
  const points = await metering.meterPointsOfAccountId({ tx, accountId })
  const meterPoints: RatedMeterPoint[] = []
  const closingReadings: ClosingReading[] = []
  const opened: ClosingReading[] = []
  const negativeRegisters: string[] = []
  const unreadRegisters: string[] = []
  let estimated = false
  const fromDate = localDateOf(from)
  const toDate = localDateOf(to)
  for (const point of points) {
    if (point.suppliedFrom >= toDate || (point.suppliedTo !== null && point.suppliedTo <= fromDate)) continue
    const agreements = await ratedAgreements({ tx, accountId, meterPointId: point.id, from, to, cache })
    const intelligent = agreements.some((agreement) => agreement.structure === 'intelligent')
    const dispatches = intelligent
      ? (await tariffs.dispatchesFor({ tx, accountId, meterPointId: point.id, range: { from, to } })).map(
          (dispatch) => ({ startAt: dispatch.startAt, endAt: dispatch.endAt, source: dispatch.source }),
        )
      : []
    const smart = point.meters.some((meter) => meter.type === 'smart' && meter.removedOn === null)
    let consumption: IntervalConsumption | RegisterConsumption
    let intervals = smart ? await metering.intervalsForBilling({ tx, meterPointId: point.id, from, to }) : []
    if (intervals.length > 0) {
      const expected = Math.round((to.getTime() - from.getTime()) / halfHourMs)
      if (intervals.length < expected && to <= at) {
        await metering.fillIntervalGaps({ tx, meterPointId: point.id, from: fromDate, to: toDate, actor, at })
        intervals = await metering.intervalsForBilling({ tx, meterPointId: point.id, from, to })
      }
      const estimatedCount = intervals.filter((interval) => interval.quality === 'estimated').length
      if (estimatedCount * 2 > intervals.length) estimated = true
      consumption = {
        kind: 'intervals',
        intervals: intervals.map((interval) => ({
          start: interval.start,
          kwh: interval.kwh,
          quality: interval.quality,
        })),
      }
    } else {
      const registers: RegisterConsumption['registers'][number][] = []
      for (const meter of point.meters) {
        if (meter.removedOn !== null && meter.removedOn <= fromDate) continue
        if (meter.installedOn >= toDate) continue
        for (const register of meter.registers) {
          const label = `${point.identifier}/${meter.serial}/${register.identifier}`
          const known = openingReadings.find((reading) => reading.registerId === register.id)
          const window = await metering.readingsForBilling({
            tx,
            registerIds: [register.id],
            from: known ? new Date(known.readAt) : new Date(from.getTime() - openingWindowMs),
            to,
          })
          const opening = known
            ? {
                readingId: known.readingId,
                readAt: new Date(known.readAt),
                value: known.value,
                estimated: known.estimated,
              }
            : window[0]
              ? {
                  readingId: window[0].id,
                  readAt: window[0].readAt,
                  value: window[0].value,
                  estimated: window[0].estimated,
                }
              : undefined
          if (!opening) {
            unreadRegisters.push(label)
            continue
          }
          const later = window.filter((reading) => reading.readAt > opening.readAt)
          let closing = later.at(-1)
          const stale = (reading: { readAt: Date }) => reading.readAt.getTime() < to.getTime() - freshWithinMs
          if (closing && stale(closing) && !estimateClosing) closing = undefined
          if (estimateClosing && (!closing || stale(closing))) {
            try {
              const { reading } = await metering.estimateReading({
                tx,
                meterPointId: point.id,
                meterSerial: meter.serial,
                register: register.identifier,
                readAt: to,
                actor,
                at,
              })
              closing = {
                id: reading.id,
                registerId: register.id,
                readAt: reading.readAt,
                value: reading.value,
                source: reading.source,
                estimated: true,
                isRollover: reading.isRollover,
                advance: reading.advance,
              }
            } catch (error) {
              if (!(error instanceof metering.ReadingRejected)) throw error
            }
          }
          if (!closing) {
            unreadRegisters.push(label)
            continue
          }
          let units = tenths(closing.value) - tenths(opening.value)
          if (units < 0n && closing.isRollover) units += 10n ** BigInt(register.digits) * 10n
          if (units < 0n) {
            negativeRegisters.push(label)
            continue
          }
          if (closing.estimated) estimated = true
          const rate =
            register.rate === 'day' || register.rate === 'night' || register.rate === 'export'
              ? register.rate
              : 'standard'
          registers.push({
            register: register.identifier,
            rate,
            from: opening,
            to: { readingId: closing.id, readAt: closing.readAt, value: closing.value, estimated: closing.estimated },
            units: `${tenthsText(units)}00`,
          })
          opened.push({
            meterPointId: point.id,
            registerId: register.id,
            readingId: opening.readingId,
            readAt: opening.readAt.toISOString(),
            value: opening.value,
            estimated: opening.estimated,
          })
          closingReadings.push({
            meterPointId: point.id,
            registerId: register.id,
            readingId: closing.id,
            readAt: closing.readAt.toISOString(),
            value: closing.value,
            estimated: closing.estimated,
          })
        }
      }
      consumption = { kind: 'registers', registers }
    }
    meterPoints.push({
      meterPointId: point.id,
      identifier: point.identifier,
      fuel: point.fuel,
      direction: point.direction,
      agreements,
      consumption,
      dispatches,
    })
  }
  return {
    input: { period: { from, to }, paymentMethod, meterPoints },
    openingReadings: opened,
    closingReadings,
    negativeRegisters,
    unreadRegisters,
    estimated,
  }
}
