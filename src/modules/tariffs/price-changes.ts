/**
 * Price changes (issue 22): a quarterly repricing uploaded as one CSV, checked row by row against
 * the catalogue and shown as a diff against the prices in force; submitted for approval, and
 * published by a second pricing analyst (never the uploader) as new rate versions from the start of
 * its effective local date. Published and rejected changes are fixed; a correction is a new change.
 */
import type { Change, Db, Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { Conflict, Forbidden, NotFound, ValidationFailed, withCode } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { isLocalDate, localDateOf, startOfLocalDay } from '../../shared/time.js'
import * as access from '../access/index.js'
import * as audit from '../audit/index.js'
import * as market from '../market/index.js'
import {
  cellProblem,
  completeVat,
  earliestNoticedDate,
  type PriceRow,
  readPriceChangeCsv,
  risingTariffCodes,
} from './price-change-rules.js'
import * as changeStore from './price-change-store.js'
import { listed, type Problem, tariffCodeOf, unitKindsOf, vatConsistent } from './product-rules.js'
import { setRates } from './rates.js'
import * as store from './store.js'
import type { PaymentMethod, ProductStructure, RateKind, RegisterKind } from './types.js'

export class InvalidPriceChange extends withCode(ValidationFailed, 'INVALID_PRICE_CHANGE') {}

export class PriceChangeNotFound extends withCode(NotFound, 'PRICE_CHANGE_NOT_FOUND') {}

/** The change is not in the status the step needs (published and rejected changes are fixed). */
export class PriceChangeNotPending extends withCode(Conflict, 'PRICE_CHANGE_NOT_PENDING') {}

/** Four-eyes: the analyst who uploaded a change cannot approve it. */
export class CannotApproveOwnPriceChange extends withCode(Forbidden, 'CANNOT_APPROVE_OWN_PRICE_CHANGE') {}

/** Only the analyst who uploaded a draft submits it. */
export class NotYourPriceChange extends withCode(Forbidden, 'NOT_YOUR_PRICE_CHANGE') {}

/** The effective date has begun: the change can no longer be published as it stands. */
export class PriceChangeTooLate extends withCode(Conflict, 'PRICE_CHANGE_TOO_LATE') {}

/**
 * The change raises prices with an effective date too soon for the notice customers are owed (gb: 30
 * days after the day it is submitted or approved), and no override was given.
 */
export class PriceChangeNoticeTooShort extends withCode(Conflict, 'PRICE_CHANGE_NOTICE_TOO_SHORT') {}

/** Submitting or approving a rise at shorter notice than the market's, and why (audited with the step). */
export interface NoticeOverride {
  readonly reason: string
}

/** What a change owes customers in notice, decided on a given day. */
export interface PriceChangeNotice {
  /** The import tariffs whose unit rate or standing charge rises for some payment method: their customers get notice. */
  readonly risingTariffs: readonly string[]
  /** The market's notice in days (gb: 30); null when the market sets none. */
  readonly noticeDays: number | null
  /** The earliest effective date a rise decided on `decidedOn` may take; null when no notice is owed. */
  readonly earliestDate: string | null
  readonly decidedOn: string
  /** The effective date is before `earliestDate`: submitting or approving needs an override with a reason. */
  readonly tooShort: boolean
}

export const priceChangeStatuses = ['draft', 'pending_approval', 'published', 'rejected'] as const
export type PriceChangeStatus = (typeof priceChangeStatuses)[number]

/** One price of a change with the price it replaces (null when the tariff had none of that kind and method). */
export interface PriceDiff {
  /** The line of the CSV it came from. */
  readonly line: number
  readonly tariffCode: string
  readonly productCode: string
  readonly region: string
  readonly fuel: string
  readonly registerKind: string
  readonly kind: RateKind
  readonly paymentMethod: PaymentMethod | null
  readonly valueExcVat: string
  readonly valueIncVat: string
  readonly oldExcVat: string | null
  readonly oldIncVat: string | null
}

export interface PriceChange {
  readonly id: string
  /** PC-000001 */
  readonly number: string
  readonly status: PriceChangeStatus
  readonly effectiveDate: string
  readonly effectiveFrom: Date
  readonly note: string
  readonly prices: readonly PriceDiff[]
  /** How many prices go up, down, stay, or are new. */
  readonly summary: { readonly up: number; readonly down: number; readonly same: number; readonly new: number }
  readonly createdBy: Actor
  readonly createdAt: Date
  readonly submittedAt: Date | null
  readonly decidedBy: Actor | null
  readonly decidedAt: Date | null
  readonly decisionNote: string | null
}

function summaryOf(prices: readonly PriceDiff[]): PriceChange['summary'] {
  const summary = { up: 0, down: 0, same: 0, new: 0 }
  for (const price of prices) {
    if (price.oldExcVat === null) summary.new++
    else {
      const difference = Number(price.valueExcVat) - Number(price.oldExcVat)
      if (difference > 0) summary.up++
      else if (difference < 0) summary.down++
      else summary.same++
    }
  }
  return summary
}

function toPriceChange(row: changeStore.PriceChangeRow): PriceChange {
  const prices = row.rates as unknown as PriceDiff[]
  return {
    id: row.id,
    number: row.number,
    status: row.status as PriceChangeStatus,
    effectiveDate: row.effective_date,
    effectiveFrom: row.effective_from,
    note: row.note,
    prices,
    summary: summaryOf(prices),
    createdBy: { kind: row.created_by_kind as Actor['kind'], id: row.created_by },
    createdAt: row.created_at,
    submittedAt: row.submitted_at,
    decidedBy: row.decided_by === null ? null : { kind: row.decided_by_kind as Actor['kind'], id: row.decided_by },
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
  }
}

/** The start of the effective date, checked to be a date after `at`'s. */
function effectiveFromOf(effectiveDate: string, at: Date): Date {
  if (!isLocalDate(effectiveDate))
    throw new InvalidPriceChange(`The effective date must be a date written YYYY-MM-DD, not ${effectiveDate}`, [
      { path: 'effectiveDate', message: 'a date written YYYY-MM-DD' },
    ])
  const from = startOfLocalDay(effectiveDate)
  if (!(from > at))
    throw new InvalidPriceChange(`The effective date ${effectiveDate} must be in the future`, [
      { path: 'effectiveDate', message: 'must be a date in the future (prices change from the start of that day)' },
    ])
  return from
}

/**
 * The notice a change with these prices owes, decided at `at`: its rising import tariffs (an export
 * price that rises pays the customer more), and, when any rise, the earliest effective date the
 * market's notice allows. Reads the market profile only when something rises.
 * @throws SupplierNotConfigured when something rises and no supplier is configured
 */
export async function priceChangeNotice({
  tx,
  prices,
  effectiveDate,
  at,
}: {
  tx: Db | Tx
  prices: readonly PriceDiff[]
  effectiveDate: string
  at: Date
}): Promise<PriceChangeNotice> {
  const candidates = risingTariffCodes(prices)
  const imports = new Set(
    (await store.tariffsWithProduct(tx, { codes: candidates }))
      .filter((tariff) => tariff.direction === 'IMPORT')
      .map((tariff) => tariff.code),
  )
  const risingTariffs = candidates.filter((code) => imports.has(code))
  if (risingTariffs.length === 0)
    return { risingTariffs, noticeDays: null, earliestDate: null, decidedOn: localDateOf(at), tooShort: false }
  const { noticeDays, decidedOn, earliestDate } = await priceRiseNoticeRule({ tx, at })
  return {
    risingTariffs,
    noticeDays,
    earliestDate,
    decidedOn,
    tooShort: earliestDate !== null && effectiveDate < earliestDate,
  }
}

/**
 * The market's notice rule for a rise decided at `at`: its days (null when the market sets none) and
 * the earliest effective date a rise decided that day may take (gb, on 2026-11-20: 2026-12-20).
 * @throws SupplierNotConfigured
 */
export async function priceRiseNoticeRule({
  tx,
  at,
}: {
  tx: Db | Tx
  at: Date
}): Promise<{ noticeDays: number | null; decidedOn: string; earliestDate: string | null }> {
  const { profile } = await market.getSupplier(tx)
  const decidedOn = localDateOf(at, profile.timeZone)
  const noticeDays = profile.priceChangeNoticeDays
  return {
    noticeDays,
    decidedOn,
    earliestDate: noticeDays === null ? null : earliestNoticedDate(decidedOn, noticeDays),
  }
}

/**
 * Refuse a step (submitting, approving) that would give customers too little notice of a rise, unless
 * it carries an override with a reason; answers what the step's audit event records of the notice.
 * @throws PriceChangeNoticeTooShort, InvalidPriceChange for an override without a reason
 */
async function checkNotice({
  tx,
  number,
  prices,
  effectiveDate,
  overrideNotice,
  at,
}: {
  tx: Db | Tx
  number: string | null
  prices: readonly PriceDiff[]
  effectiveDate: string
  overrideNotice: NoticeOverride | undefined
  at: Date
}): Promise<{ notice?: Record<string, unknown> }> {
  const reason = overrideNotice?.reason.trim()
  if (overrideNotice !== undefined && (!reason || reason.length > 2000))
    throw new InvalidPriceChange('Say why the notice is overridden', [
      { path: 'overrideNotice.reason', message: '1 to 2000 characters' },
    ])
  const notice = await priceChangeNotice({ tx, prices, effectiveDate, at })
  if (notice.risingTariffs.length === 0) return {}
  const facts = {
    risingTariffs: notice.risingTariffs.length,
    noticeDays: notice.noticeDays,
    earliestDate: notice.earliestDate,
  }
  if (!notice.tooShort) return { notice: facts }
  if (reason) return { notice: { ...facts, overridden: true, reason } }
  throw new PriceChangeNoticeTooShort(
    `${number ? `Price change ${number}` : 'The price change'} raises prices from ${effectiveDate}, but customers are owed ${notice.noticeDays} days' notice: decided on ${notice.decidedOn}, the earliest effective date is ${notice.earliestDate}. Choose a later date, or override the notice with a reason`,
    [
      {
        path: 'effectiveFrom',
        message: `raises prices: ${notice.earliestDate} or later (${notice.noticeDays} days' notice from ${notice.decidedOn})`,
        earliestDate: notice.earliestDate,
      },
    ],
  )
}

/**
 * Check a price change's CSV against the catalogue and price it against the rates in force at the
 * start of `effectiveDate`: every row names a product's tariff in that region, a kind its structure
 * is priced in, a payment method it may have, a price exc or inc VAT (the other computed at the
 * product's VAT, 5% domestic; both must agree); no tariff, kind and method twice; and no price of
 * the tariff already set from the effective date on. Writes nothing.
 * @throws InvalidPriceChange naming each line and column (the first 50)
 */
export async function previewPriceChange({
  tx,
  csv,
  effectiveDate,
  capFollowers,
  at,
}: {
  tx: Db | Tx
  csv: string
  effectiveDate: string
  /**
   * A price cap's levels: the file has no product column, and its prices become the next prices of
   * each of these variable products.
   */
  capFollowers?: readonly string[] | undefined
  at: Date
}): Promise<{ effectiveFrom: Date; prices: PriceDiff[]; summary: PriceChange['summary']; notice: PriceChangeNotice }> {
  const effectiveFrom = effectiveFromOf(effectiveDate, at)
  if (capFollowers !== undefined) await checkCapFollowers(tx, capFollowers)
  const read = readPriceChangeCsv(csv, { products: capFollowers })
  const problems: Problem[] = [...read.problems]
  if (problems.length > 0) throw refusal(problems)
  const rows = read.rows
  const codeOf = (row: PriceRow) => tariffCodeOf(row)
  const tariffs = new Map(
    (await store.tariffsWithProduct(tx, { codes: [...new Set(rows.map(codeOf))] })).map((t) => [t.code, t]),
  )
  const knownProducts = new Set<string>()
  for (const code of new Set(rows.map((row) => row.productCode)))
    if (await store.productByCode(tx, code)) knownProducts.add(code)
  const seen = new Map<string, number>()
  const checked: { row: PriceRow; tariff: store.TariffWithProduct; exc: string; inc: string }[] = []
  for (const row of rows) {
    const push = (column: string, message: string) => problems.push(cellProblem(row.line, column, message))
    const code = codeOf(row)
    const tariff = tariffs.get(code)
    if (!knownProducts.has(row.productCode)) {
      push('product', `there is no product ${row.productCode}`)
      continue
    }
    if (!tariff) {
      push(
        'region',
        `${row.productCode} has no ${row.fuel} ${row.registerKind} tariff in region ${row.region} (${code})`,
      )
      continue
    }
    const allowed: readonly string[] = [
      'standing_charge',
      ...unitKindsOf(tariff.structure as ProductStructure, tariff.register_kind as RegisterKind),
    ]
    if (!allowed.includes(row.kind)) {
      push(
        'kind',
        tariff.structure === 'dynamic'
          ? `${code} is dynamic: its unit prices come from the day-ahead file, only its standing_charge changes here`
          : `${code} is priced in ${allowed.join(', ')}`,
      )
      continue
    }
    if (tariff.direction === 'EXPORT' && row.paymentMethod !== null) {
      push('payment_method', 'an export price is the same for every payment method: leave it empty')
      continue
    }
    if (
      row.valueExcVat !== null &&
      row.valueIncVat !== null &&
      !vatConsistent(row.valueExcVat, row.valueIncVat, tariff.vat_percent)
    ) {
      push('value_inc_vat', `must be value_exc_vat plus ${Number(tariff.vat_percent)}% VAT (to 0.0001p)`)
      continue
    }
    const key = `${code}|${row.kind}|${row.paymentMethod ?? ''}`
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      push('kind', `${code} ${row.kind} ${row.paymentMethod ?? 'any method'} is priced on line ${earlier} already`)
      continue
    }
    seen.set(key, row.line)
    const { valueExcVat, valueIncVat } = completeVat({ ...row, vatPercent: tariff.vat_percent })
    checked.push({ row, tariff, exc: valueExcVat, inc: valueIncVat })
  }
  if (problems.length > 0) throw refusal(problems)

  const stored = await store.ratesOverlapping(tx, {
    tariffIds: [...new Set(checked.map(({ tariff }) => tariff.id))],
    kinds: [...new Set(checked.map(({ row }) => row.kind))],
    from: effectiveFrom,
    to: null,
  })
  const prices: PriceDiff[] = []
  for (const { row, tariff, exc, inc } of checked) {
    let old: store.RateRow | null = null
    for (const rate of stored) {
      if (rate.tariff_id !== tariff.id || rate.kind !== row.kind) continue
      const sameMethod = rate.payment_method === row.paymentMethod
      const clash = sameMethod || rate.payment_method === null || row.paymentMethod === null
      if (!clash) continue
      if (sameMethod && rate.valid_to === null && rate.valid_from < effectiveFrom) {
        old = rate
        continue
      }
      problems.push(
        cellProblem(
          row.line,
          'kind',
          `${tariff.code} already has a ${rate.kind} price ${rate.payment_method ?? 'for every method'} from ${rate.valid_from.toISOString()}${rate.valid_to ? ` to ${rate.valid_to.toISOString()}` : ''}; a change replaces only an open-ended price that started before it`,
        ),
      )
    }
    prices.push({
      line: row.line,
      tariffCode: tariff.code,
      productCode: row.productCode,
      region: row.region,
      fuel: row.fuel,
      registerKind: row.registerKind,
      kind: row.kind,
      paymentMethod: row.paymentMethod,
      valueExcVat: exc,
      valueIncVat: inc,
      oldExcVat: old ? String(old.value_exc_vat) : null,
      oldIncVat: old ? String(old.value_inc_vat) : null,
    })
  }
  if (problems.length > 0) throw refusal(problems)
  const notice = await priceChangeNotice({ tx, prices, effectiveDate, at })
  return { effectiveFrom, prices, summary: summaryOf(prices), notice }
}

