/**
 * What a statement's PDF says beyond the statement itself (issue 21 item 6, Ofgem's bill content):
 * for each supply on it, the product, the fixed term's end and exit fee, the meters, the readings it
 * was billed between (for a supply billed from half-hourly data, the register reads nearest the
 * period's ends), the year's consumption and cost at today's prices and the Tariff Comparison Rate;
 * and how the account pays. Read in the caller's transaction; writes nothing.
 *
 * The Tariff Comparison Rate is the tariff's, not the customer's (`tariffRate`): single-rate tariffs
 * at their unit price; two-register (Economy 7) tariffs at Ofgem's typical split, 58% day and 42%
 * night, on the multi-rate typical consumption; single-register tariffs priced by the half hour or
 * by time of day (Go, Intelligent, Flux, Agile) on a flat profile, every half hour of the statement's
 * period alike, so each published price counts for as long as it is in force.
 */
import type { Tx } from '../db/index.js'
import type { StatementPdfPayment, StatementPdfReading, StatementPdfSupply } from '../documents/statement-pdf.js'
import * as billing from '../modules/billing/index.js'
import * as metering from '../modules/metering/index.js'
import * as payments from '../modules/payments/index.js'
import * as tariffs from '../modules/tariffs/index.js'
import { addDecimals, type Decimal, decimal, decimalToString } from '../shared/money.js'
import { localDateOf } from '../shared/time.js'

const dayMs = 86_400_000
/** How far from a period's end a register read may be and still be shown as that end's reading. */
const nearestReadWithinMs = 31 * dayMs
/** Ofgem's typical consumption for a multi-rate (Economy 7) electricity meter from 1 July 2026 (TDCV), kWh a year. */
const typicalMultiRateKwh = 3400

/**
 * Product lookups shared by the statements drawn for one request (a portfolio ZIP draws hundreds):
 * each product, and the open products, read once per local day of issue.
 */
export interface ProductLookups {
  readonly detail: Map<string, Promise<tariffs.ProductDetail>>
  readonly open: Map<string, Promise<tariffs.Product[]>>
}

/** Lookups to share across the statements of one request. */
export function productLookups(): ProductLookups {
  return { detail: new Map(), open: new Map() }
}

function productAt(tx: Tx, lookups: ProductLookups, code: string, at: Date): Promise<tariffs.ProductDetail> {
  const key = `${code}|${localDateOf(at)}`
  let found = lookups.detail.get(key)
  if (!found) {
    found = tariffs.getProduct({ tx, code, tariffsActiveAt: at })
    lookups.detail.set(key, found)
  }
  return found
}

function openProducts(tx: Tx, lookups: ProductLookups, at: Date): Promise<tariffs.Product[]> {
  const key = localDateOf(at)
  let found = lookups.open.get(key)
  if (!found) {
    found = tariffs
      .listProducts({ tx, filters: { isBusiness: false, isPrepay: false }, at })
      .then(({ products }) => products)
    lookups.open.set(key, found)
  }
  return found
}

