/**
 * What rating collects as it goes: a meter point's problems joined into spans, energy lines built
 * from runs of one price, and the local days of a period.
 */
import { addDays, localDateOf, startOfLocalDay } from '../../shared/time.js'
import type { PaymentMethod, RateKind, UnitRateKind } from '../tariffs/index.js'
import { fixedText, iso, kwhPlaces, pricePlaces, productPerPenny, roundByRatingRule } from './rating-numbers.js'
import type { Book } from './rating-prices.js'
import type { ChargeLine, RatedMeterPoint, RatingProblem } from './rating-types.js'

/** Collects one meter point's problems, joining consecutive spans of one cause into one entry. */
export class ProblemLog {
  private readonly open = new Map<string, { fromMs: number; toMs: number; reason: string }>()
  private readonly closed: { fromMs: number; toMs: number; reason: string }[] = []

  constructor(private readonly point: RatedMeterPoint) {}

  /** A span with a cause: joined to the last span of the same cause when it carries straight on from it. */
  add(key: string, fromMs: number, toMs: number, reason: string): void {
    const span = this.open.get(key)
    if (span && span.toMs === fromMs) {
      span.toMs = toMs
      return
    }
    if (span) this.closed.push(span)
    this.open.set(key, { fromMs, toMs, reason })
  }

  /** A span joined with nothing. */
  once(fromMs: number, toMs: number, reason: string): void {
    this.closed.push({ fromMs, toMs, reason })
  }

  /** The problems, each once: a day with no agreement is both its half hours' and its standing charge's. */
  finish(): RatingProblem[] {
    const problems = new Map<string, RatingProblem>()
    for (const span of [...this.closed, ...this.open.values()]) {
      const reason = `${this.point.identifier}: ${span.reason} from ${iso(span.fromMs)} to ${iso(span.toMs)}`
      problems.set(reason, {
        meterPointId: this.point.meterPointId,
        from: new Date(span.fromMs),
        to: new Date(span.toMs),
        reason,
      })
    }
    return [...problems.values()]
  }
}

const kindLabels: Record<RateKind, string> = {
  standard_unit: 'Unit rate',
  day_unit: 'Day rate',
  night_unit: 'Night rate',
  off_peak_unit: 'Off-peak',
  peak_unit: 'Peak',
  dynamic_unit: 'Half-hourly prices',
  standing_charge: 'Standing charge',
}

export interface EnergyBuilder {
  readonly book: Book
  readonly rateKind: UnitRateKind
  /** Ten-thousandths of a penny; null for a dynamic line, whose price is the weighted average. */
  readonly price: bigint | null
  /** The local date of a dynamic line. */
  readonly date: string | null
  fromMs: number
  toMs: number
  /** Thousandths of a kWh. */
  kwh: bigint
  /**
   * Thousandths of a kWh not yet in `kwh`: half hours add here as numbers, exact below 2⁵³, folded
   * into `kwh` past 2⁵⁰ and when the line is made (`settle`).
   */
  kwhSmall: number
  /**
   * Σ kWh × price in 10⁻⁷ pence: the exact amount. Kept per half hour on a dynamic line; on a line of
   * one price it is that price × Σ kWh, made by `settle`.
   */
  exact: bigint
  /** Σ price over the half hours, for the average of a dynamic line with no kWh. */
  priceSum: bigint
  intervals: number
  estimatedIntervals: number
  dispatchHalfHours: number
  readingIds: readonly string[] | null
  estimatedRead: boolean
}

export function newBuilder(
  book: Book,
  rateKind: UnitRateKind,
  price: bigint | null,
  date: string | null,
  fromMs: number,
): EnergyBuilder {
  return {
    book,
    rateKind,
    price,
    date,
    fromMs,
    toMs: fromMs,
    kwh: 0n,
    kwhSmall: 0,
    exact: 0n,
    priceSum: 0n,
    intervals: 0,
    estimatedIntervals: 0,
    dispatchHalfHours: 0,
    readingIds: null,
    estimatedRead: false,
  }
}

/** The half hours' kWh still held as a number, folded into the exact `kwh`. */
export function settle(builder: EnergyBuilder): void {
  builder.kwh += BigInt(builder.kwhSmall)
  builder.kwhSmall = 0
}

export function energyLine(point: RatedMeterPoint, builder: EnergyBuilder): ChargeLine {
  const exported = point.direction === 'export'
  const amount = roundByRatingRule({ numerator: builder.exact, denominator: productPerPenny })
  const price =
    builder.price ??
    (builder.kwh !== 0n
      ? roundByRatingRule({ numerator: builder.exact, denominator: builder.kwh })
      : roundByRatingRule({ numerator: builder.priceSum, denominator: BigInt(Math.max(builder.intervals, 1)) }))
  const ratePence = fixedText(price, pricePlaces)
  const quantity = fixedText(builder.kwh, kwhPlaces)
  const label = exported
    ? `Export${builder.rateKind === 'standard_unit' ? '' : ` ${kindLabels[builder.rateKind].toLowerCase()}`}`
    : kindLabels[builder.rateKind]
  const dispatched =
    builder.dispatchHalfHours > 0
      ? ` (${builder.dispatchHalfHours} half hour${builder.dispatchHalfHours === 1 ? '' : 's'} smart-charged)`
      : ''
  const description =
    builder.date !== null
      ? `${label} ${builder.date}: ${quantity} kWh × ${ratePence}p average`
      : `${label} ${quantity} kWh × ${ratePence}p${dispatched}`
  return {
    meterPointId: point.meterPointId,
    identifier: point.identifier,
    agreementId: builder.book.agreement.agreementId,
    tariffCode: builder.book.agreement.tariffCode,
    kind: exported ? 'export_credit' : 'energy',
    rateKind: builder.rateKind,
    from: new Date(builder.fromMs),
    to: new Date(builder.toMs),
    quantity,
    unit: 'kWh',
    ratePence,
    vatPercent: builder.book.vatPercent,
    amountMinor: exported ? -amount : amount,
    source:
      builder.readingIds !== null
        ? { readingIds: builder.readingIds, estimated: builder.estimatedRead }
        : { intervals: builder.intervals, estimatedIntervals: builder.estimatedIntervals },
    ...(builder.dispatchHalfHours > 0 ? { dispatchHalfHours: builder.dispatchHalfHours } : {}),
    description,
  }
}

interface LocalDay {
  readonly date: string
  readonly startMs: number
  readonly endMs: number
}

/** Periods' local days already worked out (every account of a run shares one period): at most 64 kept. */
const localDaysMemo = new Map<string, readonly LocalDay[]>()

/** The local days the period touches, in order. */
export function localDaysOf(fromMs: number, toMs: number): readonly LocalDay[] {
  const key = `${fromMs}|${toMs}`
  let days = localDaysMemo.get(key)
  if (!days) {
    days = Object.freeze(localDaysBetween(fromMs, toMs).map((day) => Object.freeze(day)))
    if (localDaysMemo.size >= 64) localDaysMemo.clear()
    localDaysMemo.set(key, days)
  }
  return days
}

function localDaysBetween(fromMs: number, toMs: number): LocalDay[] {
  const days: LocalDay[] = []
  let date = localDateOf(new Date(fromMs))
  let startMs = startOfLocalDay(date).getTime()
  while (startMs < toMs) {
    const next = addDays(date, 1)
    const endMs = startOfLocalDay(next).getTime()
    days.push({ date, startMs, endMs })
    date = next
    startMs = endMs
  }
  return days
}

export interface Context {
  readonly fromMs: number
  readonly toMs: number
  readonly method: PaymentMethod
  readonly days: readonly LocalDay[]
}
