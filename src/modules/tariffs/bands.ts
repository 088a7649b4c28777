/**
 * Which rate applies at a half hour (TAR-2, TAR-4). Pure: no I/O and no clock.
 *
 * A band is a daily window of wall-clock time in its own zone ('Europe/London' local time, or UTC
 * for smart Economy 7 meters), so on the days the clocks change a local window lasts an hour more
 * or less in real time: Intelligent Go's 23:30–05:30 is five hours on 2025-03-30 and seven on
 * 2025-10-26. Time outside every band is `standard_unit`.
 *
 * Dispatches (TAR-4, seed 002): a half hour that any smart-charge dispatch touches, even for a
 * minute, is off-peak whatever the time; a bump charge changes nothing, so outside the off-peak
 * window it is billed at the peak rate. Pass dispatches only for intelligent tariffs.
 */
import { localTimeOf } from '../../shared/time.js'
import type { Band, BandTimeZone, DispatchSource, NewRate, PaymentMethod, UnitRateKind } from './types.js'

export const halfHourMs = 30 * 60 * 1000

/** A time-of-use band in force over its validity: the stored band as the rating engine reads it. */
export type BandWindow = Band

export interface DispatchSpan {
  readonly startAt: Date
  readonly endAt: Date
  readonly source: DispatchSource
}

const timePattern = /^([01]\d|2[0-3]):[03]0$/

/** Minutes after midnight of 'HH:MM'. */
function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
}

// The zone's offset only changes on the hour in the zones bands use, so it is worked out once per
// UTC hour; the cache is dropped when it grows large.
const offsetByHour = new Map<number, number>()

/** Minutes after local midnight, in the zone, of an instant. */
export function minuteOfDay(instant: Date, timeZone: BandTimeZone): number {
  const ms = instant.getTime()
  const utcMinute = Math.floor((((ms % 86_400_000) + 86_400_000) % 86_400_000) / 60_000)
  if (timeZone === 'UTC') return utcMinute
  const hour = Math.floor(ms / 3_600_000)
  let offset = offsetByHour.get(hour)
  if (offset === undefined) {
    const local = minutesOf(localTimeOf(new Date(hour * 3_600_000), timeZone))
    const utc = Math.floor(utcMinute / 60) * 60
    offset = ((((local - utc) % 1440) + 1440 + 720) % 1440) - 720
    if (offsetByHour.size > 200_000) offsetByHour.clear()
    offsetByHour.set(hour, offset)
  }
  return (utcMinute + offset + 1440) % 1440
}

/** Whether a band is in force at an instant (its validity is half-open). */
function inForce(band: { validFrom: Date; validTo: Date | null }, instant: Date): boolean {
  return band.validFrom.getTime() <= instant.getTime() && (band.validTo === null || band.validTo > instant)
}

/** Whether a local minute of the day falls in a band's window [start, end), wrapping past midnight. */
function inWindow(minute: number, startTime: string, endTime: string): boolean {
  const start = minutesOf(startTime)
  const end = minutesOf(endTime)
  return start < end ? minute >= start && minute < end : minute >= start || minute < end
}

/** The start of the half hour an instant falls in. */
export function halfHourStart(instant: Date): Date {
  const ms = instant.getTime()
  return new Date(ms - (((ms % halfHourMs) + halfHourMs) % halfHourMs))
}

/**
 * The rate kind of the half hour starting at (or containing) `instant`: off-peak when a
 * smart-charge dispatch touches it, else the kind of the band in force whose window holds it, else
 * `standard_unit`. Throws nothing for well-formed bands.
 */
export function rateKindAt({
  bands,
  instant,
  dispatches = [],
}: {
  bands: readonly BandWindow[]
  instant: Date
  dispatches?: readonly DispatchSpan[]
}): UnitRateKind {
  const start = halfHourStart(instant)
  const end = start.getTime() + halfHourMs
  for (const dispatch of dispatches) {
    if (dispatch.source === 'smart-charge' && dispatch.startAt.getTime() < end && dispatch.endAt > start) {
      return 'off_peak_unit'
    }
  }
  for (const band of bands) {
    if (!inForce(band, start)) continue
    if (inWindow(minuteOfDay(start, band.timeZone), band.startTime, band.endTime)) return band.rateKind
  }
  return 'standard_unit'
}

export interface KindWindow {
  readonly from: Date
  readonly to: Date
  readonly rateKind: UnitRateKind
}

/**
 * The half hours of [from, to) (both on half-hour boundaries) grouped into consecutive windows of
 * one rate kind: the time-of-use timeline of a tariff. Throws nothing.
 */
