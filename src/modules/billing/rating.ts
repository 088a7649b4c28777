/**
 * BIL-1: the rating engine. A pure, deterministic function from a period's consumption, the
 * agreements in force with their prices and bands, and EV dispatches, to charge lines with VAT.
 * No I/O, no clock, no floating point: kWh are counted in thousandths, prices in ten-thousandths of
 * a penny, and an amount becomes whole pence only through `roundByRatingRule`. The rules are in
 * RATING.md. The engine's parts, each pure: `rating-types.ts` (input and result),
 * `rating-numbers.ts` (exact numbers, the rounding rule), `rating-prices.ts` (agreements and prices),
 * `rating-lines.ts` (problems, energy lines, local days), `rating-intervals.ts` (half-hourly data),
 * `rating-registers.ts` (register readings) and `rating-standing-charges.ts`.
 */
import { compareDecimals, parseDecimal } from '../../shared/money.js'
import { rateIntervals } from './rating-intervals.js'
import { type Context, localDaysOf, ProblemLog } from './rating-lines.js'
import { byText, fixedText, fixedUnits, kwhPlaces, roundByRatingRule } from './rating-numbers.js'
import { booksOf } from './rating-prices.js'
import { rateRegisters } from './rating-registers.js'
import { rateStandingCharges } from './rating-standing-charges.js'
import type { ChargeLine, RatingInput, RatingProblem, RatingResult } from './rating-types.js'

const kindOrder: Record<ChargeLine['kind'], number> = { energy: 0, export_credit: 1, standing_charge: 2 }

/** Meter point identifier, kind (energy, export credit, standing charge), start, rate kind; then ties broken. */
function compareLines(a: ChargeLine, b: ChargeLine): number {
  return (
    byText(a.identifier, b.identifier) ||
    byText(a.meterPointId, b.meterPointId) ||
    kindOrder[a.kind] - kindOrder[b.kind] ||
    a.from.getTime() - b.from.getTime() ||
    byText(a.rateKind, b.rateKind) ||
    a.to.getTime() - b.to.getTime() ||
    byText(a.agreementId, b.agreementId) ||
    byText(a.ratePence, b.ratePence) ||
    byText(a.quantity, b.quantity) ||
    byText((a.source.readingIds ?? []).join(','), (b.source.readingIds ?? []).join(','))
  )
}

/**
 * Rate a period (BIL-1): charge lines for every meter point's energy and standing charges, VAT per
 * rate on the sum of its lines, and what could not be priced. Pure and deterministic: the same input,
 * in any order, gives the same result.
 * @throws InvalidDecimal when an agreement's vatPercent is not a decimal
 */
export function rate(input: RatingInput): RatingResult {
  const fromMs = input.period.from.getTime()
  const toMs = input.period.to.getTime()
  const context: Context = {
    fromMs,
    toMs,
    method: input.paymentMethod,
    days: toMs > fromMs ? localDaysOf(fromMs, toMs) : [],
  }
  const points = [...input.meterPoints].sort(
    (a, b) => byText(a.identifier, b.identifier) || byText(a.meterPointId, b.meterPointId),
  )
  const lines: ChargeLine[] = []
  const problems: RatingProblem[] = []
  for (const point of points) {
    const books = booksOf(point, input.paymentMethod)
    const log = new ProblemLog(point)
    if (toMs > fromMs) {
      lines.push(
        ...(point.consumption.kind === 'intervals'
          ? rateIntervals(point, point.consumption, books, context, log)
          : rateRegisters(point, point.consumption, books, context, log)),
        ...rateStandingCharges(point, books, context, log),
      )
    }
    problems.push(...log.finish())
  }
  lines.sort(compareLines)
  problems.sort(
    (a, b) =>
      byText(a.meterPointId, b.meterPointId) || a.from.getTime() - b.from.getTime() || byText(a.reason, b.reason),
  )

  // VAT once per rate, on the sum of that rate's lines (export credits are in the 0% group).
  const byPercent = new Map<string, bigint>()
  for (const line of lines) byPercent.set(line.vatPercent, (byPercent.get(line.vatPercent) ?? 0n) + line.amountMinor)
  const vat = [...byPercent.entries()]
    .sort(([a], [b]) => compareDecimals(a, b))
    .map(([vatPercent, netMinor]) => {
      const percent = parseDecimal(vatPercent)
      return {
        vatPercent,
        netMinor,
        vatMinor: roundByRatingRule({
          numerator: netMinor * percent.numerator,
          denominator: percent.denominator * 100n,
        }),
      }
    })
  const netMinor = lines.reduce((sum, line) => sum + line.amountMinor, 0n)
  const vatMinor = vat.reduce((sum, group) => sum + group.vatMinor, 0n)

  const usage = points.map((point) => {
    let kwh = 0n
    let chargedMinor = 0n
    for (const line of lines) {
      if (line.meterPointId !== point.meterPointId || line.unit !== 'kWh') continue
      kwh += fixedUnits(line.quantity, kwhPlaces) ?? 0n
      chargedMinor += line.amountMinor
    }
    return {
      meterPointId: point.meterPointId,
      direction: point.direction,
      kwh: fixedText(kwh, kwhPlaces),
      chargedMinor,
    }
  })
  return { lines, vat, netMinor, vatMinor, totalMinor: netMinor + vatMinor, problems, usage }
}
