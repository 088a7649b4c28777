/**
 * ONB-1 Quotes: a postcode gives the region, the region the supplier's tariffs on sale there, and
 * each tariff an estimated annual cost from the customer's own consumption, or from Ofgem's typical
 * domestic consumption values (low, medium, high) when they do not know it. Public: no account, no
 * audit (nothing is written).
 *
 * The estimate is exact: kWh × unit rate + 365 × standing charge, VAT included, summed over the
 * fuels and rounded once, half-up, to whole pence. Only single-rate products are estimated:
 * time-of-use, Intelligent (EV), Agile (priced by the half hour) and Economy 7 tariffs cost what
 * they cost by WHEN energy is used, so they are listed under `notQuoted` with the reason rather
 * than estimated on a profile nobody chose; export tariffs pay rather than charge.
 */
import type { Db, Tx } from '../db/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as metering from '../modules/metering/index.js'
import * as tariffs from '../modules/tariffs/index.js'
import { ValidationFailed, withCode } from '../shared/errors.js'
import { addDecimals, type Decimal, decimal, multiplyDecimals, roundDecimal } from '../shared/money.js'

/** The postcode is not a Great Britain postcode we can place in a region. */
export class UnknownPostcode extends withCode(ValidationFailed, 'UNKNOWN_POSTCODE') {}
/** The consumption asked for is not a sensible household's. */
export class InvalidConsumption extends withCode(ValidationFailed, 'INVALID_CONSUMPTION') {}

export const usageLevels = ['low', 'medium', 'high'] as const
export type UsageLevel = (typeof usageLevels)[number]

export const quoteFuels = ['electricity', 'dual'] as const
export type QuoteFuels = (typeof quoteFuels)[number]

/**
 * Ofgem's typical domestic consumption values (TDCV), kWh a year, single-rate electricity and gas.
 * Medium is the value in force from 1 July 2026 (2,500 and 9,500: DOMAIN.md, the same figures
 * metering estimates with). Low and high are the previous review's (in force from October 2023:
 * 1,800 / 4,100 electricity, 7,500 / 17,000 gas): the July 2026 review's low and high values were not
 * at hand when this was written, and should replace them once checked against Ofgem's decision.
 */
export const typicalConsumptionKwh: Readonly<Record<UsageLevel, { electricity: number; gas: number }>> = {
  low: { electricity: 1800, gas: 7500 },
  medium: { electricity: metering.typicalAnnualKwh.electricity, gas: metering.typicalAnnualKwh.gas },
  high: { electricity: 4100, gas: 17000 },
}

/** The most a household is quoted for, kWh a year (about 15 times the typical home's electricity). */
export const maxQuoteKwh = 100_000

export interface QuoteRequest {
  readonly postcode: string
  readonly electricityKwh?: number | undefined
  readonly gasKwh?: number | undefined
  readonly usage?: UsageLevel | undefined
  /** 'dual' quotes gas too; by default gas is quoted only when `gasKwh` is given. */
  readonly fuels?: QuoteFuels | undefined
  readonly paymentMethod?: tariffs.PaymentMethod | undefined
}

export interface QuotedFuel {
  readonly fuel: tariffs.Fuel
  readonly tariffCode: string
  /** Pence per kWh, VAT included, exact text. */
  readonly unitRateIncVat: string
  /** Pence per day, VAT included, exact text. */
  readonly standingChargeIncVat: string
  readonly annualKwh: number
  /** This fuel's year, rounded half-up to whole pence on its own. */
  readonly annualCostMinor: bigint
}

export interface QuotedProduct {
  readonly code: string
  readonly displayName: string
  readonly fullName: string
  readonly description: string
  readonly isVariable: boolean
  readonly isGreen: boolean
  /** Months, for a fixed product. */
  readonly term: number | null
  readonly exitFeeMinor: bigint
  readonly fuels: readonly QuotedFuel[]
  /** The fuels' exact years summed, then rounded half-up once to whole pence. */
  readonly annualCostMinor: bigint
}

export interface NotQuotedProduct {
  readonly code: string
  readonly displayName: string
  readonly structure: tariffs.ProductStructure
  readonly direction: tariffs.Direction
  readonly reason: string
}

