/**
 * The pure rules of a product and its prices (TAR-1, TAR-2): tariff codes, the rate kinds a structure
 * and register layout take, exact price text, VAT consistency, half-hour boundaries, and every
 * problem with a new product listed at once. No database, no clock.
 */
import * as accounts from '../accounts/index.js'
import { checkBands, halfHourMs } from './bands.js'
import type { BandRateKind, Fuel, NewProduct, ProductStructure, RateKind, RegisterKind } from './types.js'
import { bandRateKinds, bandTimeZones } from './types.js'

export type Problem = { path: string; message: string }

/** At most this many problems are listed in one error; the message gives the total. */
const maxProblemsListed = 50

export function listed(problems: Problem[]): Problem[] {
  return problems.slice(0, maxProblemsListed)
}

/** gb VAT on energy: domestic 5%, business 20%, none on export payments (DOMAIN.md). */
export const defaultVatPercent = { domestic: '5', business: '20', export: '0' } as const

const productCodePattern = /^[A-Z0-9][A-Z0-9-]{0,48}[A-Z0-9]$/

const brandPattern = /^[A-Z][A-Z0-9_]{1,39}$/

export const decimalPattern = /^-?\d{1,8}(\.\d{1,4})?$/

const percentPattern = /^\d{1,2}(\.\d{1,2})?$/

/** The Octopus tariff code: E-1R-<product>-<region letter>, E-2R-…, G-1R-…. */
export function tariffCodeOf({
  productCode,
  fuel,
  registerKind,
  region,
}: {
  productCode: string
  fuel: Fuel
  registerKind: RegisterKind
  region: string
}): string {
  return `${fuel === 'electricity' ? 'E' : 'G'}-${registerKind}-${productCode}-${region.slice(1)}`
}

/** The unit-rate kinds a tariff of this structure and register layout is priced in. */
export function unitKindsOf(structure: ProductStructure, registerKind: RegisterKind): readonly RateKind[] {
  if (structure === 'dynamic') return ['dynamic_unit']
  if (registerKind === '2R') return ['day_unit', 'night_unit']
  if (structure === 'time_of_use' || structure === 'intelligent') return ['standard_unit', 'off_peak_unit', 'peak_unit']
  return ['standard_unit']
}

function bandKindsOf(structure: ProductStructure, registerKind: RegisterKind): readonly BandRateKind[] {
  if (registerKind === '2R') return ['day_unit', 'night_unit']
  if (structure === 'time_of_use' || structure === 'intelligent') return ['standard_unit', 'off_peak_unit', 'peak_unit']
  return []
}

/** Text with at most 4 decimals as a whole number of ten-thousandths. */
function tenThousandths(text: string): bigint {
  const negative = text.startsWith('-')
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.')
  const value = BigInt(whole + fraction.padEnd(4, '0'))
  return negative ? -value : value
}

/** Whether inc equals exc × (1 + vat%) to within 0.0001p (either may be the rounded one). */
export function vatConsistent(excVat: string, incVat: string, vatPercent: string): boolean {
  const [whole = '0', fraction = ''] = vatPercent.split('.')
  const vatHundredths = BigInt(whole + fraction.padEnd(2, '0').slice(0, 2)) // 5% → 500 per 10,000
  const difference = tenThousandths(incVat) * 10_000n - tenThousandths(excVat) * (10_000n + vatHundredths)
  return (difference < 0n ? -difference : difference) <= 10_000n
}

export function onHalfHour(instant: Date): boolean {
  return Number.isFinite(instant.getTime()) && instant.getTime() % halfHourMs === 0
}

export function isoOrNull(instant: Date | null): string | null {
  return instant === null ? null : instant.toISOString()
}

// ——— products ———

