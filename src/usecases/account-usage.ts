/**
 * What an agent sees of an account's supply: meter points with their tariff history, usage series
 * and register readings. Each is an account view, recorded in the audit log with what was shown.
 */
import * as accounts from '../modules/accounts/index.js'
import * as metering from '../modules/metering/index.js'
import * as tariffs from '../modules/tariffs/index.js'
import { type AccountCall, type AccountPageCall, type Allows, recordAccountView } from './account-view.js'
import { chargeExitFee } from './charge-exit-fee.js'

export interface AgreementView {
  readonly tariffCode: string
  readonly productCode: string
  readonly productName: string
  readonly validFrom: Date
  readonly validTo: Date | null
}

/**
 * The account's meter points, meters and registers, and, for a caller who may read tariffs, each
 * point's agreements (tariff history, newest first). A caller without `tariffs.tariff.read` (a field
 * technician) gets no `agreements` at all, and the view records that tariffs were not shown.
 */
export async function accountMeterPoints({
  tx,
  accountNumber,
  allows,
  actor,
  at,
}: AccountCall & {
  allows: Allows
}): Promise<(metering.MeterPointView & { gspRegionName: string | null; agreements?: AgreementView[] })[]> {
  const points = (await metering.meterPointsOfAccount({ tx, accountNumber })).map((point) => ({
    ...point,
    gspRegionName: point.gspRegion ? (accounts.gspRegionOf(point.gspRegion)?.name ?? null) : null,
  }))
  const showsTariffs = allows('tariffs.tariff.read')
  const agreements = showsTariffs
    ? await tariffs.agreementsOf({ tx, meterPointIds: points.map((point) => point.id) })
    : []
  const accountId = await metering.accountIdOf(tx, accountNumber)
  await recordAccountView(tx, { accountId, what: 'meter_points', context: { tariffs: showsTariffs }, actor, at })
  if (!showsTariffs) return points.map((point) => ({ ...point }))
  return points.map((point) => ({
    ...point,
    agreements: agreements
      .filter((agreement) => agreement.meterPointId === point.id)
      .map(({ tariffCode, productCode, productName, validFrom, validTo }) => ({
        tariffCode,
        productCode,
        productName,
        validFrom,
        validTo,
      }))
      .sort((a, b) => b.validFrom.getTime() - a.validFrom.getTime()),
  }))
}

/** Usage of one of the account's meter points between local dates. */
export async function accountUsage({
  tx,
  accountNumber,
  meterPoint,
  from,
  to,
  granularity,
  actor,
  at,
}: AccountCall & {
  meterPoint: string
  from: string
  to: string
  granularity: metering.Granularity
}) {
  const point = await metering.meterPointOfAccount({ tx, accountNumber, identifier: meterPoint })
  const series = await metering.usageSeries({ tx, meterPointId: point.meterPointId, from, to, granularity })
  await recordAccountView(tx, {
    accountId: point.accountId,
    what: 'usage',
    context: { meterPoint, from, to, granularity },
    actor,
    at,
  })
  return { direction: point.direction, fuel: point.fuel, ...series }
}

/** A page of the account's register readings, newest first. */
export async function accountReadings({
  tx,
  accountNumber,
  meterPoint,
  limit,
  cursor,
  actor,
  at,
}: AccountPageCall & {
  meterPoint?: string | undefined
}) {
  const page = await metering.listReadings({ tx, accountNumber, meterPoint, limit, cursor })
  const accountId = await metering.accountIdOf(tx, accountNumber)
  await recordAccountView(tx, { accountId, what: 'readings', context: { meterPoint: meterPoint ?? null }, actor, at })
  return page
}

/** Submit a reading on one of the account's meter points (the point must be on the account). */
export async function submitAccountReading({
  tx,
  accountNumber,
  meterPoint,
  reading,
  actor,
  at,
}: AccountCall & {
  meterPoint: string
  reading: { meterSerial: string; register: string; readAt: Date; value: string; source: metering.ReadingSource }
}): Promise<metering.Reading> {
  const point = await metering.meterPointOfAccount({ tx, accountNumber, identifier: meterPoint })
  return metering.submitReading({ tx, meterPointId: point.meterPointId, ...reading, actor, at })
}

/**
 * Move one of the account's meter points to another tariff from `from` (TAR-3): the current
 * agreement ends then, with the exit fee a fixed tariff owes if left early charged to the account
 * (`chargeExitFee`), and the new one starts.
 * @throws MeterPointNotOnAccount, TariffNotFound, AgreementNotFound, AlreadyOnTariff, InvalidAgreement
 */
export async function changeAccountTariff({
  tx,
  accountNumber,
  meterPoint,
  tariffCode,
  from,
  actor,
  at,
}: AccountCall & {
  meterPoint: string
  tariffCode: string
  from: Date
}) {
  const point = await metering.meterPointOfAccount({ tx, accountNumber, identifier: meterPoint })
  const change = await tariffs.changeTariff({
    tx,
    accountId: point.accountId,
    meterPointId: point.meterPointId,
    tariffCode,
    from,
    actor,
    at,
  })
  const exitFeeJournalId = await chargeExitFee({ tx, ended: change.ended, actor, at })
  return { ...change, exitFeeJournalId }
}