/** The supplies on the statement, in the order its lines name them, with what the bill says of each. */
export async function statementSupplies({
  tx,
  accountNumber,
  statement,
  lookups = productLookups(),
}: {
  tx: Tx
  accountNumber: string
  statement: billing.StatementDetail
  lookups?: ProductLookups | undefined
}): Promise<StatementPdfSupply[]> {
  const points = await metering.meterPointsOfAccount({ tx, accountNumber })
  const onStatement = [...new Set(statement.lines.map((line) => line.meterPointId).filter((id) => id !== null))]
  const agreements = await tariffs.agreementsOf({ tx, meterPointIds: onStatement })
  const history = await usageHistory(tx, accountNumber, statement)
  const supplies: StatementPdfSupply[] = []
  for (const pointId of onStatement) {
    const point = points.find((candidate) => candidate.id === pointId)
    if (!point) continue
    const lines = statement.lines.filter((line) => line.meterPointId === pointId)
    // The agreement in force at the end of the period: its product and term.
    const end = statement.periodTo.getTime() - 1
    const agreement = agreements
      .filter((candidate) => candidate.meterPointId === pointId && candidate.validFrom.getTime() <= end)
      .sort((a, b) => b.validFrom.getTime() - a.validFrom.getTime())[0]
    const product = agreement
      ? (await productAt(tx, lookups, agreement.productCode, statement.periodFrom)).product
      : null
    const registers = point.meters.flatMap((meter) => meter.registers.map((register) => ({ meter, register })))
    const readingAt = (reading: billing.ClosingReading | undefined) =>
      reading ? { value: reading.value, on: localDateOf(new Date(reading.readAt)), estimated: reading.estimated } : null
    const energy = lines.filter((line) => line.kind === 'energy')
    const standing = lines.filter((line) => line.kind === 'standing_charge')
    const paymentMethod: tariffs.PaymentMethod =
      statement.paymentMethod === 'NON_DIRECT_DEBIT' ? 'NON_DIRECT_DEBIT' : 'DIRECT_DEBIT'
    const projection =
      point.direction === 'import' && energy.length > 0 && standing.length > 0
        ? billing.annualProjection({
            history: history.get(pointId) ?? [],
            prices: {
              energyMinor: energy.reduce((sum, line) => sum + line.amountMinor, 0n),
              kwh: sumDecimalText(energy.map((line) => line.quantity)),
              standingMinor: standing.reduce((sum, line) => sum + line.amountMinor, 0n),
              standingDays: standing.reduce((sum, line) => sum + Number(line.quantity), 0),
              vatPercent: energy[0]?.vatPercent ?? '0',
            },
          })
        : null
    const comparison =
      point.direction === 'import' && agreement
        ? await tariffRate(tx, lookups, {
            tariffCode: agreement.tariffCode,
            productCode: agreement.productCode,
            fuel: point.fuel,
            paymentMethod,
            period: { from: statement.periodFrom, to: statement.periodTo },
            at: statement.issuedAt ?? statement.createdAt,
          })
        : null
    // Billed from half-hourly data: no readings were billed between, but a UK bill shows the meter's.
    const halfHourly =
      energy.length > 0 &&
      energy.every((line) => typeof line.source.intervals === 'number') &&
      !registers.some(({ register }) =>
        [...statement.openingReadings, ...statement.closingReadings].some(
          (reading) => reading.registerId === register.id,
        ),
      )
    const nearest = halfHourly
      ? await readsNearestTheEnds(tx, {
          registerIds: registers.map(({ register }) => register.id),
          from: statement.periodFrom,
          to: statement.periodTo,
        })
      : null
    supplies.push({
      identifier: point.identifier,
      fuel: point.fuel,
      direction: point.direction,
      productName: product?.displayName ?? agreement?.productName ?? null,
      tariffCode: agreement?.tariffCode ?? null,
      tariffEndsOn: agreement?.termEndsAt ? localDateOf(new Date(agreement.termEndsAt.getTime() - 1)) : null,
      exitFeeMinor: product?.exitFeesType === 'PER_FUEL' ? product.exitFeeMinor : 0n,
      meterSerials: [...new Set(registers.map(({ meter }) => meter.serial))],
      billedFrom: halfHourly ? 'half_hourly' : 'readings',
      readings: registers
        .map(({ register }) => ({
          register: register.identifier,
          unit: register.unit,
          from: nearest
            ? (nearest.get(register.id)?.from ?? null)
            : readingAt(statement.openingReadings.find((reading) => reading.registerId === register.id)),
          to: nearest
            ? (nearest.get(register.id)?.to ?? null)
            : readingAt(statement.closingReadings.find((reading) => reading.registerId === register.id)),
        }))
        .filter((reading) => reading.from !== null || reading.to !== null),
      annualKwh: projection?.annualKwh ?? null,
      projectedAnnualCostMinor: projection?.projectedAnnualCostMinor ?? null,
      tariffComparisonRate: comparison?.rate ?? null,
      tariffComparisonBasis: comparison?.basis ?? null,
      cheaperTariff: projection
        ? await cheaperTariff(tx, lookups, {
            fuel: point.fuel,
            region: point.gspRegion,
            paymentMethod,
            currentProductCode: agreement?.productCode ?? null,
            annualKwh: projection.annualKwh,
            annualCostMinor: projection.projectedAnnualCostMinor,
            at: statement.issuedAt ?? statement.createdAt,
          })
        : null,
    })
  }
  return supplies
}

/**
 * Each register's reads (accepted or released, actual or estimated) nearest the period's start and
 * end, within 31 days of each; one read is never both ends: it goes to the end it is nearer.
 */
