import type { AccountsQuery, Db, Tx } from '../../db/index.js'
import type { InstantRange } from '../../shared/range.js'
import { camelFields } from '../../shared/row-mapping.js'
import { addDays, localDateOf, startOfLocalDay } from '../../shared/time.js'
import type { GspCode } from '../accounts/index.js'
import { type BandWindow, bandedRateWindows, rateKindAt } from './bands.js'
import { ProductNotFound, TariffNotFound } from './products.js'
import * as store from './store.js'
import type {
  Agreement,
  Band,
  BandRateKind,
  BandTimeZone,
  Direction,
  Dispatch,
  DispatchSource,
  Fuel,
  PaymentMethod,
  Price,
  PriceVariant,
  Product,
  ProductDetail,
  ProductFilters,
  ProductStructure,
  Rate,
  RateKind,
  RegisterKind,
  ServedRateKind,
  Tariff,
  TariffPrices,
} from './types.js'

function toProduct(row: store.ProductRow): Product {
  return {
    ...camelFields(row, [
      'id',
      'code',
      'direction',
      'full_name',
      'display_name',
      'description',
      'is_variable',
      'is_green',
      'is_tracker',
      'is_prepay',
      'is_business',
      'is_restricted',
      'term',
      'available_from',
      'available_to',
      'brand',
      'structure',
      'vat_percent',
      'exit_fee_minor',
      'exit_fees_type',
      'paired_product_code',
    ]),
    direction: row.direction as Direction,
    structure: row.structure as ProductStructure,
    exitFeesType: row.exit_fees_type as Product['exitFeesType'],
  }
}

function toTariff(row: store.TariffRow, productCode: string): Tariff {
  return {
    id: row.id,
    code: row.code,
    productCode,
    fuel: row.fuel as Fuel,
    registerKind: row.register_kind as RegisterKind,
    region: row.region as GspCode,
  }
}

function toRate(row: store.RateRow, tariffCode: string): Rate {
  return {
    tariffCode,
    ...camelFields(row, ['kind', 'payment_method', 'value_exc_vat', 'value_inc_vat', 'valid_from', 'valid_to']),
    kind: row.kind as RateKind,
    paymentMethod: row.payment_method as PaymentMethod | null,
  }
}

function toBand(row: store.BandRow): Band {
  return {
    ...camelFields(row, ['rate_kind', 'start_time', 'end_time', 'time_zone', 'valid_from', 'valid_to']),
    rateKind: row.rate_kind as BandRateKind,
    timeZone: row.time_zone as BandTimeZone,
  }
}

/** Whether the tariff's standard-unit-rates are its bands' prices, served as windows. */
function isBanded(structure: string, registerKind: string): boolean {
  return (structure === 'time_of_use' || structure === 'intelligent') && registerKind === '1R'
}

/**
 * A page of the products available at `at` (available_from ≤ at < available_to), by code, with the
 * number of all that match the filters. Throws nothing.
 */
export async function listProducts({
  tx,
  filters = {},
  at,
  page = 1,
  pageSize = 100,
}: {
  tx: Db | Tx
  filters?: ProductFilters
  at: Date
  page?: number
  pageSize?: number
}): Promise<{ count: number; products: Product[] }> {
  const { count, rows } = await store.productsPage(tx, { availableAt: at, ...filters }, (page - 1) * pageSize, pageSize)
  return { count, products: rows.map(toProduct) }
}

function priceOf(row: store.RateRow | undefined): Price | null {
  return row ? { excVat: row.value_exc_vat, incVat: row.value_inc_vat } : null
}

/**
 * A product with each tariff's prices in force at `tariffsActiveAt` (TAR-1): standing charge and
 * unit rates per payment method — the unit rate of the half hour holding the instant for
 * time-of-use and dynamic tariffs. A direct-debit variant is always given when any price is in
 * force (prices for every payment method fill in); non-direct-debit only when the tariff has such prices.
 * @throws ProductNotFound
 */
