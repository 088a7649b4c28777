/**
 * Agreements (TAR-3): which tariff a meter point is on and when; starting one, changing tariff with
 * the exit fee a fixed product charges, each audited.
 */
import type { AccountChange, Tx } from '../../db/index.js'
import { Conflict, NotFound, ValidationFailed, withCode } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { addDays, daysBetween, localDateOf, monthDateRange, startOfLocalDay } from '../../shared/time.js'
import * as accounts from '../accounts/index.js'
import * as audit from '../audit/index.js'
import { isoOrNull, onHalfHour, type Problem } from './product-rules.js'
import { TariffNotFound } from './products.js'
import * as store from './store.js'
import type { Agreement } from './types.js'

export class InvalidAgreement extends withCode(ValidationFailed, 'INVALID_AGREEMENT') {}

export class AgreementOverlap extends withCode(Conflict, 'AGREEMENT_OVERLAP') {}

export class AgreementNotFound extends withCode(NotFound, 'AGREEMENT_NOT_FOUND') {}

export class AlreadyOnTariff extends withCode(Conflict, 'ALREADY_ON_TARIFF') {}

export class UnknownMeterPoint extends withCode(NotFound, 'UNKNOWN_METER_POINT') {}

/**
 * Ofgem: a domestic customer may leave a fixed-term contract without an exit fee in the last 49
 * days of its term (the switching window). Seed 002 only says the fixed IO Go has a £25 exit fee.
 */
export const exitFeeFreeDays = 49

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
}: AccountChange & {
  meterPointId: string
  tariffCode: string
  from: Date
  to?: Date | null | undefined
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
}: AccountChange & {
  meterPointId: string
  tariffCode: string
  from: Date
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
