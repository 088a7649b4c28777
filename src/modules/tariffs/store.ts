import { type Selectable, sql } from 'kysely'
import { countOf } from '../../db/count.js'
import { copyRows, type Db, type Tx, withTables } from '../../db/index.js'
import { rowsOfAccount, rowsWhere, rowsWhereIn } from '../../db/query-rows.js'
import type { ProductFilters } from './types.js'

export interface ProductRow {
  id: string
  code: string
  direction: string
  full_name: string
  display_name: string
  description: string
  is_variable: boolean
  is_green: boolean
  is_tracker: boolean
  is_prepay: boolean
  is_business: boolean
  is_restricted: boolean
  term: number | null
  available_from: Date
  available_to: Date | null
  brand: string
  structure: string
  vat_percent: string
  exit_fee_minor: bigint
  exit_fees_type: string
  paired_product_code: string | null
  created_at: Date
}
export interface TariffRow {
  id: string
  code: string
  product_id: string
  fuel: string
  register_kind: string
  region: string
}
export interface RateRow {
  tariff_id: string
  kind: string
  payment_method: string | null
  value_exc_vat: string
  value_inc_vat: string
  valid_from: Date
  valid_to: Date | null
}
export interface BandRow {
  id: string
  tariff_id: string
  rate_kind: string
  start_time: string
  end_time: string
  time_zone: string
  valid_from: Date
  valid_to: Date | null
}
export interface AgreementRow {
  id: string
  account_id: string
  meter_point_id: string
  tariff_id: string
  valid_from: Date
  valid_to: Date | null
  term_ends_at: Date | null
  exit_fee_minor_applied: bigint | null
  created_at: Date
}
export interface DispatchRow {
  id: string
  account_id: string
  meter_point_id: string
  device_id: string
  start_at: Date
  end_at: Date
  source: string
  energy_kwh: string | null
  created_at: Date
  updated_at: Date
}
/** Published by metering (a view): read here only to check an agreement's fuel, direction and region. */
interface MeterPointKindsView {
  id: string
  fuel: string
  direction: string
  gsp_region: string | null
}

const tables = withTables<{
  products: ProductRow
  tariffs: TariffRow
  tariff_rates: RateRow
  tariff_bands: BandRow
  agreements: AgreementRow
  dispatches: DispatchRow
  meter_point_kinds: MeterPointKindsView
}>()

export type TariffWithProduct = TariffRow & {
  product_code: string
  product_name: string
  structure: string
  direction: string
  vat_percent: string
  is_business: boolean
  is_variable: boolean
  term: number | null
  exit_fee_minor: bigint
  exit_fees_type: string
}

/** The SQLSTATE and constraint of a database error, when it is one. */
export function databaseError(error: unknown): { code: string; constraint: string | null } | null {
  if (typeof error !== 'object' || error === null) return null
  const code = (error as { code?: unknown }).code
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return null
  const constraint = (error as { constraint?: unknown }).constraint
  return { code, constraint: typeof constraint === 'string' ? constraint : null }
}

// ——— products and tariffs ———

export async function insertProduct(
  tx: Tx,
  product: ProductRow,
  tariffs: readonly TariffRow[],
  bands: readonly BandRow[],
): Promise<void> {
  await tables(tx).insertInto('products').values(product).execute()
  if (tariffs.length > 0) await tables(tx).insertInto('tariffs').values(tariffs).execute()
  if (bands.length > 0) await tables(tx).insertInto('tariff_bands').values(bands).execute()
}

export async function productByCode(db: Db | Tx, code: string): Promise<ProductRow | undefined> {
  return rowsWhere(tables(db), 'products', 'code', code).executeTakeFirst()
}

/** The products a listing asks for: its filters, available at `availableAt`. */
export interface ProductQuery extends ProductFilters {
  readonly availableAt: Date
}

function productsWhere(db: Db | Tx, query: ProductQuery) {
  let q = tables(db)
    .selectFrom('products')
    .where('available_from', '<=', query.availableAt)
    .where((eb) => eb.or([eb('available_to', 'is', null), eb('available_to', '>', query.availableAt)]))
  if (query.isVariable !== undefined) q = q.where('is_variable', '=', query.isVariable)
  if (query.isGreen !== undefined) q = q.where('is_green', '=', query.isGreen)
  if (query.isTracker !== undefined) q = q.where('is_tracker', '=', query.isTracker)
  if (query.isPrepay !== undefined) q = q.where('is_prepay', '=', query.isPrepay)
  if (query.isBusiness !== undefined) q = q.where('is_business', '=', query.isBusiness)
  if (query.brand !== undefined) q = q.where('brand', '=', query.brand)
  return q
}