/** The products that follow a price cap: variable, importing, single rate or day/night, each named once. */
async function checkCapFollowers(tx: Db | Tx, codes: readonly string[]): Promise<void> {
  const problems: Problem[] = []
  if (codes.length === 0) problems.push({ path: 'products', message: 'name the variable products that follow the cap' })
  if (new Set(codes).size !== codes.length) problems.push({ path: 'products', message: 'a product is named twice' })
  for (const [i, code] of codes.entries()) {
    const product = await store.productByCode(tx, code)
    if (!product) problems.push({ path: `products.${i}`, message: `there is no product ${code}` })
    else if (
      !product.is_variable ||
      product.direction !== 'IMPORT' ||
      !['single', 'day_night'].includes(product.structure)
    )
      problems.push({
        path: `products.${i}`,
        message: `${code} cannot follow a price cap: only a variable single-rate or day/night import product can`,
      })
  }
  if (problems.length > 0) throw new InvalidPriceChange('The products cannot follow the price cap', listed(problems))
}

function refusal(problems: Problem[]): InvalidPriceChange {
  const lines = new Set(problems.map((problem) => problem.path.split('.')[1]))
  return new InvalidPriceChange(
    `The price change has ${problems.length} problem(s) on ${lines.size} line(s); nothing was saved`,
    listed(problems),
  )
}

