/**
 * Rating register readings: the consumption between two reads, spread over the agreements and
 * prices in force by time.
 */
import { roundDecimal } from '../../shared/money.js'
import { gasConversionText } from '../metering/index.js'
import type { UnitRateKind } from '../tariffs/index.js'
import { type Context, energyLine, newBuilder, type ProblemLog } from './rating-lines.js'
import { fixedUnits, kwhPlaces } from './rating-numbers.js'
import { type Book, bookAt, type Resolved, resolveAt, sameResolution } from './rating-prices.js'
import type { ChargeLine, RatedMeterPoint, RegisterConsumption } from './rating-types.js'

const registerKinds: Record<RegisterConsumption['registers'][number]['rate'], UnitRateKind> = {
  standard: 'standard_unit',
  day: 'day_unit',
  night: 'night_unit',
  export: 'standard_unit',
}

export function rateRegisters(
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
        // A dynamic (Agile) tariff has a price for each half hour and none for a register's units.
        const book = bookAt(books, Math.min(Math.max(piece.fromMs, fromMs), toMs - 1))
        const reason =
          book?.agreement.structure === 'dynamic'
            ? `tariff ${book.agreement.tariffCode} prices each half hour: register reads cannot be priced on it without half-hourly data`
            : resolved.reason
        problems.add(`${register.register}|${resolved.key}`, piece.fromMs, piece.toMs, `${label}: ${reason}`)
        return
      }
      const builder = newBuilder(resolved.book, kind, resolved.price, null, piece.fromMs)
      builder.toMs = piece.toMs
      builder.kwh = share
      builder.exact = share * resolved.price
      builder.readingIds = readingIds
      builder.estimatedRead = estimatedRead
      const line = energyLine(point, builder)
      const { gas } = register
      lines.push(
        gas
          ? {
              ...line,
              source: { ...line.source, gas },
              description: `${line.description} (gas: ${gasConversionText(gas)})`,
            }
          : line,
      )
    })
  }
  return lines
}