/** A page of the products available at an instant, by code, with the number of all that match. */
export async function productsPage(
  db: Db | Tx,
  query: ProductQuery,
  offset: number,
  limit: number,
): Promise<{ count: number; rows: ProductRow[] }> {
  const count = await countOf(productsWhere(db, query))
  const rows = await productsWhere(db, query).selectAll().orderBy('code').offset(offset).limit(limit).execute()
  return { count, rows }
}

export async function tariffsOfProduct(db: Db | Tx, productId: string): Promise<TariffRow[]> {
  return rowsWhere(tables(db), 'tariffs', 'product_id', productId)
    .orderBy('fuel')
    .orderBy('register_kind')
    .orderBy('region')
    .execute()
}

/** Tariffs by code (or by id), each with what its product says about its rates and terms. */
export async function tariffsWithProduct(
  db: Db | Tx,
  { codes, ids }: { codes?: readonly string[]; ids?: readonly string[] },
): Promise<TariffWithProduct[]> {
  const keys = codes ?? ids ?? []
  if (keys.length === 0) return []
  return tables(db)
    .selectFrom('tariffs as t')
    .innerJoin('products as p', 'p.id', 't.product_id')
    .selectAll('t')
    .select([
      'p.code as product_code',
      'p.full_name as product_name',
      'p.structure',
      'p.direction',
      'p.vat_percent',
      'p.is_business',
      'p.is_variable',
      'p.term',
      'p.exit_fee_minor',
      'p.exit_fees_type',
    ])
    .where(codes ? 't.code' : 't.id', 'in', [...keys])
    .execute()
}

// ——— rates ———

/** Every kind's rates but the dynamic half-hourly prices, of the tariffs: along the index by tariff and kind. */
function fixedRatesOf(db: Db | Tx, tariffIds: readonly string[]) {
  return rowsWhereIn(tables(db), 'tariff_rates', 'tariff_id', tariffIds).where('kind', '<>', 'dynamic_unit')
}

/**
 * The dynamic half-hourly prices of the tariffs that overlap the instant `from` or start after it: a
 * dynamic price lasts exactly half an hour (a check constraint), so it starts after from − 30
 * minutes. Every payment method is named so the unique index by tariff, method and start serves.
 */
function dynamicRatesFrom(db: Db | Tx, tariffIds: readonly string[], from: Date) {
  return rowsWhereIn(tables(db), 'tariff_rates', 'tariff_id', tariffIds)
    .where('kind', '=', 'dynamic_unit')
    .where(sql<string>`coalesce(payment_method, '')`, 'in', ['', 'DIRECT_DEBIT', 'NON_DIRECT_DEBIT'])
    .where('valid_from', '>', new Date(from.getTime() - 1_800_000))
    .where('valid_to', '>', from)
}

/**
 * Stored rates of the tariffs (and kinds) that overlap [from, to), ordered by tariff, kind and start.
 * Read in two parts, each along its own index (a year of Agile is 17,520 prices a tariff).
 */
export async function ratesOverlapping(
  db: Db | Tx,
  {
    tariffIds,
    kinds,
    from,
    to,
  }: { tariffIds: readonly string[]; kinds?: readonly string[]; from: Date; to: Date | null },
): Promise<RateRow[]> {
  if (tariffIds.length === 0) return []
  let fixed = fixedRatesOf(db, tariffIds).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', from)]))
  if (to !== null) fixed = fixed.where('valid_from', '<', to)
  if (kinds) fixed = fixed.where('kind', 'in', [...kinds])
  const rows = kinds?.every((kind) => kind === 'dynamic_unit') ? [] : await fixed.execute()
  if (!kinds || kinds.includes('dynamic_unit')) {
    let dynamic = dynamicRatesFrom(db, tariffIds, from)
    if (to !== null) dynamic = dynamic.where('valid_from', '<', to)
    rows.push(...(await dynamic.execute()))
  }
  return rows.sort(
    (a, b) =>
      compareText(a.tariff_id, b.tariff_id) ||
      compareText(a.kind, b.kind) ||
      a.valid_from.getTime() - b.valid_from.getTime(),
  )
}

/** Text in the database's order for these codes and ids (ASCII, byte by byte). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

const rateColumns = [
  'tariff_id',
  'kind',
  'payment_method',
  'value_exc_vat',
  'value_inc_vat',
  'valid_from',
  'valid_to',
] as const

/** Bulk insert with COPY (validated values only: no quoting is applied). */
export async function insertRates(tx: Tx, rows: readonly RateRow[]): Promise<number> {
  if (rows.length === 0) return 0
  function* lines() {
    for (const row of rows) {
      yield `${row.tariff_id},${row.kind},${row.payment_method ?? ''},${row.value_exc_vat},${row.value_inc_vat},${row.valid_from.toISOString()},${row.valid_to ? row.valid_to.toISOString() : ''}\n`
    }
  }
  return copyRows(tx, { table: 'tariff_rates', columns: rateColumns, lines: lines() })
}

