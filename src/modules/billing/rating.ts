/**
 * BIL-1: the rating engine. A pure, deterministic function from a period's consumption, the
 * agreements in force with their prices and bands, and EV dispatches, to charge lines with VAT.
 * No I/O, no clock; exact integer arithmetic throughout. The rules are in RATING.md.
 */
import { addDays, localDateOf, startOfLocalDay } from '../../shared/time.js'
import {
  type BandWindow,
  type DispatchSpan,
  halfHourMs,
  type PaymentMethod,
  type Rate,
  type RateKind,
  rateKindAt,
} from '../tariffs/index.js'

export interface RatingInput {
  /** Billing period [from, to): instants, normally local midnights (Europe/London). */
  readonly period: { readonly from: Date; readonly to: Date }
  readonly paymentMethod: PaymentMethod
  readonly meterPoints: readonly RatedMeterPoint[]
}

export interface RatedMeterPoint {
  readonly meterPointId: string
  readonly identifier: string
  readonly fuel: 'electricity' | 'gas'
  readonly direction: 'import' | 'export'
  readonly agreements: readonly RatedAgreement[]
  readonly consumption: IntervalConsumption | RegisterConsumption
  /** Smart-charging dispatches on this meter point (used for intelligent tariffs only). */
  readonly dispatches: readonly DispatchSpan[]
}

export interface RatedAgreement {
  readonly agreementId: string
  readonly tariffCode: string
  readonly productCode: string
  readonly productName: string
  readonly structure: string
  /** Exact decimal text: '5', '20', '0'. */
  readonly vatPercent: string
  readonly validFrom: Date
  readonly validTo: Date | null
  readonly rates: readonly Rate[]
  readonly bands: readonly BandWindow[]
}

export interface IntervalConsumption {
  readonly kind: 'intervals'
  readonly intervals: readonly {
    readonly start: Date
    readonly kwh: string
    readonly quality: 'actual' | 'estimated'
  }[]
}

export interface RegisterRead {
  readonly readingId: string | null
  readonly readAt: Date
  readonly value: string
  readonly estimated: boolean
}

export interface RegisterConsumption {
  readonly kind: 'registers'
  readonly registers: readonly {
    readonly register: string
    readonly rate: 'standard' | 'day' | 'night' | 'export'
    readonly from: RegisterRead
    readonly to: RegisterRead
    /** Units between the reads (exact decimal text, rollover already allowed for). */
    readonly units: string
  }[]
}

export interface ChargeLine {
  readonly meterPointId: string
  readonly identifier: string
  readonly agreementId: string
  readonly tariffCode: string
  readonly kind: 'energy' | 'standing_charge' | 'export_credit'
  readonly rateKind: string
  readonly from: Date
  readonly to: Date
  /** kWh (3 dp) or days (integer). */
  readonly quantity: string
  readonly unit: 'kWh' | 'day'
  /** p/kWh or p/day exc VAT (4 dp); for dynamic prices the kWh-weighted average. */
  readonly ratePence: string
  readonly vatPercent: string
  /** Exc VAT, minor units; negative for export credits. */
  readonly amountMinor: bigint
  readonly source: {
    readonly intervals?: number
    readonly estimatedIntervals?: number
    readonly readingIds?: readonly string[]
    readonly estimated?: boolean
  }
  /** Half hours billed off-peak only because a smart-charge dispatch covered them. */
  readonly dispatchHalfHours?: number
  readonly description: string
}

export interface RatingProblem {
  readonly meterPointId: string
  readonly from: Date
  readonly to: Date
  readonly reason: string
}

export interface RatingResult {
  readonly lines: readonly ChargeLine[]
  readonly vat: readonly { readonly vatPercent: string; readonly netMinor: bigint; readonly vatMinor: bigint }[]
  readonly netMinor: bigint
  readonly vatMinor: bigint
  readonly totalMinor: bigint
  readonly problems: readonly RatingProblem[]
  readonly usage: readonly {
    readonly meterPointId: string
    readonly direction: 'import' | 'export'
    readonly kwh: string
    readonly chargedMinor: bigint
  }[]
}

// ——— exact decimals ———

