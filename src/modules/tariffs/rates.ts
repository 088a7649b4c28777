/**
 * Setting a tariff's prices over time (TAR-2): new rates close the ones they follow, never overlap
 * them, and are audited.
 */
import type { Change } from '../../db/index.js'
import { Conflict, ValidationFailed, withCode } from '../../shared/errors.js'
import * as audit from '../audit/index.js'
import { halfHourMs } from './bands.js'
import {
  decimalPattern,
  isoOrNull,
  listed,
  onHalfHour,
  type Problem,
  unitKindsOf,
  vatConsistent,
} from './product-rules.js'
import { TariffNotFound } from './products.js'
import * as store from './store.js'
import type { NewRate, ProductStructure, RegisterKind } from './types.js'
import { paymentMethods, rateKinds } from './types.js'

export class InvalidRates extends withCode(ValidationFailed, 'INVALID_RATES') {}

export class RatesOverlap extends withCode(Conflict, 'RATES_OVERLAP') {}

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
}: Change & {
  rates: readonly NewRate[]
  endOpenRates?: boolean
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
