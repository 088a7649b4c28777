/**
 * The Octopus-compatible read API's answers (API-2) for meter points, consumption, GSP lookup and
 * accounts, composed from the accounts, metering and tariffs modules. Field names follow the public
 * Octopus Energy REST API exactly; see DOMAIN.md.
 */
import type { Change, Tx } from '../db/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as audit from '../modules/audit/index.js'
import * as metering from '../modules/metering/index.js'
import * as tariffs from '../modules/tariffs/index.js'
import { localDateOf, startOfLocalDay, utcMidnight, withLocalOffset } from '../shared/time.js'
import type { AccountCall } from './account-view.js'

/** Where consumption starts when no `period_from` is given: before any half-hourly data in Britain. */
const allData = utcMidnight('2000-01-01')

/** `{gsp, mpan, profile_class}` for an electricity meter point, or undefined. */
export async function octopusMeterPoint({ tx, mpan }: { tx: Tx; mpan: string }) {
  const point = await metering.findMeterPoint({ tx, identifier: mpan })
  if (point?.fuel !== 'electricity') return undefined
  return {
    gsp: point.gspRegion,
    mpan: point.identifier,
    profile_class: point.profileClass ? Number(point.profileClass) : null,
  }
}

/** The GSP groups for a postcode (several when the postcode's area spans regions). */
export function octopusGspGroups(postcode: string | undefined): string[] {
  if (!postcode) return accounts.gspRegions.map((region) => region.code)
  return accounts.gspGroupsForPostcode(postcode)
}

/**
 * A page of consumption for a meter point's meter, or undefined when the point, its fuel or the
 * serial does not match. Rows never fall outside [periodFrom, periodTo): grouped buckets are
 * clipped to the window asked for, as clients drop anything outside it.
 */
export async function octopusConsumption({
  tx,
  fuel,
  identifier,
  serial,
  periodFrom,
  periodTo,
  groupBy,
  order,
  offset,
  limit,
  actor,
  at,
}: Change & {
  fuel: metering.Fuel
  identifier: string
  serial: string
  periodFrom: Date | undefined
  periodTo: Date | undefined
  groupBy: 'hour' | 'day' | 'week' | 'month' | 'quarter' | undefined
  order: 'asc' | 'desc'
  offset: number
  limit: number
}) {
  const point = await metering.findMeterPoint({ tx, identifier })
  if (!point || point.fuel !== fuel || !point.serials.includes(serial.toUpperCase())) return undefined
  const from = periodFrom ?? allData
  const to = periodTo ?? at
  if (to <= from) return { count: 0, results: [] }
  const page = await metering.consumptionPage({
    tx,
    meterPointId: point.id,
    from,
    to,
    granularity: groupBy ?? 'halfhour',
    order,
    offset,
    limit,
  })
  const accountId = await metering.accountSuppliedBy({ tx, meterPointId: point.id, date: localDateOf(at) })
  await audit.record(tx, {
    actor,
    action: 'metering.consumption.read',
    subject: { type: 'meter_point', id: point.id },
    accountId: accountId ?? null,
    context: { periodFrom: from.toISOString(), periodTo: to.toISOString(), groupBy: groupBy ?? null, offset, limit },
    at,
  })
  return {
    count: page.count,
    results: page.rows.map((row) => ({
      consumption: Number(row.kwh),
      interval_start: withLocalOffset(row.start < from ? from : row.start),
      interval_end: withLocalOffset(row.end > to ? to : row.end),
    })),
  }
}

/**
 * The account as Octopus shows it: its property with electricity and gas meter points, their
 * meters, registers and agreements. Recorded as an account view. Undefined when unknown.
 */
export async function octopusAccount({ tx, accountNumber, actor, at }: AccountCall) {
  const account = await accounts.findAccountSupply({ tx, accountNumber })
  if (!account) return undefined
  const points = await metering.meterPointsOfAccount({ tx, accountNumber })
  const agreements = await tariffs.agreementsOf({ tx, meterPointIds: points.map((point) => point.id) })
  await audit.record(tx, {
    actor,
    action: 'accounts.account.viewed',
    subject: { type: 'account', id: account.id },
    accountId: account.id,
    context: { sections: ['octopus_account'] },
    at,
  })
  const agreementsOf = (meterPointId: string) =>
    agreements
      .filter((agreement) => agreement.meterPointId === meterPointId)
      .sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime())
      .map((agreement) => ({
        tariff_code: agreement.tariffCode,
        valid_from: withLocalOffset(agreement.validFrom),
        valid_to: agreement.validTo ? withLocalOffset(agreement.validTo) : null,
      }))
  const consumptionStandard = (fuel: metering.Fuel) => metering.typicalAnnualKwh[fuel]
  const activeMeters = (point: metering.MeterPointView) => point.meters
  return {
    number: account.number,
    properties: [
      {
        id: account.property.id,
        moved_in_at: withLocalOffset(startOfLocalDay(account.openedOn)),
        moved_out_at: account.closedOn ? withLocalOffset(startOfLocalDay(account.closedOn)) : null,
        address_line_1: account.property.line1,
        address_line_2: account.property.line2 ?? '',
        address_line_3: '',
        town: account.property.town,
        county: '',
        postcode: account.property.postcode,
        electricity_meter_points: points
          .filter((point) => point.fuel === 'electricity')
          .map((point) => ({
            mpan: point.identifier,
            profile_class: point.profileClass ? Number(point.profileClass) : null,
            consumption_standard: consumptionStandard('electricity'),
            meters: activeMeters(point).map((meter) => ({
              serial_number: meter.serial,
              registers: meter.registers.map((register) => ({
                identifier: register.identifier,
                rate: octopusRate(register.rate),
                is_settlement_register: true,
              })),
            })),
            agreements: agreementsOf(point.id),
            is_export: point.direction === 'export',
          })),
        gas_meter_points: points
          .filter((point) => point.fuel === 'gas')
          .map((point) => ({
            mprn: point.identifier,
            consumption_standard: consumptionStandard('gas'),
            meters: activeMeters(point).map((meter) => ({ serial_number: meter.serial })),
            agreements: agreementsOf(point.id),
          })),
      },
    ],
  }
}

/** Octopus names register rates in capitals: STANDARD, DAY, NIGHT, … */
function octopusRate(rate: string): string {
  return rate.toUpperCase()
}