/** Parse decimal text into an integer at `scale` decimal places; more places than that are refused. */
export function scaled(text: string, scale: number): bigint {
  // The common case (digits, a point, at most `scale` digits) without a regular expression.
  const point = text.indexOf('.')
  if (point > 0 && text.length - point - 1 <= scale && /^\d+\.\d+$/.test(text)) {
    return BigInt(text.slice(0, point) + text.slice(point + 1).padEnd(scale, '0'))
  }
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim())
  if (!match) throw new RangeError(`not a decimal: ${text}`)
  const fraction = (match[3] ?? '').replace(/0+$/, '')
  if (fraction.length > scale) throw new RangeError(`${text} has more than ${scale} decimal places`)
  const value =
    BigInt(match[2] ?? '0') * 10n ** BigInt(scale) + BigInt((fraction || '0').padEnd(scale, '0').slice(0, scale))
  return match[1] ? -value : value
}

export function unscaled(value: bigint, scale: number): string {
  const negative = value < 0n
  const abs = negative ? -value : value
  const unit = 10n ** BigInt(scale)
  const fraction = scale > 0 ? `.${String(abs % unit).padStart(scale, '0')}` : ''
  return `${negative ? '-' : ''}${abs / unit}${fraction}`
}

/**
 * The one rounding rule: divide and round to the nearest integer, halves away from zero
 * (2.5p → 3p, −2.5p → −3p). Used for every line amount and for VAT.
 */
export function roundHalfAway(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n
  const n = numerator < 0n ? -numerator : numerator
  const d = denominator < 0n ? -denominator : denominator
  const q = (2n * n + d) / (2n * d)
  return negative ? -q : q
}

/** kWh are thousandths, prices ten-thousandths of a penny: a product is in 10⁻⁷ pence. */
const KWH = 3
const PRICE = 4
const PRODUCT_PER_PENNY = 10n ** BigInt(KWH + PRICE)

// ——— rates and agreements ———

function contains(from: Date, to: Date | null, instant: Date): boolean {
  return from <= instant && (to === null || instant < to)
}

function agreementAt(agreements: readonly RatedAgreement[], instant: Date): RatedAgreement | undefined {
  return agreements.find((agreement) => contains(agreement.validFrom, agreement.validTo, instant))
}

function rateAt(agreement: RatedAgreement, kind: RateKind, instant: Date, method: PaymentMethod): Rate | undefined {
  let fallback: Rate | undefined
  for (const rate of agreement.rates) {
    if (rate.kind !== kind || !contains(rate.validFrom, rate.validTo, instant)) continue
    if (rate.paymentMethod === method) return rate
    if (rate.paymentMethod === null) fallback = rate
  }
  return fallback
}

const prices = new WeakMap<Rate, bigint>()

/** A rate's price exc VAT in ten-thousandths of a penny, parsed once per rate. */
function priceOf(rate: Rate): bigint {
  let price = prices.get(rate)
  if (price === undefined) {
    price = scaled(rate.valueExcVat, PRICE)
    prices.set(rate, price)
  }
  return price
}

function unitKindOf(agreement: RatedAgreement, instant: Date, dispatches: readonly DispatchSpan[]): RateKind {
  if (agreement.structure === 'dynamic') return 'dynamic_unit'
  if (agreement.bands.length === 0) return 'standard_unit'
  return rateKindAt({
    bands: agreement.bands,
    instant,
    dispatches: agreement.structure === 'intelligent' ? dispatches : [],
  })
}

const kindNames: Record<string, string> = {
  standard_unit: 'Unit rate',
  day_unit: 'Day rate',
  night_unit: 'Night rate',
  off_peak_unit: 'Off-peak',
  peak_unit: 'Peak',
  dynamic_unit: 'Half-hourly prices',
  standing_charge: 'Standing charge',
}

function energyDescription(kind: string, kwh: bigint, ratePence: string, exported: boolean, dynamic: boolean): string {
  const name = exported
    ? `Export${kind === 'standard_unit' ? '' : ` (${kindNames[kind] ?? kind})`}`
    : (kindNames[kind] ?? kind)
  return `${name} ${unscaled(kwh, KWH)} kWh × ${dynamic ? 'average ' : ''}${ratePence}p`
}

// ——— rating ———

