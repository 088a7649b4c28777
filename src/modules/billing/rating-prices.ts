/**
 * Agreements and their prices for rating: each agreement's rates as a series, the book in force at
 * an instant, the price of a rate kind there, and which unit rate a half hour takes.
 */
import {
  type DispatchSpan,
  type PaymentMethod,
  type Rate,
  type RateKind,
  rateKindAt,
  type UnitRateKind,
} from '../tariffs/index.js'
import { byText, fixedUnits, percentText, pricePlaces } from './rating-numbers.js'
import type { RatedAgreement, RatedMeterPoint } from './rating-types.js'

interface RateSeries {
  readonly rates: readonly Rate[]
  /** Each rate's price in ten-thousandths of a penny, parsed once; null when it has more places. */
  readonly prices: readonly (bigint | null)[]
  readonly starts: readonly number[]
  readonly ends: readonly number[]
  /** The latest end among rates[0..i]: a backward search can stop once it is not after the instant. */
  readonly maxEnds: readonly number[]
}

function seriesOf(rates: Rate[]): RateSeries {
  const sorted = rates.sort(
    (a, b) =>
      a.validFrom.getTime() - b.validFrom.getTime() ||
      (a.validTo?.getTime() ?? Number.POSITIVE_INFINITY) - (b.validTo?.getTime() ?? Number.POSITIVE_INFINITY) ||
      byText(a.valueExcVat, b.valueExcVat),
  )
  const starts = sorted.map((rate) => rate.validFrom.getTime())
  const ends = sorted.map((rate) => rate.validTo?.getTime() ?? Number.POSITIVE_INFINITY)
  const maxEnds: number[] = []
  for (const end of ends) maxEnds.push(Math.max(end, maxEnds.at(-1) ?? Number.NEGATIVE_INFINITY))
  const prices = sorted.map((rate) => fixedUnits(rate.valueExcVat, pricePlaces))
  return { rates: sorted, prices, starts, ends, maxEnds }
}

/** The index of the rate whose [validFrom, validTo) holds the instant (the latest-starting one, should two overlap), or -1. */
function rateIn(series: RateSeries, ms: number): number {
  let low = 0
  let high = series.starts.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (series.starts[middle]! <= ms) {
      found = middle
      low = middle + 1
    } else high = middle - 1
  }
  for (let i = found; i >= 0 && series.maxEnds[i]! > ms; i--) if (series.ends[i]! > ms) return i
  return -1
}

/** An agreement with its prices indexed by kind and payment method. */
export interface Book {
  readonly index: number
  readonly agreement: RatedAgreement
  readonly fromMs: number
  readonly toMs: number
  readonly vatPercent: string
  readonly series: Map<RateKind, { readonly own: RateSeries; readonly any: RateSeries }>
}

type Priced =
  | { readonly ok: true; readonly rate: Rate; readonly price: bigint }
  | { readonly ok: false; readonly key: string; readonly reason: string }

export function booksOf(point: RatedMeterPoint, method: PaymentMethod): Book[] {
  const agreements = [...point.agreements].sort(
    (a, b) => a.validFrom.getTime() - b.validFrom.getTime() || byText(a.agreementId, b.agreementId),
  )
  return agreements.map((agreement, index) => {
    const own = new Map<RateKind, Rate[]>()
    const any = new Map<RateKind, Rate[]>()
    for (const rate of agreement.rates) {
      // Only the agreement's own tariff prices it, and only in the account's payment method or in all.
      if (rate.tariffCode !== agreement.tariffCode) continue
      const target = rate.paymentMethod === method ? own : rate.paymentMethod === null ? any : null
      if (!target) continue
      const list = target.get(rate.kind)
      if (list) list.push(rate)
      else target.set(rate.kind, [rate])
    }
    const series = new Map<RateKind, { own: RateSeries; any: RateSeries }>()
    for (const kind of new Set([...own.keys(), ...any.keys()])) {
      series.set(kind, { own: seriesOf(own.get(kind) ?? []), any: seriesOf(any.get(kind) ?? []) })
    }
    return {
      index,
      agreement,
      fromMs: agreement.validFrom.getTime(),
      toMs: agreement.validTo?.getTime() ?? Number.POSITIVE_INFINITY,
      vatPercent: percentText(agreement.vatPercent),
      series,
    }
  })
}

export function bookAt(books: readonly Book[], ms: number): Book | undefined {
  return books.find((book) => book.fromMs <= ms && ms < book.toMs)
}

/**
 * The price of a kind at an instant: the account's payment method first, else the price for every
 * method; none (or one that is not a price of at most 4 decimal places) is a problem.
 */
export function priceAt(book: Book, kind: RateKind, ms: number, method: PaymentMethod): Priced {
  const series = book.series.get(kind)
  let list = series?.own
  let index = list ? rateIn(list, ms) : -1
  if (series && index < 0) {
    list = series.any
    index = rateIn(list, ms)
  }
  const rate = list?.rates[index]
  const tariff = book.agreement.tariffCode
  if (!list || !rate) {
    return {
      ok: false,
      key: `missing|${book.index}|${kind}`,
      reason: `tariff ${tariff} has no ${kind} rate for ${method}`,
    }
  }
  const price = list.prices[index] ?? null
  if (price === null) {
    return {
      ok: false,
      key: `invalid|${book.index}|${kind}|${rate.valueExcVat}`,
      reason: `tariff ${tariff}'s ${kind} rate '${rate.valueExcVat}' is not a price of at most ${pricePlaces} decimal places`,
    }
  }
  return { ok: true, rate, price }
}

/** The unit rate kind of a half hour under an agreement (TAR-2, TAR-4). */
export function unitKindOf(
  agreement: RatedAgreement,
  startMs: number,
  dispatches: readonly DispatchSpan[],
): UnitRateKind {
  // A single-rate product's two-register (Economy 7) tariff has day and night bands: a half hour takes
  // the band it falls in, as on a day/night product. Its single-register tariffs have no bands.
  if (agreement.structure === 'single' && agreement.bands.length === 0) return 'standard_unit'
  if (agreement.structure === 'dynamic') return 'dynamic_unit'
  // Dispatches move a half hour off-peak on intelligent tariffs only.
  return rateKindAt({
    bands: agreement.bands,
    instant: new Date(startMs),
    dispatches: agreement.structure === 'intelligent' ? dispatches : [],
  })
}

export type Resolved =
  | { readonly ok: true; readonly book: Book; readonly price: bigint }
  | Exclude<Priced, { ok: true }>

export function resolveAt(books: readonly Book[], kind: RateKind, ms: number, method: PaymentMethod): Resolved {
  const book = bookAt(books, ms)
  if (!book) return { ok: false, key: 'no-agreement', reason: 'no agreement' }
  const priced = priceAt(book, kind, ms, method)
  return priced.ok ? { ok: true, book, price: priced.price } : priced
}

export function sameResolution(a: Resolved, b: Resolved): boolean {
  if (a.ok && b.ok) return a.book === b.book && a.price === b.price
  return !a.ok && !b.ok && a.key === b.key
}