export async function getProduct({
  tx,
  code,
  tariffsActiveAt,
}: {
  tx: Db | Tx
  code: string
  tariffsActiveAt: Date
}): Promise<ProductDetail> {
  const row = await store.productByCode(tx, code)
  if (!row) throw new ProductNotFound(`There is no product ${code}`)
  const product = toProduct(row)
  const tariffRows = await store.tariffsOfProduct(tx, row.id)
  const ids = tariffRows.map((tariff) => tariff.id)
  const rates = await store.ratesAt(tx, ids, tariffsActiveAt)
  const bands = isBanded(row.structure, '1R')
    ? await store.bandsOf(tx, ids, { from: tariffsActiveAt, to: new Date(tariffsActiveAt.getTime() + 1) })
    : []
  const tariffs: TariffPrices[] = tariffRows.map((tariffRow) => {
    const own = rates.filter((rate) => rate.tariff_id === tariffRow.id)
    const ownBands = bands.filter((band) => band.tariff_id === tariffRow.id).map(toBand)
    const find = (kind: string, method: PaymentMethod) =>
      own.find((rate) => rate.kind === kind && rate.payment_method === method) ??
      own.find((rate) => rate.kind === kind && rate.payment_method === null)
    const unitKind =
      row.structure === 'dynamic'
        ? 'dynamic_unit'
        : isBanded(row.structure, tariffRow.register_kind)
          ? rateKindAt({ bands: ownBands, instant: tariffsActiveAt })
          : 'standard_unit'
    const variantFor = (method: PaymentMethod): PriceVariant => ({
      paymentMethod: method,
      standingCharge: priceOf(find('standing_charge', method)),
      standardUnitRate: tariffRow.register_kind === '1R' ? priceOf(find(unitKind, method)) : null,
      dayUnitRate: tariffRow.register_kind === '2R' ? priceOf(find('day_unit', method)) : null,
      nightUnitRate: tariffRow.register_kind === '2R' ? priceOf(find('night_unit', method)) : null,
    })
    const hasAny = (variant: PriceVariant) =>
      [variant.standingCharge, variant.standardUnitRate, variant.dayUnitRate, variant.nightUnitRate].some(
        (price) => price !== null,
      )
    const variants = [variantFor('DIRECT_DEBIT')]
    if (own.some((rate) => rate.payment_method === 'NON_DIRECT_DEBIT')) variants.push(variantFor('NON_DIRECT_DEBIT'))
    return { ...toTariff(tariffRow, row.code), variants: variants.filter(hasAny) }
  })
  return { product, tariffsActiveAt, tariffs }
}

/** A tariff with its product. @throws TariffNotFound */
export async function getTariff({
  tx,
  tariffCode,
}: {
  tx: Db | Tx
  tariffCode: string
}): Promise<{ tariff: Tariff; product: Product }> {
  const [tariff] = await store.tariffsWithProduct(tx, { codes: [tariffCode] })
  const product = tariff ? await store.productByCode(tx, tariff.product_code) : undefined
  if (!tariff || !product) throw new TariffNotFound(`There is no tariff ${tariffCode}`)
  return { tariff: toTariff(tariff, product.code), product: toProduct(product) }
}

const bandKinds = ['standard_unit', 'off_peak_unit', 'peak_unit'] as const

/**
 * A page of one tariff's rates as the Octopus rate endpoints serve them, newest first: those
 * overlapping [periodFrom, periodTo) (either end may be open). `standard_unit` on a dynamic tariff
 * gives its half-hourly prices, and on a time-of-use tariff its band prices as windows (Octopus
 * serves Go, Intelligent Go and Flux that way); with no `periodTo` the windows run to the end of
 * the local day after `at` (or after `periodFrom`, if later). `productCode` and `fuel`, when given, must be the tariff's.
 * @throws TariffNotFound
 */