/**
 * Upload a price change: checked and priced as `previewPriceChange`, then stored as a draft (or,
 * with `submit`, straight away for approval, where the notice rule applies as in `submitPriceChange`),
 * audited. A refused file stores nothing.
 * @throws InvalidPriceChange, PriceChangeNoticeTooShort
 */
export async function uploadPriceChange({
  tx,
  csv,
  effectiveDate,
  note = '',
  submit = false,
  capFollowers,
  overrideNotice,
  actor,
  at,
}: Change & {
  csv: string
  effectiveDate: string
  note?: string | undefined
  submit?: boolean | undefined
  /** With `submit`: submit a rise at shorter notice than the market's, saying why. */
  overrideNotice?: NoticeOverride | undefined
  /** A price cap's levels for these variable products (see `previewPriceChange`). */
  capFollowers?: readonly string[] | undefined
}): Promise<PriceChange> {
  const given = note.trim()
  const trimmed = capFollowers
    ? `Price cap levels from ${effectiveDate} for ${capFollowers.join(', ')}${given ? `: ${given}` : ''}`
    : given
  if (trimmed.length > 2000)
    throw new InvalidPriceChange('The note is too long', [{ path: 'note', message: 'at most 2000 characters' }])
  const preview = await previewPriceChange({ tx, csv, effectiveDate, capFollowers, at })
  const { notice } = submit
    ? await checkNotice({ tx, number: null, prices: preview.prices, effectiveDate, overrideNotice, at })
    : {}
  const row: changeStore.PriceChangeRow = {
    id: newId('pch'),
    number: await changeStore.nextPriceChangeNumber(tx),
    status: submit ? 'pending_approval' : 'draft',
    effective_date: effectiveDate,
    effective_from: preview.effectiveFrom,
    note: trimmed,
    rates: preview.prices as changeStore.StoredPrice[],
    rate_count: preview.prices.length,
    created_by_kind: actor.kind,
    created_by: actor.id ?? actor.kind,
    created_at: at,
    submitted_at: submit ? at : null,
    decided_by_kind: null,
    decided_by: null,
    decided_at: null,
    decision_note: null,
  }
  await changeStore.insertPriceChange(tx, row)
  await audit.record(tx, {
    actor,
    action: submit ? 'tariffs.price_change.submitted' : 'tariffs.price_change.drafted',
    subject: { type: 'price_change', id: row.id },
    after: {
      number: row.number,
      status: row.status,
      effectiveDate,
      prices: row.rate_count,
      products: [...new Set(preview.prices.map((price) => price.productCode))],
      followsPriceCap: capFollowers !== undefined,
      summary: preview.summary,
      ...(notice ? { notice } : {}),
    },
    at,
  })
  return toPriceChange(row)
}