export interface Quote {
  readonly postcode: string
  readonly region: { readonly code: string; readonly name: string }
  /** Other regions the postcode's district may be in (boundary districts): the MPAN settles it. */
  readonly otherRegions: readonly { readonly code: string; readonly name: string }[]
  readonly paymentMethod: tariffs.PaymentMethod
  readonly pricesAt: Date
  readonly consumption: {
    readonly electricityKwh: number
    readonly gasKwh: number | null
    /** 'given' when the customer said, else the typical level used. */
    readonly electricitySource: 'given' | UsageLevel
    readonly gasSource: 'given' | UsageLevel | null
  }
  /** Cheapest first. */
  readonly products: readonly QuotedProduct[]
  readonly notQuoted: readonly NotQuotedProduct[]
}

/**
 * The region of a postcode: the most likely GSP group first, with the others a boundary district
 * may be in. @throws UnknownPostcode naming `postcode`
 */
export function regionOfPostcode(postcode: string): {
  postcode: string
  region: accounts.GspCode
  others: accounts.GspCode[]
} {
  const groups = accounts.isUkPostcode(postcode) ? accounts.gspGroupsForPostcode(postcode) : []
  const [region, ...others] = groups
  if (!region) {
    throw new UnknownPostcode(`${JSON.stringify(postcode)} is not a Great Britain postcode we supply`, [
      { path: 'postcode', message: 'a full Great Britain postcode, like SW9 8AB' },
    ])
  }
  return { postcode: accounts.formatPostcode(postcode), region, others }
}

const regionView = (code: string) => ({ code, name: accounts.gspRegionOf(code)?.name ?? code })

/** The year of one fuel, exact: kWh × unit + 365 × standing, both VAT included (pence). */
export function exactYearPence(annualKwh: number, unitIncVat: string, standingIncVat: string): Decimal {
  return addDecimals(multiplyDecimals(unitIncVat, BigInt(annualKwh)), multiplyDecimals(standingIncVat, 365n))
}

/** Whole pence, half-up: the one rounding of a quote's figure. */
export function penceOf(exact: Decimal): bigint {
  return roundDecimal(exact, 'half-up').numerator
}

/** Why a product is not estimated, or null when it is: only single-rate import products are. */
export function whyNotQuoted(product: tariffs.Product): string | null {
  if (product.direction === 'EXPORT')
    return 'an export tariff pays for the energy you export: there is no cost to estimate'
  switch (product.structure) {
    case 'single':
    case 'export':
      return null
    case 'day_night':
      return 'Economy 7: the cost depends on how much you use at night, so it is not estimated'
    case 'dynamic':
      return 'priced by the half hour: the cost depends on when you use energy, so it is not estimated'
    case 'intelligent':
      return 'an EV tariff priced by time of day: the cost depends on when you charge, so it is not estimated'
    case 'time_of_use':
      return 'priced by time of day: the cost depends on when you use energy, so it is not estimated'
  }
}

function checkKwh(value: number | undefined, path: string): void {
  if (value === undefined) return
  if (!Number.isSafeInteger(value) || value < 0 || value > maxQuoteKwh) {
    throw new InvalidConsumption(`${path} must be whole kWh a year from 0 to ${maxQuoteKwh}`, [
      { path, message: `whole kWh a year, 0 to ${maxQuoteKwh}` },
    ])
  }
}

/**
 * The products on sale to a home (open at `at`, not business, restricted or prepay), in the
 * postcode's region. @throws ValidationFailed never; returns the products as the tariffs module has them
 */
export async function productsOnSale(tx: Db | Tx, at: Date): Promise<tariffs.Product[]> {
  const { products } = await tariffs.listProducts({
    tx,
    filters: { isBusiness: false, isPrepay: false },
    at,
    pageSize: 500,
  })
  return products.filter((product) => !product.isRestricted)
}

/**
 * The prices of a tariff for the way of paying: its own non-Direct-Debit prices when it has them,
 * else the one set of prices it has for every way of paying.
 */
