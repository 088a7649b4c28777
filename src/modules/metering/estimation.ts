/**
 * Estimation (MET-5): fill the gaps in a meter point's half-hourly data, and estimate a register
 * reading for a date. Estimates are marked as such; an actual that arrives later replaces them
 * (intervals: the merge lets an actual overwrite an estimate, never the reverse; readings: an
 * accepted actual supersedes the register's estimates).
 */
import type { Change } from '../../db/index.js'
import { newId } from '../../shared/ids.js'
import {
  addDays,
  daysBetween,
  LONDON,
  localDateOf,
  localTimeOf,
  settlementPeriodsOfDay,
  startOfLocalDay,
} from '../../shared/time.js'
import { type IntervalToStage, loadIntervals, saveIngestion } from './ingest.js'
import { MeterPointNotFound, ReadingRejected, recordReading } from './operations.js'
import { formatThousandths, thousandths } from './queries.js'
import { expectedDailyUse, formatTenths, parseTenths } from './reading-rules.js'
import * as store from './store.js'
import type { Fuel, IngestionSummary, Reading } from './types.js'

/** Typical domestic consumption a year (Ofgem TDCV, medium, from 1 July 2026). */
export const typicalAnnualKwh: Readonly<Record<Fuel, number>> = { electricity: 2500, gas: 9500 }

/**
 * The share of a day's use in each local half hour of a typical home (48 weights summing to 1):
 * low overnight, a morning rise, and an evening peak at 17:00–20:00.
 */
export function domesticShape(): number[] {
  const weights = Array.from({ length: 48 }, (_, slot) => {
    const hour = slot / 2
    if (hour < 6) return 0.45
    if (hour < 9) return 1.1
    if (hour < 16) return 0.9
    if (hour < 20) return 1.8
    return 1.0
  })
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  return weights.map((weight) => weight / total)
}

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay()
  return day === 0 || day === 6
}

/**
 * Fill every missing half hour of the local dates [from, to) with an estimate: the average of the
 * same local time of day over the previous four weeks of actual data (same kind of day — weekday or
 * weekend — where there is some), otherwise the typical home's profile. Returns what was written.
 * @throws MeterPointNotFound
 */
export async function fillIntervalGaps({
  tx,
  meterPointId,
  from,
  to,
  actor,
  at,
  timeZone = LONDON,
}: Change & {
  meterPointId: string
  from: string
  to: string
  timeZone?: string
}): Promise<IngestionSummary & { fromHistory: number; fromProfile: number }> {
  const point = await store.meterPointById(tx, meterPointId)
  if (!point) throw new MeterPointNotFound(`No meter point ${meterPointId}`)
  const historyFrom = addDays(from, -28)
  const rows = await store.intervalsBetween(
    tx,
    meterPointId,
    startOfLocalDay(historyFrom, timeZone),
    startOfLocalDay(to, timeZone),
  )
  const present = new Set(rows.map((row) => row.interval_start.getTime()))
  // local time of day → [sum of thousandths, count], per kind of day
  const profile = new Map<string, [bigint, number]>()
  for (const row of rows) {
    if (row.quality !== 'actual') continue
    const date = localDateOf(row.interval_start, timeZone)
    const key = `${isWeekend(date) ? 'we' : 'wd'} ${localTimeOf(row.interval_start, timeZone)}`
    const entry = profile.get(key) ?? [0n, 0]
    entry[0] += thousandths(row.kwh)
    entry[1]++
    profile.set(key, entry)
  }
  const shape = domesticShape()
  const dailyKwh = typicalAnnualKwh[point.fuel as Fuel] / 365
  const estimates: IntervalToStage[] = []
  let fromHistory = 0
  let fromProfile = 0
  const latestStart = at.getTime() - 30 * 60_000
  for (let date = from; date < to; date = addDays(date, 1)) {
    const weekend = isWeekend(date)
    for (const period of settlementPeriodsOfDay(date, timeZone)) {
      if (present.has(period.startAt.getTime()) || period.startAt.getTime() > latestStart) continue
      const time = localTimeOf(period.startAt, timeZone)
      const same = profile.get(`${weekend ? 'we' : 'wd'} ${time}`) ?? profile.get(`${weekend ? 'wd' : 'we'} ${time}`)
      let kwh: string
      if (same) {
        kwh = formatThousandths(same[0] / BigInt(same[1]))
        fromHistory++
      } else {
        const slot = Number(time.slice(0, 2)) * 2 + (time.slice(3, 5) === '30' ? 1 : 0)
        kwh = (dailyKwh * (shape[slot] ?? 1 / 48)).toFixed(3)
        fromProfile++
      }
      estimates.push({
        line: estimates.length + 1,
        meterPointId,
        intervalStart: period.startAt,
        kwh,
        quality: 'estimated',
      })
    }
  }
  const ingestionId = newId('ing')
  const merged = await loadIntervals({ tx, ingestionId, rows: estimates, at })
  const summary: IngestionSummary = {
    ingestionId,
    total: estimates.length,
    inserted: merged.written - merged.revised,
    revised: merged.revised,
    unchanged: merged.staged - merged.written,
    held: 0,
    rejected: 0,
    problems: [],
  }
  await saveIngestion(tx, { kind: 'estimation', fileName: null, sha256: null, summary, actor, at })
  return { ...summary, fromHistory, fromProfile }
}