async function lockedChange(tx: Tx, id: string): Promise<changeStore.PriceChangeRow> {
  const row = await changeStore.priceChangeById(tx, id, true)
  if (!row) throw new PriceChangeNotFound(`There is no price change ${id}`)
  return row
}

function refuseUnlessStatus(row: changeStore.PriceChangeRow, status: PriceChangeStatus, step: string): void {
  if (row.status === status) return
  const fixed = row.status === 'published' || row.status === 'rejected'
  throw new PriceChangeNotPending(
    fixed
      ? `Price change ${row.number} was ${row.status} and is fixed; a correction is a new price change`
      : `Price change ${row.number} is ${row.status.replace('_', ' ')}: it cannot be ${step}`,
  )
}

/**
 * Submit a draft for approval; only its uploader may. A change that raises prices is refused for an
 * effective date with too little notice (`priceChangeNotice`) unless `overrideNotice` says why.
 * @throws PriceChangeNotFound, PriceChangeNotPending, NotYourPriceChange, PriceChangeNoticeTooShort
 */
export async function submitPriceChange({
  tx,
  id,
  overrideNotice,
  actor,
  at,
}: Change & { id: string; overrideNotice?: NoticeOverride | undefined }): Promise<PriceChange> {
  const row = await lockedChange(tx, id)
  refuseUnlessStatus(row, 'draft', 'submitted')
  const uploader: Actor = { kind: row.created_by_kind as Actor['kind'], id: row.created_by }
  if (!(await access.samePerson({ tx, a: uploader, b: actor })))
    throw new NotYourPriceChange(`Only the analyst who uploaded ${row.number} may submit it`)
  const { notice } = await checkNotice({
    tx,
    number: row.number,
    prices: row.rates as unknown as PriceDiff[],
    effectiveDate: row.effective_date,
    overrideNotice,
    at,
  })
  await changeStore.updatePriceChange(tx, row.id, { status: 'pending_approval', submitted_at: at })
  await audit.record(tx, {
    actor,
    action: 'tariffs.price_change.submitted',
    subject: { type: 'price_change', id: row.id },
    before: { status: row.status },
    after: {
      number: row.number,
      status: 'pending_approval',
      effectiveDate: row.effective_date,
      ...(notice ? { notice } : {}),
    },
    at,
  })
  return toPriceChange({ ...row, status: 'pending_approval', submitted_at: at })
}