async function readsNearestTheEnds(
  tx: Tx,
  { registerIds, from, to }: { registerIds: readonly string[]; from: Date; to: Date },
): Promise<Map<string, { from: StatementPdfReading | null; to: StatementPdfReading | null }>> {
  const found = new Map<string, { from: StatementPdfReading | null; to: StatementPdfReading | null }>()
  if (registerIds.length === 0) return found
  const reads = await metering.readingsForBilling({
    tx,
    registerIds,
    from: new Date(from.getTime() - nearestReadWithinMs),
    to: new Date(to.getTime() + nearestReadWithinMs),
  })
  const distance = (read: metering.BillableReading, end: Date) => Math.abs(read.readAt.getTime() - end.getTime())
  const nearestTo = (own: metering.BillableReading[], end: Date) =>
    own
      .filter((read) => distance(read, end) <= nearestReadWithinMs)
      .sort((a, b) => distance(a, end) - distance(b, end) || a.readAt.getTime() - b.readAt.getTime())[0]
  const printed = (read: metering.BillableReading | undefined): StatementPdfReading | null =>
    read ? { value: read.value, on: localDateOf(read.readAt), estimated: read.estimated } : null
  for (const registerId of registerIds) {
    const own = reads.filter((read) => read.registerId === registerId)
    let opening = nearestTo(own, from)
    let closing = nearestTo(own, to)
    if (opening && closing && opening.id === closing.id) {
      if (distance(opening, from) <= distance(closing, to))
        closing = nearestTo(
          own.filter((read) => read.id !== opening?.id),
          to,
        )
      else
        opening = nearestTo(
          own.filter((read) => read.id !== closing?.id),
          from,
        )
    }
    // An opening read after the closing one would print backwards: keep only the closing one.
    if (opening && closing && opening.readAt.getTime() > closing.readAt.getTime()) opening = undefined
    found.set(registerId, { from: printed(opening), to: printed(closing) })
  }
  return found
}

/**
 * The tariff's Tariff Comparison Rate and the words for what it assumes, at today's prices for the
 * way the account pays; null when the tariff has no price to go on. Depends on the tariff (and so
 * the region) and the payment method only, never on when the customer used energy.
 */
async function tariffRate(
  tx: Tx,
  lookups: ProductLookups,
  supply: {
    tariffCode: string
    productCode: string
    fuel: 'electricity' | 'gas'
    paymentMethod: tariffs.PaymentMethod
    period: { from: Date; to: Date }
    at: Date
  },
): Promise<{ rate: string; basis: string } | null> {
  const detail = await productAt(tx, lookups, supply.productCode, supply.at)
  const tariff = detail.tariffs.find((candidate) => candidate.code === supply.tariffCode)
  const variant =
    tariff?.variants.find((candidate) => candidate.paymentMethod === supply.paymentMethod) ?? tariff?.variants[0]
  if (!tariff || !variant?.standingCharge) return null
  const standingIncVat = variant.standingCharge.incVat
  const kwh = (typical: number) => `${typical.toLocaleString('en-GB')} kWh a year`
  if (tariff.registerKind === '2R') {
    if (!variant.dayUnitRate || !variant.nightUnitRate) return null
    const rate = billing.tariffComparisonRate({
      units: [
        { unitIncVat: variant.dayUnitRate.incVat, weight: billing.economy7SplitPercent.day },
        { unitIncVat: variant.nightUnitRate.incVat, weight: billing.economy7SplitPercent.night },
      ],
      standingIncVat,
      typicalKwh: typicalMultiRateKwh,
    })
    return rate ? { rate, basis: `${kwh(typicalMultiRateKwh)}, 58% day and 42% night` } : null
  }
  const typicalKwh = metering.typicalAnnualKwh[supply.fuel]
  const structure = detail.product.structure
  if (structure === 'single' || supply.fuel === 'gas') {
    if (!variant.standardUnitRate) return null
    const rate = billing.tariffComparisonRate({
      units: [{ unitIncVat: variant.standardUnitRate.incVat, weight: 1n }],
      standingIncVat,
      typicalKwh,
    })
    return rate ? { rate, basis: kwh(typicalKwh) } : null
  }
  // Priced by the half hour or by time of day: each published price over the period, weighted by how long it is in force.
  const units = await unitPricesOver(tx, supply.tariffCode, supply.paymentMethod, supply.period, supply.at)
  const rate = billing.tariffComparisonRate({ units, standingIncVat, typicalKwh })
  return rate ? { rate, basis: `${kwh(typicalKwh)}, used evenly through the day` } : null
}

