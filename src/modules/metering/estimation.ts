/**
 * Estimation (MET-5): fill the gaps in a meter point's half-hourly data, and estimate a register
 * reading for a date. Estimates are marked as such; an actual that arrives later replaces them
 * (intervals: the merge lets an actual overwrite an estimate, never the reverse; readings: an
 * accepted actual supersedes the register's estimates).
 */
import type { Change } from '../../db/index.js'
import { newId } from '../../shared/ids.js'
import { type Decimal, decimal, multiplyDecimals, roundDecimal } from '../../shared/money.js'
import {
  addDays,
  daysBetween,
  LONDON,
  localDateOf,
  localTimeOf,
  settlementPeriodsOfDay,
  startOfLocalDay,
} from '../../shared/time.js'
import { calorificValueOn } from './calorific-values.js'
import {
  historyAdvanceTenths,
  profileHalfHourThousandths,
  typicalAdvanceTenths,
  typicalAnnualKwh,
} from './estimated-use.js'
import { unitsFromKwh } from './gas-volume.js'
import { type IntervalToStage, loadIntervals, saveIngestion } from './ingest.js'
import { MeterPointNotFound, ReadingRejected, recordReadingOn } from './operations.js'
import { formatThousandths, thousandths } from './queries.js'
import { expectedDailyUse, formatTenths, parseTenths } from './reading-rules.js'
import * as store from './store.js'
import type { Fuel, IngestionSummary, Reading, RegisterUnit } from './types.js'

export { typicalAnnualKwh }

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
  const annualKwh = typicalAnnualKwh[point.fuel as Fuel]
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
        kwh = formatThousandths(profileHalfHourThousandths({ annualKwh, slot }))
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
  const pointRegisters = await store.registersOf(
    tx,
    meters.map((candidate) => candidate.id),
  )
  const registers = meter ? pointRegisters.filter((candidate) => candidate.meter_id === meter.id) : []
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
  // at least nine in ten of the half hours are there
  const unit = target.unit as RegisterUnit
  // Energy in kWh becomes the register's unit with the calorific value billing would use for the
  // span: the one in force on its last day of use (the local day before the read's instant).
  const calorificValue = () => calorificValueOn({ tx, date: localDateOf(new Date(readAt.getTime() - 1)) })
  const inRegisterUnit = async (kwh: Decimal): Promise<Decimal> =>
    unit === 'kWh' ? kwh : unitsFromKwh({ kwh, unit, calorificValueMjPerM3: await calorificValue() })
  if (sum && expectedIntervals > 0 && sum.count * 10 >= expectedIntervals * 9) {
    // the half hours there, scaled up to all of them: thousandths of a kWh × expected ÷ present
    const kwh = decimal(thousandths(sum.kwh) * BigInt(expectedIntervals), BigInt(sum.count) * 1000n)
    advanceTenths = roundDecimal(multiplyDecimals(await inRegisterUnit(kwh), 10n), 'half-up').numerator
    method = 'intervals'
  } else {
    const usual = expectedDailyUse({ fuel: point.fuel as Fuel, rate: target.rate as never, unit, history }).usualPerDay
    // A usual pace exists only with two actual readings a week or more apart, the newest first.
    const oldest = history[history.length - 1]
    if (usual !== null && oldest) {
      advanceTenths = historyAdvanceTenths({
        advanceTenths: (parseTenths(last.value) ?? 0n) - (parseTenths(oldest.value) ?? 0n),
        spanMs: last.read_at.getTime() - oldest.read_at.getTime(),
        days,
      })
      method = 'history'
    } else {
      const annualKwh = typicalAnnualKwh[point.fuel as Fuel]
      // The typical home's use is kWh; a register reading volume advances by that energy's volume.
      advanceTenths =
        unit === 'kWh'
          ? typicalAdvanceTenths({ annualKwh, days })
          : typicalAdvanceTenths({
              annualKwh,
              days,
              unit,
              calorificValueMjPerM3: await calorificValue(),
            })
      method = 'profile'
    }
  }
  const dial = 10n ** BigInt(target.digits) * 10n
  const value = ((parseTenths(last.value) ?? 0n) + advanceTenths) % dial
  // What was read to make the estimate is what recording it checks against: it is not read again.
  const result = await recordReadingOn({
    tx,
    meterPointId,
    meterSerial,
    register,
    readAt,
    value: formatTenths(value),
    source: 'estimated',
    actor,
    at,
    known: { point, meters, registers: pointRegisters, actualsBefore: { registerId: target.id, rows: history } },
  })
  return { reading: result.reading, method }
}