export function checkProduct(input: NewProduct): Problem[] {
  const problems: Problem[] = []
  const push = (path: string, message: string) => problems.push({ path, message })
  if (!productCodePattern.test(input.code)) push('code', 'capitals, digits and hyphens, 2 to 50 characters')
  if (!input.fullName.trim() || input.fullName.length > 200) push('fullName', 'must be 1 to 200 characters')
  if (!input.displayName.trim() || input.displayName.length > 100) push('displayName', 'must be 1 to 100 characters')
  if ((input.description ?? '').length > 2000) push('description', 'must be at most 2000 characters')
  if (input.term !== null && (!Number.isInteger(input.term) || input.term < 1 || input.term > 60))
    push('term', 'must be a whole number of months from 1 to 60')
  if (!input.isVariable && input.term === null) push('term', 'a fixed product needs a term')
  if (!Number.isFinite(input.availableFrom.getTime())) push('availableFrom', 'not a valid instant')
  if (input.availableTo && !(input.availableTo > input.availableFrom))
    push('availableTo', 'must be after availableFrom')
  if (!brandPattern.test(input.brand)) push('brand', "capitals, digits and '_', like GOOD_EGG_ENERGY")
  const exportStructures: readonly ProductStructure[] = ['export', 'time_of_use', 'dynamic']
  if (input.structure === 'export' && input.direction !== 'EXPORT') push('structure', 'an export product exports')
  if (input.direction === 'EXPORT' && !exportStructures.includes(input.structure))
    push('structure', 'an export product is single rate (export), time of use or dynamic')
  const vat = input.vatPercent ?? '0'
  if (!percentPattern.test(vat)) push('vatPercent', 'a percentage below 100 with at most 2 decimals')
  if (input.direction === 'EXPORT' && input.vatPercent !== undefined && Number(input.vatPercent) !== 0)
    push('vatPercent', 'export payments carry no VAT')
  const fee = input.exitFeeMinor ?? 0n
  if (typeof fee !== 'bigint' || fee < 0n) push('exitFeeMinor', 'must be a bigint of minor units, 0 or more')
  else if (fee > 0n && input.isVariable) push('exitFeeMinor', 'only a fixed product has an exit fee')
  if (input.pairedProductCode && !productCodePattern.test(input.pairedProductCode))
    push('pairedProductCode', 'not a product code')
  if (input.pairedProductCode === input.code) push('pairedProductCode', 'a product cannot pair with itself')
  if (input.tariffs.length === 0) push('tariffs', 'a product needs at least one tariff')
  const seen = new Set<string>()
  input.tariffs.forEach((tariff, i) => {
    const path = `tariffs.${i}`
    if (!accounts.gspRegionOf(tariff.region)) push(`${path}.region`, 'unknown GSP group')
    if (tariff.fuel === 'gas' && tariff.registerKind !== '1R') push(`${path}.registerKind`, 'gas has one register')
    if (tariff.fuel === 'gas' && input.structure !== 'single')
      push(`${path}.fuel`, `a ${input.structure} product is electricity only`)
    if (
      tariff.fuel === 'electricity' &&
      tariff.registerKind === '2R' &&
      !['single', 'day_night'].includes(input.structure)
    )
      push(`${path}.registerKind`, `a ${input.structure} product is single register`)
    if (tariff.fuel === 'electricity' && tariff.registerKind === '1R' && input.structure === 'day_night')
      push(`${path}.registerKind`, 'a day/night product has two registers')
    const key = `${tariff.fuel}|${tariff.registerKind}|${tariff.region}`
    if (seen.has(key)) push(path, 'listed twice')
    seen.add(key)
    const bands = tariff.bands ?? []
    const allowed = tariff.fuel === 'gas' ? [] : bandKindsOf(input.structure, tariff.registerKind)
    const needsBands = input.structure === 'time_of_use' || input.structure === 'intelligent'
    if (needsBands && bands.length === 0) push(`${path}.bands`, `a ${input.structure} tariff needs its bands`)
    bands.forEach((band, j) => {
      if (!bandRateKinds.includes(band.rateKind) || !allowed.includes(band.rateKind))
        push(
          `${path}.bands.${j}.rateKind`,
          allowed.length ? `one of ${allowed.join(', ')}` : 'this tariff has no bands',
        )
      if (!bandTimeZones.includes(band.timeZone)) push(`${path}.bands.${j}.timeZone`, 'Europe/London or UTC')
    })
    problems.push(
      ...checkBands(
        bands.map((band) => ({ ...band, validTo: band.validTo ?? null })),
        `${path}.bands`,
      ),
    )
  })
  return problems
}