/**
 * Approve a change waiting for approval: a second pricing analyst (never its uploader, compared by
 * person) publishes its prices as new rate versions from the start of its effective date, ending
 * the open-ended prices they follow. Audited; the change is fixed afterwards. A change that raises
 * prices is refused for an effective date with too little notice counted from the approval day (gb:
 * 30 days) unless `overrideNotice` says why; the customers' notices are the caller's (a use case).
 * @throws PriceChangeNotFound, PriceChangeNotPending, CannotApproveOwnPriceChange, PriceChangeTooLate,
 *   PriceChangeNoticeTooShort,
 *   and setRates' InvalidRates, RatesOverlap when the catalogue changed meanwhile
 */
export async function approvePriceChange({
  tx,
  id,
  note,
  overrideNotice,
  actor,
  at,
}: Change & {
  id: string
  note?: string | undefined
  /** Approve a rise at shorter notice than the market's, saying why (audited). */
  overrideNotice?: NoticeOverride | undefined
}): Promise<PriceChange> {
  const row = await lockedChange(tx, id)
  refuseUnlessStatus(row, 'pending_approval', 'approved')
  const uploader: Actor = { kind: row.created_by_kind as Actor['kind'], id: row.created_by }
  if (await access.samePerson({ tx, a: uploader, b: actor }))
    throw new CannotApproveOwnPriceChange(
      `You uploaded ${row.number}: a second pricing analyst must approve it (four-eyes)`,
    )
  if (!(row.effective_from > at))
    throw new PriceChangeTooLate(
      `Price change ${row.number} takes effect on ${row.effective_date}, which has begun: reject it and upload it with a later date`,
    )
  const prices = row.rates as unknown as PriceDiff[]
  const { notice } = await checkNotice({
    tx,
    number: row.number,
    prices,
    effectiveDate: row.effective_date,
    overrideNotice,
    at,
  })
  const { inserted, ended } = await setRates({
    tx,
    rates: prices.map((price) => ({
      tariffCode: price.tariffCode,
      kind: price.kind,
      paymentMethod: price.paymentMethod,
      valueExcVat: price.valueExcVat,
      valueIncVat: price.valueIncVat,
      validFrom: row.effective_from,
      validTo: null,
    })),
    endOpenRates: true,
    actor,
    at,
  })
  const decided = {
    status: 'published',
    decided_by_kind: actor.kind,
    decided_by: actor.id ?? actor.kind,
    decided_at: at,
    decision_note: note?.trim() || null,
  } as const
  await changeStore.updatePriceChange(tx, row.id, decided)
  await audit.record(tx, {
    actor,
    action: 'tariffs.price_change.published',
    subject: { type: 'price_change', id: row.id },
    before: { status: row.status },
    after: {
      number: row.number,
      status: 'published',
      effectiveDate: row.effective_date,
      submittedBy: row.created_by,
      rates: inserted,
      ended,
      note: decided.decision_note,
      ...(notice ? { notice } : {}),
    },
    at,
  })
  return toPriceChange({ ...row, ...decided })
}

