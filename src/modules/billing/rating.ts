/**
 * BIL-1: the rating engine. A pure, deterministic function from a period's consumption, the
 * agreements in force with their prices and bands, and EV dispatches, to charge lines with VAT.
 * No I/O, no clock, no floating point: kWh are counted in thousandths, prices in ten-thousandths of
 * a penny, and an amount becomes whole pence only through `roundByRatingRule`. The rules are in
 * RATING.md.
 */
import {
  compareDecimals,
  type Decimal,
  decimalToString,
  parseDecimal,
  type RoundingMode,
  roundDecimal,
} from '../../shared/money.js'
import { addDays, localDateOf, startOfLocalDay } from '../../shared/time.js'
import type { HalfHourColumns } from '../metering/index.js'
import {
  type BandWindow,
  type DispatchSpan,
  halfHourMs,
  type PaymentMethod,
  type ProductStructure,
  type Rate,
  type RateKind,
  rateKindAt,
  type UnitRateKind,
} from '../tariffs/index.js'

// ——— the input ———

export interface RatingInput {
  /** Billing period [from, to): instants, normally local midnights (Europe/London). */
  readonly period: { readonly from: Date; readonly to: Date }
  readonly paymentMethod: PaymentMethod
  readonly meterPoints: readonly RatedMeterPoint[]
}

export interface RatedMeterPoint {
  readonly meterPointId: string
  /** MPAN or MPRN. */
  readonly identifier: string
  readonly fuel: 'electricity' | 'gas'
  readonly direction: 'import' | 'export'
  /** The agreements overlapping the period, each with everything needed to price it. */
  readonly agreements: readonly RatedAgreement[]
  readonly consumption: IntervalConsumption | RegisterConsumption
  /** Smart-charging dispatches of the account's devices on this meter point (intelligent tariffs only). */
  readonly dispatches: readonly DispatchSpan[]
}

export interface RatedAgreement {
  readonly agreementId: string
  readonly tariffCode: string
  readonly productCode: string
  readonly productName: string
  readonly structure: ProductStructure
  /** Exact decimal text: '5', '20', '0'. */
  readonly vatPercent: string
  readonly validFrom: Date
  readonly validTo: Date | null
  /** The tariff's prices (`tariffs.ratesFor`): every kind and payment method. */
  readonly rates: readonly Rate[]
  /** The tariff's time-of-use bands (`tariffs.bandsFor`). */
  readonly bands: readonly BandWindow[]
}

export interface IntervalConsumption {
  readonly kind: 'intervals'
  /**
   * Half-hourly kWh, any order; only those starting inside the period count. A list of half hours
   * (kWh as exact decimal text, up to 3 dp), or columns with kWh in thousandths (how a billing batch
   * reads them from the store).
   */
  readonly intervals: HalfHours
}

export type HalfHours = readonly HalfHourKwh[] | HalfHourColumns

export interface HalfHourKwh {
  readonly start: Date
  readonly kwh: string
  readonly quality: 'actual' | 'estimated'
}

export interface RegisterRead {
  readonly readingId: string | null
  readonly readAt: Date
  readonly value: string
  readonly estimated: boolean
}

export interface RegisterConsumption {
  readonly kind: 'registers'
  /** One entry per register: the reads that open and close the billed period. */
  readonly registers: readonly {
    /** Register identifier, e.g. 'S', '01'. */
    readonly register: string
    readonly rate: 'standard' | 'day' | 'night' | 'export'
    readonly from: RegisterRead
    readonly to: RegisterRead
    /** Units used between the reads (exact decimal text, rollover already allowed for). */
    readonly units: string
  }[]
}

// ——— the result ———

