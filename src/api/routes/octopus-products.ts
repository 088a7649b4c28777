/**
 * Octopus-compatible public product and rate endpoints (API-2, TAR-1): the same paths, parameters,
 * field names, pagination (`{count, next, previous, results}`, `?page=N`, absolute links) and
 * errors (`{"detail": "Not found."}`) as the public Octopus Energy REST API, so its clients read
 * Cuttle's catalogue unchanged. Paths answer with and without the trailing slash. Queries are
 * lenient like Octopus's: unknown parameters are ignored.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import * as tariffs from '../../modules/tariffs/index.js'
import { withLocalOffset } from '../../shared/time.js'
import type { AppContext } from '../context.js'
import { instantParam, listBody, OctopusError, periodQuery } from '../octopus.js'
import {
  OctopusProductDetail,
  OctopusProductSummary,
  OctopusRate,
  octopusErrors,
  octopusListOf,
} from './octopus-schemas.js'

const productsPerPage = 100

/** Octopus (Django) reads true/false in either case, and 1/0. */
const Flag = z
  .enum(['true', 'false', 'True', 'False', '1', '0'])
  .transform((value) => value === 'true' || value === 'True' || value === '1')
  .optional()

const ProductListQuery = z.object({
  is_variable: Flag,
  is_green: Flag,
  is_tracker: Flag,
  is_prepay: Flag,
  is_business: Flag,
  available_at: z.string().max(40).optional(),
  brand: z.string().max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
})

const RateQuery = periodQuery.extend({
  page_size: z.coerce.number().int().min(1).max(1500).default(100),
  page: z.coerce.number().int().min(1).default(1),
})

const CodeParams = z.object({ code: z.string().min(1).max(60) })
const TariffParams = z.object({ code: z.string().min(1).max(60), tariff: z.string().min(1).max(80) })

/** The rate lists of each fuel's tariffs, by path segment. */
const rateLists = {
  electricity: {
    'standard-unit-rates': 'standard_unit',
    'day-unit-rates': 'day_unit',
    'night-unit-rates': 'night_unit',
    'standing-charges': 'standing_charge',
  },
  gas: { 'standard-unit-rates': 'standard_unit', 'standing-charges': 'standing_charge' },
} as const satisfies Record<tariffs.Fuel, Record<string, tariffs.ServedRateKind>>

/** A page past the last is refused the way Octopus refuses it. */
function checkPage(page: number, pageSize: number, count: number) {
  if (page > 1 && (page - 1) * pageSize >= count) throw new OctopusError('Invalid page.')
}

/** Unknown products and tariffs answer Octopus's 404. */
async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    if (error instanceof tariffs.ProductNotFound || error instanceof tariffs.TariffNotFound) {
      throw new OctopusError('Not found.')
    }
    throw error
  }
}

