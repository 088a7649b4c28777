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
  readonly fromMs: number
  /** Milliseconds after `fromMs`, comma-separated. */
  readonly offsets: string
  /** kWh as exact decimal text, comma-separated. */
  readonly kwhs: string
  /** One letter a half hour: a(ctual) or e(stimated). */
  readonly qualities: string
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
  const fromMs = from.getTime()
  return new Map(
    rows.map((row) => [row.meter_point_id, { fromMs, offsets: row.offsets, kwhs: row.kwhs, qualities: row.qualities }]),
  )
}

/** A packed meter point's half hours, oldest first. Pure. */
export function unpackIntervals(packed: PackedIntervals): BillableInterval[] {
  const offsets = packed.offsets.split(',')
  const kwhs = packed.kwhs.split(',')
  const intervals: BillableInterval[] = new Array(offsets.length)
  let sorted = true
  let previousMs = Number.NEGATIVE_INFINITY
  for (let i = 0; i < offsets.length; i++) {
    const ms = packed.fromMs + Number(offsets[i])
    intervals[i] = {
      start: new Date(ms),
      kwh: kwhs[i] ?? '',
      quality: packed.qualities[i] === 'e' ? 'estimated' : 'actual',
    }
    if (ms < previousMs) sorted = false
    previousMs = ms
  }
  // The aggregate promises no order: put it right when it differs.
  if (!sorted) intervals.sort((a, b) => a.start.getTime() - b.start.getTime())
  return intervals
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