export interface ChargeLine {
  readonly meterPointId: string
  readonly identifier: string
  readonly agreementId: string
  readonly tariffCode: string
  readonly kind: 'energy' | 'standing_charge' | 'export_credit'
  readonly rateKind: RateKind
  readonly from: Date
  readonly to: Date
  /** kWh (3 dp) or days (a whole number). */
  readonly quantity: string
  readonly unit: 'kWh' | 'day'
  /** p/kWh or p/day exc VAT, 4 dp; for dynamic (Agile) lines the kWh-weighted average. */
  readonly ratePence: string
  readonly vatPercent: string
  /** Exc VAT, in pence; negative for export credits. */
  readonly amountMinor: bigint
  readonly source: {
    readonly intervals?: number
    readonly estimatedIntervals?: number
    readonly readingIds?: readonly string[]
    readonly estimated?: boolean
  }
  /** Half hours billed off-peak only because a smart-charge dispatch covered them (intelligent). */
  readonly dispatchHalfHours?: number
  /** For people: "Peak 412.503 kWh × 24.5000p", "Standing charge 31 days × 47.8500p". */
  readonly description: string
}

export interface RatingProblem {
  readonly meterPointId: string
  readonly from: Date
  readonly to: Date
  readonly reason: string
}

export interface RatingVat {
  /** The rate, as the shortest exact text: '5', '20', '0', '12.5'. */
  readonly vatPercent: string
  readonly netMinor: bigint
  readonly vatMinor: bigint
}

export interface RatingUsage {
  readonly meterPointId: string
  readonly direction: 'import' | 'export'
  /** kWh charged (or credited, for export), 3 dp. */
  readonly kwh: string
  /** The energy lines' amounts exc VAT, without standing charges: chargedMinor / kwh is the average unit price. */
  readonly chargedMinor: bigint
}

export interface RatingResult {
  readonly lines: readonly ChargeLine[]
  /** One entry per distinct VAT rate, lowest rate first. */
  readonly vat: readonly RatingVat[]
  /** The sum of the line amounts (export credits negative). */
  readonly netMinor: bigint
  readonly vatMinor: bigint
  /** netMinor + vatMinor. */
  readonly totalMinor: bigint
  /** Anything that could not be priced: the billing engine holds the statement with these reasons. */
  readonly problems: readonly RatingProblem[]
  /** Per meter point, for comparison between periods. */
  readonly usage: readonly RatingUsage[]
}

// ——— exact numbers and the one rounding rule ———

/** The rating rule for every dropped fraction of a penny: half to even (banker's rounding). */
export const ratingRounding: RoundingMode = 'half-even'

/**
 * An exact value rounded by the rating rule to `places` decimal places, as an integer count of
 * 10^-places (places 0: whole pence). Every line amount, every VAT amount and the average price of a
 * dynamic line is rounded here and nowhere else. Throws nothing for a non-zero denominator.
 */
export function roundByRatingRule(value: Decimal, places = 0): bigint {
  return roundDecimal(value, ratingRounding, places).numerator
}

/** kWh are exact to 3 decimal places. */
const kwhPlaces = 3
/** Prices (pence) are exact to 4 decimal places. */
const pricePlaces = 4
/** A kWh count times a price count is in 10⁻⁷ pence. */
const productPerPenny = 10n ** BigInt(kwhPlaces + pricePlaces)
const pricePerPenny = 10n ** BigInt(pricePlaces)

/** Plain decimal text with up to 7 fraction digits: the common case, read without fractions. */
const plainDecimal = /^(-?)(\d+)(?:\.(\d{1,7}))?$/

/** Decimal text as an integer count of 10^-places, or null when it is not a decimal of at most that many places. */
export function fixedUnits(text: string, places: number): bigint | null {
  // The fast path every half hour takes ('0.123'): digits, shifted by padding, one BigInt.
  const plain = plainDecimal.exec(text)
  if (plain && (plain[3] ?? '').length <= places) {
    const magnitude = BigInt(`${plain[2]}${(plain[3] ?? '').padEnd(places, '0')}`)
    return plain[1] === '-' ? -magnitude : magnitude
  }
  if (plain && /^0+$/.test((plain[3] ?? '').slice(places))) {
    // More places than asked, all zeros ('0.1230' at 3 places): exact all the same.
    const magnitude = BigInt(`${plain[2]}${(plain[3] ?? '').slice(0, places)}`)
    return plain[1] === '-' ? -magnitude : magnitude
  }
  let value: Decimal
  try {
    value = parseDecimal(text)
  } catch {
    return null
  }
  const scaled = value.numerator * 10n ** BigInt(places)
  return scaled % value.denominator === 0n ? scaled / value.denominator : null
}

