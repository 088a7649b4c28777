/**
 * Launching a product (issue 22): the product, its tariffs in every GSP region it is sold in (all 14
 * unless some are given), and the first prices of each, from `availableFrom`, in one call. Built on
 * `createProduct` and `setRates`, which check and audit each part.
 */
import type { Change } from '../../db/index.js'
import * as accounts from '../accounts/index.js'
import { completeVat } from './price-change-rules.js'
import { checkProduct, decimalPattern, listed, type Problem, tariffCodeOf, unitKindsOf } from './product-rules.js'
import { createProduct, InvalidProduct } from './products.js'
import { setRates } from './rates.js'
import * as store from './store.js'
import type { Fuel, NewBand, NewProduct, NewRate, PaymentMethod, RateKind, RegisterKind } from './types.js'

/** A first price: for one region, or (region absent) for every region of the product. */
export interface LaunchRate {
  readonly fuel: Fuel
  /** Defaults to 2R for day and night prices, 1R otherwise. */
  readonly registerKind?: RegisterKind | undefined
  readonly region?: accounts.GspCode | undefined
  readonly kind: RateKind
  /** Null: one price for every payment method (export). */
  readonly paymentMethod: PaymentMethod | null
  /** Pence exc VAT; give this, valueIncVat or both (the other is computed at the product's VAT). */
  readonly valueExcVat?: string | undefined
  readonly valueIncVat?: string | undefined
}

export interface ProductLaunch extends Omit<NewProduct, 'tariffs'> {
  /** The fuels and register layouts sold: one tariff of each per region. */
  readonly supplies: readonly { readonly fuel: Fuel; readonly registerKind: RegisterKind }[]
  /** The GSP regions it is sold in; all 14 when absent. */
  readonly regions?: readonly accounts.GspCode[] | undefined
  /** Time-of-use windows, the same for every electricity tariff (time of use, Intelligent, Economy 7). */
  readonly bands?: readonly NewBand[] | undefined
  readonly rates: readonly LaunchRate[]
}

/**
 * Create a product with its regional tariffs and first prices. Beyond `createProduct`'s rules: a
 * fixed product states its exit fee (0 for none) as well as its term; every tariff gets a standing
 * charge and each unit price its structure has (a dynamic tariff's half-hourly prices come later,
 * from its day-ahead file), for at least one payment method.
 * @throws InvalidProduct naming each problem, ProductCodeTaken, and setRates' InvalidRates
 */
export async function launchProduct({ tx, product: input, actor, at }: Change & { product: ProductLaunch }): Promise<{
  id: string
  code: string
  tariffs: { id: string; code: string }[]
  rates: number
}> {
  const problems: Problem[] = []
  const push = (path: string, message: string) => problems.push({ path, message })
  if (!input.isVariable && input.exitFeeMinor === undefined)
    push('exitFeeMinor', 'a fixed product states its exit fee per fuel (0 for none)')
  const regions = input.regions ?? accounts.gspRegions.map((region) => region.code)
  if (regions.length === 0) push('regions', 'a product is sold in at least one region')
  if (new Set(regions).size !== regions.length) push('regions', 'a region is listed twice')
  regions.forEach((region, i) => {
    if (!accounts.gspRegionOf(region)) push(`regions.${i}`, 'unknown GSP region')
  })
  if (input.supplies.length === 0) push('supplies', 'a product supplies at least one fuel')
  const vatPercent = input.vatPercent ?? (input.direction === 'EXPORT' ? '0' : input.isBusiness ? '20' : '5')
  const product: NewProduct = {
    ...input,
    tariffs: input.supplies.flatMap((supply) =>
      regions.map((region) => ({
        ...supply,
        region,
        bands: supply.fuel === 'electricity' ? input.bands : undefined,
      })),
    ),
  }
  problems.push(...checkProduct(product))
  const rates: NewRate[] = []
  const priced = new Set<string>()
  const registerOf = (rate: LaunchRate) =>
    rate.registerKind ?? (rate.kind === 'day_unit' || rate.kind === 'night_unit' ? '2R' : '1R')
  // A price for one region overrides the price for every region there.
  const keyOf = (rate: LaunchRate, region: string) =>
    `${rate.fuel}|${registerOf(rate)}|${rate.kind}|${rate.paymentMethod ?? ''}|${region}`
  const regional = new Set(input.rates.flatMap((rate) => (rate.region ? [keyOf(rate, rate.region)] : [])))
  input.rates.forEach((rate, i) => {
    const path = `rates.${i}`
    const registerKind = registerOf(rate)
    if (!input.supplies.some((supply) => supply.fuel === rate.fuel && supply.registerKind === registerKind)) {
      push(`${path}.fuel`, `the product does not supply ${rate.fuel} ${registerKind}`)
      return
    }
    if (rate.region !== undefined && !regions.includes(rate.region)) {
      push(`${path}.region`, 'not a region the product is sold in')
      return
    }
    const exc = rate.valueExcVat ?? null
    const inc = rate.valueIncVat ?? null
    if (exc === null && inc === null) push(`${path}.valueExcVat`, 'give the price exc VAT, inc VAT or both')
    if (exc !== null && !decimalPattern.test(exc)) push(`${path}.valueExcVat`, 'pence with at most 4 decimals')
    if (inc !== null && !decimalPattern.test(inc)) push(`${path}.valueIncVat`, 'pence with at most 4 decimals')
    if ((exc === null && inc === null) || (exc !== null && !decimalPattern.test(exc))) return
    if (inc !== null && !decimalPattern.test(inc)) return
    const values = completeVat({ valueExcVat: exc, valueIncVat: inc, vatPercent })
    for (const region of rate.region ? [rate.region] : regions.filter((r) => !regional.has(keyOf(rate, r)))) {
      const tariffCode = tariffCodeOf({ productCode: input.code, fuel: rate.fuel, registerKind, region })
      priced.add(`${tariffCode}|${rate.kind}`)
      rates.push({
        tariffCode,
        kind: rate.kind,
        paymentMethod: rate.paymentMethod,
        ...values,
        validFrom: input.availableFrom,
        validTo: null,
      })
    }
  })
  for (const supply of input.supplies) {
    const kinds = [
      'standing_charge',
      ...unitKindsOf(input.structure, supply.registerKind).filter((kind) => kind !== 'dynamic_unit'),
    ]
    for (const region of regions) {
      const tariffCode = tariffCodeOf({ productCode: input.code, ...supply, region })
      const missing = kinds.filter((kind) => !priced.has(`${tariffCode}|${kind}`))
      if (missing.length > 0) push('rates', `${tariffCode} has no ${missing.join(', ')} price`)
    }
  }
  // The pair is checked when the transaction commits: name only a product that exists (the second of a pair).
  if (input.pairedProductCode && !(await store.productByCode(tx, input.pairedProductCode)))
    push('pairedProductCode', `there is no product ${input.pairedProductCode}: create the other half of the pair first`)
  if (problems.length > 0) throw new InvalidProduct('The product is not valid', listed(problems))
  const created = await createProduct({ tx, product, actor, at })
  const { inserted } = await setRates({ tx, rates, actor, at })
  return { ...created, rates: inserted }
}