export function variantFor(tariff: tariffs.TariffPrices, paymentMethod: tariffs.PaymentMethod) {
  return (
    tariff.variants.find((variant) => variant.paymentMethod === paymentMethod) ??
    tariff.variants.find((variant) => variant.paymentMethod === 'DIRECT_DEBIT')
  )
}

/**
 * A quote for a postcode (ONB-1): the region, each product on sale there with its single-rate prices
 * and an estimated annual cost, cheapest first, and the products not estimated with the reason.
 * @throws UnknownPostcode, InvalidConsumption
 */
export async function quote({ tx, request, at }: { tx: Db | Tx; request: QuoteRequest; at: Date }): Promise<Quote> {
  const { postcode, region, others } = regionOfPostcode(request.postcode)
  checkKwh(request.electricityKwh, 'electricityKwh')
  checkKwh(request.gasKwh, 'gasKwh')
  const level = request.usage ?? 'medium'
  const withGas = (request.fuels ?? (request.gasKwh !== undefined ? 'dual' : 'electricity')) === 'dual'
  const electricityKwh = request.electricityKwh ?? typicalConsumptionKwh[level].electricity
  const gasKwh = withGas ? (request.gasKwh ?? typicalConsumptionKwh[level].gas) : null
  const paymentMethod = request.paymentMethod ?? 'DIRECT_DEBIT'

  const products: QuotedProduct[] = []
  const notQuoted: NotQuotedProduct[] = []
  for (const product of await productsOnSale(tx, at)) {
    const skip = (reason: string) =>
      notQuoted.push({
        code: product.code,
        displayName: product.displayName,
        structure: product.structure,
        direction: product.direction,
        reason,
      })
    const reason = whyNotQuoted(product)
    if (reason) {
      skip(reason)
      continue
    }
    const detail = await tariffs.getProduct({ tx, code: product.code, tariffsActiveAt: at })
    const wanted: { fuel: tariffs.Fuel; kwh: number }[] = [{ fuel: 'electricity', kwh: electricityKwh }]
    if (gasKwh !== null) wanted.push({ fuel: 'gas', kwh: gasKwh })
    const fuels: QuotedFuel[] = []
    let exactTotal = decimal(0n)
    let missing: string | null = null
    for (const { fuel, kwh } of wanted) {
      const tariff = detail.tariffs.find(
        (candidate) => candidate.fuel === fuel && candidate.region === region && candidate.registerKind === '1R',
      )
      const variant = tariff ? variantFor(tariff, paymentMethod) : undefined
      if (!tariff || !variant?.standardUnitRate || !variant.standingCharge) {
        missing = `no ${fuel} prices in ${regionView(region).name} at the moment`
        break
      }
      const exact = exactYearPence(kwh, variant.standardUnitRate.incVat, variant.standingCharge.incVat)
      exactTotal = addDecimals(exactTotal, exact)
      fuels.push({
        fuel,
        tariffCode: tariff.code,
        unitRateIncVat: variant.standardUnitRate.incVat,
        standingChargeIncVat: variant.standingCharge.incVat,
        annualKwh: kwh,
        annualCostMinor: penceOf(exact),
      })
    }
    if (missing) {
      skip(missing)
      continue
    }
    products.push({
      code: product.code,
      displayName: product.displayName,
      fullName: product.fullName,
      description: product.description,
      isVariable: product.isVariable,
      isGreen: product.isGreen,
      term: product.term,
      exitFeeMinor: product.exitFeeMinor,
      fuels,
      annualCostMinor: penceOf(exactTotal),
    })
  }
  products.sort((a, b) => (a.annualCostMinor < b.annualCostMinor ? -1 : a.annualCostMinor > b.annualCostMinor ? 1 : 0))
  return {
    postcode,
    region: regionView(region),
    otherRegions: others.map(regionView),
    paymentMethod,
    pricesAt: at,
    consumption: {
      electricityKwh,
      gasKwh,
      electricitySource: request.electricityKwh !== undefined ? 'given' : level,
      gasSource: gasKwh === null ? null : request.gasKwh !== undefined ? 'given' : level,
    },
    products,
    notQuoted,
  }
}
