/**
 * What a statement's PDF says beyond the statement itself (issue 21 item 6, Ofgem's bill content):
 * for each supply on it, the product, the fixed term's end and exit fee, the meters, the readings it
 * was billed between, the year's consumption and cost at today's prices and the Tariff Comparison
 * Rate; and how the account pays. Read in the caller's transaction; writes nothing.
 */
import type { Tx } from '../db/index.js'
import type { StatementPdfPayment, StatementPdfSupply } from '../documents/statement-pdf.js'
import * as billing from '../modules/billing/index.js'
import * as metering from '../modules/metering/index.js'
import * as payments from '../modules/payments/index.js'
import * as tariffs from '../modules/tariffs/index.js'
import { addDecimals, type Decimal, decimal, decimalToString } from '../shared/money.js'
import { localDateOf } from '../shared/time.js'

const dayMs = 86_400_000

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
            typicalKwh: metering.typicalAnnualKwh[point.fuel],
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
      readings: registers
        .map(({ register }) => ({
          register: register.identifier,
          unit: register.unit,
          from: readingAt(statement.openingReadings.find((reading) => reading.registerId === register.id)),
          to: readingAt(statement.closingReadings.find((reading) => reading.registerId === register.id)),
        }))
        .filter((reading) => reading.from !== null || reading.to !== null),
      annualKwh: projection?.annualKwh ?? null,
      projectedAnnualCostMinor: projection?.projectedAnnualCostMinor ?? null,
      tariffComparisonRate: projection?.tariffComparisonRate ?? null,
      cheaperTariff: projection
        ? await cheaperTariff(tx, lookups, {
            fuel: point.fuel,
            region: point.gspRegion,
            paymentMethod: statement.paymentMethod === 'NON_DIRECT_DEBIT' ? 'NON_DIRECT_DEBIT' : 'DIRECT_DEBIT',
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