/** End an open-ended rate at `validTo`. */
export async function endOpenRate(
  tx: Tx,
  rate: Pick<RateRow, 'tariff_id' | 'kind' | 'payment_method' | 'valid_from'>,
  validTo: Date,
): Promise<void> {
  let q = tables(tx)
    .updateTable('tariff_rates')
    .set({ valid_to: validTo })
    .where('tariff_id', '=', rate.tariff_id)
    .where('kind', '=', rate.kind)
    .where('valid_from', '=', rate.valid_from)
    .where('valid_to', 'is', null)
  q =
    rate.payment_method === null
      ? q.where('payment_method', 'is', null)
      : q.where('payment_method', '=', rate.payment_method)
  await q.execute()
}

function ratesWhere(
  db: Db | Tx,
  { tariffId, kind, from, to }: { tariffId: string; kind: string; from?: Date | undefined; to?: Date | undefined },
) {
  let q = tables(db).selectFrom('tariff_rates').where('tariff_id', '=', tariffId).where('kind', '=', kind)
  if (from) q = q.where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', from)]))
  if (to) q = q.where('valid_from', '<', to)
  return q
}

/** A page of one tariff's rates of one kind overlapping [from, to), newest first. */
export async function ratesPage(
  db: Db | Tx,
  filter: { tariffId: string; kind: string; from?: Date | undefined; to?: Date | undefined },
  offset: number,
  limit: number,
): Promise<{ count: number; rows: RateRow[] }> {
  const count = await countOf(ratesWhere(db, filter))
  const rows = await ratesWhere(db, filter)
    .selectAll()
    .orderBy('valid_from', 'desc')
    .orderBy(sql`coalesce(payment_method, '')`)
    .offset(offset)
    .limit(limit)
    .execute()
  return { count, rows }
}

/** Every rate of the tariffs in force at the instant (each part along its index, as `ratesOverlapping`). */
export async function ratesAt(db: Db | Tx, tariffIds: readonly string[], instant: Date): Promise<RateRow[]> {
  if (tariffIds.length === 0) return []
  const fixed = await fixedRatesOf(db, tariffIds)
    .where('valid_from', '<=', instant)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', instant)]))
    .execute()
  const dynamic = await dynamicRatesFrom(db, tariffIds, instant).where('valid_from', '<=', instant).execute()
  return [...fixed, ...dynamic]
}

// ——— bands ———

export async function bandsOf(
  db: Db | Tx,
  tariffIds: readonly string[],
  range?: { from: Date; to: Date | null },
): Promise<BandRow[]> {
  if (tariffIds.length === 0) return []
  let q = rowsWhereIn(tables(db), 'tariff_bands', 'tariff_id', tariffIds)
  if (range) {
    const { from, to } = range
    q = q.where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', from)]))
    if (to !== null) q = q.where('valid_from', '<', to)
  }
  return q.orderBy('tariff_id').orderBy('valid_from').orderBy('start_time').execute()
}

// ——— agreements ———

export async function meterPoint(db: Db | Tx, id: string): Promise<Selectable<MeterPointKindsView> | undefined> {
  return tables(db)
    .selectFrom('meter_point_kinds')
    .select(['id', 'fuel', 'direction', 'gsp_region'])
    .where('id', '=', id)
    .executeTakeFirst()
}

/** The meter point's agreements overlapping [from, to), earliest first. */
export async function agreementsOverlapping(
  db: Db | Tx,
  meterPointId: string,
  from: Date,
  to: Date | null,
): Promise<AgreementRow[]> {
  let q = rowsWhere(tables(db), 'agreements', 'meter_point_id', meterPointId).where((eb) =>
    eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', from)]),
  )
  if (to !== null) q = q.where('valid_from', '<', to)
  return q.orderBy('valid_from').execute()
}

/**
 * The meter point's agreements in force at or after `from`, earliest first, each with its tariff's
 * code, locked for a change of tenancy.
 */
export async function lockAgreementsInForceFrom(tx: Tx, meterPointId: string, from: Date) {
  return tables(tx)
    .selectFrom('agreements as a')
    .innerJoin('tariffs as t', 't.id', 'a.tariff_id')
    .selectAll('a')
    .select('t.code as tariff_code')
    .where('a.meter_point_id', '=', meterPointId)
    .where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>', from)]))
    .orderBy('a.valid_from')
    .forUpdate('a')
    .execute()
}