/**
 * Estimate a register's reading at an instant and record it as an estimate: from the half-hourly
 * data since the last actual reading when the meter sends it (single-register meters), otherwise
 * from the register's own daily average, otherwise from the typical home's use.
 * @throws MeterPointNotFound, ReadingRejected when the register has no actual reading to start from
 */
export async function estimateReading({
  tx,
  meterPointId,
  meterSerial,
  register,
  readAt,
  actor,
  at,
}: Change & {
  meterPointId: string
  meterSerial: string
  register: string
  readAt: Date
}): Promise<{ reading: Reading; method: 'intervals' | 'history' | 'profile' }> {
  const point = await store.meterPointById(tx, meterPointId)
  if (!point) throw new MeterPointNotFound(`No meter point ${meterPointId}`)
  const meters = await store.metersOf(tx, [meterPointId])
  const meter = meters.find((candidate) => candidate.serial === meterSerial.toUpperCase())
  const registers = meter ? await store.registersOf(tx, [meter.id]) : []
  const target = registers.find((candidate) => candidate.identifier === register)
  if (!meter || !target) {
    throw new ReadingRejected(`No register ${register} on meter ${meterSerial}`, [
      { path: 'register', message: 'unknown register' },
    ])
  }
  const history = await store.actualsBefore(tx, target.id, readAt, 6)
  const last = history[0]
  if (!last) {
    throw new ReadingRejected('There is no actual reading to estimate from', [
      { path: 'register', message: 'needs one actual reading first' },
    ])
  }
  const days = daysBetween(localDateOf(last.read_at), localDateOf(readAt)) || 0
  let advanceTenths: bigint
  let method: 'intervals' | 'history' | 'profile'
  const sum = registers.length === 1 ? await store.sumIntervals(tx, meterPointId, last.read_at, readAt) : null
  const expectedIntervals = Math.round((readAt.getTime() - last.read_at.getTime()) / 1_800_000)
  if (sum && expectedIntervals > 0 && sum.count >= expectedIntervals * 0.9) {
    advanceTenths = (thousandths(sum.kwh) * BigInt(expectedIntervals)) / BigInt(sum.count) / 100n
    method = 'intervals'
  } else {
    const usual = expectedDailyUse({ fuel: point.fuel as Fuel, rate: target.rate as never, history }).usualPerDay
    const perDay = usual ?? typicalAnnualKwh[point.fuel as Fuel] / 365
    advanceTenths = BigInt(Math.round(perDay * days * 10))
    method = usual === null ? 'profile' : 'history'
  }
  const dial = 10n ** BigInt(target.digits) * 10n
  const value = ((parseTenths(last.value) ?? 0n) + advanceTenths) % dial
  const result = await recordReading({
    tx,
    meterPointId,
    meterSerial,
    register,
    readAt,
    value: formatTenths(value),
    source: 'estimated',
    actor,
    at,
  })
  return { reading: result.reading, method }
}