export async function listRates({
  tx,
  tariffCode,
  kind,
  productCode,
  fuel,
  periodFrom,
  periodTo,
  page = 1,
  pageSize = 100,
  at,
}: {
  tx: Db | Tx
  tariffCode: string
  kind: ServedRateKind
  productCode?: string | undefined
  fuel?: Fuel | undefined
  periodFrom?: Date | undefined
  periodTo?: Date | undefined
  page?: number
  pageSize?: number
  at: Date
}): Promise<{ count: number; rates: Rate[] }> {
  const [tariff] = await store.tariffsWithProduct(tx, { codes: [tariffCode] })
  if (!tariff || (productCode !== undefined && tariff.product_code !== productCode) || (fuel && tariff.fuel !== fuel)) {
    throw new TariffNotFound(`There is no tariff ${tariffCode}${productCode ? ` of ${productCode}` : ''}`)
  }
  const offset = (page - 1) * pageSize
  if (kind === 'standard_unit' && isBanded(tariff.structure, tariff.register_kind)) {
    const windows = await bandedWindows(tx, tariff, { periodFrom, periodTo, at })
    return { count: windows.length, rates: windows.slice(offset, offset + pageSize) }
  }
  const storedKind = kind === 'standard_unit' && tariff.structure === 'dynamic' ? 'dynamic_unit' : kind
  const { count, rows } = await store.ratesPage(
    tx,
    { tariffId: tariff.id, kind: storedKind, from: periodFrom, to: periodTo },
    offset,
    pageSize,
  )
  return { count, rates: rows.map((row) => toRate(row, tariff.code)) }
}

async function bandedWindows(
  tx: Db | Tx,
  tariff: store.TariffWithProduct,
  { periodFrom, periodTo, at }: { periodFrom: Date | undefined; periodTo: Date | undefined; at: Date },
): Promise<Rate[]> {
  const rates = (
    await store.ratesOverlapping(tx, { tariffIds: [tariff.id], kinds: bandKinds, from: new Date(0), to: null })
  ).map((row) => toRate(row, tariff.code))
  if (rates.length === 0) return []
  const bands = (await store.bandsOf(tx, [tariff.id])).map(toBand)
  const coverageFrom = Math.min(...rates.map((rate) => rate.validFrom.getTime()))
  const coverageTo = rates.some((rate) => rate.validTo === null)
    ? Number.POSITIVE_INFINITY
    : Math.max(...rates.map((rate) => rate.validTo!.getTime()))
  const visibleFrom = periodFrom?.getTime() ?? Number.NEGATIVE_INFINITY
  const latest = periodFrom && periodFrom > at ? periodFrom : at
  const visibleTo = (periodTo ?? startOfLocalDay(addDays(localDateOf(latest), 2))).getTime()
  // a local day of margin either side, so the windows that reach into the period are whole
  const from = periodFrom
    ? Math.max(coverageFrom, startOfLocalDay(addDays(localDateOf(periodFrom), -1)).getTime())
    : coverageFrom
  const to = Math.min(coverageTo, startOfLocalDay(addDays(localDateOf(new Date(visibleTo)), 2)).getTime())
  if (!(from < to)) return []
  return bandedRateWindows({ bands, rates, from: new Date(from), to: new Date(to) })
    .filter((window) => window.validFrom.getTime() < visibleTo && window.validTo!.getTime() > visibleFrom)
    .map((window) => ({ ...window, tariffCode: tariff.code }))
}

/** One tariff's data over a range of instants. */
interface TariffOverRange {
  tx: Db | Tx
  tariffCode: string
  range: InstantRange
}

/** @throws TariffNotFound */
async function knownTariff(tx: Db | Tx, tariffCode: string) {
  const [tariff] = await store.tariffsWithProduct(tx, { codes: [tariffCode] })
  if (!tariff) throw new TariffNotFound(`There is no tariff ${tariffCode}`)
  return tariff
}

/**
 * Every rate of a tariff (all kinds and payment methods) overlapping the range, by kind, payment
 * method and start: what the billing engine prices a period with. @throws TariffNotFound
 */
