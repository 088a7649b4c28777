/**
 * Pure rules for register readings (MET-3): exact values in tenths of a unit, and how much a
 * register may plausibly advance in a day before a reading is held for review.
 */
import { compareDecimals, type Decimal, decimal, multiplyDecimals, roundDecimal } from '../../shared/money.js'
import { defaultCalorificValueMjPerM3, unitsFromKwh } from './gas-volume.js'
import type { Fuel, RegisterRate, RegisterUnit } from './types.js'

const dayMs = 86_400_000n

/** A reading as tenths of a unit ('12345.6' → 123456n), or null when it is not one. */
export function parseTenths(text: string): bigint | null {
  const match = /^(\d{1,11})(?:\.(\d))?$/.exec(text.trim())
  if (!match) return null
  return BigInt(match[1] as string) * 10n + BigInt(match[2] ?? '0')
}

/** Tenths back to a reading with one decimal place (123456n → '12345.6'). */
export function formatTenths(tenths: bigint): string {
  const sign = tenths < 0n ? '-' : ''
  const magnitude = tenths < 0n ? -tenths : tenths
  return `${sign}${magnitude / 10n}.${magnitude % 10n}`
}

/** A register's unit as a reason or a bill writes it. */
export const unitText: Readonly<Record<RegisterUnit, string>> = { kWh: 'kWh', m3: 'm³', hcf: 'hundreds of ft³' }

/**
 * A household's most in a day without history, in kWh: about 8 times the typical domestic
 * consumption (Ofgem TDCV: 2,700 kWh electricity, 11,500 kWh gas a year); and the least the
 * five-times-its-own-pace limit may fall to.
 */
export const dailyCeilingKwh = { electricity: 60n, electricityNight: 80n, gas: 250n } as const
export const dailyFloorKwh = { electricity: 20n, gas: 60n } as const

/**
 * A daily figure in kWh in the register's unit: gas volume at the default calorific value (a
 * plausibility limit need not follow the month's value). 250 kWh is 250 × 3.6 ÷ (1.02264 × 39.5)
 * = 22.28… m³, or 7.87… hundreds of ft³.
 */
function inUnit(kwh: bigint, unit: RegisterUnit): Decimal {
  return unit === 'kWh'
    ? decimal(kwh)
    : unitsFromKwh({ kwh, unit, calorificValueMjPerM3: defaultCalorificValueMjPerM3 })
}

/**
 * The most a register is expected to advance in a day, in its own unit, exact. With a usable
 * history (two actual readings at least a week apart, the newest first) it is five times the
 * register's own daily average, never below the fuel's floor; without one, the fuel's ceiling for a
 * household (`dailyCeilingKwh`), both turned into the register's unit.
 */
export function expectedDailyUse({
  fuel,
  rate,
  unit,
  history,
}: {
  fuel: Fuel
  rate: RegisterRate
  unit: RegisterUnit
  history: readonly { read_at: Date; value: string }[]
}): { usualPerDay: Decimal | null; limitPerDay: Decimal } {
  const ceiling = inUnit(
    fuel === 'gas'
      ? dailyCeilingKwh.gas
      : rate === 'night' || rate === 'off_peak'
        ? dailyCeilingKwh.electricityNight
        : dailyCeilingKwh.electricity,
    unit,
  )
  const floor = inUnit(fuel === 'gas' ? dailyFloorKwh.gas : dailyFloorKwh.electricity, unit)
  const newest = history[0]
  const oldest = history[history.length - 1]
  if (!newest || !oldest || newest === oldest) return { usualPerDay: null, limitPerDay: ceiling }
  const spanMs = BigInt(newest.read_at.getTime() - oldest.read_at.getTime())
  const advanceTenths = (parseTenths(newest.value) ?? 0n) - (parseTenths(oldest.value) ?? 0n)
  if (spanMs < 7n * dayMs || advanceTenths < 0n) return { usualPerDay: null, limitPerDay: ceiling }
  // tenths × a day's milliseconds ÷ (10 × the span's milliseconds): units a day, exact
  const usualPerDay = decimal(advanceTenths * dayMs, 10n * spanMs)
  const fivefold = multiplyDecimals(usualPerDay, 5n)
  return { usualPerDay, limitPerDay: compareDecimals(fivefold, floor) >= 0 ? fivefold : floor }
}

/**
 * The most tenths a register may advance over `spanMs` at `limitPerDay` units a day: the exact
 * product rounded up to the tenth (a reading exactly at the limit is not held).
 */
export function limitTenthsOver({ limitPerDay, spanMs }: { limitPerDay: Decimal; spanMs: number }): bigint {
  return roundDecimal(multiplyDecimals(limitPerDay, decimal(10n * BigInt(spanMs), dayMs)), 'ceiling').numerator
}
