/**
 * Gas in kWh from volume (MET-3, BIL-1): pure arithmetic on exact decimals, no I/O.
 * kWh = m³ × 1.02264 (volume correction) × calorific value (MJ/m³) ÷ 3.6 (MJ per kWh); a meter
 * reading hundreds of cubic feet gives m³ first as hcf × 2.83.
 */
import {
  type Decimal,
  type DecimalInput,
  decimal,
  decimalToString,
  multiplyDecimals,
  parseDecimal,
  roundDecimal,
  toDecimal,
} from '../../shared/money.js'
import type { RegisterUnit } from './types.js'

export const volumeCorrectionFactor = '1.02264'
export const cubicMetresPerHundredCubicFeet = '2.83'
/** Used on days no loaded calorific value covers. */
export const defaultCalorificValueMjPerM3 = '39.5'

export interface GasConversion {
  /** The units the register advanced, in its own unit. */
  readonly volume: string
  readonly volumeUnit: 'm3' | 'hcf'
  /** The volume in m³ (hcf × 2.83), exact. */
  readonly cubicMetres: string
  readonly correctionFactor: string
  readonly calorificValueMjPerM3: string
  /** kWh to 3 dp, rounded half up once at the end. */
  readonly kwh: string
}

/**
 * The kWh a gas register's advance stands for. Pure.
 * @throws InvalidDecimal when a figure is not an exact decimal
 */
export function kwhFromVolume({
  volume,
  unit,
  calorificValueMjPerM3,
}: {
  volume: string
  unit: Exclude<RegisterUnit, 'kWh'>
  calorificValueMjPerM3: string
}): GasConversion {
  const cubicMetres = unit === 'hcf' ? multiplyDecimals(volume, cubicMetresPerHundredCubicFeet) : parseDecimal(volume)
  const energyMj = multiplyDecimals(multiplyDecimals(cubicMetres, volumeCorrectionFactor), calorificValueMjPerM3)
  // ÷ 3.6 is × 10 ÷ 36: kept exact until the one rounding.
  const kwhExact = { numerator: energyMj.numerator * 10n, denominator: energyMj.denominator * 36n }
  return {
    volume,
    volumeUnit: unit,
    cubicMetres: decimalToString(cubicMetres),
    correctionFactor: volumeCorrectionFactor,
    calorificValueMjPerM3,
    kwh: decimalToString(roundDecimal(kwhExact, 'half-up', 3)),
  }
}

/**
 * How much a register reading `unit` advances for an energy in kWh: the inverse of `kwhFromVolume`,
 * exact and unrounded (the caller rounds once, as it keeps the figure). kWh stays kWh; m³ is
 * kWh × 3.6 ÷ (1.02264 × calorific value); hcf is that m³ ÷ 2.83. Pure.
 * @throws InvalidDecimal when a figure is not an exact decimal
 */
export function unitsFromKwh(
  input: { kwh: DecimalInput } & (
    | { unit: 'kWh' }
    | { unit: Exclude<RegisterUnit, 'kWh'>; calorificValueMjPerM3: string }
  ),
): Decimal {
  const kwh = toDecimal(input.kwh)
  if (input.unit === 'kWh') return kwh
  const energyMj = multiplyDecimals(kwh, '3.6')
  // MJ one unit of the register stands for: 1.02264 × CV a cubic metre, × 2.83 for a hundred cubic feet
  const perM3 = multiplyDecimals(volumeCorrectionFactor, input.calorificValueMjPerM3)
  const perUnit = input.unit === 'hcf' ? multiplyDecimals(perM3, cubicMetresPerHundredCubicFeet) : perM3
  return decimal(energyMj.numerator * perUnit.denominator, energyMj.denominator * perUnit.numerator)
}

/** "1,000.0 m³ × 1.02264 × 39.5 MJ/m³ ÷ 3.6 = 11,220.633 kWh": how a volume became kWh, for the bill. Pure. */
export function gasConversionText(gas: GasConversion): string {
  const volume =
    gas.volumeUnit === 'hcf'
      ? `${gas.volume} hundreds of ft³ × ${cubicMetresPerHundredCubicFeet} = ${gas.cubicMetres} m³`
      : `${gas.volume} m³`
  return `${volume} × ${gas.correctionFactor} (volume correction) × ${gas.calorificValueMjPerM3} MJ/m³ (calorific value) ÷ 3.6 = ${gas.kwh} kWh`
}
