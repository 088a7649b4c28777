/**
 * The arithmetic of estimates (MET-5), exact: an estimate can reach a bill, so like every other
 * quantity it is a whole number of thousandths of a kWh (half hours) or tenths of a unit (register
 * readings), rounded once, half-up, from an exact ratio. No database, no clock.
 */
import { decimal, multiplyDecimals, roundDecimal } from '../../shared/money.js'
import { unitsFromKwh } from './gas-volume.js'
import type { Fuel, RegisterUnit } from './types.js'

/** Typical domestic consumption a year in kWh (Ofgem TDCV, medium, from 1 July 2026). */
export const typicalAnnualKwh: Readonly<Record<Fuel, number>> = { electricity: 2500, gas: 9500 }

const dayMs = 86_400_000n

/**
 * The weight of each local half hour (0 = 00:00–00:30) in a typical home's day, as whole numbers:
 * low overnight, a morning rise, and an evening peak at 16:00–20:00. They are the shares
 * 0.45 : 1.1 : 0.9 : 1.8 : 1.0 times 20, so they add up to `domesticShapeTotal` exactly.
 */
export function domesticShapeWeight(slot: number): bigint {
  const hour = slot / 2
  if (hour < 6) return 9n
  if (hour < 9) return 22n
  if (hour < 16) return 18n
  if (hour < 20) return 36n
  return 20n
}

/** The sum of the 48 weights: 12×9 + 6×22 + 14×18 + 8×36 + 8×20 = 108 + 132 + 252 + 288 + 160. */
export const domesticShapeTotal = 940n

/**
 * Thousandths of a kWh a typical home uses in one local half hour: the annual use ÷ 365 days, times
 * the half hour's share of the day, rounded half-up to the thousandth.
 */
export function profileHalfHourThousandths({ annualKwh, slot }: { annualKwh: number; slot: number }): bigint {
  const share = decimal(BigInt(annualKwh) * domesticShapeWeight(slot), 365n * domesticShapeTotal)
  return roundDecimal(share, 'half-up', 3).numerator
}

/**
 * Tenths of a unit a register advances over `days` at the pace of its own history: `advanceTenths`
 * over `spanMs` milliseconds between two actual readings, rounded half-up to the tenth.
 */
export function historyAdvanceTenths({
  advanceTenths,
  spanMs,
  days,
}: {
  advanceTenths: bigint
  spanMs: number
  days: number
}): bigint {
  return roundDecimal(decimal(advanceTenths * BigInt(days) * dayMs, BigInt(spanMs)), 'half-up').numerator
}

/**
 * Tenths of the register's unit a typical home uses over `days`: annual kWh × days ÷ 365, in kWh as
 * it is, or turned back into the volume a gas register reads (`unitsFromKwh`, with the calorific
 * value in force), exact until one half-up rounding to the tenth.
 */
export function typicalAdvanceTenths(
  input: { annualKwh: number; days: number } & (
    | { unit?: 'kWh' }
    | { unit: Exclude<RegisterUnit, 'kWh'>; calorificValueMjPerM3: string }
  ),
): bigint {
  const kwh = decimal(BigInt(input.annualKwh) * BigInt(input.days), 365n)
  const units =
    input.unit === 'm3' || input.unit === 'hcf'
      ? unitsFromKwh({ kwh, unit: input.unit, calorificValueMjPerM3: input.calorificValueMjPerM3 })
      : kwh
  return roundDecimal(multiplyDecimals(units, 10n), 'half-up').numerator
}