/** Octopus writes rate validity in UTC without milliseconds: 2025-10-26T01:00:00Z. */
function utc(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function productSummary(origin: string, product: tariffs.Product) {
  return {
    code: product.code,
    direction: product.direction,
    full_name: product.fullName,
    display_name: product.displayName,
    description: product.description,
    is_variable: product.isVariable,
    is_green: product.isGreen,
    is_tracker: product.isTracker,
    is_prepay: product.isPrepay,
    is_business: product.isBusiness,
    is_restricted: product.isRestricted,
    term: product.term,
    available_from: withLocalOffset(product.availableFrom),
    available_to: product.availableTo ? withLocalOffset(product.availableTo) : null,
    links: [{ href: `${origin}/v1/products/${product.code}/`, method: 'GET', rel: 'self' }],
    brand: product.brand,
  }
}

const variantKey: Record<tariffs.PaymentMethod, string> = {
  DIRECT_DEBIT: 'direct_debit_monthly',
  NON_DIRECT_DEBIT: 'varying',
}

function priceFields<Prefix extends string>(
  prefix: Prefix,
  price: tariffs.Price | null,
): Record<`${Prefix}_exc_vat` | `${Prefix}_inc_vat`, number | null> {
  // computed keys widen to an index signature; the two keys are exactly these
  return {
    [`${prefix}_exc_vat`]: price ? Number(price.excVat) : null,
    [`${prefix}_inc_vat`]: price ? Number(price.incVat) : null,
  } as Record<`${Prefix}_exc_vat` | `${Prefix}_inc_vat`, number | null>
}

function tariffEntry(
  origin: string,
  product: tariffs.Product,
  tariff: tariffs.TariffPrices,
  variant: tariffs.PriceVariant,
) {
  const base = `${origin}/v1/products/${product.code}/${tariff.fuel}-tariffs/${tariff.code}`
  const link = (path: string, rel: string) => ({ href: `${base}/${path}/`, method: 'GET', rel })
  const exitFee = Number(product.exitFeeMinor)
  const units =
    tariff.registerKind === '2R'
      ? {
          ...priceFields('day_unit_rate', variant.dayUnitRate),
          ...priceFields('night_unit_rate', variant.nightUnitRate),
        }
      : priceFields('standard_unit_rate', variant.standardUnitRate)
  const unitLinks =
    tariff.registerKind === '2R'
      ? [link('day-unit-rates', 'day_unit_rates'), link('night-unit-rates', 'night_unit_rates')]
      : [link('standard-unit-rates', 'standard_unit_rates')]
  return {
    code: tariff.code,
    ...priceFields('standing_charge', variant.standingCharge),
    online_discount_exc_vat: 0,
    online_discount_inc_vat: 0,
    dual_fuel_discount_exc_vat: 0,
    dual_fuel_discount_inc_vat: 0,
    // the fee as charged, per fuel, in pence (no VAT breakdown)
    exit_fees_exc_vat: exitFee,
    exit_fees_inc_vat: exitFee,
    exit_fees_type: product.exitFeesType,
    links: [link('standing-charges', 'standing_charges'), ...unitLinks],
    ...units,
  }
}

function productDetail(origin: string, detail: tariffs.ProductDetail) {
  type ByRegion = Record<string, Record<string, ReturnType<typeof tariffEntry>>>
  const groups: Record<
    | 'single_register_electricity_tariffs'
    | 'dual_register_electricity_tariffs'
    | 'single_register_gas_tariffs'
    | 'dual_register_gas_tariffs',
    ByRegion
  > = {
    single_register_electricity_tariffs: {},
    dual_register_electricity_tariffs: {},
    single_register_gas_tariffs: {},
    dual_register_gas_tariffs: {},
  }
  for (const tariff of detail.tariffs) {
    if (tariff.variants.length === 0) continue
    const group =
      tariff.fuel === 'gas'
        ? 'single_register_gas_tariffs'
        : tariff.registerKind === '2R'
          ? 'dual_register_electricity_tariffs'
          : 'single_register_electricity_tariffs'
    groups[group][tariff.region] = Object.fromEntries(
      tariff.variants.map((variant) => [
        variantKey[variant.paymentMethod],
        tariffEntry(origin, detail.product, tariff, variant),
      ]),
    )
  }
  const summary = productSummary(origin, detail.product)
  return {
    code: summary.code,
    direction: summary.direction,
    full_name: summary.full_name,
    display_name: summary.display_name,
    description: summary.description,
    is_variable: summary.is_variable,
    is_green: summary.is_green,
    is_tracker: summary.is_tracker,
    is_prepay: summary.is_prepay,
    is_business: summary.is_business,
    is_restricted: summary.is_restricted,
    term: summary.term,
    available_from: summary.available_from,
    available_to: summary.available_to,
    tariffs_active_at: utc(detail.tariffsActiveAt),
    ...groups,
    links: summary.links,
    brand: summary.brand,
  }
}

export const octopusProductRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    for (const url of ['/v1/products/', '/v1/products']) {
      app.get(
        url,
        {
          config: { permission: 'public' },
          schema: {
            summary: 'Octopus-compatible list of the products available at an instant (default now), 100 a page',
            tags: ['octopus-compatible'],
            querystring: ProductListQuery,
            response: { 200: octopusListOf(OctopusProductSummary), ...octopusErrors(404) },
          },
        },
        async (request) => {
          const query = request.query
          const at = instantParam('available_at', query.available_at) ?? context.clock()
          const { count, products } = await tariffs.listProducts({
            tx: context.db,
            filters: {
              isVariable: query.is_variable,
              isGreen: query.is_green,
              isTracker: query.is_tracker,
              isPrepay: query.is_prepay,
              isBusiness: query.is_business,
              brand: query.brand,
            },
            at,
            page: query.page,
            pageSize: productsPerPage,
          })
          checkPage(query.page, productsPerPage, count)
          return listBody(
            context.publicUrl,
            request,
            count,
            query.page,
            productsPerPage,
            products.map((product) => productSummary(context.publicUrl, product)),
          )
        },
      )
    }

    for (const url of ['/v1/products/:code/', '/v1/products/:code']) {
      app.get(
        url,
        {
          config: { permission: 'public' },
          schema: {
            summary: 'Octopus-compatible product with its tariffs by region and payment method, priced at an instant',
            tags: ['octopus-compatible'],
            params: CodeParams,
            querystring: z.object({ tariffs_active_at: z.string().max(40).optional() }),
            response: { 200: OctopusProductDetail, ...octopusErrors(404) },
          },
        },
        async (request) => {
          const tariffsActiveAt = instantParam('tariffs_active_at', request.query.tariffs_active_at) ?? context.clock()
          const detail = await orNotFound(
            tariffs.getProduct({ tx: context.db, code: request.params.code, tariffsActiveAt }),
          )
          return productDetail(context.publicUrl, detail)
        },
      )
    }

    for (const fuel of ['electricity', 'gas'] as const) {
      for (const [path, kind] of Object.entries(rateLists[fuel])) {
        const base = `/v1/products/:code/${fuel}-tariffs/:tariff/${path}`
        for (const url of [`${base}/`, base]) {
          app.get(
            url,
            {
              config: { permission: 'public' },
              schema: {
                summary: `Octopus-compatible ${fuel} ${path.replaceAll('-', ' ')}, newest first`,
                tags: ['octopus-compatible'],
                params: TariffParams,
                querystring: RateQuery,
                response: { 200: octopusListOf(OctopusRate), ...octopusErrors(404) },
              },
            },
            async (request) => {
              const query = request.query
              const { count, rates } = await orNotFound(
                tariffs.listRates({
                  tx: context.db,
                  productCode: request.params.code,
                  tariffCode: request.params.tariff,
                  fuel,
                  kind,
                  periodFrom: instantParam('period_from', query.period_from),
                  periodTo: instantParam('period_to', query.period_to),
                  page: query.page,
                  pageSize: query.page_size,
                  at: context.clock(),
                }),
              )
              checkPage(query.page, query.page_size, count)
              return listBody(
                context.publicUrl,
                request,
                count,
                query.page,
                query.page_size,
                rates.map((rate) => ({
                  value_exc_vat: Number(rate.valueExcVat),
                  value_inc_vat: Number(rate.valueIncVat),
                  valid_from: utc(rate.validFrom),
                  valid_to: rate.validTo ? utc(rate.validTo) : null,
                  payment_method: rate.paymentMethod,
                })),
              )
            },
          )
        }
      }
    }
  }