/**
 * Reject a change waiting for approval (or a draft), with a note; its uploader may withdraw their own.
 * Nothing is published; the change is fixed afterwards.
 * @throws PriceChangeNotFound, PriceChangeNotPending, InvalidPriceChange without a note
 */
export async function rejectPriceChange({
  tx,
  id,
  note,
  actor,
  at,
}: Change & { id: string; note: string }): Promise<PriceChange> {
  const reason = note.trim()
  if (!reason || reason.length > 2000)
    throw new InvalidPriceChange('Say why the change is rejected', [{ path: 'note', message: '1 to 2000 characters' }])
  const row = await lockedChange(tx, id)
  if (row.status !== 'draft') refuseUnlessStatus(row, 'pending_approval', 'rejected')
  const decided = {
    status: 'rejected',
    submitted_at: row.submitted_at ?? at,
    decided_by_kind: actor.kind,
    decided_by: actor.id ?? actor.kind,
    decided_at: at,
    decision_note: reason,
  } as const
  await changeStore.updatePriceChange(tx, row.id, decided)
  await audit.record(tx, {
    actor,
    action: 'tariffs.price_change.rejected',
    subject: { type: 'price_change', id: row.id },
    before: { status: row.status },
    after: { number: row.number, status: 'rejected', note: reason },
    at,
  })
  return toPriceChange({ ...row, ...decided })
}

