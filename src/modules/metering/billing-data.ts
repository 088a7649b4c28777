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
