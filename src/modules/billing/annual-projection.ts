/**
 * What a bill must say of the year ahead (Ofgem's bill content rules; issue 21): the supply's annual
 * consumption, what it would cost over a year at today's prices, and the Tariff Comparison Rate (the
 * tariff's cost per kWh at a typical consumption, standing charge included). Exact: every figure is
 * a ratio of whole numbers rounded once, half-up, at the end. Pure.
 *
 * The projection follows the customer's own use; the Tariff Comparison Rate does not: it is the
 * tariff's, so two customers on one tariff in one region see the same rate whenever they used energy.
 */
import {
  addDecimals,
  type Decimal,
  decimal,
  decimalToString,
  multiplyDecimals,
  parseDecimal,
  roundDecimal,
} from '../../shared/money.js'

/** What a supply used over a stretch of statements: kWh as exact text, and the days billed. */
export interface UsageSpan {
  readonly kwh: string
  readonly days: number
}

/** Today's prices, as this statement charged them (exc VAT): energy over its kWh, standing charge over its days. */
export interface ChargedPrices {
  readonly energyMinor: bigint
  readonly kwh: string
  readonly standingMinor: bigint
  readonly standingDays: number
  /** The VAT rate, an exact decimal percentage: '5', '20'. */
  readonly vatPercent: string
}

export interface AnnualProjection {
  /** kWh a year, whole: the spans' use scaled to 365 days. */
  readonly annualKwh: string
  /** A year of that use and 365 days of standing charge at today's prices, VAT included, in minor units. */
  readonly projectedAnnualCostMinor: bigint
}

const thousandths = (kwh: string) => {
  const { numerator, denominator } = parseDecimal(kwh)
  return (numerator * 1000n) / denominator
}

/** Minor units, VAT included, of a year at `annualThousandths` kWh and these prices (an exact ratio). */
function yearCost(annualThousandths: bigint, prices: ChargedPrices) {
  const kwhT = thousandths(prices.kwh)
  const vat = parseDecimal(prices.vatPercent)
  // (annual × energy ÷ kWh + 365 × standing ÷ days) × (100 + vat) ÷ 100, over one denominator.
  const excVatNumerator =
    annualThousandths * prices.energyMinor * BigInt(prices.standingDays) + 365n * prices.standingMinor * kwhT
  const excVatDenominator = kwhT * BigInt(prices.standingDays)
  return decimal(excVatNumerator * (100n * vat.denominator + vat.numerator), excVatDenominator * 100n * vat.denominator)
}

/**
 * The annual consumption and projected cost of a supply, or null when there is no use to go on (no
 * days, or no kWh charged to take a unit price from).
 */
export function annualProjection({
  history,
  prices,
}: {
  history: readonly UsageSpan[]
  prices: ChargedPrices
}): AnnualProjection | null {
  const days = history.reduce((sum, span) => sum + span.days, 0)
  const usedT = history.reduce((sum, span) => sum + thousandths(span.kwh), 0n)
  if (days <= 0 || thousandths(prices.kwh) <= 0n || prices.standingDays <= 0) return null
  // Whole kWh a year: used × 365 ÷ days, in thousandths, rounded half-up to a whole kWh.
  const annual = roundDecimal(decimal(usedT * 365n, BigInt(days) * 1000n), 'half-up').numerator
  const cost = roundDecimal(yearCost(annual * 1000n, prices), 'half-up').numerator
  return { annualKwh: annual.toString(), projectedAnnualCostMinor: cost }
}

/** One of a tariff's unit prices with VAT (pence per kWh, exact text) and its share of a typical year's kWh. */
export interface WeightedUnitPrice {
  readonly unitIncVat: string
  /** Relative: 58 and 42 for Economy 7's day and night, or the milliseconds a price is in force for a flat profile. */
  readonly weight: bigint
}

/** Ofgem's typical Economy 7 split of a year's kWh (day, night), in percent. */
export const economy7SplitPercent = { day: 58n, night: 42n } as const

/**
 * The Tariff Comparison Rate: pence per kWh with VAT, to 2 places (half-up), of `typicalKwh` a year
 * at the tariff's unit prices in their shares plus 365 days of its standing charge; null when the
 * tariff has no unit price or no weight to share by. Depends only on the tariff's prices.
 */
export function tariffComparisonRate({
  units,
  standingIncVat,
  typicalKwh,
}: {
  units: readonly WeightedUnitPrice[]
  standingIncVat: string
  /** Ofgem's typical domestic consumption (TDCV) for the fuel and meter, kWh a year. */
  typicalKwh: number
}): string | null {
  const totalWeight = units.reduce((sum, unit) => sum + unit.weight, 0n)
  if (units.length === 0 || totalWeight <= 0n || typicalKwh <= 0) return null
  // The mean unit price: Σ(unit × weight) ÷ Σ weight, exact.
  const weighted = units.reduce<Decimal>(
    (sum, unit) => addDecimals(sum, multiplyDecimals(unit.unitIncVat, unit.weight)),
    decimal(0n),
  )
  const meanUnit = decimal(weighted.numerator, weighted.denominator * totalWeight)
  // (typical × mean unit + 365 × standing) ÷ typical.
  const year = addDecimals(multiplyDecimals(meanUnit, BigInt(typicalKwh)), multiplyDecimals(standingIncVat, 365n))
  const rate = roundDecimal(decimal(year.numerator, year.denominator * BigInt(typicalKwh)), 'half-up', 2)
  return decimalToString(rate)
}

/** A single-rate tariff's prices with VAT, as published: pence per kWh and pence per day, exact text. */
export interface PublishedPrices {
  readonly unitIncVat: string
  readonly standingIncVat: string
}

/** A year at `annualKwh` on published prices with VAT: kWh × unit + 365 × standing, rounded half-up to minor units. */
export function yearOnPrices(annualKwh: string, prices: PublishedPrices): bigint {
  const unit = parseDecimal(prices.unitIncVat)
  const standing = parseDecimal(prices.standingIncVat)
  const kwh = parseDecimal(annualKwh)
  const numerator =
    kwh.numerator * unit.numerator * standing.denominator +
    365n * standing.numerator * unit.denominator * kwh.denominator
  return roundDecimal(decimal(numerator, kwh.denominator * unit.denominator * standing.denominator), 'half-up')
    .numerator
}
