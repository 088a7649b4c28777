import type { Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { Conflict, NotFound, ValidationFailed } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { addDays, daysBetween, localDateOf, monthDateRange, startOfLocalDay } from '../../shared/time.js'
import * as accounts from '../accounts/index.js'
import * as audit from '../audit/index.js'
import { checkBands, halfHourMs } from './bands.js'
import * as store from './store.js'
import type {
  Agreement,
  BandRateKind,
  Fuel,
  NewDispatch,
  NewProduct,
  NewRate,
  ProductStructure,
  RateKind,
  RegisterKind,
} from './types.js'
import { bandRateKinds, bandTimeZones, dispatchSources, paymentMethods, rateKinds } from './types.js'

export class InvalidProduct extends ValidationFailed {
  override readonly code = 'INVALID_PRODUCT'
}
export class ProductCodeTaken extends Conflict {
  override readonly code = 'PRODUCT_CODE_TAKEN'
}
export class ProductNotFound extends NotFound {
  override readonly code = 'PRODUCT_NOT_FOUND'
}
export class TariffNotFound extends NotFound {
  override readonly code = 'TARIFF_NOT_FOUND'
}
export class InvalidRates extends ValidationFailed {
  override readonly code = 'INVALID_RATES'
}
export class RatesOverlap extends Conflict {
  override readonly code = 'RATES_OVERLAP'
}
export class InvalidAgreement extends ValidationFailed {
  override readonly code = 'INVALID_AGREEMENT'
}
export class AgreementOverlap extends Conflict {
  override readonly code = 'AGREEMENT_OVERLAP'
}
export class AgreementNotFound extends NotFound {
  override readonly code = 'AGREEMENT_NOT_FOUND'
}
export class AlreadyOnTariff extends Conflict {
  override readonly code = 'ALREADY_ON_TARIFF'
}
export class UnknownMeterPoint extends NotFound {
  override readonly code = 'UNKNOWN_METER_POINT'
}
export class InvalidDispatches extends ValidationFailed {
  override readonly code = 'INVALID_DISPATCHES'
}

type Problem = { path: string; message: string }

/** At most this many problems are listed in one error; the message gives the total. */
const maxProblemsListed = 50

function listed(problems: Problem[]): Problem[] {
  return problems.slice(0, maxProblemsListed)
}

/** gb VAT on energy: domestic 5%, business 20%, none on export payments (DOMAIN.md). */
const defaultVatPercent = { domestic: '5', business: '20', export: '0' } as const

/**
 * Ofgem: a domestic customer may leave a fixed-term contract without an exit fee in the last 49
 * days of its term (the switching window). Seed 002 only says the fixed IO Go has a £25 exit fee.
 */
export const exitFeeFreeDays = 49

const productCodePattern = /^[A-Z0-9][A-Z0-9-]{0,48}[A-Z0-9]$/
const brandPattern = /^[A-Z][A-Z0-9_]{1,39}$/
const decimalPattern = /^-?\d{1,8}(\.\d{1,4})?$/
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
function vatConsistent(excVat: string, incVat: string, vatPercent: string): boolean {
  const [whole = '0', fraction = ''] = vatPercent.split('.')
  const vatHundredths = BigInt(whole + fraction.padEnd(2, '0').slice(0, 2)) // 5% → 500 per 10,000
  const difference = tenThousandths(incVat) * 10_000n - tenThousandths(excVat) * (10_000n + vatHundredths)
  return (difference < 0n ? -difference : difference) <= 10_000n
}

function onHalfHour(instant: Date): boolean {
  return Number.isFinite(instant.getTime()) && instant.getTime() % halfHourMs === 0
}

function isoOrNull(instant: Date | null): string | null {
  return instant === null ? null : instant.toISOString()
}

// ——— products ———

function checkProduct(input: NewProduct): Problem[] {
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

interface Span {
  readonly index: number | null // null: a stored rate
  readonly stored: store.RateRow | null
  readonly paymentMethod: string | null
  readonly from: number
  to: number | null
}

/**
 * Add rates in bulk (TAR-1), checked first: each names a known tariff and a kind its structure is
 * priced in, pence with at most 4 decimals, inc VAT = exc VAT × (1 + the product's VAT) to within
 * 0.0001p, validity on half-hour boundaries (a dynamic price exactly one half hour), and no two
 * prices of one tariff, kind and payment method at the same instant — in the batch or stored (a
 * price for every payment method counts against each). With `endOpenRates`, a stored open-ended
 * price that started earlier is ended where the new one of the same payment method starts (a
 * price change). Loaded with COPY, so a year of Agile for 14 regions takes seconds.
 * @throws TariffNotFound, InvalidRates, RatesOverlap
 */
export async function setRates({
  tx,
  rates,
  endOpenRates = false,
  actor,
  at,
}: {
  tx: Tx
  rates: readonly NewRate[]
  endOpenRates?: boolean
  actor: Actor
  at: Date
}): Promise<{ inserted: number; ended: number }> {
  if (rates.length === 0) return { inserted: 0, ended: 0 }
  const codes = [...new Set(rates.map((rate) => rate.tariffCode))]
  const tariffs = new Map((await store.tariffsWithProduct(tx, { codes })).map((tariff) => [tariff.code, tariff]))
  const unknown = codes.filter((code) => !tariffs.has(code))
  if (unknown.length > 0) {
    throw new TariffNotFound(
      `There is no tariff ${unknown.join(', ')}`,
      listed(unknown.map((code) => ({ path: 'tariffCode', message: `unknown tariff ${code}` }))),
    )
  }

  const problems: Problem[] = []
  const rows: store.RateRow[] = []
  rates.forEach((rate, i) => {
    const tariff = tariffs.get(rate.tariffCode)!
    const push = (field: string, message: string) => problems.push({ path: `${i}.${field}`, message })
    const structure = tariff.structure as ProductStructure
    const allowed = ['standing_charge', ...unitKindsOf(structure, tariff.register_kind as RegisterKind)]
    if (!rateKinds.includes(rate.kind) || !allowed.includes(rate.kind))
      push('kind', `${rate.tariffCode} is priced in ${allowed.join(', ')}`)
    if (rate.paymentMethod !== null && !paymentMethods.includes(rate.paymentMethod))
      push('paymentMethod', 'DIRECT_DEBIT, NON_DIRECT_DEBIT or null')
    if (rate.paymentMethod !== null && tariff.direction === 'EXPORT')
      push('paymentMethod', 'an export price is the same for every payment method (null)')
    const excOk = decimalPattern.test(rate.valueExcVat)
    const incOk = decimalPattern.test(rate.valueIncVat)
    if (!excOk) push('valueExcVat', 'pence with at most 4 decimals')
    if (!incOk) push('valueIncVat', 'pence with at most 4 decimals')
    if (excOk && incOk && !vatConsistent(rate.valueExcVat, rate.valueIncVat, tariff.vat_percent))
      push('valueIncVat', `must be valueExcVat plus ${Number(tariff.vat_percent)}% VAT (to 0.0001p)`)
    if (excOk && rate.kind === 'standing_charge' && rate.valueExcVat.startsWith('-'))
      push('valueExcVat', 'a standing charge is not negative')
    if (!onHalfHour(rate.validFrom)) push('validFrom', 'must be on a half-hour boundary')
    if (rate.validTo !== null && !onHalfHour(rate.validTo)) push('validTo', 'must be on a half-hour boundary')
    if (rate.validTo !== null && !(rate.validTo > rate.validFrom)) push('validTo', 'must be after validFrom')
    if (rate.kind === 'dynamic_unit' && rate.validTo?.getTime() !== rate.validFrom.getTime() + halfHourMs)
      push('validTo', 'a dynamic price lasts one half hour')
    rows.push({
      tariff_id: tariff.id,
      kind: rate.kind,
      payment_method: rate.paymentMethod,
      value_exc_vat: rate.valueExcVat,
      value_inc_vat: rate.valueIncVat,
      valid_from: rate.validFrom,
      valid_to: rate.validTo,
    })
  })
  if (problems.length > 0) {
    throw new InvalidRates(`${problems.length} problem(s) with the rates`, listed(problems))
  }

  // One sweep per tariff and kind over the batch and the stored prices it reaches.
  let minFrom = rows[0]!.valid_from
  let maxTo: Date | null = rows[0]!.valid_to
  for (const row of rows) {
    if (row.valid_from < minFrom) minFrom = row.valid_from
    if (maxTo !== null && (row.valid_to === null || row.valid_to > maxTo)) maxTo = row.valid_to
  }
  const stored = await store.ratesOverlapping(tx, {
    tariffIds: [...new Set(rows.map((row) => row.tariff_id))],
    kinds: [...new Set(rows.map((row) => row.kind))],
    from: minFrom,
    to: maxTo,
  })
  const groups = new Map<string, Span[]>()
  const spanOf = (key: string) => groups.get(key) ?? groups.set(key, []).get(key)!
  rows.forEach((row, index) => {
    spanOf(`${row.tariff_id}|${row.kind}`).push({
      index,
      stored: null,
      paymentMethod: row.payment_method,
      from: row.valid_from.getTime(),
      to: row.valid_to?.getTime() ?? null,
    })
  })
  for (const row of stored) {
    const key = `${row.tariff_id}|${row.kind}`
    if (!groups.has(key)) continue
    spanOf(key).push({
      index: null,
      stored: row,
      paymentMethod: row.payment_method,
      from: row.valid_from.getTime(),
      to: row.valid_to?.getTime() ?? null,
    })
  }
  const overlaps: Problem[] = []
  const toEnd: { rate: store.RateRow; at: Date }[] = []
  const codeOf = new Map([...tariffs.values()].map((tariff) => [tariff.id, tariff.code]))
  const describe = (span: Span) =>
    span.index === null
      ? `the stored ${span.stored!.kind} rate from ${span.stored!.valid_from.toISOString()}`
      : `rate ${span.index} of this batch`
  for (const spans of groups.values()) {
    spans.sort((a, b) => a.from - b.from || (a.index === null ? 0 : 1) - (b.index === null ? 0 : 1))
    let active: Span[] = []
    for (const span of spans) {
      active = active.filter((other) => other.to === null || other.to > span.from)
      for (const other of active) {
        const clash =
          other.paymentMethod === span.paymentMethod || other.paymentMethod === null || span.paymentMethod === null
        if (!clash || (other.index === null && span.index === null)) continue
        const storedOpen = other.index === null && other.to === null && other.from < span.from
        if (endOpenRates && storedOpen && other.paymentMethod === span.paymentMethod) {
          toEnd.push({ rate: other.stored!, at: new Date(span.from) })
          other.to = span.from
          continue
        }
        const index = span.index ?? other.index!
        const row = rows[index]!
        overlaps.push({
          path: `${index}.validFrom`,
          message: `${codeOf.get(row.tariff_id)} ${row.kind} ${row.payment_method ?? 'any payment method'} overlaps ${describe(span.index === index ? other : span)}`,
        })
      }
      active = active.filter((other) => other.to === null || other.to > span.from)
      active.push(span)
    }
  }
  if (overlaps.length > 0) {
    throw new RatesOverlap(`${overlaps.length} rate(s) overlap prices of the same tariff and kind`, listed(overlaps))
  }

  for (const end of toEnd) await store.endOpenRate(tx, end.rate, end.at)
  let inserted: number
  try {
    inserted = await store.insertRates(tx, rows)
  } catch (error) {
    const code = store.databaseError(error)?.code
    if (code === '23P01' || code === '23505') {
      throw new RatesOverlap('The rates overlap prices stored meanwhile', [{ path: 'rates', message: 'overlap' }])
    }
    throw error
  }

  const byProduct = new Map<string, { productCode: string; tariffs: Set<string>; kinds: Record<string, number> }>()
  let from = rows[0]!.valid_from
  for (const row of rows) {
    const tariff = tariffs.get(codeOf.get(row.tariff_id)!)!
    const entry = byProduct.get(tariff.product_id) ?? {
      productCode: tariff.product_code,
      tariffs: new Set(),
      kinds: {},
    }
    entry.tariffs.add(tariff.code)
    entry.kinds[row.kind] = (entry.kinds[row.kind] ?? 0) + 1
    byProduct.set(tariff.product_id, entry)
    if (row.valid_from < from) from = row.valid_from
  }
  await audit.recordMany(
    tx,
    [...byProduct].map(([productId, entry]) => ({
      actor,
      action: 'tariffs.rates.set',
      subject: { type: 'product', id: productId },
      after: {
        product: entry.productCode,
        tariffs: entry.tariffs.size,
        rates: entry.kinds,
        from: from.toISOString(),
        to: isoOrNull(maxTo),
        ended: toEnd
          .filter((end) => tariffs.get(codeOf.get(end.rate.tariff_id)!)?.product_id === productId)
          .map((end) => ({
            tariff: codeOf.get(end.rate.tariff_id),
            kind: end.rate.kind,
            paymentMethod: end.rate.payment_method,
            validTo: end.at.toISOString(),
          })),
      },
      at,
    })),
  )
  return { inserted, ended: toEnd.length }
}

// ——— agreements ———

/** The instant `months` calendar months after `instant`, in local (Europe/London) time. */
export function addLocalMonths(instant: Date, months: number): Date {
  const date = localDateOf(instant)
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const index = year * 12 + (month - 1) + months
  const target = `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
  const range = monthDateRange(target)
  const lastDay = daysBetween(range.from, range.to as string)
  const targetDate = addDays(range.from, Math.min(day, lastDay) - 1)
  // the same time of day (midnight for agreements, which start on local days)
  const sinceMidnight = instant.getTime() - startOfLocalDay(date).getTime()
  return new Date(startOfLocalDay(targetDate).getTime() + sinceMidnight)
}

function toAgreement(row: store.AgreementRow, tariff: store.TariffWithProduct): Agreement {
  return {
    id: row.id,
    accountId: row.account_id,
    meterPointId: row.meter_point_id,
    tariffCode: tariff.code,
    productCode: tariff.product_code,
    productName: tariff.product_name,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    termEndsAt: row.term_ends_at,
    exitFeeMinorApplied: row.exit_fee_minor_applied,
  }
}

async function tariffForAgreement(tx: Tx, tariffCode: string): Promise<store.TariffWithProduct> {
  const [tariff] = await store.tariffsWithProduct(tx, { codes: [tariffCode] })
  if (!tariff)
    throw new TariffNotFound(`There is no tariff ${tariffCode}`, [{ path: 'tariffCode', message: 'unknown' }])
  return tariff
}

/** Check and insert one agreement (not audited: the callers record what they did). */
async function insertAgreement(
  tx: Tx,
  {
    accountId,
    meterPointId,
    tariff,
    from,
    to,
    at,
  }: {
    accountId: string
    meterPointId: string
    tariff: store.TariffWithProduct
    from: Date
    to: Date | null | undefined
    at: Date
  },
): Promise<store.AgreementRow> {
  const point = await store.meterPoint(tx, meterPointId)
  if (!point) throw new UnknownMeterPoint(`There is no meter point ${meterPointId}`)
  const problems: Problem[] = []
  if (!onHalfHour(from)) problems.push({ path: 'from', message: 'must be on a half-hour boundary' })
  if (to && !(to > from)) problems.push({ path: 'to', message: 'must be after from' })
  if (to && !onHalfHour(to)) problems.push({ path: 'to', message: 'must be on a half-hour boundary' })
  if (point.fuel !== tariff.fuel)
    problems.push({
      path: 'tariffCode',
      message: `the tariff is for ${tariff.fuel}, the meter point for ${point.fuel}`,
    })
  if (point.direction !== tariff.direction.toLowerCase())
    problems.push({
      path: 'tariffCode',
      message: `the tariff is ${tariff.direction.toLowerCase()}, the meter point ${point.direction}`,
    })
  if (point.gsp_region && point.gsp_region !== tariff.region)
    problems.push({ path: 'tariffCode', message: `the meter point is in ${point.gsp_region}, not ${tariff.region}` })
  if (problems.length > 0) throw new InvalidAgreement('The agreement is not valid', problems)
  const termEndsAt = !tariff.is_variable && tariff.term !== null ? addLocalMonths(from, tariff.term) : null
  const validTo = to === undefined ? termEndsAt : to
  const clashing = await store.agreementsOverlapping(tx, meterPointId, from, validTo)
  if (clashing.length > 0) {
    const other = clashing[0]!
    throw new AgreementOverlap(
      `The meter point already has an agreement from ${other.valid_from.toISOString()} to ${isoOrNull(other.valid_to) ?? 'open'}`,
      [{ path: 'from', message: `overlaps agreement ${other.id}` }],
    )
  }
  const row: store.AgreementRow = {
    id: newId('agr'),
    account_id: accountId,
    meter_point_id: meterPointId,
    tariff_id: tariff.id,
    valid_from: from,
    valid_to: validTo,
    term_ends_at: termEndsAt,
    exit_fee_minor_applied: null,
    created_at: at,
  }
  try {
    await store.insertAgreement(tx, row)
  } catch (error) {
    const failure = store.databaseError(error)
    if (failure?.code === '23P01') throw new AgreementOverlap('The meter point already has an agreement then')
    if (failure?.code === '23503' && failure.constraint?.includes('account'))
      throw new accounts.AccountNotFound(`There is no account ${accountId}`)
    throw error
  }
  return row
}

function agreementEvent(row: store.AgreementRow, tariff: store.TariffWithProduct) {
  return {
    tariff: tariff.code,
    meterPointId: row.meter_point_id,
    validFrom: row.valid_from.toISOString(),
    validTo: isoOrNull(row.valid_to),
    termEndsAt: isoOrNull(row.term_ends_at),
  }
}

/**
 * Put a meter point on a tariff from `from` (TAR-3). A fixed product's agreement ends with its term
 * unless `to` says otherwise (null: open-ended). The fuel, direction and region must match the
 * meter point, and the database refuses two agreements of one meter point at the same instant.
 * @throws TariffNotFound, UnknownMeterPoint, AccountNotFound, InvalidAgreement, AgreementOverlap
 */
export async function startAgreement({
  tx,
  accountId,
  meterPointId,
  tariffCode,
  from,
  to,
  actor,
  at,
}: {
  tx: Tx
  accountId: string
  meterPointId: string
  tariffCode: string
  from: Date
  to?: Date | null | undefined
  actor: Actor
  at: Date
}): Promise<Agreement> {
  const tariff = await tariffForAgreement(tx, tariffCode)
  const row = await insertAgreement(tx, { accountId, meterPointId, tariff, from, to, at })
  await audit.record(tx, {
    actor,
    action: 'tariffs.agreement.started',
    subject: { type: 'agreement', id: row.id },
    accountId,
    after: agreementEvent(row, tariff),
    at,
  })
  return toAgreement(row, tariff)
}

/**
 * The exit fee due when an agreement on this tariff ends at `endAt`: the product's fee per fuel
 * when a fixed term is left early, nothing in its last 49 days (domestic) or for a variable product.
 */
export function exitFeeDue({
  tariff,
  termEndsAt,
  endAt,
}: {
  tariff: Pick<store.TariffWithProduct, 'exit_fees_type' | 'exit_fee_minor' | 'is_business'>
  termEndsAt: Date | null
  endAt: Date
}): bigint {
  if (tariff.exit_fees_type !== 'PER_FUEL' || termEndsAt === null || endAt >= termEndsAt) return 0n
  const daysLeft = daysBetween(localDateOf(endAt), localDateOf(termEndsAt))
  if (!tariff.is_business && daysLeft <= exitFeeFreeDays) return 0n
  return tariff.exit_fee_minor
}

/**
 * Move a meter point to another tariff from `from` (usually a local midnight): the agreement in
 * force then ends at `from` and the new one starts there, so a bill across the change splits with
 * no gap or overlap. Leaving a fixed product early records its exit fee on the ended agreement
 * (none in the last 49 days of the term).
 * @throws AgreementNotFound when no agreement of the account covers `from`, AlreadyOnTariff,
 *   InvalidAgreement, TariffNotFound, AgreementOverlap (a later agreement is already in place)
 */
export async function changeTariff({
  tx,
  accountId,
  meterPointId,
  tariffCode,
  from,
  actor,
  at,
}: {
  tx: Tx
  accountId: string
  meterPointId: string
  tariffCode: string
  from: Date
  actor: Actor
  at: Date
}): Promise<{ ended: Agreement; started: Agreement }> {
  const tariff = await tariffForAgreement(tx, tariffCode)
  const current = (await store.agreementsOverlapping(tx, meterPointId, from, new Date(from.getTime() + 1))).find(
    (row) => row.account_id === accountId,
  )
  if (!current) {
    throw new AgreementNotFound(`The account has no agreement on meter point ${meterPointId} at ${from.toISOString()}`)
  }
  if (current.tariff_id === tariff.id) {
    throw new AlreadyOnTariff(`The meter point is already on ${tariffCode}`, [{ path: 'tariffCode', message: 'same' }])
  }
  if (!(from > current.valid_from)) {
    throw new InvalidAgreement('A change must come after the current agreement starts', [
      { path: 'from', message: `must be after ${current.valid_from.toISOString()}` },
    ])
  }
  const [old] = await store.tariffsWithProduct(tx, { ids: [current.tariff_id] })
  if (!old) throw new TariffNotFound(`There is no tariff ${current.tariff_id}`)
  const exitFeeMinor = exitFeeDue({ tariff: old, termEndsAt: current.term_ends_at, endAt: from })
  await store.endAgreement(tx, current.id, { validTo: from, exitFeeMinor })
  const ended: store.AgreementRow = { ...current, valid_to: from, exit_fee_minor_applied: exitFeeMinor }
  const started = await insertAgreement(tx, { accountId, meterPointId, tariff, from, to: undefined, at })
  await audit.recordMany(tx, [
    {
      actor,
      action: 'tariffs.agreement.ended',
      subject: { type: 'agreement', id: current.id },
      accountId,
      before: { validTo: isoOrNull(current.valid_to) },
      after: { ...agreementEvent(ended, old), exitFeeMinor: String(exitFeeMinor), reason: 'tariff_change' },
      at,
    },
    {
      actor,
      action: 'tariffs.agreement.started',
      subject: { type: 'agreement', id: started.id },
      accountId,
      after: { ...agreementEvent(started, tariff), replaces: current.id },
      at,
    },
  ])
  return { ended: toAgreement(ended, old), started: toAgreement(started, tariff) }
}

// ——— dispatches ———

const energyPattern = /^\d{1,7}(\.\d{1,3})?$/

/**
 * Record a device's smart-charging and bump-charging dispatches (TAR-4), idempotently: a dispatch
 * already recorded for the account, device and start is left alone when unchanged and updated when
 * its end, source or energy differ (a planned dispatch completed). Audited when anything changed.
 * @throws InvalidDispatches, UnknownMeterPoint, AccountNotFound
 */
export async function recordDispatches({
  tx,
  accountId,
  meterPointId,
  dispatches,
  actor,
  at,
}: {
  tx: Tx
  accountId: string
  meterPointId: string
  dispatches: readonly NewDispatch[]
  actor: Actor
  at: Date
}): Promise<{ inserted: number; updated: number; unchanged: number }> {
  const problems: Problem[] = []
  const seen = new Set<string>()
  dispatches.forEach((dispatch, i) => {
    const push = (field: string, message: string) => problems.push({ path: `${i}.${field}`, message })
    if (dispatch.deviceId.length < 1 || dispatch.deviceId.length > 100) push('deviceId', 'must be 1 to 100 characters')
    if (!Number.isFinite(dispatch.startAt.getTime())) push('startAt', 'not a valid instant')
    if (!(dispatch.endAt > dispatch.startAt)) push('endAt', 'must be after startAt')
    if (!dispatchSources.includes(dispatch.source)) push('source', 'smart-charge or bump-charge')
    if (dispatch.energyKwh != null && !energyPattern.test(dispatch.energyKwh))
      push('energyKwh', 'kWh, 0 or more, at most 3 decimals')
    const key = `${dispatch.deviceId}|${dispatch.startAt.getTime()}`
    if (seen.has(key)) push('startAt', 'the device has another dispatch starting then in this batch')
    seen.add(key)
  })
  if (problems.length > 0) throw new InvalidDispatches('The dispatches are not valid', listed(problems))
  if (dispatches.length === 0) return { inserted: 0, updated: 0, unchanged: 0 }
  if (!(await store.meterPoint(tx, meterPointId)))
    throw new UnknownMeterPoint(`There is no meter point ${meterPointId}`)
  let changed: { inserted: number; updated: number }
  try {
    changed = await store.upsertDispatches(
      tx,
      dispatches.map((dispatch) => ({
        id: newId('dsp'),
        account_id: accountId,
        meter_point_id: meterPointId,
        device_id: dispatch.deviceId,
        start_at: dispatch.startAt,
        end_at: dispatch.endAt,
        source: dispatch.source,
        energy_kwh: dispatch.energyKwh ?? null,
        created_at: at,
        updated_at: at,
      })),
    )
  } catch (error) {
    const failure = store.databaseError(error)
    if (failure?.code === '23503' && failure.constraint?.includes('account'))
      throw new accounts.AccountNotFound(`There is no account ${accountId}`)
    throw error
  }
  const unchanged = dispatches.length - changed.inserted - changed.updated
  if (changed.inserted + changed.updated > 0) {
    const starts = dispatches.reduce((min, dispatch) => Math.min(min, dispatch.startAt.getTime()), Infinity)
    const ends = dispatches.reduce((max, dispatch) => Math.max(max, dispatch.endAt.getTime()), -Infinity)
    await audit.record(tx, {
      actor,
      action: 'tariffs.dispatches.recorded',
      subject: { type: 'meter_point', id: meterPointId },
      accountId,
      after: {
        ...changed,
        unchanged,
        from: new Date(starts).toISOString(),
        to: new Date(ends).toISOString(),
      },
      at,
    })
  }
  return { ...changed, unchanged }
}