interface LineBuilder {
  agreement: RatedAgreement
  kind: 'energy' | 'export_credit'
  rateKind: RateKind
  ratePrice: bigint | null
  from: Date
  to: Date
  kwh: bigint
  exact: bigint
  intervals: number
  estimated: number
  dispatchHalfHours: number
  readingIds: string[]
  estimatedRead: boolean
}

function rateIntervals(
  point: RatedMeterPoint,
  consumption: IntervalConsumption,
  input: RatingInput,
  lines: ChargeLine[],
  problems: RatingProblem[],
) {
  const exported = point.direction === 'export'
  const builders = new Map<string, LineBuilder>()
  const order: string[] = []
  const fromMs = input.period.from.getTime()
  const toMs = input.period.to.getTime()
  const sorted = consumption.intervals
    .filter((interval) => {
      const ms = interval.start.getTime()
      return ms >= fromMs && ms < toMs
    })
    .sort((a, b) => a.start.getTime() - b.start.getTime())
  let current: RatedAgreement | undefined
  const lastRates = new Map<RateKind, { agreement: RatedAgreement; rate: Rate; fromMs: number; toMs: number }>()
  for (const interval of sorted) {
    const startMs = interval.start.getTime()
    const end = new Date(startMs + halfHourMs)
    const agreement =
      current &&
      current.validFrom.getTime() <= startMs &&
      (current.validTo === null || startMs < current.validTo.getTime())
        ? current
        : agreementAt(point.agreements, interval.start)
    current = agreement
    if (!agreement) {
      problems.push({
        meterPointId: point.meterPointId,
        from: interval.start,
        to: end,
        reason: `${point.identifier}: no agreement at ${interval.start.toISOString()}`,
      })
      continue
    }
    const rateKind = unitKindOf(agreement, interval.start, point.dispatches)
    // The price of the previous half hour usually holds for this one too (not for Agile).
    const remembered = lastRates.get(rateKind)
    const rate =
      remembered && remembered.agreement === agreement && remembered.fromMs <= startMs && startMs < remembered.toMs
        ? remembered.rate
        : rateAt(agreement, rateKind, interval.start, input.paymentMethod)
    if (rate && rate !== remembered?.rate) {
      lastRates.set(rateKind, {
        agreement,
        rate,
        fromMs: rate.validFrom.getTime(),
        toMs: rate.validTo ? rate.validTo.getTime() : Number.POSITIVE_INFINITY,
      })
    }
    if (!rate) {
      problems.push({
        meterPointId: point.meterPointId,
        from: interval.start,
        to: end,
        reason: `${point.identifier}: no ${rateKind} price of ${agreement.tariffCode} at ${interval.start.toISOString()}`,
      })
      continue
    }
    const price = priceOf(rate)
    const kwh = scaled(interval.kwh, KWH)
    const dynamic = rateKind === 'dynamic_unit'
    const key = dynamic
      ? `${agreement.agreementId}|${rateKind}|${localDateOf(interval.start)}`
      : `${agreement.agreementId}|${rateKind}|${rate.valueExcVat}`
    let builder = builders.get(key)
    if (!builder) {
      builder = {
        agreement,
        kind: exported ? 'export_credit' : 'energy',
        rateKind,
        ratePrice: dynamic ? null : price,
        from: interval.start,
        to: end,
        kwh: 0n,
        exact: 0n,
        intervals: 0,
        estimated: 0,
        dispatchHalfHours: 0,
        readingIds: [],
        estimatedRead: false,
      }
      builders.set(key, builder)
      order.push(key)
    }
    builder.to = end
    builder.kwh += kwh
    builder.exact += kwh * price
    builder.intervals += 1
    if (interval.quality === 'estimated') builder.estimated += 1
    if (
      agreement.structure === 'intelligent' &&
      rateKind === 'off_peak_unit' &&
      rateKindAt({ bands: agreement.bands, instant: interval.start }) !== 'off_peak_unit'
    ) {
      builder.dispatchHalfHours += 1
    }
  }
  for (const key of order) lines.push(finish(point, builders.get(key)!))
}

