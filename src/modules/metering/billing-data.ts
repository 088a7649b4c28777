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

/** The meter point's half-hourly data starting in [from, to), oldest first. */
export async function intervalsForBilling({
  tx,
  meterPointId,
  from,
  to,
}: {
  tx: Tx
  meterPointId: string
  from: Date
  to: Date
}): Promise<BillableInterval[]> {
  const rows = await store.intervalsBetween(tx, meterPointId, from, to)
  return rows.map((row) => ({ start: row.interval_start, kwh: row.kwh, quality: row.quality }))
}

/** A meter point's half hours as read for a batch, kept packed until wanted (`unpackIntervals`). */
export interface PackedIntervals {
  /** A whole second. */
  readonly fromMs: number
  /** Whole seconds after `fromMs`, comma-separated. */
  readonly offsets: string
  /** kWh as exact decimal text, comma-separated, in the order of `offsets`. */
  readonly kwhs: string
  /** The offsets of the estimated half hours, in the same order (a subsequence); null when none is. */
  readonly estimated: string | null
}

/**
 * The half-hourly data of many meter points starting in [from, to), by meter point, packed (a billing
 * run's batch: the same rows `intervalsForBilling` gives one meter point at a time). Meter points
 * with no data are absent. Kept packed because a batch holds hundreds of months of half hours and
 * unpacks each only when it rates it, so the objects live briefly.
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
  const rows = await store.packedIntervalsBetween(tx, meterPointIds, from, to)
  const fromMs = Math.floor(from.getTime() / 1000) * 1000
  return new Map(
    rows.map((row) => [row.meter_point_id, { fromMs, offsets: row.offsets, kwhs: row.kwhs, estimated: row.estimated }]),
  )
}

/**
 * Half hours as columns, one entry a half hour in each: what rating reads, with no object per half
 * hour (a month is about 1,488 of them; a billing run reads them for every account).
 */
export interface HalfHourColumns {
  /** Each half hour's start, milliseconds since the epoch. */
  readonly startsMs: Float64Array
  /** Each half hour's kWh, exact decimal text. */
  readonly kwhs: readonly string[]
  /** 1 where the half hour is estimated, 0 where actual. */
  readonly estimated: Uint8Array
}

/** A packed meter point's half hours as columns, in the order read (rating sorts them if need be). Pure. */
export function halfHourColumns(packed: PackedIntervals): HalfHourColumns {
  const { offsets, fromMs } = packed
  const kwhs = packed.kwhs.split(',')
  const startsMs = new Float64Array(kwhs.length)
  const estimated = new Uint8Array(kwhs.length)
  // Offsets are whole seconds, comma-separated: read a character at a time, nothing allocated.
  let index = 0
  let seconds = 0
  for (let i = 0; i <= offsets.length; i++) {
    const code = i < offsets.length ? offsets.charCodeAt(i) : 44
    if (code === 44) {
      startsMs[index++] = fromMs + seconds * 1000
      seconds = 0
    } else if (code >= 48 && code <= 57) {
      seconds = seconds * 10 + (code - 48)
    } else {
      throw new Error(`a packed half-hour offset is not whole seconds: '${offsets.slice(0, 40)}…'`)
    }
  }
  if (index !== kwhs.length) throw new Error(`packed half hours disagree: ${index} offsets, ${kwhs.length} kWh`)
  if (packed.estimated !== null) {
    // Estimated offsets come from the same aggregate's rows in the same order (a subsequence), and a
    // meter point has one row a half hour: one pass matches them.
    const estimatedMs = packed.estimated.split(',').map((offset) => fromMs + Number(offset) * 1000)
    let next = 0
    for (let i = 0; i < startsMs.length && next < estimatedMs.length; i++) {
      if (startsMs[i] === estimatedMs[next]) {
        estimated[i] = 1
        next++
      }
    }
    if (next !== estimatedMs.length) throw new Error('packed estimated half hours are not among the half hours read')
  }
  return { startsMs, kwhs, estimated }
}

/** Whether the meter point has any half-hourly data starting in [from, to). */
export async function hasIntervalData({
  tx,
  meterPointId,
  from,
  to,
}: {
  tx: Tx
  meterPointId: string
  from: Date
  to: Date
}): Promise<boolean> {
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
