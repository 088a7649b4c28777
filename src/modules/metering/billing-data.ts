/**
 * What the billing engine reads from metering: the half-hourly data of a period and the register
 * readings it may bill from and to. Reads only; nothing here writes.
 */
import type { Tx } from '../../db/index.js'
import * as store from './store.js'
import type { IntervalQuality, ReadingSource } from './types.js'

export interface BillableInterval {
  readonly start: Date
  readonly kwh: string
  readonly quality: IntervalQuality
}

/** One meter point over the instants [from, to). */
export interface MeterPointSpan {
  tx: Tx
  meterPointId: string
  from: Date
  to: Date
}

/** The meter point's half-hourly data starting in [from, to), oldest first. */
export async function intervalsForBilling({ tx, meterPointId, from, to }: MeterPointSpan): Promise<BillableInterval[]> {
  const rows = await store.intervalsBetween(tx, meterPointId, from, to)
  return rows.map((row) => ({ start: row.interval_start, kwh: row.kwh, quality: row.quality }))
}

/** A meter point's half hours as read for a batch, kept packed until wanted (`halfHourColumns`). */
export interface PackedIntervals {
  /** The period's bounds, milliseconds since the epoch: half hours outside [fromMs, toMs) are left out when unpacked. */
  readonly fromMs: number
  readonly toMs: number
  /** 00:00 UTC of the first day read, milliseconds since the epoch. */
  readonly firstDayMs: number
  /** Each stored day, as days after the first day read, comma-separated. */
  readonly days: string
  /** Each day's 48 half hours of Wh (empty where none), the days' in the order of `days`, comma-separated. */
  readonly wh: string
  /** Each day's estimated-slot mask (bit n: slot n), in the order of `days`, comma-separated. */
  readonly estimated: string
}

/**
 * The half-hourly data of many meter points starting in [from, to), by meter point, packed (a billing
 * run's batch: the same half hours `intervalsForBilling` gives one meter point at a time). Meter points
 * with no data are absent. Kept packed because a batch holds hundreds of months of half hours and
 * unpacks each only when it rates it, so the arrays live briefly.
 */
export async function intervalsForBillingMany({
  tx,
  meterPointIds,
  from,
  to,
}: {
  tx: Tx
  meterPointIds: readonly string[]
  from: Date
  to: Date
}): Promise<Map<string, PackedIntervals>> {
  const rows = await store.packedIntervalDays(tx, meterPointIds, from, to)
  const firstDayMs = Math.floor(from.getTime() / dayMs) * dayMs
  const packed = new Map<string, PackedIntervals>()
  for (const row of rows) {
    const value = { fromMs: from.getTime(), toMs: to.getTime(), firstDayMs, ...row }
    // Only the first and last UTC days read reach outside the period, and every stored day holds a
    // half hour: with three days or more one lies wholly inside; with fewer, look.
    const dayCount = row.days.split(',', 3).length
    if (dayCount >= 3 || halfHourColumns(value).startsMs.length > 0) packed.set(row.meter_point_id, value)
  }
  return packed
}

const dayMs = 86_400_000
const halfHourMs = 1_800_000

/**
 * Half hours as columns, one entry a half hour in each: what rating reads, with no object per half
 * hour (a month is about 1,488 of them; a billing run reads them for every account).
 */
export interface HalfHourColumns {
  /** Each half hour's start, milliseconds since the epoch. */
  readonly startsMs: Float64Array
  /** Each half hour's kWh in thousandths (Wh), whole numbers (exact below 2⁵³). */
  readonly thousandths: Float64Array
  /** 1 where the half hour is estimated, 0 where actual. */
  readonly estimated: Uint8Array
}

/** Comma-separated whole numbers, each read with nothing allocated; an empty field is -1. */
function readFields(text: string, into: Float64Array): number {
  let count = 0
  let value = -1
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 44
    if (code === 44) {
      into[count++] = value
      value = -1
    } else if (code >= 48 && code <= 57) {
      value = (value < 0 ? 0 : value * 10) + (code - 48)
    } else {
      throw new Error(`packed half hours hold a field that is not a whole number: '${text.slice(0, 40)}…'`)
    }
  }
  return count
}

/** A packed meter point's half hours in [fromMs, toMs) as columns, oldest first when the days are. Pure. */
export function halfHourColumns(packed: PackedIntervals): HalfHourColumns {
  const dayOffsets = new Float64Array(packed.days.length + 1)
  const dayCount = readFields(packed.days, dayOffsets)
  const masks = new Float64Array(packed.estimated.length + 1)
  const wh = new Float64Array(packed.wh.length + 1)
  const whCount = readFields(packed.wh, wh)
  if (readFields(packed.estimated, masks) !== dayCount || whCount !== dayCount * 48) {
    throw new Error(`packed half hours disagree: ${dayCount} days, ${whCount} half hours`)
  }
  const startsMs = new Float64Array(whCount)
  const thousandths = new Float64Array(whCount)
  const estimated = new Uint8Array(whCount)
  let count = 0
  for (let d = 0; d < dayCount; d++) {
    const dayStartMs = packed.firstDayMs + (dayOffsets[d] as number) * dayMs
    // 48 bits do not fit JavaScript's 32-bit bitwise operators: the mask is read in two halves.
    const mask = masks[d] as number
    const low = mask % 2 ** 24
    const high = Math.floor(mask / 2 ** 24)
    for (let slot = 0; slot < 48; slot++) {
      const value = wh[d * 48 + slot] as number
      const ms = dayStartMs + slot * halfHourMs
      if (value < 0 || ms < packed.fromMs || ms >= packed.toMs) continue
      startsMs[count] = ms
      thousandths[count] = value
      estimated[count] = (slot < 24 ? low >>> slot : high >>> (slot - 24)) & 1
      count++
    }
  }
  return {
    startsMs: startsMs.subarray(0, count),
    thousandths: thousandths.subarray(0, count),
    estimated: estimated.subarray(0, count),
  }
}

/** Whether the meter point has any half-hourly data starting in [from, to). */
export async function hasIntervalData({ tx, meterPointId, from, to }: MeterPointSpan): Promise<boolean> {
  return store.hasIntervals(tx, meterPointId, from, to)
}

export interface BillableReading {
  readonly id: string
  readonly registerId: string
  readonly readAt: Date
  readonly value: string
  readonly source: ReadingSource
  readonly estimated: boolean
  readonly isRollover: boolean
  readonly advance: string | null
}

/** Accepted or released readings (actual and estimated) of the registers in [from, to], oldest first. */
export async function readingsForBilling({
  tx,
  registerIds,
  from,
  to,
}: {
  tx: Tx
  registerIds: readonly string[]
  from: Date
  to: Date
}): Promise<BillableReading[]> {
  const rows = await store.billableReadings(tx, { registerIds, from, to })
  return rows.map((row) => ({
    id: row.id,
    registerId: row.register_id,
    readAt: row.read_at,
    value: row.value,
    source: row.source as ReadingSource,
    estimated: row.source === 'estimated',
    isRollover: row.is_rollover,
    advance: row.advance,
  }))
}