function finish(point: RatedMeterPoint, builder: LineBuilder): ChargeLine {
  const exported = builder.kind === 'export_credit'
  const amount = roundHalfAway(builder.exact, PRODUCT_PER_PENNY)
  const dynamic = builder.ratePrice === null
  const ratePrice = builder.ratePrice ?? (builder.kwh === 0n ? 0n : roundHalfAway(builder.exact, builder.kwh))
  const ratePence = unscaled(ratePrice, PRICE)
  return {
    meterPointId: point.meterPointId,
    identifier: point.identifier,
    agreementId: builder.agreement.agreementId,
    tariffCode: builder.agreement.tariffCode,
    kind: builder.kind,
    rateKind: builder.rateKind,
    from: builder.from,
    to: builder.to,
    quantity: unscaled(builder.kwh, KWH),
    unit: 'kWh',
    ratePence,
    vatPercent: builder.agreement.vatPercent,
    amountMinor: exported ? -amount : amount,
    source:
      builder.readingIds.length > 0 || builder.intervals === 0
        ? { readingIds: builder.readingIds, estimated: builder.estimatedRead }
        : { intervals: builder.intervals, estimatedIntervals: builder.estimated },
    ...(builder.dispatchHalfHours > 0 ? { dispatchHalfHours: builder.dispatchHalfHours } : {}),
    description: energyDescription(builder.rateKind, builder.kwh, ratePence, exported, dynamic),
  }
}

const registerKinds: Record<string, RateKind> = {
  standard: 'standard_unit',
  day: 'day_unit',
  night: 'night_unit',
  export: 'standard_unit',
}

function rateRegisters(
  point: RatedMeterPoint,
  consumption: RegisterConsumption,
  input: RatingInput,
  lines: ChargeLine[],
  problems: RatingProblem[],
) {
  const exported = point.direction === 'export'
  for (const register of consumption.registers) {
    const start = register.from.readAt
    const end = register.to.readAt
    const units = scaled(register.units, KWH)
    const kind = registerKinds[register.rate] ?? 'standard_unit'
    const readingIds = [register.from.readingId, register.to.readingId].filter((id): id is string => id !== null)
    const estimatedRead = register.from.estimated || register.to.estimated
    if (!(end > start)) continue
    // Cut the read range where the agreement or this kind's price changes; share units by time.
    const cuts = new Set<number>([start.getTime(), end.getTime()])
    for (const agreement of point.agreements) {
      for (const edge of [agreement.validFrom, agreement.validTo]) {
        if (edge && edge > start && edge < end) cuts.add(edge.getTime())
      }
      for (const rate of agreement.rates) {
        if (rate.kind !== kind) continue
        for (const edge of [rate.validFrom, rate.validTo]) {
          if (edge && edge > start && edge < end) cuts.add(edge.getTime())
        }
      }
    }
    const edges = [...cuts].sort((a, b) => a - b)
    const total = BigInt(end.getTime() - start.getTime())
    let given = 0n
    for (let i = 0; i + 1 < edges.length; i++) {
      const pieceFrom = new Date(edges[i]!)
      const pieceTo = new Date(edges[i + 1]!)
      const last = i + 2 === edges.length
      const share = last ? units - given : (units * BigInt(pieceTo.getTime() - pieceFrom.getTime())) / total
      given += share
      const agreement = agreementAt(point.agreements, pieceFrom)
      if (!agreement) {
        problems.push({
          meterPointId: point.meterPointId,
          from: pieceFrom,
          to: pieceTo,
          reason: `${point.identifier}: no agreement at ${pieceFrom.toISOString()}`,
        })
        continue
      }
      const rate = rateAt(agreement, kind, pieceFrom, input.paymentMethod)
      if (!rate) {
        problems.push({
          meterPointId: point.meterPointId,
          from: pieceFrom,
          to: pieceTo,
          reason: `${point.identifier}: no ${kind} price of ${agreement.tariffCode} at ${pieceFrom.toISOString()}`,
        })
        continue
      }
      const price = priceOf(rate)
      lines.push(
        finish(point, {
          agreement,
          kind: exported ? 'export_credit' : 'energy',
          rateKind: kind,
          ratePrice: price,
          from: pieceFrom,
          to: pieceTo,
          kwh: share,
          exact: share * price,
          intervals: 0,
          estimated: 0,
          dispatchHalfHours: 0,
          readingIds,
          estimatedRead,
        }),
      )
    }
  }
}

