/**
 * Creating a product with its regional tariffs (TAR-1), and the errors of products and tariffs.
 */
import type { Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { Conflict, NotFound, ValidationFailed, withCode } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import * as audit from '../audit/index.js'
import { checkProduct, defaultVatPercent, listed, tariffCodeOf } from './product-rules.js'
import * as store from './store.js'
import type { NewProduct } from './types.js'

export class InvalidProduct extends withCode(ValidationFailed, 'INVALID_PRODUCT') {}

export class ProductCodeTaken extends withCode(Conflict, 'PRODUCT_CODE_TAKEN') {}

export class ProductNotFound extends withCode(NotFound, 'PRODUCT_NOT_FOUND') {}

export class TariffNotFound extends withCode(NotFound, 'TARIFF_NOT_FOUND') {}

/**
 * Create a product with its regional tariffs (and their time-of-use bands), named by the Octopus
 * convention E-1R-<product>-<region letter>. Rates are added with `setRates`.
 * @throws InvalidProduct naming each problem, ProductCodeTaken
 */
export async function createProduct({
  tx,
  product: input,
  actor,
  at,
}: {
  tx: Tx
  product: NewProduct
  actor: Actor
  at: Date
}): Promise<{ id: string; code: string; tariffs: { id: string; code: string }[] }> {
  const problems = checkProduct(input)
  if (problems.length > 0) throw new InvalidProduct('The product is not valid', listed(problems))
  if (await store.productByCode(tx, input.code)) {
    throw new ProductCodeTaken(`There is already a product ${input.code}`, [{ path: 'code', message: 'taken' }])
  }
  const vatPercent =
    input.vatPercent ??
    (input.direction === 'EXPORT'
      ? defaultVatPercent.export
      : input.isBusiness
        ? defaultVatPercent.business
        : defaultVatPercent.domestic)
  const exitFeeMinor = input.exitFeeMinor ?? 0n
  const product: store.ProductRow = {
    id: newId('prd'),
    code: input.code,
    direction: input.direction,
    full_name: input.fullName.trim(),
    display_name: input.displayName.trim(),
    description: input.description ?? '',
    is_variable: input.isVariable,
    is_green: input.isGreen ?? false,
    is_tracker: input.isTracker ?? false,
    is_prepay: input.isPrepay ?? false,
    is_business: input.isBusiness ?? false,
    is_restricted: input.isRestricted ?? false,
    term: input.term,
    available_from: input.availableFrom,
    available_to: input.availableTo ?? null,
    brand: input.brand,
    structure: input.structure,
    vat_percent: vatPercent,
    exit_fee_minor: exitFeeMinor,
    exit_fees_type: exitFeeMinor > 0n ? 'PER_FUEL' : 'NONE',
    paired_product_code: input.pairedProductCode ?? null,
    created_at: at,
  }
  const tariffs: store.TariffRow[] = []
  const bands: store.BandRow[] = []
  for (const tariff of input.tariffs) {
    const row: store.TariffRow = {
      id: newId('trf'),
      code: tariffCodeOf({ productCode: input.code, ...tariff }),
      product_id: product.id,
      fuel: tariff.fuel,
      register_kind: tariff.registerKind,
      region: tariff.region,
    }
    tariffs.push(row)
    for (const band of tariff.bands ?? []) {
      bands.push({
        id: newId('bnd'),
        tariff_id: row.id,
        rate_kind: band.rateKind,
        start_time: band.startTime,
        end_time: band.endTime,
        time_zone: band.timeZone,
        valid_from: band.validFrom,
        valid_to: band.validTo ?? null,
      })
    }
  }
  await store.insertProduct(tx, product, tariffs, bands)
  await audit.record(tx, {
    actor,
    action: 'tariffs.product.created',
    subject: { type: 'product', id: product.id },
    after: {
      code: product.code,
      direction: product.direction,
      structure: product.structure,
      isVariable: product.is_variable,
      term: product.term,
      exitFeeMinor: String(exitFeeMinor),
      availableFrom: product.available_from.toISOString(),
      tariffs: tariffs.map((tariff) => tariff.code),
      bands: bands.length,
    },
    at,
  })
  return { id: product.id, code: product.code, tariffs: tariffs.map(({ id, code }) => ({ id, code })) }
}

// ——— rates ———