export async function ratesFor({ tx, tariffCode, range }: TariffOverRange): Promise<Rate[]> {
  const tariff = await knownTariff(tx, tariffCode)
  const rows = await store.ratesOverlapping(tx, { tariffIds: [tariff.id], from: range.from, to: range.to })
  return rows
    .map((row) => toRate(row, tariff.code))
    .sort(
      (a, b) =>
        a.kind.localeCompare(b.kind) ||
        (a.paymentMethod ?? '').localeCompare(b.paymentMethod ?? '') ||
        a.validFrom.getTime() - b.validFrom.getTime(),
    )
}

/** A tariff's time-of-use bands in force during the range (for `rateKindAt`). @throws TariffNotFound */
export async function bandsFor({ tx, tariffCode, range }: TariffOverRange): Promise<BandWindow[]> {
  const tariff = await knownTariff(tx, tariffCode)
  return (await store.bandsOf(tx, [tariff.id], range)).map(toBand)
}

function toDispatch(row: store.DispatchRow): Dispatch {
  return {
    ...camelFields(row, [
      'id',
      'account_id',
      'meter_point_id',
      'device_id',
      'start_at',
      'end_at',
      'source',
      'energy_kwh',
    ]),
    source: row.source as DispatchSource,
  }
}

/** The account's dispatches (optionally of one meter point) overlapping the range, by start. Throws nothing. */
export async function dispatchesFor({
  tx,
  accountId,
  meterPointId,
  range,
}: {
  tx: Db | Tx
  accountId: string
  meterPointId?: string | undefined
  range: { from: Date; to: Date }
}): Promise<Dispatch[]> {
  const rows = await store.dispatchesOverlapping(tx, { accountId, meterPointId, from: range.from, to: range.to })
  return rows.map(toDispatch)
}

/** Every agreement of the meter points, by meter point and start (TAR-3). Throws nothing. */
export async function agreementsOf({
  tx,
  meterPointIds,
}: {
  tx: Db | Tx
  meterPointIds: readonly string[]
}): Promise<Agreement[]> {
  return (await store.agreementsOfPoints(tx, meterPointIds)).map(toAgreement)
}

/** Every agreement of many accounts, on any meter point, by meter point and start (billing runs). Throws nothing. */
export async function agreementsOfAccounts({ tx, accountIds }: AccountsQuery): Promise<Agreement[]> {
  return (await store.agreementsOfAccountIds(tx, accountIds)).map(toAgreement)
}

/**
 * The dispatches of many accounts overlapping the range, by account, start and device: what
 * `dispatchesFor` gives one account at a time, for a billing run's batch. Throws nothing.
 */
export async function dispatchesOfAccounts({
  tx,
  accountIds,
  range,
}: {
  tx: Db | Tx
  accountIds: readonly string[]
  range: { from: Date; to: Date }
}): Promise<Dispatch[]> {
  const rows = await store.dispatchesOfAccounts(tx, { accountIds, from: range.from, to: range.to })
  return rows.map(toDispatch)
}

/**
 * The agreements on these tariffs (by code) in force at the instant `at`, by meter point: whose
 * customers a price change of those tariffs reaches. Throws nothing.
 */
export async function agreementsOnTariffsAt({
  tx,
  tariffCodes,
  at,
}: {
  tx: Db | Tx
  tariffCodes: readonly string[]
  at: Date
}): Promise<Agreement[]> {
  return (await store.agreementsOnTariffsAt(tx, { tariffCodes, at })).map(toAgreement)
}

function toAgreement(row: store.AgreementView): Agreement {
  return camelFields(row, [
    'id',
    'account_id',
    'meter_point_id',
    'tariff_code',
    'product_code',
    'product_name',
    'valid_from',
    'valid_to',
    'term_ends_at',
    'exit_fee_minor_applied',
  ])
}

/** Every agreement the account has had, on any meter point, by meter point and start. Throws nothing. */
export async function agreementsOfAccount({ tx, accountId }: { tx: Db | Tx; accountId: string }): Promise<Agreement[]> {
  return (await store.agreementsOfAccountId(tx, accountId)).map(toAgreement)
}