function rateStandingCharges(
  point: RatedMeterPoint,
  input: RatingInput,
  lines: ChargeLine[],
  problems: RatingProblem[],
) {
  if (point.direction === 'export') return
  const { from, to } = input.period
  let current: { agreement: RatedAgreement; price: bigint; from: Date; to: Date; days: number } | null = null
  const flush = () => {
    if (!current) return
    const ratePence = unscaled(current.price, PRICE)
    lines.push({
      meterPointId: point.meterPointId,
      identifier: point.identifier,
      agreementId: current.agreement.agreementId,
      tariffCode: current.agreement.tariffCode,
      kind: 'standing_charge',
      rateKind: 'standing_charge',
      from: current.from,
      to: current.to,
      quantity: String(current.days),
      unit: 'day',
      ratePence,
      vatPercent: current.agreement.vatPercent,
      amountMinor: roundHalfAway(BigInt(current.days) * current.price, 10n ** BigInt(PRICE)),
      source: {},
      description: `Standing charge ${current.days} day${current.days === 1 ? '' : 's'} × ${ratePence}p`,
    })
    current = null
  }
  for (let date = localDateOf(from); startOfLocalDay(date) < to; date = addDays(date, 1)) {
    const dayStart = startOfLocalDay(date)
    const at = dayStart < from ? from : dayStart
    const dayEnd = startOfLocalDay(addDays(date, 1))
    const agreement = agreementAt(point.agreements, at)
    const rate = agreement ? rateAt(agreement, 'standing_charge', at, input.paymentMethod) : undefined
    if (!agreement || !rate) {
      flush()
      problems.push({
        meterPointId: point.meterPointId,
        from: at,
        to: dayEnd,
        reason: agreement
          ? `${point.identifier}: no standing_charge price of ${agreement.tariffCode} on ${date}`
          : `${point.identifier}: no agreement on ${date}`,
      })
      continue
    }
    const price = priceOf(rate)
    if (current && current.agreement === agreement && current.price === price) {
      current.to = dayEnd < to ? dayEnd : to
      current.days += 1
    } else {
      flush()
      current = { agreement, price, from: at, to: dayEnd < to ? dayEnd : to, days: 1 }
    }
  }
  flush()
}

const kindOrder = { energy: 0, export_credit: 1, standing_charge: 2 } as const

/** Rate a period (BIL-1). Deterministic: the same input gives the same result, whatever its order. */
export function rate(input: RatingInput): RatingResult {
  const lines: ChargeLine[] = []
  const problems: RatingProblem[] = []
  const points = [...input.meterPoints].sort((a, b) => a.identifier.localeCompare(b.identifier))
  for (const point of points) {
    if (point.consumption.kind === 'intervals') rateIntervals(point, point.consumption, input, lines, problems)
    else rateRegisters(point, point.consumption, input, lines, problems)
    rateStandingCharges(point, input, lines, problems)
  }
  lines.sort(
    (a, b) =>
      a.identifier.localeCompare(b.identifier) ||
      kindOrder[a.kind] - kindOrder[b.kind] ||
      a.from.getTime() - b.from.getTime() ||
      a.rateKind.localeCompare(b.rateKind) ||
      a.tariffCode.localeCompare(b.tariffCode),
  )
  const byVat = new Map<string, bigint>()
  for (const line of lines) {
    const key = unscaled(scaled(line.vatPercent, 2), 2)
    byVat.set(key, (byVat.get(key) ?? 0n) + line.amountMinor)
  }
  const vat = [...byVat.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([vatPercent, netMinor]) => ({
      vatPercent,
      netMinor,
      vatMinor: roundHalfAway(netMinor * scaled(vatPercent, 2), 10_000n),
    }))
  const netMinor = lines.reduce((sum, line) => sum + line.amountMinor, 0n)
  const vatMinor = vat.reduce((sum, group) => sum + group.vatMinor, 0n)
  const usage = points.map((point) => {
    const own = lines.filter((line) => line.meterPointId === point.meterPointId)
    const kwh = own.filter((line) => line.unit === 'kWh').reduce((sum, line) => sum + scaled(line.quantity, KWH), 0n)
    return {
      meterPointId: point.meterPointId,
      direction: point.direction,
      kwh: unscaled(kwh, KWH),
      chargedMinor: own.reduce((sum, line) => sum + line.amountMinor, 0n),
    }
  })
  return { lines, vat, netMinor, vatMinor, totalMinor: netMinor + vatMinor, problems, usage }
}
