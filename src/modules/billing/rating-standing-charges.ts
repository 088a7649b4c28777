/**
 * Standing charges: a charge per local day of the period at the price in force that day.
 */
import type { Context, ProblemLog } from './rating-lines.js'
import { fixedText, pricePerPenny, pricePlaces, roundByRatingRule } from './rating-numbers.js'
import { type Book, bookAt, priceAt } from './rating-prices.js'
import type { ChargeLine, RatedMeterPoint } from './rating-types.js'

export function rateStandingCharges(
  point: RatedMeterPoint,
  books: readonly Book[],
  context: Context,
  problems: ProblemLog,
): ChargeLine[] {
  if (point.direction === 'export') return []
  const { fromMs, toMs, method, days } = context
  const lines: ChargeLine[] = []
  let current: { book: Book; price: bigint; fromMs: number; toMs: number; days: number } | null = null
  const flush = () => {
    if (!current) return
    const ratePence = fixedText(current.price, pricePlaces)
    lines.push({
      meterPointId: point.meterPointId,
      identifier: point.identifier,
      agreementId: current.book.agreement.agreementId,
      tariffCode: current.book.agreement.tariffCode,
      kind: 'standing_charge',
      rateKind: 'standing_charge',
      from: new Date(current.fromMs),
      to: new Date(current.toMs),
      quantity: String(current.days),
      unit: 'day',
      ratePence,
      vatPercent: current.book.vatPercent,
      amountMinor: roundByRatingRule({ numerator: BigInt(current.days) * current.price, denominator: pricePerPenny }),
      source: {},
      description: `Standing charge ${current.days} day${current.days === 1 ? '' : 's'} × ${ratePence}p`,
    })
    current = null
  }
  for (const day of days) {
    // A local day belongs to the period holding its midnight, so adjoining periods never both charge it.
    if (day.startMs < fromMs || day.startMs >= toMs) continue
    // The agreement in force at midnight; on a supply's first day, the one that starts during it.
    const book =
      bookAt(books, day.startMs) ?? books.find((each) => each.fromMs > day.startMs && each.fromMs < day.endMs)
    if (!book) {
      flush()
      problems.add('no-agreement', day.startMs, day.endMs, 'no agreement')
      continue
    }
    const priced = priceAt(book, 'standing_charge', Math.max(day.startMs, book.fromMs), method)
    if (!priced.ok) {
      flush()
      problems.add(priced.key, day.startMs, day.endMs, priced.reason)
      continue
    }
    if (current && current.book === book && current.price === priced.price && current.toMs === day.startMs) {
      current.toMs = day.endMs
      current.days += 1
    } else {
      flush()
      current = { book, price: priced.price, fromMs: day.startMs, toMs: day.endMs, days: 1 }
    }
  }
  flush()
  return lines
}