/**
 * `fixedUnits(text, 3)` as a number for the kWh every half hour carries ('0.123' → 123): 1 to 7
 * digits, optionally a point and 1 to 3 more; else null, and the caller takes `fixedUnits`. Read a
 * character at a time, with nothing allocated. Below 10¹⁰ thousandths, a builder adds up over 900,000
 * of them before leaving the numbers that are exact (2⁵³); it folds its sum into a BigInt past 2⁵⁰.
 */
export function smallKwhUnits(text: string): number | null {
  const length = text.length
  let i = 0
  let whole = 0
  for (; i < length && i < 8; i++) {
    const digit = text.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) break
    whole = whole * 10 + digit
  }
  if (i === 0 || i > 7) return null
  if (i === length) return whole * 1000
  if (text.charCodeAt(i) !== 46 || length - i - 1 < 1 || length - i - 1 > 3) return null
  let fraction = 0
  for (let j = i + 1; j < length; j++) {
    const digit = text.charCodeAt(j) - 48
    if (digit < 0 || digit > 9) return null
    fraction = fraction * 10 + digit
  }
  const places = length - i - 1
  return whole * 1000 + fraction * (places === 1 ? 100 : places === 2 ? 10 : 1)
}

/** An integer count of 10^-places as decimal text with exactly that many places. */
function fixedText(value: bigint, places: number): string {
  return decimalToString({ numerator: value, denominator: 10n ** BigInt(places) })
}

/** The shortest exact text of a percentage ('5.00' → '5'). @throws InvalidDecimal for text that is not a decimal */
function percentText(text: string): string {
  const exact = decimalToString(parseDecimal(text.trim()))
  return exact.includes('.') ? exact.replace(/0+$/, '').replace(/\.$/, '') : exact
}

/** Plain code-unit order: unlike localeCompare, the same on every machine. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

const iso = (ms: number) => new Date(ms).toISOString()

// ——— agreements and their prices ———

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
interface Book {
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

function booksOf(point: RatedMeterPoint, method: PaymentMethod): Book[] {
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

function bookAt(books: readonly Book[], ms: number): Book | undefined {
  return books.find((book) => book.fromMs <= ms && ms < book.toMs)
}

/**
 * The price of a kind at an instant: the account's payment method first, else the price for every
 * method; none (or one that is not a price of at most 4 decimal places) is a problem.
 */