export function kindWindows({
  bands,
  from,
  to,
  dispatches = [],
}: {
  bands: readonly BandWindow[]
  from: Date
  to: Date
  dispatches?: readonly DispatchSpan[]
}): KindWindow[] {
  const windows: KindWindow[] = []
  let current: { from: number; to: number; rateKind: UnitRateKind } | null = null
  for (let ms = halfHourStart(from).getTime(); ms < to.getTime(); ms += halfHourMs) {
    const rateKind = rateKindAt({ bands, instant: new Date(ms), dispatches })
    if (current && current.rateKind === rateKind && current.to === ms) {
      current.to = ms + halfHourMs
      continue
    }
    if (current) windows.push({ from: new Date(current.from), to: new Date(current.to), rateKind: current.rateKind })
    current = { from: ms, to: ms + halfHourMs, rateKind }
  }
  if (current) windows.push({ from: new Date(current.from), to: new Date(current.to), rateKind: current.rateKind })
  return windows
}

/** The 48 half-hour slots of a day (by local start minute) a window covers. */
function slotsOf(startTime: string, endTime: string): Set<number> {
  const slots = new Set<number>()
  for (let minute = 0; minute < 1440; minute += 30) if (inWindow(minute, startTime, endTime)) slots.add(minute)
  return slots
}

/**
 * Problems with a tariff's bands, each `{ path, message }` under `prefix`: times not 'HH:MM' on a
 * half hour, an empty window, bad validity, several zones, or two bands in force together whose
 * windows overlap. Throws nothing.
 */
export function checkBands(bands: readonly BandWindow[], prefix = 'bands'): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = []
  bands.forEach((band, i) => {
    if (!timePattern.test(band.startTime))
      problems.push({ path: `${prefix}.${i}.startTime`, message: "must be 'HH:MM' on a half hour" })
    if (!timePattern.test(band.endTime))
      problems.push({ path: `${prefix}.${i}.endTime`, message: "must be 'HH:MM' on a half hour" })
    if (band.startTime === band.endTime)
      problems.push({ path: `${prefix}.${i}.endTime`, message: 'must differ from the start' })
    if (band.validTo !== null && band.validTo <= band.validFrom)
      problems.push({ path: `${prefix}.${i}.validTo`, message: 'must be after validFrom' })
  })
  if (new Set(bands.map((band) => band.timeZone)).size > 1)
    problems.push({ path: prefix, message: 'the bands of one tariff share one time zone' })
  if (problems.length > 0) return problems
  for (let i = 0; i < bands.length; i++) {
    for (let j = i + 1; j < bands.length; j++) {
      const a = bands[i]!
      const b = bands[j]!
      const together =
        (a.validTo === null || a.validTo > b.validFrom) && (b.validTo === null || b.validTo > a.validFrom)
      if (!together) continue
      const slots = slotsOf(a.startTime, a.endTime)
      if ([...slotsOf(b.startTime, b.endTime)].some((slot) => slots.has(slot)))
        problems.push({ path: `${prefix}.${j}`, message: `overlaps band ${i} (${a.startTime}–${a.endTime})` })
    }
  }
  return problems
}

/** A rate's price and validity, whichever tariff it belongs to. */
export type PricedSpan = Omit<NewRate, 'tariffCode'>

const methodOrder = (method: PaymentMethod | null) =>
  method === 'DIRECT_DEBIT' ? 0 : method === 'NON_DIRECT_DEBIT' ? 1 : 2

/**
 * A time-of-use tariff's prices as consecutive windows over [from, to) (half-hour boundaries), the
 * way Octopus serves Go, Intelligent Go and Flux as standard-unit-rates: each window is a stretch
 * of one band at one price, split where the price changes, newest first. Windows are computed per
 * payment method that has prices (a price for every method fills in for a missing one). Throws nothing.
 */
export function bandedRateWindows({
  bands,
  rates,
  from,
  to,
}: {
  bands: readonly BandWindow[]
  rates: readonly PricedSpan[]
  from: Date
  to: Date
}): PricedSpan[] {
  const explicit = [...new Set(rates.map((rate) => rate.paymentMethod))].filter((method) => method !== null)
  const methods: (PaymentMethod | null)[] = explicit.length > 0 ? explicit : [null]
  const result: PricedSpan[] = []
  for (const window of kindWindows({ bands, from, to })) {
    for (const method of methods) {
      const own = rates.filter((rate) => rate.kind === window.rateKind && rate.paymentMethod === method)
      const candidates =
        own.length > 0 ? own : rates.filter((r) => r.kind === window.rateKind && r.paymentMethod === null)
      for (const rate of candidates) {
        const start = Math.max(window.from.getTime(), rate.validFrom.getTime())
        const end = Math.min(window.to.getTime(), rate.validTo?.getTime() ?? Number.POSITIVE_INFINITY)
        if (start >= end) continue
        result.push({
          kind: rate.kind,
          paymentMethod: method,
          valueExcVat: rate.valueExcVat,
          valueIncVat: rate.valueIncVat,
          validFrom: new Date(start),
          validTo: new Date(end),
        })
      }
    }
  }
  return result.sort(
    (a, b) =>
      b.validFrom.getTime() - a.validFrom.getTime() || methodOrder(a.paymentMethod) - methodOrder(b.paymentMethod),
  )
}