/** One price change with its diff. @throws PriceChangeNotFound */
export async function getPriceChange({ tx, id }: { tx: Db | Tx; id: string }): Promise<PriceChange> {
  const row = await changeStore.priceChangeById(tx, id)
  if (!row) throw new PriceChangeNotFound(`There is no price change ${id}`)
  return toPriceChange(row)
}

/** The newest price changes (at most `limit`, default 100), optionally of some statuses. */
export async function listPriceChanges({
  tx,
  statuses,
  limit = 100,
}: {
  tx: Db | Tx
  statuses?: readonly PriceChangeStatus[] | undefined
  limit?: number
}): Promise<PriceChange[]> {
  return (await changeStore.priceChangesList(tx, { statuses, limit })).map(toPriceChange)
}

/** A product of the catalogue as the pricing console lists it. */
export interface CatalogueProduct {
  readonly code: string
  readonly displayName: string
  readonly direction: string
  readonly structure: string
  readonly isVariable: boolean
  readonly term: number | null
  readonly availableFrom: Date
  readonly availableTo: Date | null
  readonly tariffCount: number
}

/** Every product by code, past and future ones included, with its number of tariffs. */
export async function catalogue({ tx }: { tx: Db | Tx }): Promise<CatalogueProduct[]> {
  return (await changeStore.catalogueRows(tx)).map((row) => ({
    code: row.code,
    displayName: row.display_name,
    direction: row.direction,
    structure: row.structure,
    isVariable: row.is_variable,
    term: row.term,
    availableFrom: row.available_from,
    availableTo: row.available_to,
    tariffCount: row.tariff_count,
  }))
}