function priceAt(book: Book, kind: RateKind, ms: number, method: PaymentMethod): Priced {
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
function unitKindOf(agreement: RatedAgreement, startMs: number, dispatches: readonly DispatchSpan[]): UnitRateKind {
  if (agreement.structure === 'single') return 'standard_unit'
  if (agreement.structure === 'dynamic') return 'dynamic_unit'
  // Dispatches move a half hour off-peak on intelligent tariffs only.
  return rateKindAt({
    bands: agreement.bands,
    instant: new Date(startMs),
    dispatches: agreement.structure === 'intelligent' ? dispatches : [],
  })
}

// ——— problems ———

/** Collects one meter point's problems, joining consecutive spans of one cause into one entry. */
class ProblemLog {
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

// ——— lines ———

const kindLabels: Record<RateKind, string> = {
  standard_unit: 'Unit rate',
  day_unit: 'Day rate',
  night_unit: 'Night rate',
  off_peak_unit: 'Off-peak',
  peak_unit: 'Peak',
  dynamic_unit: 'Half-hourly prices',
  standing_charge: 'Standing charge',
}

interface EnergyBuilder {
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

function newBuilder(
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
function settle(builder: EnergyBuilder): void {
  builder.kwh += BigInt(builder.kwhSmall)
  builder.kwhSmall = 0
}

function energyLine(point: RatedMeterPoint, builder: EnergyBuilder): ChargeLine {
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
function localDaysOf(fromMs: number, toMs: number): readonly LocalDay[] {
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

interface Context {
  readonly fromMs: number
  readonly toMs: number
  readonly method: PaymentMethod
  readonly days: readonly LocalDay[]
}

// ——— half-hourly consumption ———

function rateIntervals(
  point: RatedMeterPoint,
  consumption: IntervalConsumption,
  books: readonly Book[],
  context: Context,
  problems: ProblemLog,
): ChargeLine[] {
  const { fromMs, toMs, method, days } = context
  const { startsMs, kwhs, thousandths, estimated } = inOrderWithin(columnsOf(consumption.intervals), fromMs, toMs)
  const count = startsMs.length
  const builders = new Map<string, EnergyBuilder>()
  let current: EnergyBuilder | undefined
  let book: Book | undefined
  let day = 0
  for (let i = 0; i < count; i++) {
    const ms = startsMs[i]!
    const endMs = ms + halfHourMs
    // Two readings of one half hour: neither is billed, whatever their order, until the data is put right.
    let last = i
    while (last + 1 < count && startsMs[last + 1] === ms) last++
    if (last > i) {
      problems.add('duplicate', ms, endMs, 'more than one reading of a half hour')
      i = last
      continue
    }
    // Thousandths as stored, or text: the common case as a number; anything else (longer, negative,
    // more places) exactly as a BigInt.
    const text = thousandths ? '' : (kwhs?.[i] ?? '')
    const small = thousandths ? (thousandths[i] as number) : smallKwhUnits(text)
    const units = small === null ? fixedUnits(text, kwhPlaces) : null
    if (small === null && units === null) {
      problems.once(ms, endMs, `'${text}' kWh is not a quantity of at most ${kwhPlaces} decimal places`)
      continue
    }
    if (!book || ms < book.fromMs || ms >= book.toMs) book = bookAt(books, ms)
    if (!book) {
      problems.add('no-agreement', ms, endMs, 'no agreement')
      continue
    }
    const { agreement } = book
    const rateKind = unitKindOf(agreement, ms, point.dispatches)
    const priced = priceAt(book, rateKind, ms, method)
    if (!priced.ok) {
      problems.add(priced.key, ms, endMs, priced.reason)
      continue
    }
    const dynamic = rateKind === 'dynamic_unit'
    while (day + 1 < days.length && days[day + 1]!.startMs <= ms) day++
    let builder = current
    // Most half hours go on the line the one before went on: found without making its key.
    if (
      !builder ||
      builder.book !== book ||
      builder.rateKind !== rateKind ||
      (dynamic ? builder.date !== days[day]!.date : builder.price !== priced.price)
    ) {
      const key = dynamic ? `${book.index}|${rateKind}|${day}` : `${book.index}|${rateKind}|${priced.price}`
      builder = builders.get(key)
      if (!builder) {
        builder = newBuilder(book, rateKind, dynamic ? null : priced.price, dynamic ? days[day]!.date : null, ms)
        builders.set(key, builder)
      }
      current = builder
    }
    builder.toMs = endMs
    if (dynamic) {
      // A price per half hour: the amount is the sum of each half hour's kWh × its price.
      const kwh = units ?? BigInt(small ?? 0)
      builder.kwh += kwh
      builder.exact += kwh * priced.price
      builder.priceSum += priced.price
    } else if (small !== null) {
      // One price for the line: only the kWh add up here; `settle` multiplies once.
      builder.kwhSmall += small
      if (builder.kwhSmall > 2 ** 50) settle(builder)
    } else {
      builder.kwh += units ?? 0n
    }
    builder.intervals += 1
    if (estimated[i] === 1) builder.estimatedIntervals += 1
    if (
      agreement.structure === 'intelligent' &&
      rateKind === 'off_peak_unit' &&
      rateKindAt({ bands: agreement.bands, instant: new Date(ms) }) !== 'off_peak_unit'
    ) {
      builder.dispatchHalfHours += 1
    }
  }
  return [...builders.values()].map((builder) => {
    settle(builder)
    if (builder.price !== null) {
      builder.exact = builder.kwh * builder.price
      builder.priceSum = builder.price * BigInt(builder.intervals)
    }
    return energyLine(point, builder)
  })
}

/** Half hours as columns rating reads: kWh as the store's thousandths, or as a list's texts. */
interface RatingColumns {
  readonly startsMs: Float64Array
  readonly kwhs: readonly string[] | null
  readonly thousandths: Float64Array | null
  readonly estimated: Uint8Array
}

/** Half hours as columns: those given so, as they are; a list, copied into columns. */
function columnsOf(halfHours: HalfHours): RatingColumns {
  if (!Array.isArray(halfHours)) {
    const { startsMs, thousandths, estimated } = halfHours as HalfHourColumns
    return { startsMs, kwhs: null, thousandths, estimated }
  }
  const list = halfHours as readonly HalfHourKwh[]
  const startsMs = new Float64Array(list.length)
  const estimated = new Uint8Array(list.length)
  for (let i = 0; i < list.length; i++) {
    startsMs[i] = list[i]!.start.getTime()
    estimated[i] = list[i]!.quality === 'estimated' ? 1 : 0
  }
  return { startsMs, kwhs: list.map((interval) => interval.kwh), thousandths: null, estimated }
}

/** How many half hours, and how many of them estimated. */
export function halfHourCounts(halfHours: HalfHours): { count: number; estimated: number } {
  if (Array.isArray(halfHours)) {
    const list = halfHours as readonly HalfHourKwh[]
    return { count: list.length, estimated: list.filter((interval) => interval.quality === 'estimated').length }
  }
  const { startsMs, estimated } = halfHours as HalfHourColumns
  let estimates = 0
  for (const flag of estimated) estimates += flag
  return { count: startsMs.length, estimated: estimates }
}

/** The half hours in [fromMs, toMs) in time order: the columns themselves when they already are (the usual case), else a sorted copy. */
function inOrderWithin(columns: RatingColumns, fromMs: number, toMs: number): RatingColumns {
  const { startsMs, kwhs, thousandths, estimated } = columns
  let previous = Number.NEGATIVE_INFINITY
  let ordered = true
  for (const ms of startsMs) {
    if (ms < previous || ms < fromMs || ms >= toMs) {
      ordered = false
      break
    }
    previous = ms
  }
  if (ordered) return columns
  const order = Array.from(startsMs.keys())
    .filter((i) => startsMs[i]! >= fromMs && startsMs[i]! < toMs)
    .sort((a, b) => startsMs[a]! - startsMs[b]!)
  return {
    startsMs: Float64Array.from(order, (i) => startsMs[i]!),
    kwhs: kwhs ? order.map((i) => kwhs[i] ?? '') : null,
    thousandths: thousandths ? Float64Array.from(order, (i) => thousandths[i]!) : null,
    estimated: Uint8Array.from(order, (i) => estimated[i]!),
  }
}

// ——— register readings ———

const registerKinds: Record<RegisterConsumption['registers'][number]['rate'], UnitRateKind> = {
  standard: 'standard_unit',
  day: 'day_unit',
  night: 'night_unit',
  export: 'standard_unit',
}

type Resolved = { readonly ok: true; readonly book: Book; readonly price: bigint } | Exclude<Priced, { ok: true }>

function resolveAt(books: readonly Book[], kind: RateKind, ms: number, method: PaymentMethod): Resolved {
  const book = bookAt(books, ms)
  if (!book) return { ok: false, key: 'no-agreement', reason: 'no agreement' }
  const priced = priceAt(book, kind, ms, method)
  return priced.ok ? { ok: true, book, price: priced.price } : priced
}

function sameResolution(a: Resolved, b: Resolved): boolean {
  if (a.ok && b.ok) return a.book === b.book && a.price === b.price
  return !a.ok && !b.ok && a.key === b.key
}

function rateRegisters(
  point: RatedMeterPoint,
  consumption: RegisterConsumption,
  books: readonly Book[],
  context: Context,
  problems: ProblemLog,
): ChargeLine[] {
  const { fromMs, toMs, method } = context
  const lines: ChargeLine[] = []
  for (const register of consumption.registers) {
    const kind = registerKinds[register.rate]
    const startMs = register.from.readAt.getTime()
    const endMs = register.to.readAt.getTime()
    const units = fixedUnits(register.units, kwhPlaces)
    const label = `register ${register.register}`
    if (units === null) {
      problems.once(
        startMs,
        endMs,
        `${label}: '${register.units}' units is not a quantity of at most ${kwhPlaces} decimal places`,
      )
      continue
    }
    if (endMs <= startMs) {
      if (units !== 0n) {
        problems.once(startMs, endMs, `${label}: ${register.units} units between reads that are not in time order`)
      }
      continue
    }
    // Cut the read range where the agreement or this kind's price may change, and at the period's edges.
    const cuts = new Set<number>([startMs, endMs])
    const cut = (ms: number) => {
      if (ms > startMs && ms < endMs) cuts.add(ms)
    }
    cut(fromMs)
    cut(toMs)
    for (const book of books) {
      cut(book.fromMs)
      cut(book.toMs)
      const series = book.series.get(kind)
      for (const list of series ? [series.own, series.any] : []) {
        for (let i = 0; i < list.starts.length; i++) {
          cut(list.starts[i]!)
          cut(list.ends[i]!)
        }
      }
    }
    const edges = [...cuts].sort((a, b) => a - b)
    // Each piece's agreement and price, consecutive pieces alike joined. Reads may lie outside the
    // period (the previous bill's closing read): what the input cannot price there is priced at the
    // nearest edge of the period, whose agreements and prices the input holds.
    const pieces: { fromMs: number; toMs: number; resolved: Resolved }[] = []
    for (let i = 0; i + 1 < edges.length; i++) {
      const pieceFrom = edges[i]!
      const pieceTo = edges[i + 1]!
      let resolved = resolveAt(books, kind, pieceFrom, method)
      if (!resolved.ok && pieceTo <= fromMs) resolved = resolveAt(books, kind, fromMs, method)
      else if (!resolved.ok && pieceFrom >= toMs) resolved = resolveAt(books, kind, toMs - 1, method)
      const previous = pieces.at(-1)
      if (previous && sameResolution(previous.resolved, resolved)) previous.toMs = pieceTo
      else pieces.push({ fromMs: pieceFrom, toMs: pieceTo, resolved })
    }
    // Units shared by time: each piece's share rounded down to 0.001 kWh, the last piece the rest.
    const totalMs = BigInt(endMs - startMs)
    const readingIds = [register.from.readingId, register.to.readingId].filter((id): id is string => id !== null)
    const estimatedRead = register.from.estimated || register.to.estimated
    let given = 0n
    pieces.forEach((piece, i) => {
      const share =
        i === pieces.length - 1
          ? units - given
          : roundDecimal({ numerator: units * BigInt(piece.toMs - piece.fromMs), denominator: totalMs }, 'down')
              .numerator
      given += share
      const { resolved } = piece
      if (!resolved.ok) {
        problems.add(`${register.register}|${resolved.key}`, piece.fromMs, piece.toMs, `${label}: ${resolved.reason}`)
        return
      }
      const builder = newBuilder(resolved.book, kind, resolved.price, null, piece.fromMs)
      builder.toMs = piece.toMs
      builder.kwh = share
      builder.exact = share * resolved.price
      builder.readingIds = readingIds
      builder.estimatedRead = estimatedRead
      lines.push(energyLine(point, builder))
    })
  }
  return lines
}

// ——— standing charges ———

function rateStandingCharges(
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

// ——— rating ———

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