/** The tariff's unit prices with VAT over the period, each weighted by the milliseconds it is in force there. */
async function unitPricesOver(
  tx: Tx,
  tariffCode: string,
  paymentMethod: tariffs.PaymentMethod,
  period: { from: Date; to: Date },
  at: Date,
): Promise<billing.WeightedUnitPrice[]> {
  const pageSize = 5000
  const rates: tariffs.Rate[] = []
  for (let page = 1; ; page++) {
    const found = await tariffs.listRates({
      tx,
      tariffCode,
      kind: 'standard_unit',
      periodFrom: period.from,
      periodTo: period.to,
      page,
      pageSize,
      at,
    })
    rates.push(...found.rates)
    if (page * pageSize >= found.count) break
  }
  const own = rates.filter((rate) => rate.paymentMethod === paymentMethod)
  const chosen = own.length > 0 ? own : rates.filter((rate) => rate.paymentMethod === null)
  return chosen.map((rate) => {
    const start = Math.max(rate.validFrom.getTime(), period.from.getTime())
    const end = Math.min(rate.validTo?.getTime() ?? period.to.getTime(), period.to.getTime())
    return { unitIncVat: rate.valueIncVat, weight: BigInt(Math.max(0, end - start)) }
  })
}

/** Savings below this (minor units) are not worth a message. */
const worthSavingMinor = 100n

/**
 * The supplier's cheapest open single-rate tariff for this supply (its fuel, region and way of
 * paying) that would cost less than the current one on the same annual use, or null when none does.
 * Tariffs priced by the half hour or by time of day are left out: their cost depends on when energy is used.
 */
async function cheaperTariff(
  tx: Tx,
  lookups: ProductLookups,
  supply: {
    fuel: 'electricity' | 'gas'
    region: string | null
    paymentMethod: tariffs.PaymentMethod
    currentProductCode: string | null
    annualKwh: string
    annualCostMinor: bigint
    at: Date
  },
): Promise<StatementPdfSupply['cheaperTariff']> {
  if (!supply.region) return null
  const products = await openProducts(tx, lookups, supply.at)
  let best: NonNullable<StatementPdfSupply['cheaperTariff']> | null = null
  for (const product of products) {
    if (product.structure !== 'single' || product.direction !== 'IMPORT' || product.isRestricted) continue
    if (product.code === supply.currentProductCode) continue
    const detail = await productAt(tx, lookups, product.code, supply.at)
    const tariff = detail.tariffs.find(
      (candidate) =>
        candidate.fuel === supply.fuel && candidate.region === supply.region && candidate.registerKind === '1R',
    )
    const variant = tariff?.variants.find((candidate) => candidate.paymentMethod === supply.paymentMethod)
    if (!variant?.standardUnitRate || !variant.standingCharge) continue
    const cost = billing.yearOnPrices(supply.annualKwh, {
      unitIncVat: variant.standardUnitRate.incVat,
      standingIncVat: variant.standingCharge.incVat,
    })
    if (cost + worthSavingMinor <= supply.annualCostMinor && (!best || cost < best.annualCostMinor)) {
      best = { productName: product.displayName, annualCostMinor: cost, savingMinor: supply.annualCostMinor - cost }
    }
  }
  return best
}

/** Each meter point's use over the year of statements up to and including this one (its explanation's usage). */
async function usageHistory(tx: Tx, accountNumber: string, statement: billing.StatementDetail) {
  const yearBefore = statement.periodTo.getTime() - 365 * dayMs
  const { items } = await billing.listStatements({ tx, accountNumber, limit: 24 })
  const counted = items.filter(
    (item) =>
      (item.status === 'issued' || item.id === statement.id) &&
      item.periodFrom.getTime() >= yearBefore &&
      item.periodTo.getTime() <= statement.periodTo.getTime(),
  )
  const history = new Map<string, billing.UsageSpan[]>()
  for (const item of counted) {
    for (const usage of item.explanation.usage ?? []) {
      const spans = history.get(usage.meterPointId) ?? []
      spans.push({ kwh: usage.kwh, days: item.explanation.days })
      history.set(usage.meterPointId, spans)
    }
  }
  return history
}

/** The exact sum of kWh written as decimals, as decimal text. */
function sumDecimalText(values: readonly string[]): string {
  return decimalToString(values.reduce<Decimal>((sum, value) => addDecimals(sum, value), decimal(0n)))
}

/** How the account pays: its Direct Debit (fixed amount or the balance) on its day, or on receipt of the bill. */
export async function statementPayment({ tx, accountId }: { tx: Tx; accountId: string }): Promise<StatementPdfPayment> {
  const instruction = await payments.directDebitOf({ tx, accountId })
  if (!instruction) return { kind: 'on_receipt' }
  return {
    kind: 'direct_debit',
    amountMinor: instruction.kind === 'fixed' ? instruction.amountMinor : null,
    paymentDay: instruction.paymentDay,
  }
}