export async function insertAgreement(tx: Tx, row: AgreementRow): Promise<void> {
  await tables(tx).insertInto('agreements').values(row).execute()
}

export async function endAgreement(
  tx: Tx,
  id: string,
  { validTo, exitFeeMinor }: { validTo: Date; exitFeeMinor: bigint },
): Promise<void> {
  await tables(tx)
    .updateTable('agreements')
    .set({ valid_to: validTo, exit_fee_minor_applied: exitFeeMinor })
    .where('id', '=', id)
    .execute()
}

export type AgreementView = AgreementRow & { tariff_code: string; product_code: string; product_name: string }

export async function agreementsOfPoints(db: Db | Tx, meterPointIds: readonly string[]): Promise<AgreementView[]> {
  if (meterPointIds.length === 0) return []
  return agreementViews(db)
    .where('a.meter_point_id', 'in', [...meterPointIds])
    .execute()
}

export async function agreementsOfAccountId(db: Db | Tx, accountId: string): Promise<AgreementView[]> {
  return agreementViews(db).where('a.account_id', '=', accountId).execute()
}

export async function agreementsOfAccountIds(db: Db | Tx, accountIds: readonly string[]): Promise<AgreementView[]> {
  if (accountIds.length === 0) return []
  return agreementViews(db)
    .where('a.account_id', 'in', [...accountIds])
    .execute()
}

/** The agreements on these tariffs (by code) in force at `at`: begun at or before it, not ended by it. */
export async function agreementsOnTariffsAt(
  db: Db | Tx,
  { tariffCodes, at }: { tariffCodes: readonly string[]; at: Date },
): Promise<AgreementView[]> {
  if (tariffCodes.length === 0) return []
  return agreementViews(db)
    .where('t.code', 'in', [...tariffCodes])
    .where('a.valid_from', '<=', at)
    .where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>', at)]))
    .execute()
}

function agreementViews(db: Db | Tx) {
  return tables(db)
    .selectFrom('agreements as a')
    .innerJoin('tariffs as t', 't.id', 'a.tariff_id')
    .innerJoin('products as p', 'p.id', 't.product_id')
    .selectAll('a')
    .select(['t.code as tariff_code', 'p.code as product_code', 'p.full_name as product_name'])
    .orderBy('a.meter_point_id')
    .orderBy('a.valid_from')
}

// ——— dispatches ———

/**
 * Insert dispatches, or update one already recorded under the same account, device and start
 * when anything about it differs. Returns how many were inserted and how many updated.
 */
export async function upsertDispatches(
  tx: Tx,
  rows: readonly DispatchRow[],
): Promise<{ inserted: number; updated: number }> {
  if (rows.length === 0) return { inserted: 0, updated: 0 }
  const changed = await tables(tx)
    .insertInto('dispatches')
    .values([...rows])
    .onConflict((oc) =>
      oc
        .columns(['account_id', 'device_id', 'start_at'])
        .doUpdateSet((eb) => ({
          meter_point_id: eb.ref('excluded.meter_point_id'),
          end_at: eb.ref('excluded.end_at'),
          source: eb.ref('excluded.source'),
          energy_kwh: eb.ref('excluded.energy_kwh'),
          updated_at: eb.ref('excluded.updated_at'),
        }))
        .where(
          sql<boolean>`(dispatches.meter_point_id, dispatches.end_at, dispatches.source, dispatches.energy_kwh)
            is distinct from (excluded.meter_point_id, excluded.end_at, excluded.source, excluded.energy_kwh)`,
        ),
    )
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .execute()
  const inserted = changed.filter((row) => row.inserted).length
  return { inserted, updated: changed.length - inserted }
}

export async function dispatchesOverlapping(
  db: Db | Tx,
  { accountId, meterPointId, from, to }: { accountId: string; meterPointId?: string | undefined; from: Date; to: Date },
): Promise<DispatchRow[]> {
  let q = rowsOfAccount(tables(db), 'dispatches', accountId).where('start_at', '<', to).where('end_at', '>', from)
  if (meterPointId) q = q.where('meter_point_id', '=', meterPointId)
  return q.orderBy('start_at').orderBy('device_id').execute()
}

/** Dispatches of many accounts overlapping [from, to), by account, start and device (billing runs). */
export async function dispatchesOfAccounts(
  db: Db | Tx,
  { accountIds, from, to }: { accountIds: readonly string[]; from: Date; to: Date },
): Promise<DispatchRow[]> {
  if (accountIds.length === 0) return []
  return rowsWhereIn(tables(db), 'dispatches', 'account_id', accountIds)
    .where('start_at', '<', to)
    .where('end_at', '>', from)
    .orderBy('account_id')
    .orderBy('start_at')
    .orderBy('device_id')
    .execute()
}
