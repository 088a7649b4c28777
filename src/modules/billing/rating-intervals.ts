/**
 * Rating half-hourly consumption: each half hour at the price in force, joined into lines.
 */
import type { HalfHourColumns } from '../metering/index.js'
import { halfHourMs, rateKindAt } from '../tariffs/index.js'
import { type Context, type EnergyBuilder, energyLine, newBuilder, type ProblemLog, settle } from './rating-lines.js'
import { fixedUnits, kwhPlaces, smallKwhUnits } from './rating-numbers.js'
import { type Book, bookAt, priceAt, unitKindOf } from './rating-prices.js'
import type { ChargeLine, HalfHourKwh, HalfHours, IntervalConsumption, RatedMeterPoint } from './rating-types.js'

export function rateIntervals(
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
